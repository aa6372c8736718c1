// The wire between a CallSession and the server: signals go out on the events WebSocket as
// {"type":"signal","roll_call_id","room","data"} and come back as call.signal events from the other
// party. A signal sent while the socket is reconnecting waits in a short outbox.
import type { LiveEvent } from '@/api/types'
import type { SignalData } from './call'
import { serverNow } from '@/utils/serverTime'

export interface EventSocket {
  send: (message: unknown) => boolean
  subscribe: (fn: (e: LiveEvent) => void) => () => void
}

export interface SignalLink {
  send: (data: SignalData) => void
  close: () => void
}

/** How long an unsent signal is retried while the socket is down. */
export const OUTBOX_MS = 15_000
const RETRY_MS = 250

/** Whether an event is a signal of the call (roll_call_id, room). */
export function isSignalFor(e: LiveEvent, rollCallId: number, room: string): boolean {
  return (
    e.type === 'call.signal' && Number(e.data.roll_call_id) === rollCallId && e.data.room === room
  )
}

export function linkCall(
  socket: EventSocket,
  rollCallId: number,
  room: string,
  onSignal: (data: unknown) => void,
  onRefused?: (reason: string) => void,
  now: () => number = serverNow,
): SignalLink {
  const outbox: { message: unknown; until: number }[] = []
  let timer: ReturnType<typeof setTimeout> | null = null
  let closed = false

  const flush = () => {
    timer = null
    while (outbox.length) {
      const first = outbox[0]!
      if (first.until < now()) {
        outbox.shift()
        continue
      }
      if (!socket.send(first.message)) break
      outbox.shift()
    }
    if (outbox.length && !closed) timer = setTimeout(flush, RETRY_MS)
  }

  const unsubscribe = socket.subscribe((e) => {
    if (closed) return
    if (isSignalFor(e, rollCallId, room)) onSignal(e.data.data)
    else if (e.type === 'call.signal_refused' && onRefused) onRefused(String(e.data.reason ?? ''))
  })

  return {
    send(data) {
      if (closed) return
      outbox.push({
        message: { type: 'signal', roll_call_id: rollCallId, room, data },
        until: now() + OUTBOX_MS,
      })
      if (!timer) flush()
    },
    close() {
      closed = true
      if (timer) clearTimeout(timer)
      timer = null
      // A last hang-up already queued still goes if the socket is open.
      for (const m of outbox) socket.send(m.message)
      outbox.length = 0
      unsubscribe()
    },
  }
}
