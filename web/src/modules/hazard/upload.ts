// Readable text for a refused upload: what was wrong in the UI's language, then the server's own
// words (e.g. "the file's content is not image/jpeg as its name says").
import { isApiError } from '@/api/client'
import { errorText } from '@/utils/errors'
import { i18n } from '@/i18n'

export function uploadErrorText(e: unknown, fileName: string): string {
  const t = i18n.global.t
  if (isApiError(e)) {
    const reason = e.message && !e.message.startsWith('HTTP ') ? e.message : ''
    let what: string | null = null
    if (e.status === 413) what = t('hazards.upload.tooLarge', { name: fileName })
    else if (e.status === 400 && (e.field === 'file' || e.field === 'name'))
      what = t('hazards.upload.wrongType', { name: fileName })
    if (what) return reason ? t('hazards.upload.withReason', { what, reason }) : what
  }
  return errorText(e)
}
