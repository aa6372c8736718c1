// Helpers of the notice document: totals over its units, when it is long enough to start each unit
// on a new page, and the columns of its lists of named hazards (its date: officialDate in
// utils/calendar.ts).
import type { Notice, NoticeItem, NoticeRow } from '@/api/hazards'

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
  // As the server's rows: closed off in the period out of those and the ones still open at its end.
  const due = s.closed_off + s.open
  s.rate = due > 0 ? s.closed_off / due : 0
  return s
}

/** Named hazards beyond which each unit starts on a new printed page. */
export const LONG_NOTICE = 25

export function noticeIsLong(n: Pick<Notice, 'rows'>): boolean {
  let named = 0
  for (const r of n.rows) named += r.overdue_items.length + r.closed_items.length
  return named > LONG_NOTICE && n.rows.length > 1
}

/** A unit's two lists of named hazards: those overdue and those closed off. */
export type NoticeItemKind = 'overdue' | 'closed'
export type NoticeItemColumn =
  'code' | 'where' | 'sector' | 'grade' | 'deadline' | 'days_overdue' | 'closed_off_at'

/** The columns of each list, in order (one definition for both tables). */
export const NOTICE_ITEM_COLUMNS: Record<NoticeItemKind, readonly NoticeItemColumn[]> = {
  overdue: ['code', 'where', 'sector', 'grade', 'deadline', 'days_overdue'],
  closed: ['code', 'where', 'sector', 'grade', 'closed_off_at'],
}

/** The message of each column's heading. */
export const NOTICE_COLUMN_LABELS: Record<NoticeItemColumn, string> = {
  code: 'hazards.code',
  where: 'hazards.enterpriseOrSite',
  sector: 'hazards.sector',
  grade: 'hazards.grade',
  deadline: 'hazards.deadline',
  days_overdue: 'notices.daysOverdue',
  closed_off_at: 'hazards.closedOffAt',
}

/** The lists a unit's section shows, the empty ones left out. */
export function itemLists(r: Pick<NoticeRow, 'overdue_items' | 'closed_items'>) {
  const lists: { kind: NoticeItemKind; items: NoticeItem[] }[] = [
    { kind: 'overdue', items: r.overdue_items },
    { kind: 'closed', items: r.closed_items },
  ]
  return lists.filter((l) => l.items.length > 0)
}
