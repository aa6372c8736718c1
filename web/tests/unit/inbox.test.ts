// The to-do inbox: the pure decisions (new items, the alarm, notifications, kinds), the watcher on
// a fake clock (first look, debounce, new items above the newest id, urgent items read again, one
// look at a time, errors, stop), the chime, notifications and acknowledgements, and the store as
// the app's frame runs it (badge counts, alarm with chime, 知道了 kept through a reload of the tab,
// live refresh on work.changed and on reconnect).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import type { InboxFilter, InboxSummary, WorkItem } from '@/modules/inbox/api'
import {
  alarmsOf,
  countOf,
  hintKey,
  INBOX_TABS,
  kindKey,
  kindLabel,
  kindTone,
  newSince,
  shouldNotify,
  soundsFor,
  summaryChanged,
} from '@/modules/inbox/model'
import { DEBOUNCE_MS, InboxWatcher, MAX_WAIT_MS, type Timers } from '@/modules/inbox/watcher'
import {
  Acknowledged,
  CHIME,
  NOTIFY_MAX,
  notifyNew,
  playChime,
  scheduleChime,
  type Notifier,
} from '@/modules/inbox/alerts'
import type { NotificationState } from '@/modules/inbox/model'
import type { JurisdictionTree, LiveEvent, User } from '@/api/types'
import { createApp, h, nextTick, type App } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import { i18n, setLocale } from '@/i18n'
import { installElement } from '@/plugins/element'
import InboxCard from '@/modules/inbox/InboxCard.vue'
import { useReferenceStore } from '@/stores/reference'
import { deadlineStatus } from '@/modules/hazard/model'
import { chinaTime, endOfDay } from '@/utils/calendar'

// --- fakes -----------------------------------------------------------------------------------------

const DAY = 24 * 3600 * 1000
const T0 = 1_780_000_000_000

function item(id: number, extra: Partial<WorkItem> = {}): WorkItem {
  return {
    id,
    source: 'hazard',
    ref: 100 + id,
    kind: 'hazard.assess',
    title: `YH-430426-2026-${String(id).padStart(6, '0')} · 某化工 · 储罐区围堰破损`,
    link: `/hazards/${100 + id}`,
    jurisdiction: '430426',
    unit: '430426',
    sector: 'hazardous_chemicals',
    enterprise_id: 5,
    party: 'enterprise',
    due: T0 + 10 * DAY,
    overdue: false,
    due_soon: false,
    urgent: false,
    since: T0 - id * 1000,
    ...extra,
  }
}

/** Lets every promise that is ready run (the watcher awaits the fake server's answers). */
async function settle() {
  for (let i = 0; i < 30; i++) await Promise.resolve()
}

/** Timers and a clock the test moves by hand. */
class FakeTimers implements Timers {
  time = 0
  private queue: { at: number; fn: () => void; id: number }[] = []
  private nextId = 1
  readonly now = () => this.time

  set(fn: () => void, ms: number): unknown {
    const id = this.nextId++
    this.queue.push({ at: this.time + ms, fn, id })
    return id
  }

  clear(handle: unknown): void {
    this.queue = this.queue.filter((x) => x.id !== handle)
  }

  get pending(): number {
    return this.queue.length
  }

  async advance(ms: number): Promise<void> {
    const end = this.time + ms
    for (;;) {
      this.queue.sort((a, b) => a.at - b.at)
      const next = this.queue[0]
      if (!next || next.at > end) break
      this.queue.shift()
      this.time = next.at
      next.fn()
      await settle()
    }
    this.time = end
    await settle()
  }
}

/** The server's side: the caller's open items; the summary and the list computed from them. */
class FakeServer {
  items: WorkItem[] = []
  summaries = 0
  lists: (InboxFilter | undefined)[] = []
  fail = false
  /** When set, answers wait for release(). */
  hold: Promise<void> | null = null

  counts() {
    return {
      total: this.items.length,
      overdue: this.items.filter((i) => i.overdue).length,
      due_soon: this.items.filter((i) => i.due_soon).length,
      urgent: this.items.filter((i) => i.urgent).length,
    }
  }

  summary = async (): Promise<InboxSummary> => {
    this.summaries++
    if (this.hold) await this.hold
    if (this.fail) throw new Error('network')
    return {
      counts: this.counts(),
      newest_id: this.items.length ? Math.max(...this.items.map((i) => i.id)) : null,
    }
  }

  list = async (filter?: InboxFilter): Promise<WorkItem[]> => {
    this.lists.push(filter)
    if (this.fail) throw new Error('network')
    const shown = filter ? this.items.filter((i) => i[filter]) : this.items
    return [...shown].sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.id - b.id)
  }
}

function watcherOn(server: FakeServer, timers: FakeTimers) {
  const seen = {
    summaries: [] as InboxSummary[],
    fresh: [] as number[][],
    urgent: [] as number[][],
    errors: [] as unknown[],
  }
  const w = new InboxWatcher({
    summary: server.summary,
    items: server.list,
    now: timers.now,
    timers,
    onSummary: (s) => seen.summaries.push(s),
    onNew: (items) => seen.fresh.push(items.map((i) => i.id)),
    onUrgent: (items) => seen.urgent.push(items.map((i) => i.id)),
    onError: (e) => seen.errors.push(e),
  })
  return { w, seen }
}

// --- decisions -----------------------------------------------------------------------------------

describe('inbox decisions', () => {
  it('takes the items above the previous newest id as new, oldest first', () => {
    const list = [item(7, { urgent: true }), item(3), item(9), item(5)]
    expect(newSince(list, 5).map((i) => i.id)).toEqual([7, 9])
    expect(newSince(list, 9)).toEqual([])
    expect(newSince(list, 0).map((i) => i.id)).toEqual([3, 5, 7, 9])
  })

  it('alarms for urgent items not acknowledged, and sounds only for one not shown before', () => {
    const a = item(1, { urgent: true })
    const b = item(2, { urgent: true })
    const c = item(3)
    expect(alarmsOf([a, b, c], new Set([2])).map((i) => i.id)).toEqual([1])
    expect(alarmsOf([a, b], new Set([1, 2]))).toEqual([])
    // A ringing spot-check call rings on the duty phone: no second alarm for it.
    const call = item(4, { urgent: true, kind: 'duty.answer' })
    expect(alarmsOf([call, a], new Set())).toEqual([a])
    expect(soundsFor([], [a])).toBe(true)
    expect(soundsFor([a], [a])).toBe(false)
    expect(soundsFor([a], [])).toBe(false)
    expect(soundsFor([a], [b, a])).toBe(true)
  })

  it('notifies only when allowed and the tab is hidden', () => {
    const cases: [NotificationState, boolean, boolean][] = [
      ['granted', true, true],
      ['granted', false, false],
      ['default', true, false],
      ['denied', true, false],
      ['unsupported', true, false],
    ]
    for (const [perm, hidden, expected] of cases)
      expect(shouldNotify(perm, hidden), `${perm} ${hidden}`).toBe(expected)
  })

  it('names the kinds it knows and shows any other as it came', () => {
    const t = (k: string) => `«${k}»`
    expect(kindKey('hazard.assess')).toBe('inbox.kinds.hazard.assess')
    expect(hintKey('duty.receive_intake')).toBe('inbox.hints.duty.receive_intake')
    expect(kindLabel('duty.answer', t)).toBe('«inbox.kinds.duty.answer»')
    expect(kindLabel('incident.report', t)).toBe('incident.report')
    expect(kindKey('hazard')).toBeNull()
    expect(hintKey('hazard.unknown_step')).toBeNull()
    expect(kindTone('hazard.overdue_major')).toBe('danger')
    expect(kindTone('duty.receive_intake')).toBe('primary')
    expect(kindTone('hazard.assign')).toBe('warning')
    expect(kindTone('supply.request')).toBe('info')
  })

  it('counts each tab and tells a changed summary', () => {
    const counts = { total: 9, overdue: 2, due_soon: 3, urgent: 1 }
    expect(INBOX_TABS.map((tab) => countOf(counts, tab))).toEqual([9, 2, 3, 1])
    expect(countOf(null, 'urgent')).toBe(0)
    const s = { counts, newest_id: 40 }
    expect(summaryChanged(null, s)).toBe(true)
    expect(summaryChanged(s, { counts: { ...counts }, newest_id: 40 })).toBe(false)
    expect(summaryChanged(s, { counts, newest_id: 41 })).toBe(true)
    expect(summaryChanged(s, { counts: { ...counts, overdue: 3 }, newest_id: 40 })).toBe(true)
  })
})

// --- the watcher ---------------------------------------------------------------------------------

describe('inbox watcher', () => {
  let server: FakeServer
  let timers: FakeTimers
  beforeEach(() => {
    server = new FakeServer()
    timers = new FakeTimers()
  })

  it('takes what is there at the first look as known, and reads the urgent items', async () => {
    server.items = [item(1), item(2, { urgent: true }), item(3)]
    const { w, seen } = watcherOn(server, timers)
    await w.start()
    expect(w.newestId).toBe(3)
    expect(seen.summaries.at(-1)?.counts.total).toBe(3)
    expect(seen.fresh).toEqual([])
    expect(seen.urgent).toEqual([[2]])
    expect(server.lists).toEqual(['urgent'])
  })

  it('does not ask for urgent items when there are none', async () => {
    server.items = [item(1)]
    const { w, seen } = watcherOn(server, timers)
    await w.start()
    expect(seen.urgent).toEqual([[]])
    expect(server.lists).toEqual([])
  })

  it('debounces a burst of events into one look 300 ms after the last', async () => {
    const { w } = watcherOn(server, timers)
    await w.start()
    expect(server.summaries).toBe(1)
    w.poke()
    await timers.advance(100)
    w.poke()
    await timers.advance(100)
    w.poke()
    await timers.advance(DEBOUNCE_MS - 1)
    expect(server.summaries).toBe(1)
    await timers.advance(1)
    expect(server.summaries).toBe(2)
    await timers.advance(5000)
    expect(server.summaries).toBe(2)
  })

  it('still looks at least once a second while events keep coming', async () => {
    const { w } = watcherOn(server, timers)
    await w.start()
    for (let i = 0; i < 6; i++) {
      w.poke()
      await timers.advance(200)
    }
    // Pokes at 0…1000 ms, each within 300 ms of the last: the burst's first poke was at 0.
    expect(server.summaries).toBe(2)
    expect(timers.time).toBe(1200)
    await timers.advance(MAX_WAIT_MS)
    expect(server.summaries).toBe(3)
  })

  it('hands on the items above the previous newest id, once', async () => {
    server.items = [item(1), item(2)]
    const { w, seen } = watcherOn(server, timers)
    await w.start()
    server.items = [item(2), item(3), item(4)] // 1 closed, 3 and 4 opened
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(seen.fresh).toEqual([[3, 4]])
    expect(w.newestId).toBe(4)
    expect(server.lists).toEqual([undefined])
    // Only a close: no list read, nothing new.
    server.items = [item(3), item(4)]
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(seen.fresh).toEqual([[3, 4]])
    expect(server.lists).toEqual([undefined])
    expect(seen.summaries.at(-1)?.counts.total).toBe(2)
  })

  it('reads the urgent items again when a new one opens or their number changes', async () => {
    server.items = [item(1, { urgent: true })]
    const { w, seen } = watcherOn(server, timers)
    await w.start()
    expect(seen.urgent).toEqual([[1]])
    // One urgent closes, another opens: the count is the same, the new one is urgent.
    server.items = [item(2, { urgent: true })]
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(seen.fresh).toEqual([[2]])
    expect(seen.urgent).toEqual([[1], [2]])
    // A non-urgent opens: the urgent ones are not read again.
    server.items = [item(2, { urgent: true }), item(3)]
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(seen.urgent).toEqual([[1], [2]])
    // The urgent one closes: none left, nothing to read.
    server.items = [item(3)]
    const listsBefore = server.lists.length
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(seen.urgent).toEqual([[1], [2], []])
    expect(server.lists.length).toBe(listsBefore)
  })

  it('looks once at a time: an event during a look brings one more look after it', async () => {
    const { w } = watcherOn(server, timers)
    await w.start()
    let release = () => {}
    server.hold = new Promise((r) => (release = r))
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(server.summaries).toBe(2)
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(server.summaries).toBe(2) // still waiting for the first answer
    server.hold = null
    release()
    await settle()
    expect(server.summaries).toBe(3) // the two pokes made one more look
    await timers.advance(5000)
    expect(server.summaries).toBe(3)
  })

  it('reports a failed look and finds the new items at the next one', async () => {
    server.items = [item(1)]
    const { w, seen } = watcherOn(server, timers)
    await w.start()
    server.items = [item(1), item(2)]
    server.fail = true
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(seen.errors).toHaveLength(1)
    expect(seen.fresh).toEqual([])
    server.fail = false
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(seen.fresh).toEqual([[2]])
  })

  it('a failed first look is the first look again next time (nothing there counts as new)', async () => {
    server.items = [item(1), item(2)]
    server.fail = true
    const { w, seen } = watcherOn(server, timers)
    await w.start()
    expect(w.newestId).toBeNull()
    server.fail = false
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    expect(w.newestId).toBe(2)
    expect(seen.fresh).toEqual([])
  })

  it('stops: no more looks, and an answer on its way is dropped', async () => {
    server.items = [item(1)]
    const { w, seen } = watcherOn(server, timers)
    await w.start()
    let release = () => {}
    server.hold = new Promise((r) => (release = r))
    server.items = [item(1), item(2)]
    w.poke()
    await timers.advance(DEBOUNCE_MS)
    w.stop()
    release()
    await settle()
    expect(seen.summaries).toHaveLength(1)
    expect(seen.fresh).toEqual([])
    w.poke()
    expect(timers.pending).toBe(0)
  })
})

// --- notifications, acknowledgements, the chime ----------------------------------------------------

function fakeNotifier(permission: NotificationState, hidden: boolean) {
  const shown: { title: string; body: string; tag: string; onClick: () => void }[] = []
  const n: Notifier = {
    permission: () => permission,
    request: async () => permission,
    hidden: () => hidden,
    show: (x) => shown.push(x),
  }
  return { n, shown }
}

const TEXT = {
  title: (i: WorkItem) => (i.urgent ? `urgent ${i.kind}` : `new ${i.kind}`),
  body: (i: WorkItem) => i.title,
  more: (n: number) => `${n} more`,
}

describe('browser notifications', () => {
  it('show each new item while the tab is hidden, urgent first, and open it on a click', () => {
    const { n, shown } = fakeNotifier('granted', true)
    const opened: string[] = []
    const count = notifyNew([item(4), item(5, { urgent: true })], n, TEXT, (l) => opened.push(l))
    expect(count).toBe(2)
    expect(shown.map((s) => s.title)).toEqual(['urgent hazard.assess', 'new hazard.assess'])
    expect(shown[0]!.tag).toBe('anlan-work-5')
    expect(shown[1]!.body).toContain('某化工')
    shown[1]!.onClick()
    expect(opened).toEqual(['/hazards/104'])
  })

  it('show nothing while the tab is looked at or without permission', () => {
    for (const [perm, hidden] of [
      ['granted', false],
      ['default', true],
      ['denied', true],
    ] as const) {
      const { n, shown } = fakeNotifier(perm, hidden)
      expect(notifyNew([item(1)], n, TEXT, () => {})).toBe(0)
      expect(shown).toEqual([])
    }
  })

  it(`show at most ${NOTIFY_MAX} and one more that names the rest`, () => {
    const { n, shown } = fakeNotifier('granted', true)
    const opened: string[] = []
    const items = [1, 2, 3, 4, 5, 6].map((id) => item(id))
    expect(notifyNew(items, n, TEXT, (l) => opened.push(l))).toBe(NOTIFY_MAX + 1)
    expect(shown.at(-1)!.title).toBe(`${6 - NOTIFY_MAX} more`)
    shown.at(-1)!.onClick()
    expect(opened).toEqual(['/inbox'])
  })
})

describe('acknowledged in this tab', () => {
  it('keeps the ids in storage, forgets closed ones, survives bad data and no storage', () => {
    const store = new Map<string, string>()
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    }
    const a = new Acknowledged(storage, 'k')
    a.add(3, 5)
    expect(new Acknowledged(storage, 'k').has(5)).toBe(true)
    a.keepOnly([5, 8])
    const b = new Acknowledged(storage, 'k')
    expect([...b.all]).toEqual([5])
    store.set('k', '{not json')
    expect([...new Acknowledged(storage, 'k').all]).toEqual([])
    store.set('k', '[1,"x",2.5,4]')
    expect([...new Acknowledged(storage, 'k').all]).toEqual([1, 4])
    const none = new Acknowledged(null, 'k')
    none.add(1)
    expect(none.has(1)).toBe(true)
  })
})

class FakeParam {
  events: string[] = []
  value = 0
  setValueAtTime(v: number, t: number) {
    this.events.push(`set ${v}@${t.toFixed(3)}`)
  }
  linearRampToValueAtTime(v: number, t: number) {
    this.events.push(`ramp ${v}@${t.toFixed(3)}`)
  }
}

function fakeAudio(state: AudioContextState) {
  const oscillators: { freq: number; start: number; stop: number }[] = []
  const ctx = {
    state,
    currentTime: 10,
    destination: {},
    resume: vi.fn(async () => undefined),
    createGain: () => ({ gain: new FakeParam(), connect: () => undefined }),
    createOscillator: () => {
      const o = {
        type: '',
        frequency: new FakeParam(),
        connect: () => undefined,
        start: (t: number) => oscillators.push({ freq: o.frequency.value, start: t, stop: 0 }),
        stop: (t: number) => (oscillators.at(-1)!.stop = t),
      }
      return o
    },
  }
  return { ctx: ctx as unknown as AudioContext, oscillators, resume: ctx.resume }
}

describe('the chime', () => {
  it('is three rising two-note calls, under two seconds, scheduled from the given time', () => {
    const { ctx, oscillators } = fakeAudio('running')
    scheduleChime(ctx, ctx.destination, 5)
    expect(oscillators).toHaveLength(CHIME.length)
    expect(CHIME).toHaveLength(6)
    expect(oscillators.map((o) => o.freq)).toEqual([988, 1319, 988, 1319, 988, 1319])
    expect(oscillators[0]!.start).toBe(5)
    const end = Math.max(...oscillators.map((o) => o.stop)) - 5
    expect(end).toBeGreaterThan(1)
    expect(end).toBeLessThan(2)
  })

  it('plays when sound is allowed, says "blocked" (and asks to resume) when held back', () => {
    const running = fakeAudio('running')
    expect(playChime(running.ctx)).toBe('played')
    expect(running.oscillators[0]!.start).toBeCloseTo(10.02)
    const suspended = fakeAudio('suspended')
    expect(playChime(suspended.ctx)).toBe('blocked')
    expect(suspended.oscillators).toEqual([])
    expect(suspended.resume).toHaveBeenCalled()
    expect(playChime(null)).toBe('no_audio')
  })
})

// --- the store ----------------------------------------------------------------------------------

const api = vi.hoisted(() => ({
  summary: vi.fn(),
  list: vi.fn(),
}))
vi.mock('@/modules/inbox/api', async (original) => ({
  ...(await original<typeof import('@/modules/inbox/api')>()),
  getInboxSummary: api.summary,
  listInbox: api.list,
}))

describe('inbox store', () => {
  let server: FakeServer
  let timers: FakeTimers
  let emit: (e: LiveEvent) => void
  const chime = vi.fn(() => 'played' as const)

  async function signedIn(role: User['role'] = 'enterprise_officer', username = 'ent-430426') {
    const { useSessionStore } = await import('@/stores/session')
    const { useLiveEventsStore } = await import('@/stores/liveEvents')
    const { useInboxStore } = await import('@/modules/inbox/store')
    const session = useSessionStore()
    session.setUser({ username, role } as User, null)
    const live = useLiveEventsStore()
    vi.spyOn(live, 'subscribe').mockImplementation((fn) => {
      emit = fn
      return () => undefined
    })
    return { inbox: useInboxStore(), live }
  }

  beforeEach(() => {
    setActivePinia(createPinia())
    sessionStorage.clear()
    server = new FakeServer()
    timers = new FakeTimers()
    chime.mockClear()
    api.summary.mockClear()
    api.list.mockClear()
    api.summary.mockImplementation(server.summary)
    api.list.mockImplementation(async (q: { filter?: InboxFilter }) => ({
      items: await server.list(q.filter || undefined),
      next_cursor: null,
      counts: server.counts(),
    }))
  })
  afterEach(() => vi.restoreAllMocks())

  it('shows the counts, sounds the alarm for urgent items on sign-in, and 知道了 holds in the tab', async () => {
    server.items = [item(1), item(2, { urgent: true, kind: 'hazard.overdue_major' })]
    const { inbox } = await signedIn()
    const { n } = fakeNotifier('granted', true)
    inbox.start({ open: () => {}, timers, notifier: n, chime })
    await settle()
    expect(inbox.counts).toEqual({ total: 2, overdue: 0, due_soon: 0, urgent: 1 })
    expect(inbox.newestId).toBe(2)
    expect(inbox.alarms.map((i) => i.id)).toEqual([2])
    expect(chime).toHaveBeenCalledTimes(1)
    inbox.acknowledge(2)
    expect(inbox.alarms).toEqual([])

    // The tab reloads (a new page: new stores), the same person: no alarm for what they saw.
    inbox.stop()
    setActivePinia(createPinia())
    const again = (await signedIn()).inbox
    again.start({ open: () => {}, timers, notifier: n, chime })
    await settle()
    expect(again.counts?.urgent).toBe(1)
    expect(again.alarms).toEqual([])
    expect(chime).toHaveBeenCalledTimes(1)
  })

  it('on work.changed: refreshes the badge, notifies new items while hidden, alarms a new urgent one', async () => {
    server.items = [item(1)]
    const { inbox } = await signedIn()
    const { n, shown } = fakeNotifier('granted', true)
    const opened: string[] = []
    inbox.start({ open: (l) => opened.push(l), timers, notifier: n, chime })
    await settle()
    const revision = inbox.revision
    expect(inbox.alarms).toEqual([])
    expect(chime).not.toHaveBeenCalled()

    server.items = [item(1), item(2), item(3, { urgent: true, kind: 'hazard.overdue_major' })]
    emit({ type: 'work.changed', jurisdiction: '', at: 0, data: { source: 'hazard', ref: 102 } })
    emit({ type: 'work.changed', jurisdiction: '', at: 0, data: { source: 'duty', ref: 7 } })
    emit({ type: 'hazard.updated', jurisdiction: '', at: 0, data: {} })
    await timers.advance(DEBOUNCE_MS)
    expect(server.summaries).toBeGreaterThanOrEqual(2)
    expect(inbox.counts?.total).toBe(3)
    expect(inbox.revision).toBeGreaterThan(revision)
    expect([...inbox.arrived]).toEqual([2, 3])
    expect(shown.map((s) => s.tag)).toEqual(['anlan-work-3', 'anlan-work-2'])
    expect(shown[0]!.title).toMatch(/紧急待办：重大隐患逾期督办/)
    expect(inbox.alarms.map((i) => i.id)).toEqual([3])
    expect(chime).toHaveBeenCalledTimes(1)

    // The urgent item is dealt with (closes): the alarm goes without a click.
    server.items = [item(1), item(2)]
    emit({ type: 'work.changed', jurisdiction: '', at: 0, data: { source: 'duty', ref: 7 } })
    await timers.advance(DEBOUNCE_MS)
    expect(inbox.alarms).toEqual([])
    expect(inbox.counts?.urgent).toBe(0)
  })

  it('looks again when the event socket is back (events may have been missed)', async () => {
    server.items = [item(1)]
    const { inbox, live } = await signedIn()
    inbox.start({ open: () => {}, timers, notifier: fakeNotifier('granted', false).n, chime })
    await settle()
    live.status = 'open'
    await settle()
    await timers.advance(DEBOUNCE_MS)
    const before = server.summaries
    server.items = [item(1), item(2)]
    live.status = 'waiting'
    await settle()
    live.status = 'connecting'
    await settle()
    live.status = 'open'
    await settle()
    await timers.advance(DEBOUNCE_MS)
    expect(server.summaries).toBe(before + 1)
    expect(inbox.counts?.total).toBe(2)
    expect([...inbox.arrived]).toEqual([2])
  })

  it('does not start for administrators, and forgets everything on stop', async () => {
    const admin = (await signedIn('admin', 'admin')).inbox
    admin.start({ open: () => {}, timers, chime })
    await settle()
    expect(admin.started).toBe(false)
    expect(api.summary).not.toHaveBeenCalled()

    setActivePinia(createPinia())
    server.items = [item(1, { urgent: true })]
    const { inbox } = await signedIn()
    inbox.start({ open: () => {}, timers, notifier: fakeNotifier('denied', true).n, chime })
    await settle()
    expect(inbox.alarms).toHaveLength(1)
    inbox.stop()
    expect(inbox.counts).toBeNull()
    expect(inbox.alarms).toEqual([])
    expect(inbox.started).toBe(false)
    emit({ type: 'work.changed', jurisdiction: '', at: 0, data: {} })
    await timers.advance(DEBOUNCE_MS)
    expect(timers.pending).toBe(0)
  })
})

// --- the card ------------------------------------------------------------------------------------

describe('inbox card', () => {
  const apps: App[] = []
  afterEach(() => {
    apps.splice(0).forEach((a) => a.unmount())
    setLocale('zh-CN')
  })

  async function card(it: WorkItem, now: number) {
    const pinia = createPinia()
    setActivePinia(pinia)
    const reference = useReferenceStore()
    const j = (code: string, name: string, name_en: string, level: 'city' | 'county') => ({
      code,
      name,
      name_en,
      level,
      parent: level === 'city' ? null : '430400',
      official: true,
    })
    reference.jurisdictions.data = {
      root: { ...j('430400', '衡阳市', 'Hengyang', 'city'), children: [] },
      path: [],
      items: [j('430400', '衡阳市', 'Hengyang', 'city'), j('430426', '祁东县', 'Qidong', 'county')],
    } as unknown as JurisdictionTree
    reference.sectors.data = [
      {
        code: 'hazardous_chemicals',
        name: '危险化学品',
        name_en: 'Hazardous chemicals',
        lead_department: 'yjj',
      },
    ]
    const router = createRouter({
      history: createMemoryHistory(),
      routes: [{ path: '/:p(.*)*', component: { render: () => null } }],
    })
    const root = document.createElement('div')
    const app = createApp({ render: () => h(InboxCard, { item: it, now }) })
    app.use(pinia).use(i18n).use(router)
    installElement(app)
    app.mount(root)
    apps.push(app)
    await router.isReady()
    await nextTick()
    return root
  }

  it('names the kind, the unit and sector by name, the deadline in China time, and links the record', async () => {
    const now = chinaTime(2026, 12, 7, 10)
    const due = endOfDay(chinaTime(2026, 12, 9))
    const root = await card(item(3, { due, due_soon: true, urgent: true }), now)
    const a = root.querySelector('a[data-testid=inbox-card]')!
    expect(a.getAttribute('href')).toBe('/hazards/103')
    expect(a.getAttribute('data-kind')).toBe('hazard.assess')
    expect(root.querySelector('[data-testid=inbox-card-kind]')!.textContent).toContain('待评估')
    expect(root.querySelector('[data-testid=inbox-card-unit]')!.textContent).toBe('祁东县')
    expect(a.textContent).toContain('危险化学品')
    expect(root.querySelector('.meta')!.textContent).not.toContain('430426')
    expect(root.querySelector('[data-testid=inbox-card-due]')!.textContent).toContain('2026-12-09')
    expect(root.querySelector('[data-testid=inbox-urgent]')).not.toBeNull()
    expect(root.querySelector('[data-testid=inbox-due-soon]')).not.toBeNull()
    expect(root.querySelector('[data-testid=inbox-overdue]')).toBeNull()
  })

  it('shows a kind it does not know as sent, a deadline within the day to the minute, and English', async () => {
    setLocale('en')
    const now = chinaTime(2026, 12, 7, 10)
    const root = await card(
      item(4, {
        kind: 'incident.respond',
        due: chinaTime(2026, 12, 7, 10, 1),
        unit: '',
        jurisdiction: '430400',
        sector: null,
      }),
      now,
    )
    expect(root.querySelector('[data-testid=inbox-card-kind]')!.textContent).toContain(
      'incident.respond',
    )
    expect(root.querySelector('[data-testid=inbox-card-unit]')!.textContent).toBe('Hengyang')
    expect(root.querySelector('[data-testid=inbox-card-due]')!.textContent).toContain(
      '2026-12-07 10:01',
    )
    expect(root.querySelector('[data-testid=inbox-card]')!.textContent).toMatch(/Due today/)
  })

  it('leaves out a unit the reference data does not know rather than showing its code', async () => {
    const root = await card(item(5, { unit: '439999', jurisdiction: '439999' }), T0)
    expect(root.querySelector('[data-testid=inbox-card-unit]')).toBeNull()
    expect(root.querySelector('.meta')!.textContent).not.toContain('439999')
  })

  it('reads work without a state against its deadline like a hazard', () => {
    const now = chinaTime(2026, 12, 7, 10)
    expect(deadlineStatus({ deadline: now - 2 * DAY - 5, overdue: true }, now)).toEqual({
      kind: 'overdue',
      days: 2,
    })
    expect(deadlineStatus({ deadline: now + 3 * DAY + 5 }, now)).toEqual({ kind: 'left', days: 3 })
    expect(deadlineStatus({ deadline: null }, now).kind).toBe('none')
  })
})
