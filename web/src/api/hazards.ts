// Hazards (隐患排查治理) and notices (通报): the server's JSON and one function per endpoint.
import { api, buildUrl, upload, type Query, type UploadProgress } from './client'
import type { LonLat, Page, RiskColor } from './types'

export type HazardState =
  | 'registered'
  | 'assessed'
  | 'assigned'
  | 'rectifying'
  | 'acceptance_requested'
  | 'accepted'
  | 'closed_off'
  | 'rechecked'

export const HAZARD_STATES: readonly HazardState[] = [
  'registered',
  'assessed',
  'assigned',
  'rectifying',
  'acceptance_requested',
  'accepted',
  'closed_off',
  'rechecked',
]

export type Grade = 'general' | 'major'
export const GRADES: readonly Grade[] = ['general', 'major']

export type HazardSource =
  'inspection' | 'assigned_from_above' | 'public_report' | 'media' | 'referral' | 'self_report'
export const HAZARD_SOURCES: readonly HazardSource[] = [
  'inspection',
  'assigned_from_above',
  'public_report',
  'media',
  'referral',
  'self_report',
]

export type SupervisionLevel = 'county' | 'city' | 'province'
export const SUPERVISION_LEVELS: readonly SupervisionLevel[] = ['county', 'city', 'province']

/** The escalation ladder, in order: 建议函 → 交办函 → 批评通报 → 约谈 → 曝光 → 黄牌警告 → 一票否决. */
export type EscalationKind =
  | 'suggestion_letter'
  | 'assignment_letter'
  | 'criticism_notice'
  | 'summons'
  | 'public_exposure'
  | 'yellow_card'
  | 'veto'
export const ESCALATION_KINDS: readonly EscalationKind[] = [
  'suggestion_letter',
  'assignment_letter',
  'criticism_notice',
  'summons',
  'public_exposure',
  'yellow_card',
  'veto',
]

/** 研究认定 */
export interface Confirmation {
  department: string
  meeting: string
  date: number
}

/** 交办单 */
export interface Assignment {
  slip_no: string
  responsible_unit: string
  assigning_unit: string
  supervising_unit: string
  deadline: number
}

/** 五落实 */
export interface Plan {
  responsible_person: string
  measures: string
  funds_fen: number
  deadline: number
  contingency_plan: string
}

export interface Hazard {
  id: number
  code: string
  enterprise_id: number | null
  enterprise_name: string
  site: string
  jurisdiction: string
  unit: string
  sector: string
  location: LonLat | null
  description: string
  grade: Grade
  source: HazardSource
  found_at: number
  found_by: string
  risk_color: RiskColor
  state: HazardState
  deadline: number | null
  overdue: boolean
  supervision: SupervisionLevel | null
  confirmation: Confirmation | null
  assignment: Assignment | null
  plan: Plan | null
  closed_off_at: number | null
  demo: boolean
  version: number
  created_at: number
  updated_at: number
}

export type TimelineKind =
  'registered' | 'transition' | 'progress' | 'supervision' | 'escalation' | 'overdue'

export interface TimelineData {
  step?: string
  note?: string
  grade?: Grade
  source?: HazardSource
  found_by?: string
  risk_color?: RiskColor
  confirmation?: Confirmation
  assignment?: Assignment
  plan?: Plan
  deadline?: number
  attachments?: number[]
  level?: SupervisionLevel
  action?: EscalationKind
  /** A government account took the enterprise's step for it (代企业填报), and why. */
  on_behalf?: boolean
  on_behalf_reason?: string
}

/** Who did something: a person's name and unit, their phone only where the reader may see it. */
export interface Actor {
  name: string
  unit: string
  phone: string | null
}

export interface TimelineEntry {
  id: number
  at: number
  /** null: the system (the scheduler). */
  actor: Actor | null
  kind: TimelineKind | string
  from: HazardState | null
  to: HazardState | null
  data: TimelineData
}

export interface Attachment {
  id: number
  name: string
  media_type: string
  size: number
  sha256: string
  event_id: number | null
  uploaded_by: string
  uploader: Actor | null
  uploaded_at: number
}

export interface HazardDetail extends Hazard {
  timeline: TimelineEntry[]
  attachments: Attachment[]
  allowed: HazardState[]
  /** Those of `allowed` this person would take for the enterprise (代企业填报: needs a reason). */
  on_behalf: HazardState[]
  may_add_progress: boolean
  may_supervise: boolean
  may_escalate: boolean
}

export type HazardSort = '-found_at' | 'deadline' | 'id'

/** The list's filters, as the address and the API spell them ('' = not set). */
export type HazardFilter = {
  jurisdiction: string
  sector: string
  grade: string
  /** A comma list of states. */
  state: string
  overdue: string
  open: string
  source: string
  supervision: string
  enterprise_id: string
  found_from: string
  found_to: string
  q: string
  sort: string
}

/** The query the list and its export share. */
export function hazardQuery(f: Partial<HazardFilter>): Query {
  return {
    jurisdiction: f.jurisdiction,
    sector: f.sector,
    grade: f.grade,
    state: f.state,
    overdue: f.overdue,
    open: f.open,
    source: f.source,
    supervision: f.supervision,
    enterprise_id: f.enterprise_id,
    found_from: f.found_from,
    found_to: f.found_to,
    q: f.q?.trim(),
    sort: f.sort && f.sort !== '-found_at' ? f.sort : undefined,
  }
}

export const listHazards = (f: Partial<HazardFilter>, cursor: string | null, limit = 50) =>
  api.get<Page<Hazard>>('/api/v1/hazards', { ...hazardQuery(f), cursor, limit })

/** A plain link (the session cookie applies) that downloads exactly what the filters show. */
export function hazardExportUrl(f: Partial<HazardFilter>, format: 'csv' | 'xlsx'): string {
  return buildUrl('/api/v1/hazards', { ...hazardQuery(f), format })
}

/** The 一单四制 workbook of the major hazards the filters select (the grade filter is ignored). */
export function ledgerUrl(f: Partial<HazardFilter> = {}): string {
  return buildUrl('/api/v1/hazards/ledger.xlsx', {
    ...hazardQuery(f),
    grade: undefined,
    sort: undefined,
  })
}

export const getHazard = (id: number) => api.get<HazardDetail>(`/api/v1/hazards/${id}`)

export interface NewHazard {
  enterprise_id?: number
  site?: string
  jurisdiction?: string
  sector: string
  location?: LonLat
  description: string
  grade?: Grade
  source?: HazardSource
  found_at?: number
  found_by?: string
  risk_color?: RiskColor
}

export const createHazard = (h: NewHazard) => api.post<Hazard>('/api/v1/hazards', h)

export interface TransitionBody {
  to: HazardState
  version?: number
  grade?: Grade
  risk_color?: RiskColor
  confirmation?: Confirmation
  assignment?: Assignment
  plan?: Plan
  note?: string
  deadline?: number
  attachments?: number[]
  /** Required when a government account takes the enterprise's step (代企业填报). */
  on_behalf_reason?: string
}

export const transitionHazard = (id: number, body: TransitionBody) =>
  api.post<Hazard>(`/api/v1/hazards/${id}/transitions`, body)

export const addProgress = (id: number, note: string, attachments: number[]) =>
  api.post<TimelineEntry>(`/api/v1/hazards/${id}/progress`, {
    note,
    attachments: attachments.length ? attachments : undefined,
  })

export const superviseHazard = (id: number, level: SupervisionLevel, note: string) =>
  api.post<Hazard>(`/api/v1/hazards/${id}/supervision`, { level, note: note || undefined })

export const escalateHazard = (
  id: number,
  kind: EscalationKind,
  note: string,
  attachments: number[],
) =>
  api.post<TimelineEntry>(`/api/v1/hazards/${id}/escalations`, {
    kind,
    note: note || undefined,
    attachments: attachments.length ? attachments : undefined,
  })

/** Sends one file as the raw request body; the server checks its type by content. */
export function uploadAttachment(id: number, file: File, onProgress: (p: UploadProgress) => void) {
  return upload<Attachment>(
    `/api/v1/hazards/${id}/attachments`,
    file,
    'application/octet-stream',
    onProgress,
    { name: file.name },
  )
}

export function attachmentUrl(hazardId: number, attachmentId: number): string {
  return `/api/v1/hazards/${hazardId}/attachments/${attachmentId}`
}

// --- statistics ------------------------------------------------------------------------------

export interface Figures {
  found: number
  closed_off: number
  open: number
  overdue: number
  major: number
  major_open: number
  /** closed_off / found (整改率), 0..1 */
  rate: number
}

export interface HazardStats {
  total: Figures
  by_unit: (Figures & { unit: string })[]
  by_sector: (Figures & { sector: string })[]
  by_state: Partial<Record<HazardState, number>>
  months: { month: string; found: number; closed_off: number }[]
}

export const getHazardStats = (q: { jurisdiction?: string; sector?: string } = {}) =>
  api.get<HazardStats>('/api/v1/hazards/stats', q)

// --- notices ---------------------------------------------------------------------------------

export interface NoticeSummary {
  id: number
  number: string
  jurisdiction: string
  period_from: number
  period_to: number
  issued_at: number
  issued_by: string
  /** null: the system (the cycle). */
  issuer: Actor | null
  trigger: 'cycle' | 'on_demand'
  overdue_named: number
  closed_named: number
}

export interface NoticeItem {
  id: number
  code: string
  enterprise: string
  site: string
  sector: string
  grade: Grade
  state: HazardState
  deadline: number | null
  days_overdue?: number
  closed_off_at?: number
}

export interface NoticeRow {
  unit: string
  found: number
  closed_off: number
  open: number
  overdue: number
  rate: number
  overdue_items: NoticeItem[]
  closed_items: NoticeItem[]
}

export interface Notice extends NoticeSummary {
  rows: NoticeRow[]
}

export const listNotices = (beforeId: number | null, limit = 20) =>
  api.get<{ items: NoticeSummary[]; next_before_id: number | null }>('/api/v1/notices', {
    before_id: beforeId,
    limit,
  })

export const getNotice = (id: number) => api.get<Notice>(`/api/v1/notices/${id}`)

export const issueNotice = (jurisdiction?: string) =>
  api.post<Notice>('/api/v1/notices', jurisdiction ? { jurisdiction } : {})

export function noticeExportUrl(id: number, format: 'csv' | 'xlsx'): string {
  return buildUrl(`/api/v1/notices/${id}`, { format })
}
