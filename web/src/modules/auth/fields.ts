// The server's complaints about the user forms and the sign-in in the UI's language: the server
// answers {"error":{"field","message"}} in English (src/auth/rules.cc, service.cc, http/origin.cc);
// the messages it is known to send get their translation, anything else is shown as it came.
import { isApiError } from '@/api/client'
import { i18n } from '@/i18n'
import { describeError } from '@/utils/errors'

/** Known server messages (by pattern), the i18n key that says the same, and its parameters. */
const KNOWN: [RegExp, string, ((m: RegExpMatchArray) => Record<string, string>)?][] = [
  [/no such enterprise in your jurisdiction/, 'users.errors.enterpriseNotFound'],
  [/enterprise officer needs the id of their enterprise/, 'users.errors.enterpriseRequired'],
  [/only enterprise officers are bound to an enterprise/, 'users.errors.enterpriseNotOfficer'],
  [/password must not contain the username/, 'users.errors.passwordHasUsername'],
  [/password is too common/, 'users.errors.passwordCommon'],
  [/password is too simple/, 'users.errors.passwordSimple'],
  [/password is too weak/, 'users.errors.passwordWeak'],
  [
    /password must be at (least|most) \d+ characters|password needs a letter and a digit/,
    'validation.password',
  ],
  [/username '(.*)' is taken/, 'users.errors.usernameTaken', (m) => ({ name: m[1] ?? '' })],
]

/** The message to show at a user form's field for a server error. */
export function userFieldMessage(e: unknown): string {
  const t = i18n.global.t
  if (!isApiError(e)) return String(e)
  for (const [re, key, params] of KNOWN) {
    const m = e.message.match(re)
    if (m) return params ? t(key, params(m)) : t(key)
  }
  return e.message
}

/** A refused sign-in as a title and a detail (null: none), for the sign-in page. */
export function loginFailure(
  e: unknown,
  pageOrigin: string,
): { title: string; detail: string | null } {
  const t = i18n.global.t
  if (isApiError(e) && e.status === 401) return { title: t('login.failed'), detail: null }
  // A page opened at an address the server does not take sign-ins from (public_origins).
  if (isApiError(e) && e.status === 403 && e.field === 'origin') {
    return {
      title: t('login.originRefused'),
      detail: t('login.originHint', { origin: pageOrigin }),
    }
  }
  const d = describeError(e)
  return { title: d.title, detail: d.detail }
}
