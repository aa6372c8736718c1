// The signed-in person's inbox as the whole app sees it: the counts for the header's badge, the
// newest item id, new items (browser notifications while the tab is hidden) and the urgent alarm
// (urgent items open and not acknowledged in this tab, with a chime when one appears). Started by
// the app's frame once signed in, stopped when it goes; the watcher (watcher.ts) does the looking.
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch, type WatchStopHandle } from 'vue'
import { i18n } from '@/i18n'
import { useLiveEventsStore } from '@/stores/liveEvents'
import { useSessionStore } from '@/stores/session'
import { serverNow } from '@/utils/serverTime'
import { getInboxSummary, listInbox, type InboxCounts, type InboxSummary } from './api'
import type { WorkItem } from './api'
import { Acknowledged, browserNotifier, notifyNew, playChime, tabStorage } from './alerts'
import type { Notifier } from './alerts'
import { alarmsOf, kindLabel, soundsFor, summaryChanged } from './model'
import { InboxWatcher, type Timers } from './watcher'

/** The page size the watcher reads (the server's most). */
export const WATCH_PAGE = 200

/** The live event the server sends when an item the receiver may see opens or closes. */
export const WORK_CHANGED = 'work.changed'

export interface InboxStartOptions {
  /** Opens an item's page (a click on its notification). */
  open: (link: string) => void
  notifier?: Notifier
  timers?: Timers
  chime?: () => ReturnType<typeof playChime>
}

const browserTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

export const useInboxStore = defineStore('inbox', () => {
  const live = useLiveEventsStore()
  const session = useSessionStore()

  const summary = shallowRef<InboxSummary | null>(null)
  const error = shallowRef<unknown>(null)
  /** Grows whenever the summary changes: lists of the inbox load again. */
  const revision = ref(0)
  /** Urgent items open now and not acknowledged in this tab, in the inbox's order. */
  const alarms = shallowRef<WorkItem[]>([])
  /** Whether the last chime was held back by the browser (a click lets sound through). */
  const soundBlocked = ref(false)
  /** Ids of the items that arrived while this page was open (marked as new in the lists). */
  const arrived = shallowRef<ReadonlySet<number>>(new Set())

  const counts = computed<InboxCounts | null>(() => summary.value?.counts ?? null)
  const newestId = computed(() => summary.value?.newest_id ?? null)
  const started = ref(false)

  let watcher: InboxWatcher | null = null
  let acknowledged: Acknowledged | null = null
  let urgentOpen: WorkItem[] = []
  let unsubscribe: (() => void) | null = null
  let stopStatus: WatchStopHandle | null = null

  function setSummary(s: InboxSummary) {
    if (summaryChanged(summary.value, s)) revision.value++
    summary.value = s
    error.value = null
  }

  function showAlarms(chime: () => ReturnType<typeof playChime>) {
    const next = alarmsOf(urgentOpen, acknowledged?.all ?? new Set())
    if (soundsFor(alarms.value, next)) soundBlocked.value = chime() === 'blocked'
    alarms.value = next
  }

  /** Starts watching for the signed-in person (not for administrators: nothing waits on them). */
  function start(opts: InboxStartOptions) {
    const user = session.user
    if (watcher || !user || user.role === 'admin') return
    const notifier = opts.notifier ?? browserNotifier
    const chime = opts.chime ?? playChime
    const t = i18n.global.t
    acknowledged = new Acknowledged(tabStorage(), `anlan.inbox.acknowledged.${user.username}`)
    started.value = true
    watcher = new InboxWatcher({
      summary: getInboxSummary,
      items: async (filter) => (await listInbox({ filter, limit: WATCH_PAGE })).items,
      now: serverNow,
      timers: opts.timers ?? browserTimers,
      onSummary: setSummary,
      onNew: (items) => {
        const s = new Set(arrived.value)
        for (const i of items) s.add(i.id)
        arrived.value = s
        notifyNew(
          items,
          notifier,
          {
            title: (i) =>
              t(i.urgent ? 'inbox.notifications.newUrgent' : 'inbox.notifications.newItem', {
                what: kindLabel(i.kind, t),
              }),
            body: (i) => i.title,
            more: (n) => t('inbox.notifications.more', { n }),
          },
          opts.open,
        )
      },
      onUrgent: (items) => {
        urgentOpen = items
        acknowledged?.keepOnly(items.map((i) => i.id))
        showAlarms(chime)
      },
      onError: (e) => (error.value = e),
    })
    unsubscribe = live.subscribe((e) => {
      if (e.type === WORK_CHANGED) watcher?.poke()
    })
    // Events missed while the socket was down (or before it first opened): look again.
    stopStatus = watch(
      () => live.status,
      (s, before) => {
        if (s === 'open' && before !== 'open') watcher?.poke()
      },
    )
    void watcher.start()
  }

  /** Stops watching and forgets everything (the next person in this tab starts afresh). */
  function stop() {
    watcher?.stop()
    watcher = null
    unsubscribe?.()
    unsubscribe = null
    stopStatus?.()
    stopStatus = null
    acknowledged = null
    urgentOpen = []
    summary.value = null
    error.value = null
    alarms.value = []
    arrived.value = new Set()
    soundBlocked.value = false
    started.value = false
  }

  /** Looks again now (a retry after an error, or after the person did something). */
  function refresh() {
    watcher?.poke()
  }

  /** 知道了: the alarm stops showing these items in this tab. */
  function acknowledge(...ids: number[]) {
    acknowledged?.add(...ids)
    alarms.value = alarms.value.filter((i) => !ids.includes(i.id))
  }

  /** The counts of a list the page read itself are newer than the badge's: show them. */
  function noteCounts(c: InboxCounts) {
    if (!summary.value) return
    const s = { ...summary.value, counts: c }
    if (summaryChanged(summary.value, s)) summary.value = s
  }

  return {
    summary,
    counts,
    newestId,
    error,
    revision,
    alarms,
    soundBlocked,
    arrived,
    started,
    start,
    stop,
    refresh,
    acknowledge,
    noteCounts,
  }
})
