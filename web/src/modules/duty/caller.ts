// The commander's side of a spot-check call (the caller): once a room has answered, camera and
// microphone, the offer, and the call until the outcome is recorded. One call at a time; leaving
// the page hangs up.
import { onBeforeUnmount, shallowRef } from 'vue'
import { useLiveEventsStore } from '@/stores/liveEvents'
import { CallSession, type CallSnapshot } from './call'
import { callConfig, createPeer, getCallMedia, iceServersOf } from './media'
import { linkCall, type SignalLink } from './signalling'
import type { CallRef } from './phone'

export function useCaller() {
  const live = useLiveEventsStore()
  const snapshot = shallowRef<CallSnapshot | null>(null)
  const current = shallowRef<CallRef | null>(null)
  const refused = shallowRef<string | null>(null)
  let call: CallSession | null = null
  let link: SignalLink | null = null

  /** Calls the room (again, with a fresh connection, if `restart`). */
  async function start(rollCallId: number, room: string, restart = false) {
    const same = current.value?.rollCallId === rollCallId && current.value.room === room
    if (same && call && !call.ended && !restart) return
    end(false)
    current.value = { rollCallId, room }
    refused.value = null
    const early: unknown[] = []
    let target: CallSession | null = null
    const thisLink = linkCall(
      live,
      rollCallId,
      room,
      (data) => (target ? void target.receive(data) : early.push(data)),
      (reason) => (refused.value = reason),
    )
    link = thisLink
    const cfg = await callConfig()
    if (link !== thisLink) return
    const s = new CallSession({
      role: 'caller',
      send: (d) => thisLink.send(d),
      getMedia: getCallMedia,
      createPeer,
      iceServers: iceServersOf(cfg),
      onChange: (snap) => {
        if (call === s) snapshot.value = snap
      },
    })
    call = s
    target = s
    const started = s.start()
    for (const d of early) void s.receive(d)
    await started
  }

  /** Ends the call (telling the other side unless `notify` is false). */
  function end(notify = true) {
    call?.hangup(notify)
    call = null
    link?.close()
    link = null
  }

  /** Ends the call and forgets it (the panel shows no call). */
  function clear() {
    end(false)
    current.value = null
    snapshot.value = null
  }

  function stats(): Promise<RTCStatsReport | null> {
    return call?.peer?.getStats() ?? Promise.resolve(null)
  }

  onBeforeUnmount(() => end(true))

  return {
    snapshot,
    current,
    refused,
    start,
    end,
    clear,
    stats,
    setMuted: (m: boolean) => call?.setMuted(m),
    setCameraOff: (off: boolean) => call?.setCameraOff(off),
  }
}
