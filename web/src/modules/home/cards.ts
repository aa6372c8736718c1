// The key-figure cards of the home page. Modules add their own with registerHomeCard(); each
// card loads its figure by itself and shows its own loading and error state.
import type { Component } from 'vue'
import type { RouteLocationRaw } from 'vue-router'
import { DataLine, School, UserFilled, WarningFilled } from '@element-plus/icons-vue'
import { collectPages, listUsers } from '@/api/endpoints'
import type { Permission } from '@/utils/permissions'
import type { EnterpriseFigures } from './figures'
import type { Jurisdiction } from '@/api/types'

export interface CardValue {
  value: number | null
  /** The value is a lower bound (the count stopped early). */
  atLeast?: boolean
  /** A second line under the figure (already translated). */
  hint?: string
  /** The figure as shown, when not a plain count (e.g. a percentage). */
  text?: string
  /** A title other than the card's own (an i18n key), e.g. for a smaller jurisdiction. */
  titleKey?: string
}

export interface HomeContext {
  enterpriseFigures: () => Promise<EnterpriseFigures>
  jurisdictions: () => Promise<Jurisdiction[]>
  t: (key: string, params?: Record<string, unknown>) => string
}

export type CardTone = 'navy' | 'blue' | 'red' | 'orange' | 'teal'

export interface HomeCardDef {
  id: string
  /** Position: smaller first. The first module's cards use 10, 20, 30, 40. */
  order: number
  titleKey: string
  icon: Component
  tone: CardTone
  permission?: Permission
  to?: RouteLocationRaw
  load: (ctx: HomeContext) => Promise<CardValue>
}

const registry = new Map<string, HomeCardDef>()

export function registerHomeCard(def: HomeCardDef): void {
  registry.set(def.id, def)
}

export function homeCardsFor(may: (p: Permission) => boolean): HomeCardDef[] {
  return [...registry.values()]
    .filter((c) => !c.permission || may(c.permission))
    .sort((a, b) => a.order - b.order)
}

registerHomeCard({
  id: 'enterprises',
  order: 10,
  titleKey: 'home.cards.enterprises',
  icon: School,
  tone: 'blue',
  permission: 'enterprises.read',
  to: { name: 'enterprises', query: { active: 'true' } },
  load: async (ctx) => {
    const f = await ctx.enterpriseFigures()
    return { value: f.total, atLeast: f.truncated }
  },
})

registerHomeCard({
  id: 'red-enterprises',
  order: 20,
  titleKey: 'home.cards.redEnterprises',
  icon: WarningFilled,
  tone: 'red',
  permission: 'enterprises.read',
  to: { name: 'enterprises', query: { risk_color: 'red', active: 'true' } },
  load: async (ctx) => {
    const f = await ctx.enterpriseFigures()
    return { value: f.red, atLeast: f.truncated }
  },
})

registerHomeCard({
  id: 'users',
  order: 30,
  titleKey: 'home.cards.users',
  icon: UserFilled,
  tone: 'teal',
  permission: 'users.read',
  to: { name: 'users' },
  load: async () => {
    const { items, truncated } = await collectPages((c) => listUsers({}, c, 500), 10)
    return { value: items.filter((u) => u.active).length, atLeast: truncated }
  },
})

registerHomeCard({
  id: 'units',
  order: 40,
  titleKey: 'home.cards.units',
  icon: DataLine,
  tone: 'navy',
  to: { name: 'jurisdictions' },
  load: async (ctx) => {
    const items = await ctx.jurisdictions()
    const counties = items.filter((j) => j.level === 'county').length
    const parks = items.filter((j) => j.level === 'park').length
    if (counties + parks <= 1) {
      // A county's own people: count what lies below their unit.
      const townships = items.filter((j) => j.level === 'township').length
      return { value: townships, titleKey: 'home.cards.townships' }
    }
    return { value: counties + parks, hint: ctx.t('home.cards.unitsHint', { counties, parks }) }
  },
})
