// The inbox as the UI needs it: the kinds it names, the list's filters, and the pure decisions —
// which items are new since the last look, which call for the alarm, whether a browser
// notification goes out.
import type { InboxCounts, InboxFilter, WorkItem } from './api'
import { INBOX_FILTERS, WORK_SOURCES } from './api'

/** The kinds the UI has words for (inbox.kinds.<kind>, inbox.hints.<kind>); others show as sent. */
export const KNOWN_KINDS = [
  'hazard.assess',
  'hazard.assign',
  'hazard.start_rectification',
  'hazard.request_acceptance',
  'hazard.accept',
  'hazard.close_off',
  'hazard.overdue_major',
  'duty.answer',
  'duty.receive_intake',
] as const
export type KnownKind = (typeof KNOWN_KINDS)[number]

export function isKnownKind(kind: string): kind is KnownKind {
  return (KNOWN_KINDS as readonly string[]).includes(kind)
}

/** The message of a kind's tag, or null for a kind the UI does not know (show the kind itself). */
export function kindKey(kind: string): string | null {
  return isKnownKind(kind) ? `inbox.kinds.${kind}` : null
}

/** The message saying what is to be done, or null for an unknown kind. */
export function hintKey(kind: string): string | null {
  return isKnownKind(kind) ? `inbox.hints.${kind}` : null
}

export type TagType = 'primary' | 'success' | 'warning' | 'danger' | 'info'

/** The colour of a kind's tag: alarms red, duty blue, hazards orange, anything else grey. */
export function kindTone(kind: string): TagType {
  if (kind === 'hazard.overdue_major' || kind === 'duty.answer') return 'danger'
  if (kind.startsWith('duty.')) return 'primary'
  if (kind.startsWith('hazard.')) return 'warning'
  return 'info'
}

// --- the list's filters (in the address) ---------------------------------------------------------

export type InboxListFilter = { filter: string; source: string }

export const INBOX_FILTER_DEFAULTS: InboxListFilter = { filter: '', source: '' }

export const INBOX_FILTER_ALLOWED: Partial<Record<keyof InboxListFilter, readonly string[]>> = {
  filter: INBOX_FILTERS,
  source: WORK_SOURCES,
}

/** The tabs: all, then each filter, with the count each shows. */
export const INBOX_TABS: readonly ('' | InboxFilter)[] = ['', ...INBOX_FILTERS]

export function countOf(counts: InboxCounts | null | undefined, tab: '' | InboxFilter): number {
  if (!counts) return 0
  return tab === '' ? counts.total : counts[tab]
}

// --- decisions ------------------------------------------------------------------------------------

/** The items opened after `afterId` (ids grow as items open), oldest first. */
export function newSince(items: readonly WorkItem[], afterId: number): WorkItem[] {
  return items.filter((i) => i.id > afterId).sort((a, b) => a.id - b.id)
}

/** Urgent kinds with an alarm of their own: a ringing spot-check call rings on the duty phone. */
export const ALARMED_ELSEWHERE: ReadonlySet<string> = new Set(['duty.answer'])

/**
 * What the alarm shows: of the urgent items open now, those not acknowledged in this tab and not
 * alarmed elsewhere, in the inbox's order.
 */
export function alarmsOf(
  urgentOpen: readonly WorkItem[],
  acknowledged: ReadonlySet<number>,
): WorkItem[] {
  return urgentOpen.filter(
    (i) => i.urgent && !acknowledged.has(i.id) && !ALARMED_ELSEWHERE.has(i.kind),
  )
}

/** Whether the alarm sounds: it shows an item it did not show before. */
export function soundsFor(before: readonly WorkItem[], after: readonly WorkItem[]): boolean {
  const shown = new Set(before.map((i) => i.id))
  return after.some((i) => !shown.has(i.id))
}

export type NotificationState = NotificationPermission | 'unsupported'

/** Browser notifications go out for new items only when allowed and the tab is not looked at. */
export function shouldNotify(permission: NotificationState, hidden: boolean): boolean {
  return permission === 'granted' && hidden
}

/** Whether two summaries differ (the lists showing the inbox load again). */
export function summaryChanged(
  a: { counts: InboxCounts; newest_id: number | null } | null,
  b: { counts: InboxCounts; newest_id: number | null },
): boolean {
  if (!a) return true
  return (
    a.newest_id !== b.newest_id ||
    a.counts.total !== b.counts.total ||
    a.counts.overdue !== b.counts.overdue ||
    a.counts.due_soon !== b.counts.due_soon ||
    a.counts.urgent !== b.counts.urgent
  )
}

/** A kind in words (the kind itself when the UI does not know it). */
export function kindLabel(kind: string, t: (key: string) => string): string {
  const key = kindKey(kind)
  return key ? t(key) : kind
}
