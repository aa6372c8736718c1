// ECharts options of the duty rooms' spot-check statistics (GET /api/v1/duty/room-stats).
import type { EChartsCoreOption } from 'echarts/core'
import { BAR_TOOLTIP, CHART_FONT, SPLIT_LINE, TOP_LEGEND } from '@/utils/charts'
import type { RoomStats } from './api'

export interface NamedStats {
  name: string
  s: RoomStats
}

/** Colour of an answer rate: red below 80 %, orange below 95 %, else green. */
export function rateColor(rate: number | null): string {
  if (rate === null) return '#b7c0cc'
  return rate < 0.8 ? '#d7263d' : rate < 0.95 ? '#f27a1a' : '#1a8f4c'
}

/** What the charts per room share: the rooms along the x axis (slanted when many), the legend. */
function byRoom(rows: NamedStats[]) {
  return {
    textStyle: CHART_FONT,
    tooltip: BAR_TOOLTIP,
    legend: TOP_LEGEND,
    grid: { left: 8, right: 8, top: 36, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisTick: { show: false },
      axisLabel: {
        interval: 0,
        rotate: rows.length > 10 ? 30 : 0,
        width: 84,
        overflow: 'truncate',
      },
    },
  }
}

/** Answer rate (%) as bars and mean connect time (s) as a line, per room (rooms never checked: no bar). */
export function answerChart(
  rows: NamedStats[],
  labels: { rate: string; connect: string; seconds: string },
): EChartsCoreOption {
  return {
    ...byRoom(rows),
    yAxis: [
      { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: SPLIT_LINE },
      {
        type: 'value',
        axisLabel: { formatter: `{value} ${labels.seconds}` },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: labels.rate,
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((r) => ({
          value: r.s.answer_rate === null ? null : Math.round(r.s.answer_rate * 1000) / 10,
          itemStyle: { color: rateColor(r.s.answer_rate) },
        })),
        label: { show: true, position: 'top', formatter: '{c}%', fontSize: 10 },
      },
      {
        name: labels.connect,
        type: 'line',
        yAxisIndex: 1,
        symbolSize: 6,
        itemStyle: { color: '#1f6fd1' },
        connectNulls: false,
        data: rows.map((r) =>
          r.s.mean_connect_ms === null ? null : Math.round(r.s.mean_connect_ms / 100) / 10,
        ),
      },
    ],
  }
}

/** Outcomes per room, stacked: good, needs improvement, criticised, no answer. */
export function outcomeChart(
  rows: NamedStats[],
  labels: { good: string; needs: string; criticised: string; noAnswer: string },
): EChartsCoreOption {
  const series = [
    { key: 'good', name: labels.good, color: '#1a8f4c', v: (s: RoomStats) => s.good },
    {
      key: 'needs',
      name: labels.needs,
      color: '#e9b600',
      v: (s: RoomStats) => s.needs_improvement,
    },
    {
      key: 'criticised',
      name: labels.criticised,
      color: '#d7263d',
      v: (s: RoomStats) => s.criticised,
    },
    { key: 'no', name: labels.noAnswer, color: '#7b8799', v: (s: RoomStats) => s.no_answer },
  ]
  return {
    ...byRoom(rows),
    yAxis: { type: 'value', minInterval: 1, splitLine: SPLIT_LINE },
    series: series.map((x) => ({
      name: x.name,
      type: 'bar',
      stack: 'outcome',
      barMaxWidth: 22,
      itemStyle: { color: x.color },
      data: rows.map((r) => x.v(r.s)),
    })),
  }
}
