// The hazard loop as the UI needs it: which step leads from one state to another, which form each
// step asks for, the request body a form makes, money in fen and yuan, deadlines in days.
import type {
  Grade,
  HazardDetail,
  HazardState,
  SupervisionLevel,
  TransitionBody,
} from '@/api/hazards'
import type { RiskColor } from '@/api/types'
import { DAY_MS, endOfDay } from '@/utils/calendar'

export type StepName =
  | 'assess'
  | 'fix_on_the_spot'
  | 'assign'
  | 'self_rectify'
  | 'start_rectification'
  | 'request_acceptance'
  | 'accept'
  | 'reject'
  | 'close_off'
  | 'recheck_pass'
  | 'recheck_fail'

/** The server's transition table (hazard/rules.cc): from, to, step. */
export const STEPS: readonly { from: HazardState; to: HazardState; step: StepName }[] = [
  { from: 'registered', to: 'assessed', step: 'assess' },
  { from: 'registered', to: 'closed_off', step: 'fix_on_the_spot' },
  { from: 'assessed', to: 'assigned', step: 'assign' },
  { from: 'assessed', to: 'rectifying', step: 'self_rectify' },
  { from: 'assigned', to: 'rectifying', step: 'start_rectification' },
  { from: 'rectifying', to: 'acceptance_requested', step: 'request_acceptance' },
  { from: 'acceptance_requested', to: 'accepted', step: 'accept' },
  { from: 'acceptance_requested', to: 'rectifying', step: 'reject' },
  { from: 'accepted', to: 'closed_off', step: 'close_off' },
  { from: 'closed_off', to: 'rechecked', step: 'recheck_pass' },
  { from: 'closed_off', to: 'rectifying', step: 'recheck_fail' },
  { from: 'rechecked', to: 'rectifying', step: 'recheck_fail' },
]

export function stepFor(from: HazardState, to: HazardState): StepName | null {
  return STEPS.find((s) => s.from === from && s.to === to)?.step ?? null
}

export type StepField = 'grade' | 'confirmation' | 'assignment' | 'plan' | 'note' | 'deadline'

export interface StepForm {
  fields: readonly StepField[]
  noteRequired: boolean
  deadlineRequired: boolean
  /** Evidence: 'required' (at least one file), 'optional' or 'none'. */
  attachments: 'required' | 'optional' | 'none'
  /** A step that sends the hazard back (shown as a warning-coloured button). */
  backwards?: boolean
}

export const STEP_FORMS: Record<StepName, StepForm> = {
  assess: {
    fields: ['grade', 'confirmation'],
    noteRequired: false,
    deadlineRequired: false,
    attachments: 'none',
  },
  fix_on_the_spot: {
    fields: ['note'],
    noteRequired: true,
    deadlineRequired: false,
    attachments: 'required',
  },
  assign: {
    fields: ['assignment'],
    noteRequired: false,
    deadlineRequired: false,
    attachments: 'none',
  },
  self_rectify: {
    fields: ['plan'],
    noteRequired: false,
    deadlineRequired: false,
    attachments: 'none',
  },
  start_rectification: {
    fields: ['plan'],
    noteRequired: false,
    deadlineRequired: false,
    attachments: 'none',
  },
  request_acceptance: {
    fields: ['note'],
    noteRequired: true,
    deadlineRequired: false,
    attachments: 'required',
  },
  accept: { fields: ['note'], noteRequired: true, deadlineRequired: false, attachments: 'none' },
  reject: {
    fields: ['note', 'deadline'],
    noteRequired: true,
    deadlineRequired: false,
    attachments: 'none',
    backwards: true,
  },
  close_off: {
    fields: ['note'],
    noteRequired: false,
    deadlineRequired: false,
    attachments: 'none',
  },
  recheck_pass: {
    fields: ['note'],
    noteRequired: true,
    deadlineRequired: false,
    attachments: 'none',
  },
  recheck_fail: {
    fields: ['note', 'deadline'],
    noteRequired: true,
    deadlineRequired: true,
    attachments: 'none',
    backwards: true,
  },
}

export interface StepAction {
  to: HazardState
  step: StepName
  form: StepForm
  /** The enterprise's step, taken for it by a government account (代企业填报): needs a reason. */
  onBehalf: boolean
}

/**
 * The actions to offer: one per state the server allows now, in the loop's order. Those the
 * server says this person would take for the enterprise are marked onBehalf (a secondary action).
 */
export function actionsFor(
  h: Pick<HazardDetail, 'state' | 'allowed'> & { on_behalf?: HazardState[] },
): StepAction[] {
  const out: StepAction[] = []
  for (const to of h.allowed) {
    const step = stepFor(h.state, to)
    if (step) out.push({ to, step, form: STEP_FORMS[step], onBehalf: !!h.on_behalf?.includes(to) })
  }
  // Forward steps first, then those that send the hazard back.
  return out.sort((a, b) => Number(!!a.form.backwards) - Number(!!b.form.backwards))
}

// --- money ---------------------------------------------------------------------------------

/** Yuan as typed ("12,345.6", "¥ 800") → fen; null when not an amount with at most 2 decimals. */
export function yuanToFen(text: string): number | null {
  const s = text.replace(/[,，\s¥￥]/g, '')
  const m = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(s)
  if (!m) return null
  const fen = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
  return Number.isSafeInteger(fen) ? fen : null
}

/** Fen → yuan as plain text for an input ("1234.5" → "1234.50"). */
export function fenToYuanText(fen: number): string {
  const neg = fen < 0
  const abs = Math.abs(Math.trunc(fen))
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
  return neg ? `-${text}` : text
}

/** Fen for display: "¥144,000.00" (zh) or "CNY 144,000.00" (en). */
export function formatFen(fen: number | null | undefined, locale: string): string {
  if (fen === null || fen === undefined || !Number.isFinite(fen)) return '—'
  const yuan = new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(fen / 100)
  return locale === 'en' ? `CNY ${yuan}` : `¥${yuan}`
}

// --- deadlines -----------------------------------------------------------------------------

export type DeadlineKind = 'none' | 'closed' | 'left' | 'today' | 'overdue'

export interface DeadlineStatus {
  kind: DeadlineKind
  /** Whole days left (left) or overdue (overdue, as the notices count them); 0 otherwise. */
  days: number
}

const CLOSED: readonly HazardState[] = ['closed_off', 'rechecked']

/**
 * Where a hazard (or any open work with a deadline: no state) stands against its deadline at
 * `now`. Overdue days are whole days past the deadline (as the server's notices count them);
 * "today" is the last 24 hours before it.
 */
export function deadlineStatus(
  h: { state?: HazardState; deadline: number | null; overdue?: boolean },
  now: number,
): DeadlineStatus {
  if (h.state && CLOSED.includes(h.state)) return { kind: 'closed', days: 0 }
  if (h.deadline === null) return { kind: 'none', days: 0 }
  const diff = h.deadline - now
  if (diff < 0 || h.overdue)
    return { kind: 'overdue', days: Math.floor(Math.max(0, -diff) / DAY_MS) }
  if (diff < DAY_MS) return { kind: 'today', days: 0 }
  return { kind: 'left', days: Math.floor(diff / DAY_MS) }
}

// --- forms ---------------------------------------------------------------------------------

export interface StepFormModel {
  grade: Grade | ''
  risk_color: RiskColor | ''
  confirmation: { department: string; meeting: string; date: number | null }
  assignment: {
    slip_no: string
    responsible_unit: string
    assigning_unit: string
    supervising_unit: string
    deadline: number | null
  }
  plan: {
    responsible_person: string
    measures: string
    funds_yuan: string
    deadline: number | null
    contingency_plan: string
  }
  note: string
  deadline: number | null
  attachments: number[]
  /** Why the step is taken for the enterprise (代企业填报 only). */
  on_behalf_reason: string
}

export function emptyStepForm(h?: Pick<HazardDetail, 'grade' | 'assignment'>): StepFormModel {
  return {
    grade: h?.grade ?? '',
    risk_color: '',
    confirmation: { department: '', meeting: '', date: null },
    assignment: {
      slip_no: '',
      responsible_unit: '',
      assigning_unit: '',
      supervising_unit: '',
      deadline: null,
    },
    plan: {
      responsible_person: '',
      measures: '',
      funds_yuan: '',
      deadline: h?.assignment?.deadline ?? null,
      contingency_plan: '',
    },
    note: '',
    deadline: null,
    attachments: [],
    on_behalf_reason: '',
  }
}

/**
 * A plan's deadline: the end of the chosen China day, but never after the slip's deadline (a plan
 * on the slip's own day ends when the slip does).
 */
export function planDeadline(day: number | null, slipDeadline: number | null): number {
  if (day === null) return 0
  const end = endOfDay(day)
  return slipDeadline !== null && end > slipDeadline ? Math.max(day, slipDeadline) : end
}

/**
 * The request body of a step from its form. Text is trimmed; empty optional parts are left out;
 * what is missing is left for the server to name (a missing required field stays out of the body
 * or empty, so the server's answer points at it).
 */
export function transitionBody(
  action: StepAction,
  m: StepFormModel,
  version: number,
  slipDeadline: number | null = null,
): TransitionBody {
  const body: TransitionBody = { to: action.to, version }
  const f = action.form
  if (f.fields.includes('grade')) {
    if (m.grade) body.grade = m.grade
    if (m.risk_color) body.risk_color = m.risk_color
    if (m.grade === 'major') {
      body.confirmation = {
        department: m.confirmation.department,
        meeting: m.confirmation.meeting.trim(),
        date: m.confirmation.date ?? 0,
      }
    }
  }
  if (f.fields.includes('assignment')) {
    body.assignment = {
      slip_no: m.assignment.slip_no.trim(),
      responsible_unit: m.assignment.responsible_unit.trim(),
      assigning_unit: m.assignment.assigning_unit.trim(),
      supervising_unit: m.assignment.supervising_unit.trim(),
      deadline: m.assignment.deadline === null ? 0 : endOfDay(m.assignment.deadline),
    }
  }
  if (f.fields.includes('plan')) {
    body.plan = {
      responsible_person: m.plan.responsible_person.trim(),
      measures: m.plan.measures.trim(),
      funds_fen: yuanToFen(m.plan.funds_yuan) ?? -1,
      deadline: planDeadline(m.plan.deadline, slipDeadline),
      contingency_plan: m.plan.contingency_plan.trim(),
    }
  }
  if (f.fields.includes('note') && m.note.trim()) body.note = m.note.trim()
  if (f.fields.includes('deadline') && m.deadline !== null) body.deadline = endOfDay(m.deadline)
  if (f.attachments !== 'none' && m.attachments.length) body.attachments = [...m.attachments]
  if (action.onBehalf && m.on_behalf_reason.trim())
    body.on_behalf_reason = m.on_behalf_reason.trim()
  return body
}

/**
 * The form field that shows a server error: "plan.funds_fen" → "plan.funds_yuan"; the other
 * server names are the form's own (grade, confirmation.meeting, note, attachments, …).
 */
const WHOLE_PARTS: Record<string, string> = {
  plan: 'plan.responsible_person',
  assignment: 'assignment.slip_no',
  confirmation: 'confirmation.department',
}

/**
 * The form field that shows a server error: "plan.funds_fen" → "plan.funds_yuan", a whole part
 * missing ("plan") → its first field; other server names are the form's own (grade,
 * confirmation.meeting, note, attachments, …).
 */
export function formFieldOf(serverField: string | null): string | null {
  if (!serverField) return null
  if (serverField === 'plan.funds_fen') return 'plan.funds_yuan'
  return WHOLE_PARTS[serverField] ?? serverField
}

/** Records that are not steps: a ledger entry, a supervision listing, an escalation action. */
export type RecordKind = 'progress' | 'supervision' | 'escalation'

// --- people ---------------------------------------------------------------------------------

/** A person as records name them: "张三（衡阳县应急管理局）"; `system` for the system (null). */
export function personText(
  a: { name: string; unit: string } | null | undefined,
  format: (name: string, unit: string) => string,
  system: string,
): string {
  if (!a) return system
  return a.unit ? format(a.name, a.unit) : a.name
}

// --- supervision ---------------------------------------------------------------------------

/** The levels a major hazard's listing may be changed to (city and province: city-level only). */
export function supervisionChoices(
  current: SupervisionLevel | null,
  cityLevel: boolean,
): SupervisionLevel[] {
  const levels: SupervisionLevel[] = cityLevel ? ['county', 'city', 'province'] : ['county']
  return levels.filter((l) => l !== current)
}

// --- colours -------------------------------------------------------------------------------

/** A colour per state (tags, map markers, charts): grey → blue → orange → green along the loop. */
export const STATE_HEX: Record<HazardState, string> = {
  registered: '#7b8799',
  assessed: '#5b6fd6',
  assigned: '#8a4fc9',
  rectifying: '#f27a1a',
  acceptance_requested: '#1f9ad1',
  accepted: '#2aa57a',
  closed_off: '#1a8f4c',
  rechecked: '#0f6b3a',
}

/** The next rung of the escalation ladder after those already taken (the last stays the last). */
export function nextEscalation(taken: readonly string[], ladder: readonly string[]): string | null {
  let highest = -1
  for (const k of taken) highest = Math.max(highest, ladder.indexOf(k))
  return ladder[Math.min(highest + 1, ladder.length - 1)] ?? null
}
