// The server's clock as seen from the browser: every "now" of the web (deadlines, countdowns, the
// header clock, "today") counts on the server's time (which the testing clock may have moved), from
// GET /healthz's "time" and the request's round trip. The one place that reads the browser's clock.
import { api } from '@/api/client'

let offset: number | null = null
let pending: Promise<number> | null = null

/** Server time minus browser time, in ms (0 when the server does not say). */
export function serverOffset(force = false): Promise<number> {
  if (offset !== null && !force) return Promise.resolve(offset)
  if (!pending) {
    const sent = Date.now()
    pending = api
      .get<{ time?: number }>('/healthz', undefined, { anonymousOk: true })
      .then((h) => {
        const back = Date.now()
        offset = typeof h.time === 'number' ? offsetOf(h.time, sent, back) : 0
        return offset
      })
      .catch(() => offset ?? 0)
      .finally(() => {
        pending = null
      })
  }
  return pending
}

/** The offset from one reading: the server's time taken as the middle of the round trip. */
export function offsetOf(serverTime: number, sent: number, received: number): number {
  return Math.round(serverTime - (sent + received) / 2)
}

/** The server's time now, by the last known offset. */
export function serverNow(): number {
  return Date.now() + (offset ?? 0)
}

/**
 * Resolves once the offset is known, or after `maxWaitMs` when the server is slow to answer (the
 * offset then comes later): the app waits for it before its first paint.
 */
export function serverTimeKnown(maxWaitMs: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, maxWaitMs)
    void serverOffset().then(() => {
      clearTimeout(timer)
      resolve()
    })
  })
}
