// Form validation as pure functions: each returns null (fine) or a problem (an i18n key and its
// parameters), so the same rules run in tests, as the person types, and before saving. The
// limits follow the server's (enterprise/rules.cc, auth NewUser): byte lengths are UTF-8 bytes.
import type { FormItemRule } from 'element-plus'
import { checkCreditCode, normalizeCreditCode } from './creditCode'
import { utf8Length } from './format'

export interface Problem {
  key: string
  params?: Record<string, string | number>
}

export type Check<T> = (value: T) => Problem | null

export function required(fieldKey: string, select = false): Check<unknown> {
  return (v) => {
    const empty =
      v === null ||
      v === undefined ||
      (typeof v === 'string' && v.trim() === '') ||
      (Array.isArray(v) && v.length === 0)
    return empty
      ? {
          key: select ? 'validation.requiredSelect' : 'validation.required',
          params: { field: fieldKey },
        }
      : null
  }
}

export function maxBytes(fieldKey: string, max: number): Check<string | null | undefined> {
  return (v) =>
    v && utf8Length(v) > max
      ? {
          key: 'validation.maxBytes',
          params: { field: fieldKey, max, chars: Math.floor(max / 3) },
        }
      : null
}

export const creditCode: Check<string> = (raw): Problem | null => {
  const p = checkCreditCode(normalizeCreditCode(raw ?? ''))
  if (!p) return null
  switch (p.kind) {
    case 'empty':
      return { key: 'validation.creditCode.empty' }
    case 'length':
      return { key: 'validation.creditCode.length', params: { length: p.length } }
    case 'char':
      return { key: 'validation.creditCode.char', params: { position: p.position, char: p.char } }
    case 'division':
      return { key: 'validation.creditCode.division' }
    case 'check':
      return { key: 'validation.creditCode.check', params: { expected: p.expected } }
  }
}

/** Optional phone: 5–20 characters of digits, '-', '+' and spaces (the server's rule). */
export const phone: Check<string | null | undefined> = (v) => {
  if (!v) return null
  return v.length < 5 || v.length > 20 || !/^[0-9+\- ]+$/.test(v)
    ? { key: 'validation.phone' }
    : null
}

export type Coordinate = number | null | undefined

/** Longitude and latitude together or not at all, each in range. */
export function location(
  lon: Coordinate,
  lat: Coordinate,
): { lon: Problem | null; lat: Problem | null } {
  const hasLon = lon !== null && lon !== undefined && Number.isFinite(lon)
  const hasLat = lat !== null && lat !== undefined && Number.isFinite(lat)
  if (hasLon !== hasLat) {
    const p = { key: 'validation.lonLatPair' }
    return { lon: hasLon ? null : p, lat: hasLat ? null : p }
  }
  return {
    lon: hasLon && (lon < -180 || lon > 180) ? { key: 'validation.lon' } : null,
    lat: hasLat && (lat < -90 || lat > 90) ? { key: 'validation.lat' } : null,
  }
}

export const sectors: Check<readonly string[]> = (v) =>
  !v || v.length === 0 ? { key: 'validation.sectorsRequired' } : null

/** 3–64 letters, digits, '.', '_' or '-'. */
export const username: Check<string> = (v) =>
  /^[A-Za-z0-9._-]{3,64}$/.test(v ?? '') ? null : { key: 'validation.username' }

/** 10–200 characters with at least one letter and one digit. */
export const password: Check<string> = (v) => {
  const s = v ?? ''
  return s.length >= 10 && s.length <= 200 && /[A-Za-z]/.test(s) && /[0-9]/.test(s)
    ? null
    : { key: 'validation.password' }
}

/** The first problem of several checks. */
export function firstProblem<T>(value: T, checks: Check<T>[]): Problem | null {
  for (const c of checks) {
    const p = c(value)
    if (p) return p
  }
  return null
}

export type Translate = (key: string, params?: Record<string, unknown>) => string

/** A problem as text; a `field` parameter that is an i18n key is translated first. */
export function problemText(p: Problem, t: Translate): string {
  const params: Record<string, unknown> = { ...(p.params ?? {}) }
  if (typeof params.field === 'string') params.field = t(params.field)
  return t(p.key, params)
}

/** An Element Plus form rule running `checks` on every change of the field. */
export function rule<T>(
  t: Translate,
  checks: Check<T>[],
  trigger: string[] = ['change', 'blur'],
  isRequired = false,
): FormItemRule {
  return {
    required: isRequired,
    trigger,
    validator: (_r: unknown, value: T, callback: (e?: Error) => void) => {
      const p = firstProblem(value, checks)
      callback(p ? new Error(problemText(p, t)) : undefined)
    },
  }
}
