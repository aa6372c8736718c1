// The enterprise list's filters: defaults, and the fixed choices with their words (the address
// accepts only these values for the keys that have them).
import type { EnterpriseFilter } from '@/api/endpoints'

export const ENTERPRISE_FILTER_DEFAULTS: Required<Record<keyof EnterpriseFilter, string>> = {
  jurisdiction: '',
  sector: '',
  risk_color: '',
  q: '',
  active: 'true',
  major_hazard_installations: '',
  sort: 'id',
}

/** value → message of the filters with fixed choices. */
export const ENTERPRISE_FILTER_CHOICES = {
  major_hazard_installations: {
    true: 'enterprises.majorHazardYes',
    false: 'enterprises.majorHazardNo',
  },
  active: {
    true: 'enterprises.statusActive',
    false: 'enterprises.statusInactive',
    '': 'common.all',
  },
  sort: {
    id: 'enterprises.sort.id',
    name: 'enterprises.sort.name',
    '-updated_at': 'enterprises.sort.updated',
  },
} as const satisfies Partial<Record<keyof EnterpriseFilter, Record<string, string>>>

export const ENTERPRISE_FILTER_ALLOWED = { sort: Object.keys(ENTERPRISE_FILTER_CHOICES.sort) }
