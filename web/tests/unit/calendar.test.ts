// The one calendar (China time, whatever the zone): instants ⇄ China wall-clock parts, days, weeks,
// months and years at their edges, writing and reading times, and the date fields that turn the
// pickers' wall-time strings into instants. `npm test` runs this file under TZ=UTC and under
// TZ=America/New_York (scripts/test-zones.mjs): the answers must not change.
/* eslint-disable vue/one-component-per-file -- a stand-in el-date-picker beside its host */
import { afterEach, describe, expect, it } from 'vitest'
import {
  createApp,
  defineComponent,
  h,
  nextTick,
  ref,
  type App,
  type Component,
  type Ref,
} from 'vue'
import {
  addDays,
  addMonths,
  atTime,
  chinaParts,
  chinaTime,
  daysInMonth,
  endOfDay,
  formatClock,
  formatDate,
  formatHm,
  formatMinute,
  formatMonthDay,
  formatMonthDayTime,
  formatTime,
  fromPicker,
  monthKey,
  officialDate,
  parseDateTime,
  parseDay,
  parseHttpDate,
  pickerCellDay,
  pickerDate,
  pickerDisabled,
  sameDay,
  startOfDay,
  startOfMonth,
  startOfNextDay,
  startOfWeek,
  startOfYear,
  toPicker,
  weekdayName,
  yearOf,
} from '@/utils/calendar'
import { serverNow } from '@/utils/serverTime'
import DateField from '@/components/DateField.vue'
import DateRangeField from '@/components/DateRangeField.vue'

/** 2026-12-31T16:00:00Z: 00:00 on 1 January 2027 in China, still 2026 in UTC and in New York. */
const NEW_YEAR = 1798732800000
const H = 3600_000

describe('the zone the tests run in', () => {
  // The runner sets TZ; this proves the worker really runs in it (and so that the calendar's
  // answers below do not depend on it).
  const zone = process.env.TZ
  const offsets: Record<string, number> = { UTC: 0, 'America/New_York': 300 }
  it.runIf(zone !== undefined && zone in offsets)('is the one TZ names', () => {
    // eslint-disable-next-line no-restricted-properties -- the browser zone itself is under test
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone)
    // eslint-disable-next-line no-restricted-properties -- the browser zone itself is under test
    expect(new Date(NEW_YEAR).getTimezoneOffset()).toBe(offsets[zone!])
  })
})

describe('instants and China wall-clock parts', () => {
  it('reads the new year of China at 16:00 UTC on 31 December', () => {
    expect(chinaParts(NEW_YEAR)).toEqual({
      year: 2027,
      month: 1,
      day: 1,
      hour: 0,
      minute: 0,
      second: 0,
      millisecond: 0,
      weekday: 5, // a Friday
    })
    expect(chinaParts(NEW_YEAR - 1)).toMatchObject({ year: 2026, month: 12, day: 31, hour: 23 })
    expect(chinaTime(2027, 1, 1)).toBe(NEW_YEAR)
    expect(chinaTime(2026, 12, 7, 8)).toBe(Date.UTC(2026, 11, 7, 0))
  })

  it('carries parts over as a calendar does', () => {
    expect(chinaTime(2026, 12, 32)).toBe(NEW_YEAR)
    expect(chinaTime(2027, 3, 0)).toBe(chinaTime(2027, 2, 28))
    expect(chinaTime(2026, 13, 1)).toBe(NEW_YEAR)
    expect(chinaParts(chinaTime(99, 1, 1)).year).toBe(99)
  })

  it('knows the months’ lengths, leap years included', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2026, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
    expect(daysInMonth(2028, 2)).toBe(29)
    expect(daysInMonth(2100, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
  })
})

describe('days, weeks, months and years', () => {
  it('puts 2026-12-31T16:00:00Z in 2027 in every label, bucket, week, month and year', () => {
    expect(formatDate(NEW_YEAR)).toBe('2027-01-01')
    expect(formatTime(NEW_YEAR)).toBe('2027-01-01 00:00:00')
    expect(monthKey(NEW_YEAR)).toBe('2027-01')
    expect(yearOf(NEW_YEAR)).toBe(2027)
    expect(startOfDay(NEW_YEAR)).toBe(NEW_YEAR)
    expect(startOfMonth(NEW_YEAR)).toBe(NEW_YEAR)
    expect(startOfYear(NEW_YEAR)).toBe(NEW_YEAR)
    expect(startOfYear(NEW_YEAR - 1)).toBe(chinaTime(2026, 1, 1))
    expect(officialDate(NEW_YEAR, 'zh-CN')).toBe('2027年1月1日')
    expect(weekdayName(NEW_YEAR, 'zh-CN')).toBe('周五')
    // Its week began on Monday 28 December 2026.
    expect(formatDate(startOfWeek(NEW_YEAR))).toBe('2026-12-28')
    // One millisecond earlier is still 2026 everywhere.
    expect(formatDate(NEW_YEAR - 1)).toBe('2026-12-31')
    expect(monthKey(NEW_YEAR - 1)).toBe('2026-12')
    expect(yearOf(NEW_YEAR - 1)).toBe(2026)
  })

  it('gives a China day its first and last millisecond', () => {
    const noon = chinaTime(2026, 12, 7, 12, 30)
    expect(startOfDay(noon)).toBe(chinaTime(2026, 12, 7))
    expect(startOfDay(noon)).toBe(Date.UTC(2026, 11, 6, 16))
    expect(endOfDay(noon)).toBe(chinaTime(2026, 12, 7, 23, 59, 59, 999))
    expect(startOfNextDay(noon)).toBe(chinaTime(2026, 12, 8))
    expect(endOfDay(endOfDay(noon))).toBe(endOfDay(noon))
    expect(atTime(noon, 8)).toBe(chinaTime(2026, 12, 7, 8))
    expect(atTime(noon, 20, 30)).toBe(chinaTime(2026, 12, 7, 20, 30))
    // Before 1970 as well (instants below zero).
    expect(formatTime(startOfDay(-1))).toBe('1970-01-01 00:00:00')
  })

  it('tells whether two instants share a China day', () => {
    expect(sameDay(NEW_YEAR, NEW_YEAR + 23 * H)).toBe(true)
    expect(sameDay(NEW_YEAR - 1, NEW_YEAR)).toBe(false)
    // 15:00 and 17:00 UTC on one UTC day fall on two China days.
    expect(sameDay(Date.UTC(2026, 11, 31, 15), Date.UTC(2026, 11, 31, 17))).toBe(false)
  })

  it('starts weeks on Monday, across the year boundary too', () => {
    expect(formatDate(startOfWeek(chinaTime(2027, 1, 3, 23, 59)))).toBe('2026-12-28') // Sunday
    expect(formatDate(startOfWeek(chinaTime(2027, 1, 4)))).toBe('2027-01-04') // Monday
    expect(formatDate(startOfWeek(chinaTime(2027, 1, 4) - 1))).toBe('2026-12-28')
    // Monday 00:30 in China is Sunday 16:30 UTC: still the new week.
    expect(formatDate(startOfWeek(Date.UTC(2027, 0, 3, 16, 30)))).toBe('2027-01-04')
    expect(startOfWeek(chinaTime(2026, 12, 28))).toBe(chinaTime(2026, 12, 28))
  })

  it('adds days and months on the China calendar', () => {
    expect(addDays(chinaTime(2026, 12, 31, 8), 1)).toBe(chinaTime(2027, 1, 1, 8))
    expect(addDays(chinaTime(2028, 3, 1), -1)).toBe(chinaTime(2028, 2, 29))
    // 31 January + 1 month: the last day of February.
    expect(formatDate(addMonths(chinaTime(2027, 1, 31), 1))).toBe('2027-02-28')
    expect(formatDate(addMonths(chinaTime(2028, 1, 31), 1))).toBe('2028-02-29')
    expect(formatDate(addMonths(chinaTime(2028, 2, 29), 12))).toBe('2029-02-28')
    expect(formatDate(addMonths(chinaTime(2026, 3, 31), 1))).toBe('2026-04-30')
    expect(formatDate(addMonths(chinaTime(2026, 4, 30), 1))).toBe('2026-05-30')
    expect(formatDate(addMonths(chinaTime(2026, 12, 15), 1))).toBe('2027-01-15')
    expect(formatDate(addMonths(chinaTime(2027, 1, 15), -1))).toBe('2026-12-15')
    expect(formatDate(addMonths(chinaTime(2027, 1, 15), -25))).toBe('2024-12-15')
    expect(formatTime(addMonths(chinaTime(2027, 1, 31, 23, 59, 59), 1))).toBe('2027-02-28 23:59:59')
  })

  it('keys months and gives month starts at the month ends', () => {
    expect(monthKey(chinaTime(2027, 1, 31, 23, 59, 59, 999))).toBe('2027-01')
    expect(monthKey(chinaTime(2027, 2, 1))).toBe('2027-02')
    expect(monthKey(chinaTime(2028, 2, 29, 12))).toBe('2028-02')
    expect(monthKey(chinaTime(2026, 4, 30, 23, 59))).toBe('2026-04')
    expect(monthKey(chinaTime(2026, 4, 30, 23, 59) + H)).toBe('2026-05')
    expect(startOfMonth(chinaTime(2028, 2, 29, 12))).toBe(chinaTime(2028, 2, 1))
  })
})

describe('writing times', () => {
  it('writes times near midnight on the China day', () => {
    const late = chinaTime(2026, 6, 30, 23, 59, 59, 999)
    expect(formatTime(late)).toBe('2026-06-30 23:59:59')
    expect(formatMinute(late)).toBe('2026-06-30 23:59')
    expect(formatClock(late)).toBe('23:59:59')
    expect(formatHm(late)).toBe('23:59')
    expect(formatMonthDay(late)).toBe('06-30')
    expect(formatMonthDayTime(late)).toBe('06-30 23:59')
    expect(formatTime(late + 1)).toBe('2026-07-01 00:00:00')
    expect(formatHm(late + 1)).toBe('00:00')
    // 16:00 UTC is midnight in China.
    expect(formatTime(Date.UTC(2026, 11, 7, 16, 0, 1))).toBe('2026-12-08 00:00:01')
    expect(formatTime(Date.UTC(2026, 11, 7, 15, 59, 59))).toBe('2026-12-07 23:59:59')
  })

  it('writes nothing for no time', () => {
    for (const f of [formatTime, formatDate, formatMinute]) {
      expect(f(null)).toBe('—')
      expect(f(undefined)).toBe('—')
      expect(f(Number.NaN)).toBe('—')
    }
  })

  it('writes dates the official way and weekdays in both languages', () => {
    const d = chinaTime(2026, 6, 30, 10)
    expect(officialDate(d, 'zh-CN')).toBe('2026年6月30日')
    expect(officialDate(d, 'en')).toBe('30 June 2026')
    expect(officialDate(chinaTime(2027, 1, 1), 'en')).toBe('1 January 2027')
    expect(weekdayName(d, 'zh-CN')).toBe('周二')
    expect(weekdayName(d, 'en')).toBe('Tue')
    expect(weekdayName(d, 'zh-CN', true)).toBe('星期二')
    expect(weekdayName(d, 'en', true)).toBe('Tuesday')
    // Monday 00:30 in China (Sunday in UTC).
    expect(weekdayName(Date.UTC(2027, 0, 3, 16, 30), 'en')).toBe('Mon')
  })
})

describe('reading times and the pickers’ strings', () => {
  it('reads days and date-times as China wall time', () => {
    expect(parseDay('2027-01-01')).toBe(NEW_YEAR)
    expect(parseDay(' 2028-02-29 ')).toBe(chinaTime(2028, 2, 29))
    expect(parseDateTime('2026-12-07 08:00:00')).toBe(Date.UTC(2026, 11, 7, 0))
    expect(parseDateTime('2026-12-07 08:00')).toBe(Date.UTC(2026, 11, 7, 0))
    expect(parseDateTime('2026-12-07T23:59:59')).toBe(Date.UTC(2026, 11, 7, 15, 59, 59))
    for (const bad of ['', '2027-02-29', '2026-04-31', '2026-13-01', '2026-00-10', 'x', null]) {
      expect(parseDay(bad)).toBeNull()
    }
    for (const bad of ['2026-12-07', '2026-12-07 24:00', '2026-12-07 08:60', '2026-02-30 08:00']) {
      expect(parseDateTime(bad)).toBeNull()
    }
  })

  it('reads HTTP dates (GMT) and nothing zoneless', () => {
    expect(parseHttpDate('Thu, 31 Dec 2026 16:00:00 GMT')).toBe(NEW_YEAR)
    expect(parseHttpDate('2026-12-31 16:00:00')).toBeNull()
    expect(parseHttpDate('soon GMT')).toBeNull()
    expect(parseHttpDate(null)).toBeNull()
  })

  it('makes a deadline picked "by 30 June" end at 23:59:59.999 Beijing time', () => {
    expect(fromPicker('2026-06-30', false, true)).toBe(1782835199999) // 2026-06-30T23:59:59.999+08:00
    expect(fromPicker('2027-06-30', false, true)).toBe(1814371199999) // 2027-06-30T23:59:59.999+08:00
    expect(fromPicker('2027-06-30', false)).toBe(chinaTime(2027, 6, 30))
    expect(fromPicker('2026-12-07 08:00:00', true)).toBe(Date.UTC(2026, 11, 7, 0))
    expect(fromPicker('', false)).toBeNull()
    expect(fromPicker(null, true)).toBeNull()
    // And back: the picker shows the China day of the instant.
    expect(toPicker(1814371199999, false)).toBe('2027-06-30')
    expect(toPicker(NEW_YEAR, true)).toBe('2027-01-01 00:00:00')
    expect(toPicker(null, false)).toBeNull()
  })

  it('bridges the pickers’ browser-local Dates to China days', () => {
    // A day cell is a local Date at that day's local midnight; it stands for that China day.
    // eslint-disable-next-line no-restricted-syntax -- a picker's local Date, as Element Plus makes it
    const cell = new Date(2027, 0, 1)
    expect(pickerCellDay(cell)).toBe(NEW_YEAR)
    // The panel opens on the China wall time of an instant, whatever the browser's zone.
    expect(pickerCellDay(pickerDate(NEW_YEAR + 5 * H))).toBe(NEW_YEAR)
    expect(pickerCellDay(pickerDate(NEW_YEAR - 1))).toBe(chinaTime(2026, 12, 31))
  })

  it('greys the China days before or after a limit', () => {
    expect(pickerDisabled(null, null)).toBeUndefined()
    const now = NEW_YEAR + 10 * H // 10:00 on 1 January 2027 in China
    const fromToday = pickerDisabled(now, null)!
    const upToToday = pickerDisabled(null, now)!
    const day = (ms: number) => pickerDate(ms) // the cell of that China day
    expect(fromToday(day(NEW_YEAR - 1))).toBe(true) // 31 December
    expect(fromToday(day(NEW_YEAR))).toBe(false) // today still counts
    expect(upToToday(day(NEW_YEAR))).toBe(false)
    expect(upToToday(day(NEW_YEAR + 24 * H))).toBe(true) // 2 January
  })
})

// --- the date fields --------------------------------------------------------------------------------

interface PickerProps {
  modelValue: unknown
  type: string
  valueFormat: string
  disabledDate?: (d: Date) => boolean
  defaultValue?: Date
}

/** Mounts a field over a stand-in el-date-picker that records its props and emits as it would. */
function mountField<T>(field: Component, model: Ref<T>, props: Record<string, unknown> = {}) {
  const seen: { props: PickerProps | null; emit: ((v: unknown) => void) | null } = {
    props: null,
    emit: null,
  }
  const Picker = defineComponent({
    props: {
      modelValue: { type: [String, Array], default: null },
      type: { type: String, default: 'date' },
      valueFormat: { type: String, default: '' },
      disabledDate: { type: Function, default: undefined },
      defaultValue: { type: Date, default: undefined },
    },
    emits: ['update:modelValue'],
    setup(p, { emit }) {
      seen.emit = (v) => emit('update:modelValue', v)
      return () => {
        seen.props = { ...(p as PickerProps) }
        return h('input')
      }
    },
  })
  const root = document.createElement('div')
  const app: App = createApp({
    render: () =>
      h(field, {
        ...props,
        modelValue: model.value,
        'onUpdate:modelValue': (v: T) => (model.value = v),
      }),
  })
  app.component('ElDatePicker', Picker)
  app.mount(root)
  mounted.push(app)
  return { seen, root }
}
const mounted: App[] = []
afterEach(() => mounted.splice(0).forEach((a) => a.unmount()))

describe('DateField', () => {
  it('turns a picked day into its end for a deadline, and shows the China day', async () => {
    const model = ref<number | null>(null)
    const { seen, root } = mountField(DateField, model, {
      endOfDay: true,
      'data-testid': 'step-deadline',
    })
    expect(root.querySelector('.date-field')?.getAttribute('data-testid')).toBe('step-deadline')
    expect(seen.props?.valueFormat).toBe('YYYY-MM-DD')
    expect(seen.props?.modelValue).toBeNull()
    seen.emit!('2027-06-30')
    await nextTick()
    expect(model.value).toBe(1814371199999)
    expect(seen.props?.modelValue).toBe('2027-06-30')
    seen.emit!(null) // cleared
    await nextTick()
    expect(model.value).toBeNull()
  })

  it('reads a date-time as China wall time', async () => {
    const model = ref<number | null>(NEW_YEAR)
    const { seen } = mountField(DateField, model, { type: 'datetime' })
    expect(seen.props?.valueFormat).toBe('YYYY-MM-DD HH:mm:ss')
    expect(seen.props?.modelValue).toBe('2027-01-01 00:00:00')
    seen.emit!('2026-12-07 08:00:00')
    await nextTick()
    expect(model.value).toBe(Date.UTC(2026, 11, 7, 0))
  })

  it('greys the China days outside its limits', () => {
    const now = chinaTime(2026, 12, 7, 10)
    const model = ref<number | null>(null)
    const { seen } = mountField(DateField, model, { notBefore: now })
    const disabled = seen.props!.disabledDate!
    // eslint-disable-next-line no-restricted-syntax -- the picker's day cells are local Dates
    const cell = (y: number, m: number, d: number) => new Date(y, m - 1, d)
    expect(disabled(cell(2026, 12, 6))).toBe(true)
    expect(disabled(cell(2026, 12, 7))).toBe(false) // today still counts
    expect(disabled(cell(2026, 12, 8))).toBe(false)
    const upTo = mountField(DateField, ref<number | null>(null), { notAfter: now }).seen
    expect(upTo.props!.disabledDate!(cell(2026, 12, 7))).toBe(false)
    expect(upTo.props!.disabledDate!(cell(2026, 12, 8))).toBe(true)
    // An empty field opens on today in China.
    expect(formatDate(pickerCellDay(seen.props!.defaultValue!))).toBe(formatDate(serverNow()))
  })
})

describe('DateRangeField', () => {
  it('gives picked days as [00:00 of the first, 23:59:59.999 of the last]', async () => {
    const model = ref<[number, number] | null>(null)
    const { seen } = mountField(DateRangeField, model)
    seen.emit!(['2026-12-31', '2027-01-01'])
    await nextTick()
    expect(model.value).toEqual([chinaTime(2026, 12, 31), endOfDay(NEW_YEAR)])
    expect(seen.props?.modelValue).toEqual(['2026-12-31', '2027-01-01'])
    seen.emit!(null)
    await nextTick()
    expect(model.value).toBeNull()
  })

  it('gives picked times as the two instants', async () => {
    const model = ref<[number, number] | null>([NEW_YEAR, NEW_YEAR + H])
    const { seen } = mountField(DateRangeField, model, { type: 'datetimerange' })
    expect(seen.props?.modelValue).toEqual(['2027-01-01 00:00:00', '2027-01-01 01:00:00'])
    seen.emit!(['2026-12-07 08:00:00', '2026-12-07 20:00:00'])
    await nextTick()
    expect(model.value).toEqual([Date.UTC(2026, 11, 7, 0), Date.UTC(2026, 11, 7, 12)])
  })
})
