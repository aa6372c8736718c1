// Field-by-field comparison of an audit record's before and after.

export interface DiffRow {
  key: string
  before: string | null
  after: string | null
  /** 'added' | 'removed' | 'changed' | 'same' */
  kind: 'added' | 'removed' | 'changed' | 'same'
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

export function show(v: unknown): string {
  if (v === undefined) return ''
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}

/** Rows for the union of top-level fields, in the order they first appear (after, then before). */
export function diffRecords(before: unknown, after: unknown): DiffRow[] {
  const b = isPlainObject(before)
    ? before
    : before === null || before === undefined
      ? {}
      : { value: before }
  const a = isPlainObject(after)
    ? after
    : after === null || after === undefined
      ? {}
      : { value: after }
  const keys: string[] = []
  for (const k of [...Object.keys(a), ...Object.keys(b)]) if (!keys.includes(k)) keys.push(k)
  const hasBefore = isPlainObject(before) || (before !== null && before !== undefined)
  const hasAfter = isPlainObject(after) || (after !== null && after !== undefined)
  return keys.map((key) => {
    const inB = key in b
    const inA = key in a
    const bv = inB ? show(b[key]) : null
    const av = inA ? show(a[key]) : null
    let kind: DiffRow['kind'] = 'same'
    if (inA && !inB) kind = hasBefore ? 'added' : 'same'
    else if (inB && !inA) kind = hasAfter ? 'removed' : 'same'
    else if (bv !== av) kind = 'changed'
    return { key, before: bv, after: av, kind }
  })
}
