// The logic behind the phone layout and the forms that help: the number on the 筛选 button, why a
// date field refuses a day, and what the header's connection badge says.
import { describe, expect, it } from 'vitest'
import { activeFilterCount } from '@/utils/listQuery'
import { dayRefusal, endOfDay, parseDay, parseDateTime } from '@/utils/calendar'
import { badgeState, isOffline } from '@/layouts/connection'
import { HAZARD_FILTER_DEFAULTS } from '@/modules/hazard/filters'
import { ENTERPRISE_FILTER_DEFAULTS } from '@/modules/enterprise/filters'

describe('activeFilterCount', () => {
  const together = [['found_from', 'found_to']] as const

  it('is 0 for the defaults, and leaves out the search box and the sort', () => {
    expect(activeFilterCount(HAZARD_FILTER_DEFAULTS, HAZARD_FILTER_DEFAULTS)).toBe(0)
    const f = { ...HAZARD_FILTER_DEFAULTS, q: '消防', sort: 'deadline' }
    expect(activeFilterCount(f, HAZARD_FILTER_DEFAULTS, { together })).toBe(0)
  })

  it('counts each filter that differs from its default once', () => {
    const f = { ...HAZARD_FILTER_DEFAULTS, grade: 'major', state: 'assigned,rectifying' }
    expect(activeFilterCount(f, HAZARD_FILTER_DEFAULTS, { together })).toBe(2)
  })

  it('counts a date range as one filter, whether one or both ends are set', () => {
    const both = { ...HAZARD_FILTER_DEFAULTS, found_from: '1', found_to: '2' }
    expect(activeFilterCount(both, HAZARD_FILTER_DEFAULTS, { together })).toBe(1)
    const end = { ...HAZARD_FILTER_DEFAULTS, found_to: '2', overdue: 'true' }
    expect(activeFilterCount(end, HAZARD_FILTER_DEFAULTS, { together })).toBe(2)
    // Without grouping the two ends are two.
    expect(activeFilterCount(both, HAZARD_FILTER_DEFAULTS)).toBe(2)
  })

  it('counts a filter moved away from a non-empty default (all enterprises, not only active)', () => {
    expect(activeFilterCount(ENTERPRISE_FILTER_DEFAULTS, ENTERPRISE_FILTER_DEFAULTS)).toBe(0)
    const f = { ...ENTERPRISE_FILTER_DEFAULTS, active: '', risk_color: 'red' }
    expect(activeFilterCount(f, ENTERPRISE_FILTER_DEFAULTS)).toBe(2)
  })

  it('leaves out what the page asks it to ignore', () => {
    const f = { ...HAZARD_FILTER_DEFAULTS, supervision: 'city', source: 'inspection' }
    expect(
      activeFilterCount(f, HAZARD_FILTER_DEFAULTS, { ignore: ['q', 'sort', 'supervision'] }),
    ).toBe(1)
  })
})

describe('dayRefusal (why a date field refuses a day, in China days)', () => {
  const today = parseDay('2026-12-07')!
  const noonToday = parseDateTime('2026-12-07 12:00:00')!

  it('refuses days that end before notBefore as early, and takes the day of notBefore itself', () => {
    expect(dayRefusal(parseDay('2026-12-06')!, noonToday, null)).toBe('early')
    expect(dayRefusal(today, noonToday, null)).toBeNull()
    expect(dayRefusal(parseDay('2027-01-01')!, noonToday, null)).toBeNull()
  })

  it('refuses days that start after notAfter as late (a plan after the slip’s deadline)', () => {
    const slip = endOfDay(parseDay('2026-12-20')!)
    expect(dayRefusal(parseDay('2026-12-20')!, noonToday, slip)).toBeNull()
    expect(dayRefusal(parseDay('2026-12-21')!, noonToday, slip)).toBe('late')
    expect(dayRefusal(parseDay('2026-12-01')!, noonToday, slip)).toBe('early')
  })

  it('takes every day without limits', () => {
    expect(dayRefusal(parseDay('1999-01-01')!, null, null)).toBeNull()
  })
})

describe('the connection badge', () => {
  it('says offline when the browser has no network, whatever the socket says', () => {
    expect(badgeState(false, 'open')).toBe('offline')
    expect(isOffline(badgeState(false, 'open'))).toBe(true)
  })

  it('reads as offline while the socket is closed and waiting, and live again when it opens', () => {
    expect(isOffline(badgeState(true, 'waiting'))).toBe(true)
    expect(badgeState(true, 'open')).toBe('open')
    expect(isOffline(badgeState(true, 'open'))).toBe(false)
    expect(isOffline(badgeState(true, 'connecting'))).toBe(false)
  })
})
