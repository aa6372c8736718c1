// The house style of the ECharts options on the statistics pages and the home page: the app's CJK
// fonts, light split lines, a small legend at the top right and a shadow pointer on bar charts.

export const CHART_FONT = {
  fontFamily: 'PingFang SC, Microsoft YaHei, WenQuanYi Micro Hei, sans-serif',
}
export const SPLIT_LINE = { lineStyle: { color: '#eef1f5' } }
export const TOP_LEGEND = { top: 0, right: 0, itemWidth: 12, itemHeight: 10 }
export const BAR_TOOLTIP = { trigger: 'axis', axisPointer: { type: 'shadow' } }
