// Named filters a person saves for a list, kept in localStorage per list (e.g. "本月祁东县重大隐患").
// A saved filter is the list's address query; applying it is navigating to that query.
import { serverNow } from './serverTime'

export interface SavedFilter {
  name: string
  query: Record<string, string>
  savedAt: number
}

export const MAX_SAVED = 20

export function savedFiltersKey(list: string): string {
  return `anlan.filters.${list}`
}

function valid(x: unknown): x is SavedFilter {
  if (!x || typeof x !== 'object') return false
  const o = x as Record<string, unknown>
  return (
    typeof o.name === 'string' &&
    o.name.trim() !== '' &&
    !!o.query &&
    typeof o.query === 'object' &&
    Object.values(o.query as object).every((v) => typeof v === 'string')
  )
}

export function loadSavedFilters(list: string, storage: Storage = localStorage): SavedFilter[] {
  try {
    const raw = storage.getItem(savedFiltersKey(list))
    const parsed: unknown = raw ? JSON.parse(raw) : []
    return Array.isArray(parsed) ? parsed.filter(valid) : []
  } catch {
    return []
  }
}

/**
 * Adds or replaces (same name) a saved filter, newest first, at most MAX_SAVED; returns the list.
 * Storage failures (full, off) leave the list as it was in memory.
 */
export function saveFilter(
  list: string,
  name: string,
  query: Record<string, string>,
  now = serverNow(),
  storage: Storage = localStorage,
): SavedFilter[] {
  const trimmed = name.trim()
  const next = [
    { name: trimmed, query: { ...query }, savedAt: now },
    ...loadSavedFilters(list, storage).filter((f) => f.name !== trimmed),
  ].slice(0, MAX_SAVED)
  try {
    storage.setItem(savedFiltersKey(list), JSON.stringify(next))
  } catch {
    // Not kept across reloads.
  }
  return next
}

export function removeSavedFilter(
  list: string,
  name: string,
  storage: Storage = localStorage,
): SavedFilter[] {
  const next = loadSavedFilters(list, storage).filter((f) => f.name !== name)
  try {
    storage.setItem(savedFiltersKey(list), JSON.stringify(next))
  } catch {
    // Nothing to do.
  }
  return next
}
