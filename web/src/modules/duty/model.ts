// The duty module's pure helpers: weeks of the rota, where problems fall, the spot check's progress
// (which room is on, which rings next, the answer countdown), outcomes as words, durations, the
// draw's reproduction, and request bodies from forms. No Vue, no requests: unit-tested.
import type {
  AssessmentGrade,
  AssessmentInput,
  CallRoom,
  NewIntake,
  NewShift,
  RollCall,
  RotaProblem,
  RoomStats,
  Shift,
} from './api'
import { addDays, HOUR_MS, startOfDay, startOfNextDay } from '@/utils/calendar'

// --- weeks and the rota ----------------------------------------------------------------------------
// Days and weeks are China days (utils/calendar.ts): startOfWeek gives a week's Monday.

/** The seven day starts (China time) of the week beginning at `monday`. */
export function weekDays(monday: number): number[] {
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}

/** The Monday `weeks` weeks before (negative) or after. */
export function shiftWeek(monday: number, weeks: number): number {
  return addDays(monday, 7 * weeks)
}

export function overlaps(a0: number, a1: number, b0: number, b1: number): boolean {
  return a0 < b1 && b0 < a1
}

export interface DayColumn {
  day: number
  shifts: Shift[]
  problems: RotaProblem[]
}

/** The shifts and problems of each day of a week (a shift over midnight shows on both days). */
export function weekColumns(monday: number, shifts: Shift[], problems: RotaProblem[]): DayColumn[] {
  const days = weekDays(monday)
  return days.map((day, i) => {
    const end = i + 1 < days.length ? days[i + 1]! : shiftWeek(monday, 1)
    return {
      day,
      shifts: shifts
        .filter((s) => overlaps(s.starts_at, s.ends_at, day, end))
        .sort((a, b) => a.starts_at - b.starts_at || a.id - b.id),
      problems: problems.filter((p) => overlaps(p.from, p.to, day, end)),
    }
  })
}

/** The problems a shift is named in (double bookings, understaffing). */
export function problemsOfShift(shift: Shift, problems: RotaProblem[]): RotaProblem[] {
  return problems.filter((p) => p.shifts.includes(shift.id))
}

/** The shift on duty at `now`, if any (the latest started when two overlap). */
export function currentShift(shifts: Shift[], now: number): Shift | null {
  const on = shifts.filter((s) => s.starts_at <= now && now < s.ends_at)
  on.sort((a, b) => b.starts_at - a.starts_at || b.id - a.id)
  return on[0] ?? null
}

/** The next shift to start after `now`. */
export function nextShift(shifts: Shift[], now: number): Shift | null {
  const later = shifts.filter((s) => s.starts_at > now).sort((a, b) => a.starts_at - b.starts_at)
  return later[0] ?? null
}

export interface ShiftForm {
  room: string
  starts_at: number | null
  ends_at: number | null
  leader: string
  officer1: string
  officer2: string
  note: string
}

/** The POST body of the add-shift form (empty officer names left out). */
export function shiftBody(f: ShiftForm): NewShift {
  const body: NewShift = {
    starts_at: f.starts_at ?? 0,
    ends_at: f.ends_at ?? 0,
    leader: f.leader.trim(),
    officers: [f.officer1, f.officer2].map((o) => o.trim()).filter(Boolean),
  }
  if (f.room) body.room = f.room
  if (f.note.trim()) body.note = f.note.trim()
  return body
}

/** Checks the shift form before sending: the i18n key of the first problem per field. */
export function checkShiftForm(f: ShiftForm): Record<string, string> {
  const out: Record<string, string> = {}
  if (f.starts_at === null) out.starts_at = 'duty.rota.errors.startsRequired'
  if (f.ends_at === null) out.ends_at = 'duty.rota.errors.endsRequired'
  else if (f.starts_at !== null && f.ends_at <= f.starts_at)
    out.ends_at = 'duty.rota.errors.endsAfter'
  else if (f.starts_at !== null && f.ends_at - f.starts_at > 48 * HOUR_MS)
    out.ends_at = 'duty.rota.errors.tooLong'
  if (!f.leader.trim()) out.leader = 'duty.rota.errors.leaderRequired'
  if (!f.officer1.trim() && !f.officer2.trim()) out.officer1 = 'duty.rota.errors.officerRequired'
  return out
}

// --- intake ----------------------------------------------------------------------------------------

export interface IntakeForm {
  reporter_name: string
  reporter_unit: string
  reporter_phone: string
  event_type: string
  occurred_at: number | null
  place: string
  scope: string
  dead: number | null
  injured: number | null
  missing: number | null
  handling: string
  help_requested: string
}

export function emptyIntakeForm(now: number): IntakeForm {
  return {
    reporter_name: '',
    reporter_unit: '',
    reporter_phone: '',
    event_type: '',
    occurred_at: now,
    place: '',
    scope: '',
    dead: 0,
    injured: 0,
    missing: 0,
    handling: '',
    help_requested: '',
  }
}

export function intakeBody(f: IntakeForm): NewIntake {
  const b: NewIntake = {
    reporter_name: f.reporter_name.trim(),
    reporter_phone: f.reporter_phone.trim(),
    event_type: f.event_type.trim(),
    occurred_at: f.occurred_at ?? 0,
    place: f.place.trim(),
    casualties: { dead: f.dead ?? 0, injured: f.injured ?? 0, missing: f.missing ?? 0 },
  }
  if (f.reporter_unit.trim()) b.reporter_unit = f.reporter_unit.trim()
  if (f.scope.trim()) b.scope = f.scope.trim()
  if (f.handling.trim()) b.handling = f.handling.trim()
  if (f.help_requested.trim()) b.help_requested = f.help_requested.trim()
  return b
}

/** The form field a server error about `field` belongs to ("casualties.dead", "dead" → dead). */
export function intakeFormField(field: string | null): string | null {
  if (!field) return null
  const f = field.replace(/^casualties\./, '')
  const known = [
    'reporter_name',
    'reporter_unit',
    'reporter_phone',
    'event_type',
    'occurred_at',
    'place',
    'scope',
    'dead',
    'injured',
    'missing',
    'handling',
    'help_requested',
  ]
  if (known.includes(f)) return f
  if (field === 'casualties') return 'dead'
  return null
}

/** Event types offered in the intake form (free text is allowed too). */
export const EVENT_TYPES = [
  'fire',
  'traffic',
  'hazardous_chemicals',
  'mining',
  'construction',
  'flood',
  'geological',
  'forest_fire',
  'other',
] as const

// --- spot checks -----------------------------------------------------------------------------------

/** The room being rung or talked to now, if any. */
export function activeRoom(call: RollCall): CallRoom | null {
  return call.rooms.find((r) => r.state === 'ringing' || r.state === 'answered') ?? null
}

/** The room to ring next: the first waiting one in order, when none is active. */
export function nextRoom(call: RollCall): CallRoom | null {
  if (call.state !== 'running' || activeRoom(call)) return null
  return (
    [...call.rooms].sort((a, b) => a.position - b.position).find((r) => r.state === 'waiting') ??
    null
  )
}

export function isDone(r: CallRoom): boolean {
  return r.state === 'assessed' || r.state === 'no_answer' || r.state === 'skipped'
}

export interface CallProgress {
  done: number
  total: number
  answered: number
  noAnswer: number
}

export function progressOf(call: RollCall): CallProgress {
  return {
    done: call.rooms.filter(isDone).length,
    total: call.rooms.length,
    answered: call.rooms.filter((r) => r.answered_at !== null).length,
    noAnswer: call.rooms.filter((r) => r.state === 'no_answer').length,
  }
}

/** Seconds left to answer a ringing room at server time `serverNow` (never below 0). */
export function secondsLeft(rungAt: number | null, timeoutS: number, serverNow: number): number {
  if (rungAt === null) return timeoutS
  const left = Math.ceil((rungAt + timeoutS * 1000 - serverNow) / 1000)
  return Math.min(timeoutS, Math.max(0, left))
}

/**
 * Applies a roll_call.ringing / roll_call.updated event to a spot check: the room's new state (a
 * whole room object, or just its code from the answer timeout) and the check's state. Returns the
 * updated copy, or null when the event is about another spot check.
 */
export function applyCallEvent(call: RollCall, data: Record<string, unknown>): RollCall | null {
  if (Number(data.roll_call_id) !== call.id) return null
  const raw = data.room
  let code: string | null = null
  let patch: Partial<CallRoom> = {}
  if (typeof raw === 'string') {
    code = raw
    if (typeof data.state === 'string') patch = { state: data.state as CallRoom['state'] }
  } else if (raw && typeof raw === 'object' && typeof (raw as CallRoom).room === 'string') {
    code = (raw as CallRoom).room
    patch = raw as CallRoom
  }
  if (!code) return null
  const rooms = call.rooms.map((r) => (r.room === code ? { ...r, ...patch } : r))
  const next: RollCall = { ...call, rooms }
  // A whole room came with the check's state; a bare timeout update carries the room's.
  if (typeof raw === 'object' && (data.state === 'running' || data.state === 'finished')) {
    next.state = data.state
  }
  if (rooms.every(isDone)) next.state = 'finished'
  return next
}

/** The i18n key of a room's outcome: its assessment once assessed, else its state. */
export function outcomeKey(r: CallRoom): string {
  if (r.state === 'assessed' && r.assessment) return `duty.assessments.${r.assessment}`
  return `duty.roomStates.${r.state}`
}

export function outcomeTone(r: CallRoom): 'success' | 'warning' | 'danger' | 'info' | 'primary' {
  if (r.state === 'assessed') {
    if (r.assessment === 'good') return 'success'
    if (r.assessment === 'needs_improvement') return 'warning'
    return 'danger'
  }
  if (r.state === 'no_answer') return 'danger'
  if (r.state === 'ringing' || r.state === 'answered') return 'primary'
  return 'info'
}

/** A duration in ms as "8.4 s", "1 min 05 s" (zh: "8.4 秒", "1 分 05 秒"). */
export function formatDuration(ms: number | null | undefined, lang: 'zh-CN' | 'en'): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return '—'
  const zh = lang !== 'en'
  if (ms < 60_000) {
    const s = ms < 10_000 ? (Math.round(ms / 100) / 10).toFixed(1) : String(Math.round(ms / 1000))
    return zh ? `${s} 秒` : `${s} s`
  }
  const total = Math.round(ms / 1000)
  const m = Math.floor(total / 60)
  const s = String(total % 60).padStart(2, '0')
  return zh ? `${m} 分 ${s} 秒` : `${m} min ${s} s`
}

export interface AssessmentForm {
  on_post: boolean
  audio_fault: boolean
  video_fault: boolean
  fault_note: string
  report: string
  assessment: AssessmentGrade | ''
  remarks: string
}

export function emptyAssessment(): AssessmentForm {
  return {
    on_post: true,
    audio_fault: false,
    video_fault: false,
    fault_note: '',
    report: '',
    assessment: '',
    remarks: '',
  }
}

/** The faults as one text for av_fault: "audio; video; <note>" in the words given. */
export function faultText(
  f: Pick<AssessmentForm, 'audio_fault' | 'video_fault' | 'fault_note'>,
  words: { audio: string; video: string },
  sep = '; ',
): string {
  const parts: string[] = []
  if (f.audio_fault) parts.push(words.audio)
  if (f.video_fault) parts.push(words.video)
  if (f.fault_note.trim()) parts.push(f.fault_note.trim())
  return parts.join(sep)
}

export function assessmentBody(
  f: AssessmentForm,
  words: { audio: string; video: string },
  sep = '; ',
): AssessmentInput | null {
  if (!f.assessment) return null
  const body: AssessmentInput = { on_post: f.on_post, assessment: f.assessment }
  const faults = faultText(f, words, sep)
  if (faults) body.av_fault = faults
  if (f.report.trim()) body.report = f.report.trim()
  if (f.remarks.trim()) body.remarks = f.remarks.trim()
  return body
}

/** The two-minute report template (两分钟汇报) the officer follows, as headings to fill. */
export const REPORT_HEADINGS = ['onDuty', 'situation', 'risks', 'warnings', 'requests'] as const

/** What to send to reproduce a random draw: the same seed over the same room set. */
export function reproduceBody(call: RollCall): string | null {
  if (call.mode !== 'random') return null
  const body: Record<string, unknown> = { random: call.requested, seed: call.seed }
  if (call.weighted) body.weighted = true
  return JSON.stringify(body)
}

/** Rooms sorted for the picker: least recently checked first (never checked first of all). */
export function byLastChecked(
  rooms: string[],
  stats: Map<string, Pick<RoomStats, 'last_checked_at'>>,
): string[] {
  return [...rooms].sort((a, b) => {
    const la = stats.get(a)?.last_checked_at ?? -1
    const lb = stats.get(b)?.last_checked_at ?? -1
    return la - lb || a.localeCompare(b)
  })
}

// --- statistics ------------------------------------------------------------------------------------

/**
 * The half-open period [from, to) of the statistics: the last `choice` China days up to `now`
 * (today is the last of them), or the picked days [00:00 of the first, 23:59:59.999 of the last].
 */
export function statsPeriod(
  now: number,
  choice: number | readonly [number, number],
): { from: number; to: number } {
  if (typeof choice === 'number') return { from: addDays(startOfDay(now), 1 - choice), to: now }
  return { from: startOfDay(choice[0]), to: startOfNextDay(choice[1]) }
}

export interface StatsTotals {
  checks: number
  answered: number
  no_answer: number
  criticised: number
  answer_rate: number | null
  mean_connect_ms: number | null
}

/** Totals over rooms: rates from the counts, the mean connect time weighted by answers. */
export function statsTotals(rows: RoomStats[]): StatsTotals {
  let checks = 0
  let answered = 0
  let noAnswer = 0
  let criticised = 0
  let connectSum = 0
  let connectN = 0
  for (const r of rows) {
    checks += r.checks
    answered += r.answered
    noAnswer += r.no_answer
    criticised += r.criticised
    if (r.mean_connect_ms !== null && r.answered > 0) {
      connectSum += r.mean_connect_ms * r.answered
      connectN += r.answered
    }
  }
  const asked = answered + noAnswer
  return {
    checks,
    answered,
    no_answer: noAnswer,
    criticised,
    answer_rate: asked ? answered / asked : null,
    mean_connect_ms: connectN ? connectSum / connectN : null,
  }
}
