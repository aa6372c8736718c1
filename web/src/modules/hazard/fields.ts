// Server field names of hazard requests and their labels, and the server's complaint about a field
// in the UI's language when it is a plain "is required".
import { isApiError } from '@/api/client'
import { i18n } from '@/i18n'

const LABELS: Record<string, string> = {
  grade: 'hazards.grade',
  risk_color: 'hazards.riskColor',
  'confirmation.department': 'hazards.fields.confirmationDepartment',
  'confirmation.meeting': 'hazards.fields.confirmationMeeting',
  'confirmation.date': 'hazards.fields.confirmationDate',
  'assignment.slip_no': 'hazards.fields.slipNo',
  'assignment.responsible_unit': 'hazards.fields.responsibleUnit',
  'assignment.assigning_unit': 'hazards.fields.assigningUnit',
  'assignment.supervising_unit': 'hazards.fields.supervisingUnit',
  'assignment.deadline': 'hazards.fields.slipDeadline',
  'plan.responsible_person': 'hazards.fields.responsiblePerson',
  'plan.measures': 'hazards.fields.measures',
  'plan.funds_yuan': 'hazards.fields.funds',
  'plan.deadline': 'hazards.fields.planDeadline',
  'plan.contingency_plan': 'hazards.fields.contingencyPlan',
  note: 'hazards.fields.note',
  deadline: 'hazards.fields.newDeadline',
  attachments: 'hazards.evidence',
  enterprise_id: 'hazards.enterprise',
  site: 'hazards.site',
  jurisdiction: 'hazards.jurisdiction',
  sector: 'hazards.sector',
  location: 'hazards.location',
  description: 'hazards.description',
  source: 'hazards.source',
  found_at: 'hazards.foundAt',
  found_by: 'hazards.foundBy',
}

export function fieldLabelKey(field: string): string | null {
  return LABELS[field] ?? null
}

/** The message to show under form field `formField` for a server error. */
export function serverFieldMessage(e: unknown, formField: string): string {
  const t = i18n.global.t
  if (!isApiError(e)) return String(e)
  const key = fieldLabelKey(formField)
  if (key && / is required$/.test(e.message)) return t('validation.required', { field: t(key) })
  return e.message
}
