// The live event feed of the WebSocket /api/v1/events, kept while the person is signed in.
import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import { EventStream, eventsUrl, type StreamStatus } from '@/api/events'
import { getMe } from '@/api/endpoints'
import type { LiveEvent } from '@/api/types'
import { serverNow } from '@/utils/serverTime'

export const FEED_LIMIT = 200

/**
 * Events delivered to listeners but kept out of the feed: call signalling (many small messages per
 * call), presence (every console opening or closing) and the inbox's changes (the bell shows them).
 */
export const NOT_IN_FEED = new Set([
  'call.signal',
  'call.signal_refused',
  'duty.presence',
  'work.changed',
])

export interface FeedItem extends LiveEvent {
  seq: number
}

export const useLiveEventsStore = defineStore('liveEvents', () => {
  const items = shallowRef<FeedItem[]>([])
  const status = ref<StreamStatus>('idle')
  const retryAt = ref<number | null>(null)
  let seq = 0
  const listeners = new Set<(e: LiveEvent) => void>()
  let stream: EventStream | null = null

  function start() {
    if (stream) return
    stream = new EventStream({
      url: eventsUrl(window.location),
      onEvent: (e) => {
        if (!NOT_IN_FEED.has(e.type)) {
          items.value = [{ ...e, seq: ++seq }, ...items.value].slice(0, FEED_LIMIT)
        }
        for (const l of listeners) l(e)
      },
      onStatus: (s, retryIn) => {
        // A socket that closes before it opened may mean the session is gone: asking who is signed
        // in answers 401 then, which sends the person to the sign-in page.
        if (s === 'waiting' && status.value === 'connecting') void getMe().catch(() => undefined)
        status.value = s
        retryAt.value = s === 'waiting' && retryIn ? serverNow() + retryIn : null
      },
    })
    stream.start()
  }

  function stop() {
    stream?.stop()
    stream = null
  }

  /** Connects again at once (the network came back) unless the socket is open or connecting. */
  function reconnect() {
    if (!stream || status.value === 'open' || status.value === 'connecting') return
    stop()
    start()
  }

  function clear() {
    items.value = []
  }

  /** Calls `fn` for every new event until the returned function is called. */
  function subscribe(fn: (e: LiveEvent) => void): () => void {
    listeners.add(fn)
    return () => listeners.delete(fn)
  }

  /** Sends a JSON message to the server on the event socket; false when it is not open. */
  function send(message: unknown): boolean {
    return stream?.send(JSON.stringify(message)) ?? false
  }

  return { items, status, retryAt, start, stop, reconnect, clear, subscribe, send }
})
