// Types of the server's JSON (docs/openapi.json). Names follow the glossary.
import type { FeatureCollection, Geometry } from 'geojson'

export type Role =
  'admin' | 'commander' | 'duty_officer' | 'department_officer' | 'enterprise_officer'
export const ROLES: readonly Role[] = [
  'admin',
  'commander',
  'duty_officer',
  'department_officer',
  'enterprise_officer',
]

export interface User {
  id: number
  username: string
  display_name: string
  role: Role
  jurisdiction: string
  department: string | null
  enterprise_id: number | null
  phone: string | null
  active: boolean
  version: number
  created_at: number
  updated_at: number
  jurisdiction_name?: string
  jurisdiction_name_en?: string
}

export interface Me extends User {
  csrf_token: string
}

export interface LoginResponse {
  token: string
  csrf_token: string
  expires_at: number
  user: User
}

export type JurisdictionLevel = 'province' | 'city' | 'county' | 'park' | 'township'

export interface Jurisdiction {
  code: string
  name: string
  name_en: string
  level: JurisdictionLevel
  parent: string | null
  official: boolean
}

export interface JurisdictionNode extends Jurisdiction {
  children: JurisdictionNode[]
}

export interface JurisdictionTree {
  root: JurisdictionNode
  path: Jurisdiction[]
  items: Jurisdiction[]
}

export interface JurisdictionDetail extends Jurisdiction {
  children: Jurisdiction[]
  boundary: Geometry | null
}

export interface Page<T> {
  items: T[]
  next_cursor: string | null
}

export interface AuditRecord {
  id: number
  at: number
  actor: string
  actor_id: number | null
  entity: string
  entity_id: string
  action: string
  jurisdiction: string
  before: unknown
  after: unknown
  hash: string
}

export interface Department {
  code: string
  name: string
  name_en: string
}

export interface Sector {
  code: string
  name: string
  name_en: string
  lead_department: string
}

export type RiskColor = 'red' | 'orange' | 'yellow' | 'blue'
export const RISK_COLORS: readonly RiskColor[] = ['red', 'orange', 'yellow', 'blue']

export type EnterpriseSize = 'large' | 'medium' | 'small' | 'micro'
export const ENTERPRISE_SIZES: readonly EnterpriseSize[] = ['large', 'medium', 'small', 'micro']

export interface LonLat {
  lon: number
  lat: number
}

export interface Enterprise {
  id: number
  name: string
  credit_code: string
  sectors: string[]
  jurisdiction: string
  address: string
  location: LonLat | null
  risk_color: RiskColor
  size: EnterpriseSize
  contact_name: string | null
  contact_phone: string | null
  major_hazard_installations: boolean
  active: boolean
  demo: boolean
  version: number
  created_at: number
  updated_at: number
}

/** The writable fields of an enterprise (POST body; PATCH sends a subset plus version). */
export interface EnterpriseInput {
  name: string
  credit_code: string
  sectors: string[]
  jurisdiction: string
  address: string
  location: LonLat | null
  risk_color: RiskColor
  size: EnterpriseSize
  contact_name: string | null
  contact_phone: string | null
  major_hazard_installations: boolean
}

export interface ImportProblem {
  row: number
  field: string
  problem: string
}

export interface ImportReport {
  total: number
  imported: number
  errors: ImportProblem[]
}

export interface UnitFeatureProperties {
  code: string
  name: string
  name_en: string
  level: JurisdictionLevel
  /** A park (a point): the district it lies in, and its short name for the map. */
  host?: string
  short_name?: string
}

export type UnitCollection = FeatureCollection<Geometry, UnitFeatureProperties>

/** One live event from the WebSocket /api/v1/events. */
export interface LiveEvent {
  type: string
  jurisdiction: string
  at: number
  data: Record<string, unknown>
}
