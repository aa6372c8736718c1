// The commander's side of a spot-check call (the caller): once a room has answered, camera and
// microphone, the offer, and the call until the outcome is recorded. One call at a time; leaving
// the page hangs up.
import { onBeforeUnmount, shallowRef } from 'vue'
import { useLiveEventsStore } from '@/stores/liveEvents'
import type { CallSnapshot } from './call'
import { CallLine } from './line'
import type { CallRef } from './phone'

export function useCaller() {
  const live = useLiveEventsStore()
  const snapshot = shallowRef<CallSnapshot | null>(null)
  const current = shallowRef<CallRef | null>(null)
  const refused = shallowRef<string | null>(null)
  const line = new CallLine(live, 'caller', {
    change: (snap) => (snapshot.value = snap),
    refused: (reason) => (refused.value = reason),
  })

  /** Calls the room (again, with a fresh connection, if `restart`). */
  async function start(rollCallId: number, room: string, restart = false) {
    const same = current.value?.rollCallId === rollCallId && current.value.room === room
    const call = line.session
    if (same && call && !call.ended && !restart) return
    end(false)
    current.value = { rollCallId, room }
    refused.value = null
    await line.open(rollCallId, room)
  }

  /** Ends the call (telling the other side unless `notify` is false). */
  function end(notify = true) {
    line.end(notify)
  }

  /** Ends the call and forgets it (the panel shows no call). */
  function clear() {
    end(false)
    current.value = null
    snapshot.value = null
  }

  onBeforeUnmount(() => end(true))

  return {
    snapshot,
    current,
    refused,
    start,
    end,
    clear,
    stats: () => line.stats(),
    setMuted: (m: boolean) => line.setMuted(m),
    setCameraOff: (off: boolean) => line.setCameraOff(off),
  }
}
