// Formatting of numbers for display (times and dates: utils/calendar.ts, China time).

/** A share 0..1 as a percentage with one decimal ("81.5%"). */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—'
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`
}

export function formatNumber(n: number | null | undefined, locale: string): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—'
  return new Intl.NumberFormat(locale).format(n)
}

/** Byte length of a string in UTF-8 (the server counts field limits in bytes). */
export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length
}
