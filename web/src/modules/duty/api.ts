// Duty rooms (值班值守): the server's JSON and one function per endpoint — rota, duty log, intake,
// spot checks (视频点名 / 抽查), room statistics, presence and the WebRTC configuration.
import { api } from '@/api/client'

export interface Shift {
  id: number
  room: string
  starts_at: number
  ends_at: number
  leader: string
  officers: string[]
  note: string
  created_by: string
  created_at: number
}

export interface NewShift {
  room?: string
  starts_at: number
  ends_at: number
  leader: string
  officers: string[]
  note?: string
}

export type RotaProblemKind = 'gap' | 'double_booking' | 'understaffed'
export const ROTA_PROBLEM_KINDS: readonly RotaProblemKind[] = [
  'gap',
  'double_booking',
  'understaffed',
]

export interface RotaProblem {
  kind: RotaProblemKind
  from: number
  to: number
  shifts: number[]
}

export type LogKind = 'note' | 'handover'
export const LOG_KINDS: readonly LogKind[] = ['note', 'handover']

export interface LogEntry {
  id: number
  room: string
  at: number
  author: string
  kind: LogKind
  text: string
}

export interface Casualties {
  dead: number
  injured: number
  missing: number
}

/** Recorded by a room, passed up to the city once, received (签收) there. */
export type IntakeState = 'recorded' | 'passed_up' | 'received'

export interface Intake {
  id: number
  room: string
  reporter_name: string
  reporter_unit: string
  reporter_phone: string
  event_type: string
  occurred_at: number
  place: string
  scope: string
  casualties: Casualties
  handling: string
  help_requested: string
  state: IntakeState
  passed_up_at: number | null
  /** When and by whom the city received it (null before; absent from older servers). */
  received_at?: number | null
  received_by?: string
  created_by: string
  created_at: number
  version: number
}

export interface NewIntake {
  reporter_name: string
  reporter_unit?: string
  reporter_phone: string
  event_type: string
  occurred_at: number
  place: string
  scope?: string
  casualties?: Casualties
  handling?: string
  help_requested?: string
}

export type CallRoomState =
  'waiting' | 'ringing' | 'answered' | 'assessed' | 'no_answer' | 'skipped'
export type AssessmentGrade = 'good' | 'needs_improvement' | 'criticised'
export const ASSESSMENT_GRADES: readonly AssessmentGrade[] = [
  'good',
  'needs_improvement',
  'criticised',
]

export interface CallRoom {
  room: string
  position: number
  state: CallRoomState
  rung_at: number | null
  answered_at: number | null
  connect_ms: number | null
  answered_by: string
  rostered: boolean | null
  on_post: boolean | null
  av_fault: string
  report: string
  assessment: AssessmentGrade | ''
  remarks: string
}

export interface RollCallNotice {
  number: string
  issued_at: number
}

export interface RollCall {
  id: number
  started_at: number
  started_by: string
  mode: 'named' | 'random'
  seed: string
  requested: number
  weighted: boolean
  state: 'running' | 'finished'
  finished_at: number | null
  version: number
  rooms: CallRoom[]
  /** The numbered notice (通报) of a finished spot check; absent on servers before it. */
  notice?: RollCallNotice | null
}

export type StartRollCall =
  { rooms: string[] } | { random: number; seed?: string; weighted?: boolean }

export interface AssessmentInput {
  on_post: boolean
  av_fault?: string
  report?: string
  assessment: AssessmentGrade
  remarks?: string
}

export interface RoomStats {
  room: string
  checks: number
  answered: number
  no_answer: number
  answer_rate: number | null
  mean_connect_ms: number | null
  good: number
  needs_improvement: number
  criticised: number
  last_checked_at: number | null
}

export interface PresenceUser {
  username: string
  display_name: string
  role: string
  since: number
}

export interface RoomPresence {
  room: string
  online: boolean
  users: PresenceUser[]
}

export interface IceServer {
  urls: string[] | string
  username?: string
  credential?: string
}

export interface RtcConfig {
  ice_servers: IceServer[]
  answer_timeout_seconds: number
}

interface Items<T> {
  items: T[]
}

// --- rota and log --------------------------------------------------------------------------------

export const listShifts = async (from: number, to: number, room?: string) =>
  (await api.get<Items<Shift>>('duty/shifts', { from, to, room })).items

export const addShift = (body: NewShift) => api.post<Shift>('duty/shifts', body)

export const rotaProblems = async (from: number, to: number, room?: string) =>
  (await api.get<Items<RotaProblem>>('duty/rota-problems', { from, to, room })).items

export const listLog = async (room?: string, beforeId?: number | null, limit = 50) =>
  (await api.get<Items<LogEntry>>('duty/log', { room, before_id: beforeId ?? undefined, limit }))
    .items

export const writeLog = (body: { room?: string; kind: LogKind; text: string }) =>
  api.post<LogEntry>('duty/log', body)

// --- intake --------------------------------------------------------------------------------------

export const listIntake = async (beforeId?: number | null, limit = 50) =>
  (await api.get<Items<Intake>>('intake', { before_id: beforeId ?? undefined, limit })).items

export const recordIntake = (body: NewIntake) => api.post<Intake>('intake', body)

export const passUpIntake = (id: number) => api.post<Intake>(`intake/${id}/pass-up`, {})

export const getIntake = (id: number) => api.get<Intake>(`intake/${id}`)

/** 签收: the city receives a report passed up to it (409 when it is not passed up). */
export const receiveIntake = (id: number, version?: number) =>
  api.post<Intake>(`intake/${id}/receive`, version === undefined ? {} : { version })

// --- spot checks ---------------------------------------------------------------------------------

export const listRollCalls = async (limit = 20) =>
  (await api.get<Items<RollCall>>('roll-calls', { limit })).items

export const getRollCall = (id: number) => api.get<RollCall>(`roll-calls/${id}`)

export const startRollCall = (body: StartRollCall) => api.post<RollCall>('roll-calls', body)

export type RoomAction = 'ring' | 'answer' | 'no_answer'

export const roomAction = (id: number, room: string, action: RoomAction) =>
  api.post<RollCall>(`roll-calls/${id}/rooms/${encodeURIComponent(room)}/${action}`, {})

export const assessRoom = (id: number, room: string, body: AssessmentInput) =>
  api.post<RollCall>(`roll-calls/${id}/rooms/${encodeURIComponent(room)}/assess`, body)

export const finishRollCall = (id: number) => api.post<RollCall>(`roll-calls/${id}/finish`, {})

// --- statistics, presence, call configuration ----------------------------------------------------

export const roomStats = async (from: number, to: number) =>
  (await api.get<Items<RoomStats>>('duty/room-stats', { from, to })).items

export const presence = async () => (await api.get<Items<RoomPresence>>('duty/presence')).items

export const rtcConfig = () => api.get<RtcConfig>('duty/rtc-config')
