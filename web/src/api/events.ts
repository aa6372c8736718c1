// The live event stream: WebSocket /api/v1/events (session cookie), reconnecting with backoff.
// The client may also send text messages on it (spot-check call signalling, see modules/duty).
import type { LiveEvent } from './types'
import { serverNow } from '@/utils/serverTime'

export type StreamStatus = 'idle' | 'connecting' | 'open' | 'waiting'

/** Delay before reconnect attempt `attempt` (0-based): 1 s doubling to 30 s, ±20 % jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 15))
  const jitter = base * 0.2 * (random() * 2 - 1)
  return Math.round(base + jitter)
}

export function eventsUrl(loc: { protocol: string; host: string }): string {
  const scheme = loc.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${scheme}//${loc.host}/api/v1/events`
}

/** Parses one message; null when it is not an event. */
export function parseEvent(text: unknown): LiveEvent | null {
  if (typeof text !== 'string') return null
  try {
    const v: unknown = JSON.parse(text)
    if (!v || typeof v !== 'object') return null
    const o = v as Record<string, unknown>
    if (typeof o.type !== 'string') return null
    return {
      type: o.type,
      jurisdiction: typeof o.jurisdiction === 'string' ? o.jurisdiction : '',
      at: typeof o.at === 'number' ? o.at : serverNow(),
      data: o.data && typeof o.data === 'object' ? (o.data as Record<string, unknown>) : {},
    }
  } catch {
    return null
  }
}

export interface EventStreamOptions {
  url: string
  onEvent: (e: LiveEvent) => void
  onStatus: (s: StreamStatus, retryInMs?: number) => void
  socketFactory?: (url: string) => WebSocket
}

export class EventStream {
  private socket: WebSocket | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private attempt = 0
  private stopped = true

  constructor(private readonly opts: EventStreamOptions) {}

  start(): void {
    if (!this.stopped) return
    this.stopped = false
    this.attempt = 0
    this.open()
  }

  stop(): void {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const s = this.socket
    this.socket = null
    if (s) {
      s.onopen = s.onclose = s.onerror = s.onmessage = null
      s.close()
    }
    this.opts.onStatus('idle')
  }

  /** Sends a text message on the open socket; false when it is not open (nothing is queued). */
  send(text: string): boolean {
    const s = this.socket
    if (!s || s.readyState !== 1 /* OPEN */) return false
    s.send(text)
    return true
  }

  private open(): void {
    this.opts.onStatus('connecting')
    let s: WebSocket
    try {
      s = (this.opts.socketFactory ?? ((u) => new WebSocket(u)))(this.opts.url)
    } catch {
      this.scheduleReconnect()
      return
    }
    this.socket = s
    s.onopen = () => {
      this.attempt = 0
      this.opts.onStatus('open')
    }
    s.onmessage = (m: MessageEvent) => {
      const e = parseEvent(m.data)
      if (e) this.opts.onEvent(e)
    }
    s.onclose = () => {
      this.socket = null
      if (!this.stopped) this.scheduleReconnect()
    }
    s.onerror = () => {
      // onclose follows and reconnects.
    }
  }

  private scheduleReconnect(): void {
    const delay = backoffDelay(this.attempt++)
    this.opts.onStatus('waiting', delay)
    this.timer = setTimeout(() => {
      this.timer = null
      if (!this.stopped) this.open()
    }, delay)
  }
}
