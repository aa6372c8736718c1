// The duty forms' fields and the server's complaints about them in the UI's language: the server
// answers {"error":{"field","message"}} in English; the messages it is known to send get their
// translation, anything else is shown as it came.
import { isApiError } from '@/api/client'
import { i18n } from '@/i18n'

const LABELS: Record<string, string> = {
  starts_at: 'duty.rota.startsAt',
  ends_at: 'duty.rota.endsAt',
  leader: 'duty.rota.leader',
  officers: 'duty.rota.officers',
  officer1: 'duty.rota.officers',
  note: 'duty.rota.note',
  reporter_name: 'duty.intake.fields.reporterName',
  reporter_unit: 'duty.intake.fields.reporterUnit',
  reporter_phone: 'duty.intake.fields.reporterPhone',
  event_type: 'duty.intake.fields.eventType',
  occurred_at: 'duty.intake.fields.occurredAt',
  place: 'duty.intake.fields.place',
  scope: 'duty.intake.fields.scope',
  dead: 'duty.intake.fields.dead',
  injured: 'duty.intake.fields.injured',
  missing: 'duty.intake.fields.missing',
  handling: 'duty.intake.fields.handling',
  help_requested: 'duty.intake.fields.helpRequested',
  text: 'duty.log.text',
  assessment: 'duty.assess.grade',
  remarks: 'duty.assess.remarks',
  report: 'duty.assess.report',
  av_fault: 'duty.assess.faults',
  rooms: 'duty.checks.rooms',
  random: 'duty.checks.randomN',
  seed: 'duty.checks.seed',
}

/** Known server messages (by pattern) and the i18n key that says the same. */
const KNOWN: [RegExp, string][] = [
  [/ is required/, 'validation.required'],
  [/ends_at must be after starts_at/, 'duty.rota.errors.endsAfter'],
  [/at most 48 hours/, 'duty.rota.errors.tooLong'],
  [/one or two duty officers/, 'duty.rota.errors.officerRequired'],
  [/must be digits/, 'duty.errors.phone'],
  [/lies in the future/, 'duty.errors.future'],
  [/must be a count of people/, 'duty.errors.count'],
  [/must be at most \d+ bytes/, 'duty.errors.tooLong'],
]

export function fieldLabel(field: string): string {
  const key = LABELS[field]
  return key ? i18n.global.t(key) : field
}

/** The message to show at form field `formField` for a server error. */
export function serverFieldMessage(e: unknown, formField: string): string {
  const t = i18n.global.t
  if (!isApiError(e)) return String(e)
  for (const [re, key] of KNOWN) {
    if (re.test(e.message)) return t(key, { field: fieldLabel(formField) })
  }
  return e.message
}
