// The one calendar of the web: China Standard Time (Asia/Shanghai, UTC+8, no daylight saving),
// whatever zone the browser is in. Instants are UTC epoch milliseconds; every day, week, month,
// year, "end of day" deadline and date shown or picked goes through this file. It reads the
// browser's own calendar in one place only: the pickers' local Date objects (pickerCellDay,
// pickerDate). Pure functions, no clock: "now" is serverNow() (utils/serverTime.ts).

export const MINUTE_MS = 60 * 1000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS
export const WEEK_MS = 7 * DAY_MS

export const CHINA_TIME_ZONE = 'Asia/Shanghai'
/** China's clocks are UTC+8 all year (no daylight saving since 1991). */
export const CHINA_OFFSET_MS = 8 * HOUR_MS

export type Lang = 'zh-CN' | 'en'

/** A China wall-clock time. month is 1–12; weekday is 0 (Sunday) to 6 (Saturday). */
export interface ChinaParts {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  millisecond: number
  weekday: number
}

const mod = (a: number, b: number) => ((a % b) + b) % b
const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const isTime = (ms: number | null | undefined): ms is number =>
  ms !== null && ms !== undefined && Number.isFinite(ms)

// --- instants ⇄ China wall-clock parts -------------------------------------------------------------

/** The China wall-clock parts of the instant `ms`. */
export function chinaParts(ms: number): ChinaParts {
  // The UTC getters of the shifted instant read China's wall clock, in any browser zone.
  const d = new Date(ms + CHINA_OFFSET_MS)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  }
}

/**
 * The instant China's clocks show year-month-day hour:minute:second.ms (month 1–12). Parts out of
 * range carry over as on a calendar (day 0 is the last day of the month before; month 13 is
 * January of the next year).
 */
export function chinaTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day) // unlike Date.UTC, years 0–99 stay themselves
  d.setUTCHours(hour, minute, second, millisecond)
  return d.getTime() - CHINA_OFFSET_MS
}

/** The number of days of a month (1–12) of a year. */
export function daysInMonth(year: number, month: number): number {
  return chinaParts(chinaTime(year, month + 1, 0)).day
}

// --- days, weeks, months, years --------------------------------------------------------------------

/** 00:00:00.000 China time of the day holding `ms`. */
export function startOfDay(ms: number): number {
  return ms - mod(ms + CHINA_OFFSET_MS, DAY_MS)
}

/** 23:59:59.999 China time of the day holding `ms`: a deadline "by this day". */
export function endOfDay(ms: number): number {
  return startOfDay(ms) + DAY_MS - 1
}

/** 00:00 China time of the day after the one holding `ms` (the end of a half-open day range). */
export function startOfNextDay(ms: number): number {
  return startOfDay(ms) + DAY_MS
}

/** hour:minute China time on the day holding `ms` (e.g. a shift starting at 08:00). */
export function atTime(ms: number, hour: number, minute = 0): number {
  return startOfDay(ms) + hour * HOUR_MS + minute * MINUTE_MS
}

/** The same China wall time `n` days later (earlier when negative). */
export function addDays(ms: number, n: number): number {
  return ms + n * DAY_MS // no daylight saving: every China day is 24 hours
}

/** Whether two instants fall on the same China day. */
export function sameDay(a: number, b: number): boolean {
  return startOfDay(a) === startOfDay(b)
}

/** Monday 00:00 China time of the week holding `ms` (weeks run Monday to Sunday). */
export function startOfWeek(ms: number): number {
  const back = (chinaParts(ms).weekday + 6) % 7 // Monday = 0
  return addDays(startOfDay(ms), -back)
}

/** The first day of the month holding `ms`, 00:00 China time. */
export function startOfMonth(ms: number): number {
  const p = chinaParts(ms)
  return chinaTime(p.year, p.month, 1)
}

/** 1 January 00:00 China time of the year holding `ms`. */
export function startOfYear(ms: number): number {
  return chinaTime(yearOf(ms), 1, 1)
}

/**
 * The same China wall time `n` months later (earlier when negative); a day the month does not
 * have becomes its last (31 January + 1 month = 28 or 29 February).
 */
export function addMonths(ms: number, n: number): number {
  const p = chinaParts(ms)
  const m0 = p.year * 12 + (p.month - 1) + n
  const year = Math.floor(m0 / 12)
  const month = mod(m0, 12) + 1
  const day = Math.min(p.day, daysInMonth(year, month))
  return chinaTime(year, month, day, p.hour, p.minute, p.second, p.millisecond)
}

/** The China calendar year of `ms` (serial-number years, yearly figures). */
export function yearOf(ms: number): number {
  return chinaParts(ms).year
}

/** The month of `ms` as "2026-11" (statistics buckets). */
export function monthKey(ms: number): string {
  const p = chinaParts(ms)
  return `${pad(p.year, 4)}-${pad(p.month)}`
}

// --- writing times ---------------------------------------------------------------------------------

/** "yyyy-MM-dd HH:mm:ss" China time; "—" for no time. */
export function formatTime(ms: number | null | undefined): string {
  if (!isTime(ms)) return '—'
  return `${formatDate(ms)} ${formatClock(ms)}`
}

/** "yyyy-MM-dd HH:mm" China time; "—" for no time. */
export function formatMinute(ms: number | null | undefined): string {
  if (!isTime(ms)) return '—'
  return `${formatDate(ms)} ${formatHm(ms)}`
}

/** "MM-dd HH:mm" China time (lists of this year's events). */
export function formatMonthDayTime(ms: number): string {
  return `${formatMonthDay(ms)} ${formatHm(ms)}`
}

/** "yyyy-MM-dd" China time (also the key of a day); "—" for no time. */
export function formatDate(ms: number | null | undefined): string {
  if (!isTime(ms)) return '—'
  const p = chinaParts(ms)
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`
}

/** "HH:mm:ss" China time. */
export function formatClock(ms: number): string {
  const p = chinaParts(ms)
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`
}

/** "HH:mm" China time. */
export function formatHm(ms: number): string {
  const p = chinaParts(ms)
  return `${pad(p.hour)}:${pad(p.minute)}`
}

/** "MM-dd" China time. */
export function formatMonthDay(ms: number): string {
  const p = chinaParts(ms)
  return `${pad(p.month)}-${pad(p.day)}`
}

const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** The date as documents write it: "2026年6月30日" (zh) or "30 June 2026" (en). */
export function officialDate(ms: number, lang: Lang): string {
  const p = chinaParts(ms)
  if (lang === 'en') return `${p.day} ${MONTHS_EN[p.month - 1]} ${p.year}`
  return `${p.year}年${p.month}月${p.day}日`
}

const WEEKDAYS: Record<Lang, { short: readonly string[]; long: readonly string[] }> = {
  'zh-CN': {
    short: ['周日', '周一', '周二', '周三', '周四', '周五', '周六'],
    long: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  },
  en: {
    short: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    long: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  },
}

/** The China weekday of `ms`: "周一" / "Mon", or with `long` "星期一" / "Monday". */
export function weekdayName(ms: number, lang: Lang, long = false): string {
  const names = WEEKDAYS[lang === 'en' ? 'en' : 'zh-CN']
  return (long ? names.long : names.short)[chinaParts(ms).weekday]!
}

// --- reading times ---------------------------------------------------------------------------------

const DAY_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})$/
const TIME_TEXT = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/

function validParts(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): boolean {
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) && h <= 23 && mi <= 59 && s <= 59
}

/** "yyyy-MM-dd" → 00:00 China time of that day; null when it is not a day of the calendar. */
export function parseDay(text: string | null | undefined): number | null {
  const m = DAY_TEXT.exec((text ?? '').trim())
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return validParts(y, mo, d) ? chinaTime(y, mo, d) : null
}

/** "yyyy-MM-dd HH:mm[:ss]" (or with "T") read as China wall time; null when it is not one. */
export function parseDateTime(text: string | null | undefined): number | null {
  const m = TIME_TEXT.exec((text ?? '').trim())
  if (!m) return null
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ]
  const s = m[6] === undefined ? 0 : Number(m[6])
  return validParts(y, mo, d, h, mi, s) ? chinaTime(y, mo, d, h, mi, s) : null
}

/** An HTTP date ("Wed, 21 Oct 2026 07:28:00 GMT", e.g. Retry-After) as an instant, else null. */
export function parseHttpDate(text: string | null | undefined): number | null {
  const t = (text ?? '').trim()
  if (!/ GMT$/.test(t)) return null // zoneless text would be read in the browser's zone
  const at = Date.parse(t)
  return Number.isFinite(at) ? at : null
}

// --- date pickers ----------------------------------------------------------------------------------
// Element Plus works in the browser's zone. The pickers hand over wall-time strings (value-format)
// instead, read and written here as China wall time; their day cells and their opening panel are
// the browser's local Dates, bridged by the two functions below.

/** The value-format of a day picker and of a date-time picker. */
export const PICKER_DAY = 'YYYY-MM-DD'
export const PICKER_TIME = 'YYYY-MM-DD HH:mm:ss'

/** A picker's string for `ms` (China wall time): "yyyy-MM-dd", or with `time` "… HH:mm:ss". */
export function toPicker(ms: number | null | undefined, time: boolean): string | null {
  if (!isTime(ms)) return null
  return time ? formatTime(ms) : formatDate(ms)
}

/**
 * A picker's string as an instant: a day is its 00:00, or with `endOfDay` its 23:59:59.999; a
 * date-time is that China wall time. Null for an empty or unreadable string.
 */
export function fromPicker(
  text: string | null | undefined,
  time: boolean,
  endOfTheDay = false,
): number | null {
  if (time) return parseDateTime(text)
  const day = parseDay(text)
  return day === null ? null : endOfTheDay ? endOfDay(day) : day
}

/** 00:00 China time of the day a picker's day cell (a browser-local Date) stands for. */
export function pickerCellDay(cell: Date): number {
  return chinaTime(cell.getFullYear(), cell.getMonth() + 1, cell.getDate())
}

/**
 * A picker's disabled-date test for China days: days that end before `notBefore` or start after
 * `notAfter` cannot be picked (e.g. serverNow() for "from today on" or "up to today"). Undefined
 * when neither limit is set.
 */
export function pickerDisabled(
  notBefore: number | null,
  notAfter: number | null,
): ((cell: Date) => boolean) | undefined {
  if (notBefore === null && notAfter === null) return undefined
  return (cell) => dayRefusal(pickerCellDay(cell), notBefore, notAfter) !== null
}

/**
 * Why the China day starting at `day` (00:00) cannot be picked: 'early' when it ends before
 * `notBefore`, 'late' when it starts after `notAfter`, null when it can.
 */
export function dayRefusal(
  day: number,
  notBefore: number | null,
  notAfter: number | null,
): 'early' | 'late' | null {
  if (notBefore !== null && endOfDay(day) < notBefore) return 'early'
  if (notAfter !== null && day > notAfter) return 'late'
  return null
}

/** A browser-local Date showing the China wall time of `ms` (where a picker opens). */
export function pickerDate(ms: number): Date {
  const p = chinaParts(ms)
  return new Date(p.year, p.month - 1, p.day, p.hour, p.minute, p.second)
}
