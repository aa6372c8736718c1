// Helpers of the notice document: totals over its units, when it is long enough to start each
// unit on a new page, and the date written the official way.
import type { Notice } from '@/api/hazards'

export interface NoticeTotals {
  found: number
  closed_off: number
  open: number
  overdue: number
  rate: number
}

export function noticeTotals(n: Pick<Notice, 'rows'>): NoticeTotals {
  const s = { found: 0, closed_off: 0, open: 0, overdue: 0, rate: 0 }
  for (const r of n.rows) {
    s.found += r.found
    s.closed_off += r.closed_off
    s.open += r.open
    s.overdue += r.overdue
  }
  s.rate = s.found > 0 ? s.closed_off / s.found : 0
  return s
}

/** Named hazards beyond which each unit starts on a new printed page. */
export const LONG_NOTICE = 25

export function noticeIsLong(n: Pick<Notice, 'rows'>): boolean {
  let named = 0
  for (const r of n.rows) named += r.overdue_items.length + r.closed_items.length
  return named > LONG_NOTICE && n.rows.length > 1
}

/** "2026年11月29日" (zh) or "29 November 2026" (en), in the browser's time zone. */
export function officialDate(ms: number, locale: 'zh-CN' | 'en'): string {
  const d = new Date(ms)
  if (locale === 'en') {
    return new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(d)
  }
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}
