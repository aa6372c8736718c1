// How the inbox gets noticed: a short chime made with Web Audio (no sound file is fetched; the
// browser may hold sound back until a click), browser notifications for new items while the tab is
// hidden (when the person allowed them), and the urgent items acknowledged in this tab (kept in
// sessionStorage, which is per tab, so a reload does not sound the alarm again).
import { audioContext } from '@/utils/audio'
import type { WorkItem } from './api'
import { shouldNotify, type NotificationState } from './model'

// --- the chime -------------------------------------------------------------------------------------

/** Three rising two-note calls (times in seconds, frequencies in Hz): about 1.7 s in all. */
export const CHIME: readonly { at: number; freq: number; length: number }[] = [0, 0.6, 1.2].flatMap(
  (at) => [
    { at, freq: 988, length: 0.16 },
    { at: at + 0.2, freq: 1319, length: 0.28 },
  ],
)

/** Schedules the chime at `start` (context seconds) into `out`. */
export function scheduleChime(ctx: BaseAudioContext, out: AudioNode, start: number): void {
  for (const note of CHIME) {
    const t0 = start + note.at
    const t1 = t0 + note.length
    const gain = ctx.createGain()
    gain.gain.setValueAtTime(0, t0)
    gain.gain.linearRampToValueAtTime(0.3, t0 + 0.015)
    gain.gain.setValueAtTime(0.3, t1 - 0.04)
    gain.gain.linearRampToValueAtTime(0, t1)
    gain.connect(out)
    const osc = ctx.createOscillator()
    osc.type = 'triangle'
    osc.frequency.value = note.freq
    osc.connect(gain)
    osc.start(t0)
    osc.stop(t1 + 0.01)
  }
}

export type ChimeResult = 'played' | 'blocked' | 'no_audio'

/**
 * Plays the chime once. 'blocked' when the browser holds sound back until the person clicks (it
 * is not queued for later: a late alarm sound after a click on 知道了 would mislead).
 */
export function playChime(ctx: AudioContext | null = audioContext()): ChimeResult {
  if (!ctx) return 'no_audio'
  if (ctx.state !== 'running') {
    void ctx.resume().catch(() => undefined)
    return 'blocked'
  }
  try {
    scheduleChime(ctx, ctx.destination, ctx.currentTime + 0.02)
  } catch {
    return 'no_audio'
  }
  return 'played'
}

// --- browser notifications -----------------------------------------------------------------------

export interface Notifier {
  permission(): NotificationState
  /** Asks the person (from a click); resolves to the answer. */
  request(): Promise<NotificationState>
  hidden(): boolean
  show(n: { title: string; body: string; tag: string; onClick: () => void }): void
}

type NotificationCtor = typeof Notification

function notificationClass(): NotificationCtor | null {
  if (typeof window === 'undefined') return null
  return (window as unknown as { Notification?: NotificationCtor }).Notification ?? null
}

/** The browser's notifications and visibility. */
export const browserNotifier: Notifier = {
  permission() {
    return notificationClass()?.permission ?? 'unsupported'
  },
  async request() {
    const N = notificationClass()
    if (!N) return 'unsupported'
    try {
      return await N.requestPermission()
    } catch {
      return N.permission
    }
  },
  hidden() {
    return typeof document !== 'undefined' && document.visibilityState === 'hidden'
  },
  show({ title, body, tag, onClick }) {
    const N = notificationClass()
    if (!N) return
    try {
      const n = new N(title, { body, tag })
      n.onclick = () => {
        window.focus()
        onClick()
        n.close()
      }
    } catch {
      // Some browsers allow notifications only from a service worker: nothing to show then.
    }
  },
}

/** At most this many notifications at once; the rest are named in one more. */
export const NOTIFY_MAX = 3

export interface NotifyText {
  title: (item: WorkItem) => string
  body: (item: WorkItem) => string
  more: (n: number) => string
}

/**
 * Shows a notification for each new item when allowed and the tab is hidden; returns how many
 * were shown. Clicking one opens the item (`open`).
 */
export function notifyNew(
  items: readonly WorkItem[],
  notifier: Notifier,
  text: NotifyText,
  open: (link: string) => void,
): number {
  if (items.length === 0 || !shouldNotify(notifier.permission(), notifier.hidden())) return 0
  // Urgent ones first, then in the order they opened.
  const ordered = [...items].sort((a, b) => Number(b.urgent) - Number(a.urgent) || a.id - b.id)
  const shown = ordered.slice(0, NOTIFY_MAX)
  for (const item of shown) {
    notifier.show({
      title: text.title(item),
      body: text.body(item),
      tag: `anlan-work-${item.id}`,
      onClick: () => open(item.link),
    })
  }
  const rest = ordered.length - shown.length
  if (rest > 0) {
    notifier.show({
      title: text.more(rest),
      body: '',
      tag: 'anlan-work-more',
      onClick: () => open('/inbox'),
    })
  }
  return shown.length + (rest > 0 ? 1 : 0)
}

// --- acknowledged in this tab --------------------------------------------------------------------

/** The urgent items the person said 知道了 to, in this tab (sessionStorage under `key`). */
export class Acknowledged {
  private readonly ids: Set<number>

  constructor(
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null,
    private readonly key: string,
  ) {
    this.ids = new Set(this.read())
  }

  has(id: number): boolean {
    return this.ids.has(id)
  }

  get all(): ReadonlySet<number> {
    return this.ids
  }

  add(...ids: number[]): void {
    for (const id of ids) this.ids.add(id)
    this.write()
  }

  /** Forgets the ids not among `open` (closed items do not come back: a new item has a new id). */
  keepOnly(open: readonly number[]): void {
    const keep = new Set(open)
    let changed = false
    for (const id of this.ids) {
      if (!keep.has(id)) {
        this.ids.delete(id)
        changed = true
      }
    }
    if (changed) this.write()
  }

  private read(): number[] {
    try {
      const v: unknown = JSON.parse(this.storage?.getItem(this.key) ?? '[]')
      return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : []
    } catch {
      return []
    }
  }

  private write(): void {
    try {
      this.storage?.setItem(this.key, JSON.stringify([...this.ids]))
    } catch {
      // Storage off or full: acknowledged for this page only.
    }
  }
}

/** This tab's sessionStorage, or null where there is none (private modes may refuse it). */
export function tabStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}
