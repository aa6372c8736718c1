// Unsaved input of the enterprise form, kept in sessionStorage so nothing typed is lost when a
// save fails, the session ends (sign in again and come back) or the page is reloaded.
import type { EnterpriseForm } from './model'

export interface Draft {
  /** The record as it was loaded (edit) or the empty form (create). */
  base: EnterpriseForm
  model: EnterpriseForm
  /** The version the edit started from; 0 when creating. */
  version: number
  savedAt: number
}

export function draftKey(id: number | null): string {
  return `anlan.draft.enterprise.${id ?? 'new'}`
}

export function saveDraft(id: number | null, d: Draft): void {
  try {
    sessionStorage.setItem(draftKey(id), JSON.stringify(d))
  } catch {
    // Storage full or off: the form still works, only without a draft.
  }
}

export function loadDraft(id: number | null): Draft | null {
  try {
    const raw = sessionStorage.getItem(draftKey(id))
    if (!raw) return null
    const d = JSON.parse(raw) as Draft
    return d && d.model && d.base ? d : null
  } catch {
    return null
  }
}

export function clearDraft(id: number | null): void {
  try {
    sessionStorage.removeItem(draftKey(id))
  } catch {
    // Nothing to do.
  }
}
