// The server's complaints about the user forms and the sign-in. The server says them in the UI's
// language (the client sends Accept-Language; src/core/messages/zh-CN.tsv has the Chinese).
import { isApiError } from '@/api/client'
import { i18n } from '@/i18n'
import { describeError, sentence } from '@/utils/errors'

/** The message to show at a user form's field for a server error. */
export function userFieldMessage(e: unknown): string {
  if (!isApiError(e)) return String(e)
  return sentence(e.message)
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
