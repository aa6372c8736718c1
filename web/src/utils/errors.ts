// Turns any failure into readable text in the current language.
import { ApiError, isApiError } from '@/api/client'
import { i18n } from '@/i18n'

const KNOWN = new Set([
  'invalid_argument',
  'unauthenticated',
  'permission_denied',
  'not_found',
  'conflict',
  'failed_precondition',
  'resource_exhausted',
  'unavailable',
  'internal',
  'payload_too_large',
  'method_not_allowed',
  'unprocessable',
  'network',
  'bad_response',
  'aborted',
])

export interface DescribedError {
  /** A sentence in the UI language for the kind of failure. */
  title: string
  /** The server's own message (in the UI's language: the client sends Accept-Language), when it says more than the title. */
  detail: string | null
  field: string | null
  code: string
}

export function describeError(e: unknown): DescribedError {
  const t = i18n.global.t
  if (!isApiError(e)) {
    const msg = e instanceof Error ? e.message : String(e)
    return { title: t('errors.title'), detail: msg || null, field: null, code: 'client' }
  }
  let title = KNOWN.has(e.code) ? t(`errors.${e.code}`) : t('errors.unknownCode', { code: e.code })
  if (e.status === 429 && e.retryAfter !== null)
    title = t('errors.tooManyAttempts', { n: e.retryAfter })
  // Failures made on this side (no connection, an unreadable answer) carry the browser's own
  // English text ("Failed to fetch"): the title says it all.
  const madeHere = e.status === 0 || e.code === 'bad_response'
  const serverSaid = !madeHere && e.message && !e.message.startsWith('HTTP ') ? e.message : null
  let detail = serverSaid
  if (e.code === 'internal' && e.requestId) {
    detail = [serverSaid, t('errors.requestId', { id: e.requestId })].filter(Boolean).join(' · ')
  }
  return { title, detail: detail && sentence(detail), field: e.field, code: e.code }
}

/** A message as a sentence: English starts with a capital (the server's start in lower case). */
export function sentence(message: string): string {
  if (i18n.global.locale.value !== 'en' || !message) return message
  return message.charAt(0).toUpperCase() + message.slice(1)
}

/** One line: the title and, when present, the server's detail. */
export function errorText(e: unknown): string {
  const d = describeError(e)
  const sep = i18n.global.locale.value === 'en' ? ': ' : '：'
  return d.detail ? `${d.title}${sep}${d.detail}` : d.title
}

/** A 404 for a route the server has not got yet (a module still being built). */
export function isMissingRoute(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404 && /no such route/i.test(e.message)
}
