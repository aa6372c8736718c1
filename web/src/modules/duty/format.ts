// How the duty pages write times: shift ranges, days of the week, hours and minutes (local time).
import type { Shift } from './api'

const pad = (n: number) => String(n).padStart(2, '0')

export function hm(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`
}

export function md(ms: number): string {
  const d = new Date(ms)
  return `${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

const WEEKDAYS_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']
const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** "周一 11-23" / "Mon 11-23". */
export function dayLabel(ms: number, lang: 'zh-CN' | 'en'): string {
  const d = new Date(ms)
  return `${(lang === 'en' ? WEEKDAYS_EN : WEEKDAYS_ZH)[d.getDay()]} ${md(ms)}`
}

/**
 * A shift's time: "11-29 08:00 – 次日 08:00" when it ends the next day, "11-29 08:00 – 11-30 20:00"
 * later, "08:00 – 20:00" within the day (with the date first).
 */
export function shiftRange(s: Pick<Shift, 'starts_at' | 'ends_at'>, lang: 'zh-CN' | 'en'): string {
  const a = new Date(s.starts_at)
  const b = new Date(s.ends_at)
  const sameDay = a.toDateString() === b.toDateString()
  const next = new Date(a)
  next.setDate(next.getDate() + 1)
  const nextDay = next.toDateString() === b.toDateString()
  const start = `${md(s.starts_at)} ${hm(s.starts_at)}`
  if (sameDay) return `${start} – ${hm(s.ends_at)}`
  if (nextDay) return `${start} – ${lang === 'en' ? 'next day ' : '次日 '}${hm(s.ends_at)}`
  return `${start} – ${md(s.ends_at)} ${hm(s.ends_at)}`
}

/** The part of a shift within one day: "08:00–24:00", "00:00–08:00". */
export function partOfDay(
  s: Pick<Shift, 'starts_at' | 'ends_at'>,
  day: number,
  nextDay: number,
): string {
  const from = Math.max(s.starts_at, day)
  const to = Math.min(s.ends_at, nextDay)
  return `${hm(from)}–${to === nextDay ? '24:00' : hm(to)}`
}
