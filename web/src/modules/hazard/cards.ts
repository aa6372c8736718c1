// The hazard module's key figures on the home page, all from one GET /api/v1/hazards/stats
// (shared by the four cards while fresh), each linking to the list it counts.
import { serverNow } from '@/utils/serverTime'
import { CircleCheck, Warning, WarningFilled, AlarmClock } from '@element-plus/icons-vue'
import { getHazardStats, type HazardStats } from '@/api/hazards'
import { registerHomeCard } from '@/modules/home/cards'
import { formatPercent } from '@/utils/format'

const FRESH_MS = 5000
let cached: { at: number; promise: Promise<HazardStats> } | null = null

/** The statistics, fetched at most once per few seconds (the cards load together). */
export function sharedStats(now = serverNow()): Promise<HazardStats> {
  if (!cached || now - cached.at > FRESH_MS) {
    const promise = getHazardStats()
    cached = { at: now, promise }
    promise.catch(() => {
      if (cached?.promise === promise) cached = null
    })
  }
  return cached.promise
}

registerHomeCard({
  id: 'hazards-open',
  order: 50,
  titleKey: 'home.cards.hazardsOpen',
  icon: Warning,
  tone: 'orange',
  permission: 'hazards.read',
  to: { name: 'hazards', query: { open: 'true' } },
  load: async (ctx) => {
    const s = await sharedStats()
    return { value: s.total.open, hint: ctx.t('home.cards.hazardsFound', { n: s.total.found }) }
  },
})

registerHomeCard({
  id: 'hazards-overdue',
  order: 60,
  titleKey: 'home.cards.hazardsOverdue',
  icon: AlarmClock,
  tone: 'red',
  permission: 'hazards.read',
  to: { name: 'hazards', query: { overdue: 'true' } },
  load: async () => ({ value: (await sharedStats()).total.overdue }),
})

registerHomeCard({
  id: 'hazards-major-open',
  order: 70,
  titleKey: 'home.cards.hazardsMajorOpen',
  icon: WarningFilled,
  tone: 'red',
  permission: 'hazards.read',
  to: { name: 'hazards-major' },
  load: async (ctx) => {
    const s = await sharedStats()
    return {
      value: s.total.major_open,
      hint: ctx.t('home.cards.hazardsMajorAll', { n: s.total.major }),
    }
  },
})

registerHomeCard({
  id: 'hazards-rate',
  order: 80,
  titleKey: 'home.cards.hazardsRate',
  icon: CircleCheck,
  tone: 'teal',
  permission: 'hazards.read',
  to: { name: 'hazards-stats' },
  load: async (ctx) => {
    const s = await sharedStats()
    return {
      value: s.total.rate,
      text: formatPercent(s.total.rate),
      hint: ctx.t('home.cards.hazardsClosed', { n: s.total.closed_off }),
    }
  },
})
