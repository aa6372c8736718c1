// The duty module's key figures on the home page: the room's intake reports not yet passed up
// (the duty console's pending items) and the spot checks' answer rate over the last 30 days.
import { PhoneFilled, VideoCamera } from '@element-plus/icons-vue'
import { registerHomeCard } from '@/modules/home/cards'
import { useSessionStore } from '@/stores/session'
import { formatPercent } from '@/utils/format'
import { listIntake, roomStats } from './api'
import { statsTotals } from './model'
import { DAY_MS } from '@/utils/calendar'
import { serverNow, serverOffset } from '@/utils/serverTime'

registerHomeCard({
  id: 'duty-pending-intake',
  order: 45,
  titleKey: 'home.cards.dutyPendingIntake',
  icon: PhoneFilled,
  tone: 'orange',
  permission: 'duty.keep',
  to: { name: 'duty-console' },
  load: async (ctx) => {
    const room = useSessionStore().user?.jurisdiction
    const items = await listIntake(null, 500)
    const own = items.filter((i) => i.room === room)
    return {
      value: own.filter((i) => i.state === 'recorded').length,
      hint: ctx.t('home.cards.dutyIntakeAll', { n: own.length }),
      atLeast: items.length >= 500,
    }
  },
})

registerHomeCard({
  id: 'duty-answer-rate',
  order: 46,
  titleKey: 'home.cards.dutyAnswerRate',
  icon: VideoCamera,
  tone: 'teal',
  permission: 'rollcalls.read',
  to: { name: 'duty-stats' },
  load: async (ctx) => {
    await serverOffset()
    const to = serverNow()
    const totals = statsTotals(await roomStats(to - 30 * DAY_MS, to))
    return {
      value: totals.answer_rate,
      text: formatPercent(totals.answer_rate),
      hint: ctx.t('home.cards.dutyChecks', { n: totals.checks, criticised: totals.criticised }),
    }
  },
})
