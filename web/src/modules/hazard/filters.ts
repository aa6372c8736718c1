// The hazard list's filters: defaults, allowed values, the date range and the views that are
// filters with a name (the major hazard list, 一单).
import {
  GRADES,
  HAZARD_SOURCES,
  HAZARD_STATES,
  type HazardFilter,
  type HazardState,
} from '@/api/hazards'
import { endOfDay, startOfDay, startOfNextDay } from '@/utils/calendar'

export const HAZARD_FILTER_DEFAULTS: HazardFilter = {
  jurisdiction: '',
  sector: '',
  grade: '',
  state: '',
  overdue: '',
  open: '',
  source: '',
  supervision: '',
  enterprise_id: '',
  found_from: '',
  found_to: '',
  q: '',
  sort: '-found_at',
}

/** The fixed choices of the list's filters shown by their own words: value → message. */
export const HAZARD_FILTER_CHOICES = {
  open: { true: 'hazards.openOnly', false: 'hazards.closedOnly' },
  overdue: { true: 'hazards.overdue', false: 'hazards.notOverdue' },
  sort: {
    '-found_at': 'hazards.sort.found',
    deadline: 'hazards.sort.deadline',
    id: 'hazards.sort.id',
  },
} as const satisfies Partial<Record<keyof HazardFilter, Record<string, string>>>

export const HAZARD_FILTER_ALLOWED: Partial<Record<keyof HazardFilter, readonly string[]>> = {
  grade: GRADES,
  overdue: Object.keys(HAZARD_FILTER_CHOICES.overdue),
  open: Object.keys(HAZARD_FILTER_CHOICES.open),
  source: HAZARD_SOURCES,
  supervision: ['county', 'city', 'province'],
  sort: Object.keys(HAZARD_FILTER_CHOICES.sort),
}

/** The states of a comma list that are states (unknown ones dropped), in the loop's order. */
export function statesOf(text: string): HazardState[] {
  const wanted = new Set(text.split(',').map((s) => s.trim()))
  return HAZARD_STATES.filter((s) => wanted.has(s))
}

/**
 * The picked days [00:00 of the first, 23:59:59.999 of the last] (China time, DateRangeField) → the
 * API's half-open range found_from ≤ found_at < found_to, i.e. to 00:00 of the day after the last.
 */
export function rangeToFilter(days: [number, number] | null): {
  found_from: string
  found_to: string
} {
  if (!days) return { found_from: '', found_to: '' }
  const [a, b] = days
  return { found_from: String(startOfDay(a)), found_to: String(startOfNextDay(b)) }
}

/** The filter's range back as the picker's [first day, last day]; null when not set. */
export function filterToRange(
  f: Pick<HazardFilter, 'found_from' | 'found_to'>,
): [number, number] | null {
  const a = Number(f.found_from)
  const b = Number(f.found_to)
  if (!f.found_from || !f.found_to || !Number.isFinite(a) || !Number.isFinite(b) || b <= a)
    return null
  return [startOfDay(a), endOfDay(b - 1)]
}

/** The major hazard list (一单): open major hazards, by supervision level when one is given. */
export function majorListQuery(
  level: '' | 'county' | 'city' | 'province' = '',
): Record<string, string> {
  const q: Record<string, string> = { grade: 'major', open: 'true' }
  if (level) q.supervision = level
  return q
}
