// The to-do inbox (待办, work items): the server's JSON and one function per endpoint.
import { api } from '@/api/client'

export type WorkSource = 'hazard' | 'duty'
export const WORK_SOURCES: readonly WorkSource[] = ['hazard', 'duty']

/** Whose move it is: an enterprise, a county-level unit or the city. */
export type Party = 'enterprise' | 'unit' | 'city'

export type InboxFilter = 'overdue' | 'due_soon' | 'urgent'
export const INBOX_FILTERS: readonly InboxFilter[] = ['overdue', 'due_soon', 'urgent']

/** One thing waiting on the caller. `kind` is open-ended: the UI names those it knows. */
export interface WorkItem {
  id: number
  source: WorkSource | string
  /** The record's id in its module. */
  ref: number
  kind: string
  /** The record in words (its code and what it is about): data, shown as it comes. */
  title: string
  /** The web page of the record, e.g. "/hazards/12". */
  link: string
  jurisdiction: string
  /** The county-level unit (or park) the record lies in. */
  unit: string
  sector: string | null
  enterprise_id: number | null
  party: Party | string
  due: number | null
  overdue: boolean
  /** Due within 3 days and not yet passed. */
  due_soon: boolean
  urgent: boolean
  /** When it began to wait. */
  since: number
}

/** Over all the caller's items, whatever the list's filter. */
export interface InboxCounts {
  total: number
  overdue: number
  due_soon: number
  urgent: number
}

export interface InboxPage {
  items: WorkItem[]
  next_cursor: string | null
  counts: InboxCounts
}

export interface InboxSummary {
  counts: InboxCounts
  /** The highest item id the caller may see (null: none yet); it grows when an item opens. */
  newest_id: number | null
}

export interface InboxQuery {
  filter?: InboxFilter | ''
  source?: WorkSource | ''
  cursor?: string | null
  /** 1–200; the server's default is 50. */
  limit?: number
}

/** Urgent first, then by due (earliest first, none last), then oldest first. */
export const listInbox = (q: InboxQuery = {}) =>
  api.get<InboxPage>('/api/v1/inbox', {
    filter: q.filter,
    source: q.source,
    cursor: q.cursor,
    limit: q.limit,
  })

/** The counts and the newest id only (cheap: the header's badge). */
export const getInboxSummary = () => api.get<InboxSummary>('/api/v1/inbox/summary')
