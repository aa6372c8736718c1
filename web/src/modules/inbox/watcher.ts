// Keeps an eye on the caller's inbox: the summary first (counts and the newest id), then again
// whenever the server says an item opened or closed (work.changed, debounced) or the event socket
// is back (events may have been missed). When the newest id grows it reads the list and hands on
// the items above the previous newest id as new; when the urgent items may have changed it reads
// them too (the alarm shows those open and not acknowledged). Time and timers are injected, so the
// tests run it on a fake clock.
import type { InboxFilter, InboxSummary, WorkItem } from './api'
import { newSince } from './model'

export const DEBOUNCE_MS = 300
/** A steady stream of events still refreshes at least this often. */
export const MAX_WAIT_MS = 1000

export interface Timers {
  set(fn: () => void, ms: number): unknown
  clear(handle: unknown): void
}

export interface WatcherDeps {
  summary: () => Promise<InboxSummary>
  /** The first page of the inbox (as many as the server gives at once), with a filter or all. */
  items: (filter?: InboxFilter) => Promise<WorkItem[]>
  now: () => number
  timers: Timers
  onSummary: (s: InboxSummary) => void
  /** Items opened since the last look (never those there at the first look), oldest first. */
  onNew: (items: WorkItem[]) => void
  /** Every urgent item open now (at the first look, and whenever they may have changed). */
  onUrgent: (items: WorkItem[]) => void
  onError?: (e: unknown) => void
}

export class InboxWatcher {
  private baseline: number | null = null
  private last: InboxSummary | null = null
  private urgentDue = false
  private timer: unknown = null
  private firstPokeAt: number | null = null
  private running: Promise<void> | null = null
  private again = false
  private stopped = false

  constructor(
    private readonly deps: WatcherDeps,
    private readonly debounceMs = DEBOUNCE_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /** The first look. Resolves when it is done (or failed: onError, and the next poke retries). */
  start(): Promise<void> {
    return this.refresh()
  }

  /** The highest item id seen so far (null before the first look). */
  get newestId(): number | null {
    return this.baseline
  }

  /**
   * Something changed: refresh after `debounceMs` without another poke, or at the latest
   * `maxWaitMs` after the first poke of a burst.
   */
  poke(): void {
    if (this.stopped) return
    const now = this.deps.now()
    if (this.firstPokeAt === null) this.firstPokeAt = now
    if (this.timer !== null) this.deps.timers.clear(this.timer)
    const waited = now - this.firstPokeAt
    const delay = Math.max(0, Math.min(this.debounceMs, this.maxWaitMs - waited))
    this.timer = this.deps.timers.set(() => {
      this.timer = null
      this.firstPokeAt = null
      void this.refresh()
    }, delay)
  }

  /** No more looks; answers still on their way are dropped. */
  stop(): void {
    this.stopped = true
    if (this.timer !== null) this.deps.timers.clear(this.timer)
    this.timer = null
  }

  /** One look at a time: a look asked for while one runs follows it. */
  refresh(): Promise<void> {
    if (this.stopped) return Promise.resolve()
    if (this.running) {
      this.again = true
      return this.running
    }
    this.running = (async () => {
      do {
        this.again = false
        try {
          await this.look()
        } catch (e) {
          if (!this.stopped) this.deps.onError?.(e)
        }
      } while (this.again && !this.stopped)
      this.running = null
    })()
    return this.running
  }

  private async look(): Promise<void> {
    const s = await this.deps.summary()
    if (this.stopped) return
    this.deps.onSummary(s)
    const before = this.last
    const newest = s.newest_id ?? 0
    if (this.baseline === null) {
      this.baseline = newest
    } else if (newest > this.baseline) {
      const list = await this.deps.items()
      if (this.stopped) return
      const fresh = newSince(list, this.baseline)
      this.baseline = Math.max(newest, ...list.map((i) => i.id))
      if (fresh.some((i) => i.urgent)) this.urgentDue = true
      if (fresh.length > 0) this.deps.onNew(fresh)
    }
    if (before === null || before.counts.urgent !== s.counts.urgent) this.urgentDue = true
    // Kept until read: a failed read is tried again at the next look.
    if (this.urgentDue) {
      const urgent = s.counts.urgent === 0 ? [] : await this.deps.items('urgent')
      if (this.stopped) return
      this.urgentDue = false
      this.deps.onUrgent(urgent)
    }
    this.last = s
  }
}
