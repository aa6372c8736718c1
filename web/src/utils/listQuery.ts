// Lists keep their filters in the address (shareable, kept through a sign-in). A filter is a flat
// record of strings with a default for each key: the address names only what differs from the
// defaults, and an address value that is not among a key's allowed values falls back to its default.
import type { LocationQuery } from 'vue-router'

export type Filter = Record<string, string>

/** The filter an address asks for: absent keys take their default ('' stays '' when present). */
export function filterFromQuery<F extends Filter>(
  query: LocationQuery,
  defaults: F,
  allowed: Partial<Record<keyof F, readonly string[]>> = {},
): F {
  const out = { ...defaults }
  for (const key of Object.keys(defaults) as (keyof F & string)[]) {
    const raw = query[key]
    const v = Array.isArray(raw) ? raw[0] : raw
    if (typeof v !== 'string') continue
    const options = allowed[key]
    if (options && v !== '' && !options.includes(v)) continue
    ;(out as Filter)[key] = v
  }
  return out
}

/** The address query for a filter: the keys whose value differs from the default. */
export function queryFromFilter<F extends Filter>(f: F, defaults: F): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(f)) {
    if (v !== (defaults[k] ?? '')) out[k] = v
  }
  return out
}

/** Whether any key other than `ignore` (e.g. sort) differs from its default. */
export function isFiltered<F extends Filter>(
  f: F,
  defaults: F,
  ignore: readonly string[] = ['sort'],
): boolean {
  return Object.entries(f).some(([k, v]) => !ignore.includes(k) && v !== (defaults[k] ?? ''))
}

/** Two queries name the same filter (order of keys aside). */
export function sameQuery(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a).sort()
  const kb = Object.keys(b).sort()
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && a[k] === b[k])
}

/**
 * How many filters differ from their defaults, as a person counts them (the number on a phone's
 * "筛选" button): keys in `ignore` (the search box, the sort) are left out, and the keys of one
 * field (a date range's from and to) count once.
 */
export function activeFilterCount<F extends Filter>(
  f: F,
  defaults: F,
  {
    ignore = ['q', 'sort'],
    together = [],
  }: { ignore?: readonly string[]; together?: readonly (readonly string[])[] } = {},
): number {
  const fieldOf = new Map<string, string>()
  for (const keys of together) for (const k of keys) fieldOf.set(k, keys[0] ?? k)
  const active = new Set<string>()
  for (const [k, v] of Object.entries(f)) {
    if (ignore.includes(k) || v === (defaults[k] ?? '')) continue
    active.add(fieldOf.get(k) ?? k)
  }
  return active.size
}
