// Reference data shared by many pages: jurisdictions, departments, sectors, unit boundaries.
import { defineStore } from 'pinia'
import { computed } from 'vue'
import * as endpoints from '@/api/endpoints'
import type { Department, Jurisdiction, Sector } from '@/api/types'
import { loadable } from '@/utils/loadable'
import { localName } from '@/i18n'

export const UNIT_LEVELS = new Set(['county', 'park'])

/** The county-level unit (county or park) a code belongs to, walking up parents; null if none. */
export function unitOf(code: string, byCode: Map<string, Jurisdiction>): string | null {
  let j = byCode.get(code)
  for (let guard = 0; j && guard < 10; guard++) {
    if (UNIT_LEVELS.has(j.level)) return j.code
    j = j.parent ? byCode.get(j.parent) : undefined
  }
  return null
}

export const useReferenceStore = defineStore('reference', () => {
  const jurisdictions = loadable(endpoints.getJurisdictions)
  const departments = loadable(async () => (await endpoints.getDepartments()).items)
  const sectors = loadable(async () => (await endpoints.getSectors()).items)
  const unitMap = loadable(endpoints.getUnitMap)

  const jurisdictionByCode = computed(() => {
    const m = new Map<string, Jurisdiction>()
    const t = jurisdictions.data.value
    if (t) {
      for (const p of t.path) m.set(p.code, p)
      for (const j of t.items) m.set(j.code, j)
    }
    return m
  })

  const units = computed(() =>
    (jurisdictions.data.value?.items ?? []).filter((j) => UNIT_LEVELS.has(j.level)),
  )

  const departmentByCode = computed(() => {
    const m = new Map<string, Department>()
    for (const d of departments.data.value ?? []) m.set(d.code, d)
    return m
  })

  const sectorByCode = computed(() => {
    const m = new Map<string, Sector>()
    for (const s of sectors.data.value ?? []) m.set(s.code, s)
    return m
  })

  function jurisdictionName(code: string | null | undefined): string {
    if (!code) return ''
    const j = jurisdictionByCode.value.get(code)
    return j ? localName(j) : code
  }

  function departmentName(code: string | null | undefined): string {
    if (!code) return ''
    const d = departmentByCode.value.get(code)
    return d ? localName(d) : code
  }

  function sectorName(code: string): string {
    const s = sectorByCode.value.get(code)
    return s ? localName(s) : code
  }

  /** The session ended: what it loaded (and any answer still out) is not the next one's. */
  function reset() {
    jurisdictions.clear()
    departments.clear()
    sectors.clear()
  }

  return {
    jurisdictions,
    departments,
    sectors,
    unitMap,
    jurisdictionByCode,
    units,
    departmentByCode,
    sectorByCode,
    jurisdictionName,
    departmentName,
    sectorName,
    unitOf: (code: string) => unitOf(code, jurisdictionByCode.value),
    reset,
  }
})
