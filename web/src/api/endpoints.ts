// One function per server endpoint the UI uses (see docs/openapi.json).
import { api, buildUrl, isApiError, upload, type Query, type UploadProgress } from './client'
import type {
  AuditRecord,
  Department,
  Enterprise,
  EnterpriseInput,
  ImportReport,
  JurisdictionDetail,
  JurisdictionTree,
  LoginResponse,
  Me,
  Page,
  Role,
  Sector,
  UnitCollection,
  User,
} from './types'

// --- auth -----------------------------------------------------------------------------------

export const login = (username: string, password: string) =>
  api.post<LoginResponse>('/api/v1/auth/login', { username, password }, { anonymousOk: true })

export const logout = () => api.post<unknown>('/api/v1/auth/logout', {}, { anonymousOk: true })

export const getMe = (anonymousOk = false) => api.get<Me>('/api/v1/me', undefined, { anonymousOk })

// --- users ----------------------------------------------------------------------------------

export interface UserFilter {
  role?: Role | ''
  q?: string
}

export const listUsers = (filter: UserFilter, cursor: string | null, limit = 50) =>
  api.get<Page<User>>('/api/v1/users', { ...filter, cursor, limit })

export interface NewUser {
  username: string
  display_name: string
  password: string
  role: Role
  jurisdiction: string
  department?: string | null
  phone?: string | null
  /** An enterprise officer's enterprise (required for that role, refused for the others). */
  enterprise_id?: number | null
}

export const createUser = (u: NewUser) => api.post<User>('/api/v1/users', u)

export const getUser = (id: number) => api.get<User>(`/api/v1/users/${id}`)

export interface UserPatch {
  version: number
  display_name?: string
  role?: Role
  jurisdiction?: string
  department?: string
  phone?: string
  active?: boolean
}

export const updateUser = (id: number, patch: UserPatch) =>
  api.patch<User>(`/api/v1/users/${id}`, patch)

export const resetPassword = (id: number, password: string) =>
  api.post<unknown>(`/api/v1/users/${id}/password`, { password })

// --- jurisdictions, departments, sectors, map ------------------------------------------------

export const getJurisdictions = () => api.get<JurisdictionTree>('/api/v1/jurisdictions')

export const getJurisdiction = (code: string) =>
  api.get<JurisdictionDetail>(`/api/v1/jurisdictions/${encodeURIComponent(code)}`)

export const getDepartments = () => api.get<{ items: Department[] }>('/api/v1/departments')

export const getSectors = () => api.get<{ items: Sector[] }>('/api/v1/sectors')

export const getUnitMap = () => api.get<UnitCollection>('/api/v1/map/units')

// --- audit ----------------------------------------------------------------------------------

export interface AuditFilter {
  entity?: string
  entity_id?: string
  action?: string
  actor?: string
  from?: number | null
  to?: number | null
}

export const listAudit = (filter: AuditFilter, cursor: string | null, limit = 50) =>
  api.get<Page<AuditRecord>>('/api/v1/audit', { ...filter, cursor, limit })

// --- enterprises ----------------------------------------------------------------------------

export type EnterpriseSort = 'id' | 'name' | '-updated_at'

export interface EnterpriseFilter {
  jurisdiction?: string
  sector?: string
  risk_color?: string
  q?: string
  /** 'true' | 'false' | '' (all) */
  active?: string
  /** 'true' | 'false' | '' (all) */
  major_hazard_installations?: string
  sort?: EnterpriseSort | ''
}

/** The query the list and its export share (sort only when it is not the default). */
export function enterpriseQuery(f: EnterpriseFilter): Query {
  return {
    jurisdiction: f.jurisdiction,
    sector: f.sector,
    risk_color: f.risk_color,
    q: f.q?.trim(),
    active: f.active,
    major_hazard_installations: f.major_hazard_installations,
    sort: f.sort && f.sort !== 'id' ? f.sort : undefined,
  }
}

export const listEnterprises = (f: EnterpriseFilter, cursor: string | null, limit = 50) =>
  api.get<Page<Enterprise>>('/api/v1/enterprises', { ...enterpriseQuery(f), cursor, limit })

/** A plain link (the session cookie applies) that downloads exactly what the filters show. */
export function enterpriseExportUrl(f: EnterpriseFilter, format: 'csv' | 'xlsx'): string {
  return buildUrl('/api/v1/enterprises', { ...enterpriseQuery(f), format })
}

export const getEnterprise = (id: number) => api.get<Enterprise>(`/api/v1/enterprises/${id}`)

export const createEnterprise = (e: EnterpriseInput) =>
  api.post<Enterprise>('/api/v1/enterprises', e)

export const updateEnterprise = (
  id: number,
  patch: Partial<EnterpriseInput> & { version: number; active?: boolean },
) => api.patch<Enterprise>(`/api/v1/enterprises/${id}`, patch)

export interface UnitFigures {
  jurisdiction: string
  total: number
  red: number
  orange: number
  yellow: number
  blue: number
}

/** Active enterprises per county-level unit by risk colour. */
export const getEnterpriseFigures = () =>
  api.get<{ items: UnitFigures[] }>('/api/v1/enterprises/figures')

export interface ImportOptions {
  /** Only check; import nothing. */
  dryRun: boolean
  /** Import the good rows even when some are bad (the default imports all or nothing). */
  partial: boolean
}

/** Reads an import report from a success or from the 422 "nothing imported" answer. */
export function importReportOf(value: unknown): ImportReport | null {
  if (!value || typeof value !== 'object') return null
  const o = value as Record<string, unknown>
  if (typeof o.total !== 'number' || typeof o.imported !== 'number' || !Array.isArray(o.errors)) {
    return null
  }
  return { total: o.total, imported: o.imported, errors: o.errors as ImportReport['errors'] }
}

export function importEnterprises(
  csv: string,
  opts: ImportOptions,
  onProgress: (p: UploadProgress) => void,
) {
  const job = upload<ImportReport>(
    '/api/v1/enterprises/import',
    new Blob([csv], { type: 'text/csv;charset=utf-8' }),
    'text/csv; charset=utf-8',
    onProgress,
    { dry_run: opts.dryRun ? 1 : undefined, partial: opts.partial ? 1 : undefined },
  )
  // A file with bad rows is answered 422 with the report: that is a result, not a failure.
  const promise = job.promise.catch((e: unknown) => {
    const report = isApiError(e) ? importReportOf(e.body) : null
    if (report) return report
    throw e
  })
  return { promise, abort: job.abort }
}

// --- paging helpers -------------------------------------------------------------------------

/**
 * Follows next_cursor until the end or `maxPages`; `truncated` tells whether more was left.
 * For figures the server has no count for yet.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  maxPages = 20,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = []
  let cursor: string | null = null
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await fetchPage(cursor)
    items.push(...page.items)
    if (!page.next_cursor) return { items, truncated: false }
    cursor = page.next_cursor
  }
  return { items, truncated: true }
}
