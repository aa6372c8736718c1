// Helpers of the notice document: totals over its units, and when it is long enough to start each
// unit on a new page (its date: officialDate in utils/calendar.ts).
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
