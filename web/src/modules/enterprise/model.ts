// The enterprise form's model, and its conversions to and from the API.
import type { Enterprise, EnterpriseInput, EnterpriseSize, RiskColor } from '@/api/types'
import { normalizeCreditCode } from '@/utils/creditCode'

export interface EnterpriseForm {
  name: string
  credit_code: string
  sectors: string[]
  jurisdiction: string
  address: string
  lon: number | null
  lat: number | null
  risk_color: RiskColor
  size: EnterpriseSize
  contact_name: string
  contact_phone: string
  major_hazard_installations: boolean
}

export type FormKey = keyof EnterpriseForm

export const FORM_KEYS: readonly FormKey[] = [
  'name',
  'credit_code',
  'sectors',
  'jurisdiction',
  'address',
  'lon',
  'lat',
  'risk_color',
  'size',
  'contact_name',
  'contact_phone',
  'major_hazard_installations',
]

export function emptyForm(): EnterpriseForm {
  return {
    name: '',
    credit_code: '',
    sectors: [],
    jurisdiction: '',
    address: '',
    lon: null,
    lat: null,
    risk_color: 'blue',
    size: 'small',
    contact_name: '',
    contact_phone: '',
    major_hazard_installations: false,
  }
}

export function formFromEnterprise(e: Enterprise): EnterpriseForm {
  return {
    name: e.name,
    credit_code: e.credit_code,
    sectors: [...e.sectors],
    jurisdiction: e.jurisdiction,
    address: e.address,
    lon: e.location?.lon ?? null,
    lat: e.location?.lat ?? null,
    risk_color: e.risk_color,
    size: e.size,
    contact_name: e.contact_name ?? '',
    contact_phone: e.contact_phone ?? '',
    major_hazard_installations: e.major_hazard_installations,
  }
}

function blankToNull(s: string): string | null {
  const v = s.trim()
  return v === '' ? null : v
}

export function inputFromForm(f: EnterpriseForm): EnterpriseInput {
  return {
    name: f.name.trim(),
    credit_code: normalizeCreditCode(f.credit_code),
    sectors: [...f.sectors],
    jurisdiction: f.jurisdiction,
    address: f.address.trim(),
    location: f.lon !== null && f.lat !== null ? { lon: f.lon, lat: f.lat } : null,
    risk_color: f.risk_color,
    size: f.size,
    contact_name: blankToNull(f.contact_name),
    contact_phone: blankToNull(f.contact_phone),
    major_hazard_installations: f.major_hazard_installations,
  }
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** The fields of `now` that differ from `base`, as a PATCH body (without version). */
export function patchBetween(base: EnterpriseForm, now: EnterpriseForm): Partial<EnterpriseInput> {
  const a = inputFromForm(base)
  const b = inputFromForm(now)
  const out: Partial<EnterpriseInput> = {}
  for (const k of Object.keys(b) as (keyof EnterpriseInput)[]) {
    if (!same(a[k], b[k])) (out as Record<string, unknown>)[k] = b[k]
  }
  return out
}

export function isDirty(base: EnterpriseForm, now: EnterpriseForm): boolean {
  return Object.keys(patchBetween(base, now)).length > 0
}

/**
 * Three-way merge after someone else saved: the fields this person changed (mine vs base) win,
 * every other field takes the latest stored value.
 */
export function mergeChanges(
  base: EnterpriseForm,
  mine: EnterpriseForm,
  latest: EnterpriseForm,
): EnterpriseForm {
  const out = { ...latest, sectors: [...latest.sectors] }
  for (const k of FORM_KEYS) {
    if (!same(base[k], mine[k])) (out as Record<string, unknown>)[k] = mine[k]
  }
  return out
}
