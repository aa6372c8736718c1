// Figures per county-level unit for the home page: active enterprises by risk colour, from
// GET /api/v1/enterprises/figures. A server without that route gets them counted here from the
// list, read page by page (at most MAX_PAGES × PAGE_SIZE; `truncated` says when there were more).
import {
  collectPages,
  getEnterpriseFigures,
  listEnterprises,
  type UnitFigures,
} from '@/api/endpoints'
import { isMissingRoute } from '@/utils/errors'
import { serverNow } from '@/utils/serverTime'
import type { Enterprise, Jurisdiction, RiskColor } from '@/api/types'
import { unitOf } from '@/stores/reference'

export const PAGE_SIZE = 500
export const MAX_PAGES = 40

export interface UnitFigure {
  total: number
  red: number
  orange: number
  yellow: number
  blue: number
}

export interface EnterpriseFigures {
  byUnit: Record<string, UnitFigure>
  total: number
  red: number
  truncated: boolean
  at: number
}

export function emptyFigure(): UnitFigure {
  return { total: 0, red: 0, orange: 0, yellow: 0, blue: 0 }
}

/** Counts enterprises per unit (townships rolled up to their unit). */
export function countByUnit(
  items: readonly Pick<Enterprise, 'jurisdiction' | 'risk_color'>[],
  byCode: Map<string, Jurisdiction>,
): Record<string, UnitFigure> {
  const out: Record<string, UnitFigure> = {}
  for (const e of items) {
    const unit = unitOf(e.jurisdiction, byCode) ?? e.jurisdiction
    const f = (out[unit] ??= emptyFigure())
    f.total++
    const c: RiskColor = e.risk_color
    if (c in f) f[c]++
  }
  return out
}

/** The server's per-unit rows as figures (rows of units outside the tree still count). */
export function figuresFromRows(rows: readonly UnitFigures[]): EnterpriseFigures {
  const byUnit: Record<string, UnitFigure> = {}
  let total = 0
  let red = 0
  for (const r of rows) {
    byUnit[r.jurisdiction] = {
      total: r.total,
      red: r.red,
      orange: r.orange,
      yellow: r.yellow,
      blue: r.blue,
    }
    total += r.total
    red += r.red
  }
  return { byUnit, total, red, truncated: false, at: serverNow() }
}

export async function loadEnterpriseFigures(
  byCode: Map<string, Jurisdiction>,
): Promise<EnterpriseFigures> {
  try {
    return figuresFromRows((await getEnterpriseFigures()).items)
  } catch (e) {
    if (!isMissingRoute(e)) throw e
  }
  const { items, truncated } = await collectPages(
    (cursor) => listEnterprises({ active: 'true' }, cursor, PAGE_SIZE),
    MAX_PAGES,
  )
  return {
    byUnit: countByUnit(items, byCode),
    total: items.length,
    red: items.filter((e) => e.risk_color === 'red').length,
    truncated,
    at: serverNow(),
  }
}
