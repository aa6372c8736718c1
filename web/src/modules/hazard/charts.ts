// ECharts options of the hazard statistics, built from GET /api/v1/hazards/stats.
import type { EChartsCoreOption } from 'echarts/core'
import type { Figures, HazardState, HazardStats } from '@/api/hazards'
import { HAZARD_STATES } from '@/api/hazards'
import { BAR_TOOLTIP, CHART_FONT, SPLIT_LINE, TOP_LEGEND } from '@/utils/charts'
import { STATE_HEX } from './model'

const GRID = { left: 8, right: 24, top: 36, bottom: 4, containLabel: true }

export interface Named<T> {
  name: string
  key: string
  f: T
}

/** Rectification rate (%) per row, horizontal bars, lowest first at the top of the reading. */
export function rateBars(rows: Named<Figures>[], label: string): EChartsCoreOption {
  const sorted = [...rows].sort((a, b) => b.f.rate - a.f.rate)
  return {
    textStyle: CHART_FONT,
    tooltip: { ...BAR_TOOLTIP, valueFormatter: (v: number) => `${v}%` },
    grid: { ...GRID, top: 10 },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' }, splitLine: SPLIT_LINE },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisTick: { show: false } },
    series: [
      {
        name: label,
        type: 'bar',
        barMaxWidth: 14,
        data: sorted.map((r) => ({
          value: Math.round(r.f.rate * 1000) / 10,
          itemStyle: { color: r.f.rate < 0.6 ? '#d7263d' : r.f.rate < 0.8 ? '#f27a1a' : '#1a8f4c' },
        })),
        label: { show: true, position: 'right', formatter: '{c}%', fontSize: 11 },
      },
    ],
  }
}

/** Open and overdue hazards per row (stacked: overdue within open). */
export function openOverdueBars(
  rows: Named<Figures>[],
  labels: { open: string; overdue: string },
): EChartsCoreOption {
  const sorted = [...rows].sort((a, b) => a.f.overdue - b.f.overdue || a.f.open - b.f.open)
  return {
    textStyle: CHART_FONT,
    tooltip: BAR_TOOLTIP,
    legend: TOP_LEGEND,
    grid: GRID,
    xAxis: { type: 'value', minInterval: 1, splitLine: SPLIT_LINE },
    yAxis: { type: 'category', data: sorted.map((r) => r.name), axisTick: { show: false } },
    series: [
      {
        name: labels.overdue,
        type: 'bar',
        stack: 'open',
        barMaxWidth: 14,
        itemStyle: { color: '#d7263d' },
        data: sorted.map((r) => r.f.overdue),
      },
      {
        name: labels.open,
        type: 'bar',
        stack: 'open',
        barMaxWidth: 14,
        itemStyle: { color: '#8fb7e8' },
        data: sorted.map((r) => r.f.open - r.f.overdue),
      },
    ],
  }
}

export function statePie(
  byState: HazardStats['by_state'],
  name: (s: HazardState) => string,
): EChartsCoreOption {
  return {
    textStyle: CHART_FONT,
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle', itemWidth: 12 },
    series: [
      {
        type: 'pie',
        radius: ['38%', '68%'],
        center: ['36%', '50%'],
        avoidLabelOverlap: true,
        label: { show: false },
        data: HAZARD_STATES.map((s) => ({
          name: name(s),
          value: byState[s] ?? 0,
          itemStyle: { color: STATE_HEX[s] },
        })),
      },
    ],
  }
}

export function monthLines(
  months: HazardStats['months'],
  labels: { found: string; closed: string },
): EChartsCoreOption {
  return {
    textStyle: CHART_FONT,
    tooltip: { trigger: 'axis' },
    legend: TOP_LEGEND,
    grid: GRID,
    xAxis: {
      type: 'category',
      data: months.map((m) => m.month),
      axisTick: { alignWithLabel: true },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: SPLIT_LINE },
    series: [
      {
        name: labels.found,
        type: 'bar',
        barMaxWidth: 18,
        itemStyle: { color: '#f27a1a' },
        data: months.map((m) => m.found),
      },
      {
        name: labels.closed,
        type: 'line',
        smooth: true,
        symbolSize: 6,
        itemStyle: { color: '#1a8f4c' },
        data: months.map((m) => m.closed_off),
      },
    ],
  }
}
