// How the duty pages write times: shift ranges, days of the week, hours and minutes (China time,
// utils/calendar.ts).
import {
  addDays,
  formatHm,
  formatMonthDay,
  sameDay,
  weekdayName,
  type Lang,
} from '@/utils/calendar'
import type { Shift } from './api'

/** "周一 11-23" / "Mon 11-23". */
export function dayLabel(ms: number, lang: Lang): string {
  return `${weekdayName(ms, lang)} ${formatMonthDay(ms)}`
}

/**
 * A shift's time: "11-29 08:00 – 次日 08:00" when it ends the next day, "11-29 08:00 – 11-30 20:00"
 * later, "08:00 – 20:00" within the day (with the date first).
 */
export function shiftRange(s: Pick<Shift, 'starts_at' | 'ends_at'>, lang: Lang): string {
  const start = `${formatMonthDay(s.starts_at)} ${formatHm(s.starts_at)}`
  if (sameDay(s.starts_at, s.ends_at)) return `${start} – ${formatHm(s.ends_at)}`
  if (sameDay(addDays(s.starts_at, 1), s.ends_at))
    return `${start} – ${lang === 'en' ? 'next day ' : '次日 '}${formatHm(s.ends_at)}`
  return `${start} – ${formatMonthDay(s.ends_at)} ${formatHm(s.ends_at)}`
}

/** The part of a shift within one day: "08:00–24:00", "00:00–08:00". */
export function partOfDay(
  s: Pick<Shift, 'starts_at' | 'ends_at'>,
  day: number,
  nextDay: number,
): string {
  const from = Math.max(s.starts_at, day)
  const to = Math.min(s.ends_at, nextDay)
  return `${formatHm(from)}–${to === nextDay ? '24:00' : formatHm(to)}`
}
