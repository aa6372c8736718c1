// The duty room's phone: what a duty officer's browser does when the city rings its room during a
// spot check. It listens for roll_call.ringing for the officer's own room (wherever in the app the
// officer is), answers (POST …/answer, then camera, microphone and the callee side of the call), ends
// the call when the commander has recorded the room's outcome, and after a reload finds a ringing
// or answered call again (GET /roll-calls).
import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { useLiveEventsStore } from '@/stores/liveEvents'
import { useSessionStore } from '@/stores/session'
import type { LiveEvent } from '@/api/types'
import { listRollCalls, roomAction, type CallRoom } from './api'
import type { CallSnapshot } from './call'
import { callConfig } from './media'
import { CallLine } from './line'

export interface RingingCall {
  rollCallId: number
  room: CallRoom
}

export interface CallRef {
  rollCallId: number
  room: string
}

const ENDED_STATES = new Set(['assessed', 'no_answer', 'skipped'])

/** The room object and its state from a roll_call.* event (the timeout sends only the code). */
export function roomOfEvent(data: Record<string, unknown>): {
  code: string
  state: string
  room: CallRoom | null
} | null {
  const r = data.room
  if (typeof r === 'string') return { code: r, state: String(data.state ?? ''), room: null }
  if (r && typeof r === 'object' && typeof (r as CallRoom).room === 'string') {
    const room = r as CallRoom
    return { code: room.room, state: room.state, room }
  }
  return null
}

export const useDutyPhoneStore = defineStore('dutyPhone', () => {
  const live = useLiveEventsStore()
  const session = useSessionStore()

  const ringing = shallowRef<RingingCall | null>(null)
  const active = shallowRef<CallRef | null>(null)
  const snapshot = shallowRef<CallSnapshot | null>(null)
  /** The outcome the commander recorded, once the call has ended. */
  const outcome = shallowRef<CallRoom | null>(null)
  /** An answered call of this officer without a call in this page (after a reload). */
  const rejoinable = shallowRef<CallRef | null>(null)
  const answering = ref(false)
  const error = shallowRef<unknown>(null)
  const refused = ref<string | null>(null)

  const line = new CallLine(live, 'callee', {
    change: (snap) => (snapshot.value = snap),
    refused: (reason) => (refused.value = reason),
  })
  let unsubscribe: (() => void) | null = null

  const myRoom = computed(() =>
    session.user?.role === 'duty_officer' ? session.user.jurisdiction : null,
  )
  const inCall = computed(() => active.value !== null)

  function onEvent(e: LiveEvent) {
    const room = myRoom.value
    if (!room || !e.type.startsWith('roll_call.')) return
    const id = Number(e.data.roll_call_id)
    const r = roomOfEvent(e.data)
    if (!r || r.code !== room) return
    if (e.type === 'roll_call.ringing' && r.room && r.state === 'ringing') {
      if (!(active.value && active.value.rollCallId === id))
        ringing.value = { rollCallId: id, room: r.room }
      return
    }
    if (ringing.value?.rollCallId === id && r.state !== 'ringing') ringing.value = null
    if (active.value?.rollCallId === id && ENDED_STATES.has(r.state)) {
      outcome.value = r.room
      endCall(false)
    }
    if (rejoinable.value?.rollCallId === id && r.state !== 'answered') rejoinable.value = null
  }

  /** Looks for a call ringing or answered now (after a reload or a lost connection). */
  async function check() {
    const room = myRoom.value
    if (!room) return
    let calls
    try {
      calls = await listRollCalls(10)
    } catch {
      return
    }
    const me = session.user?.username
    let ring: RingingCall | null = null
    let rejoin: CallRef | null = null
    for (const c of calls) {
      if (c.state !== 'running') continue
      const r = c.rooms.find((x) => x.room === room)
      if (!r) continue
      if (r.state === 'ringing') ring = { rollCallId: c.id, room: r }
      if (r.state === 'answered' && r.answered_by === me)
        rejoin = { rollCallId: c.id, room: r.room }
    }
    if (!active.value) {
      ringing.value = ring
      rejoinable.value = rejoin
    }
  }

  function attach() {
    if (unsubscribe || !myRoom.value) return
    unsubscribe = live.subscribe(onEvent)
    void callConfig()
    void check()
  }

  function detach() {
    unsubscribe?.()
    unsubscribe = null
    endCall(true)
    ringing.value = null
  }

  // Events missed while the socket was down: look again once it is back.
  watch(
    () => live.status,
    (s, before) => {
      if (s === 'open' && before !== 'open' && unsubscribe) void check()
    },
  )

  async function startCall(which: CallRef, rejoining: boolean) {
    endCall(true)
    outcome.value = null
    error.value = null
    refused.value = null
    active.value = which
    const link = await line.open(which.rollCallId, which.room)
    if (link && rejoining) link.send({ kind: 'ready' })
  }

  /** Answers the ringing call: the server first (it must accept), the camera meanwhile. */
  async function answer() {
    const r = ringing.value
    if (!r || answering.value) return
    answering.value = true
    error.value = null
    const which = { rollCallId: r.rollCallId, room: r.room.room }
    try {
      const media = startCall(which, false)
      ringing.value = null
      await roomAction(which.rollCallId, which.room, 'answer')
      await media
    } catch (e) {
      error.value = e
      endCall(false)
    } finally {
      answering.value = false
    }
  }

  async function rejoin() {
    const r = rejoinable.value
    if (!r) return
    rejoinable.value = null
    await startCall(r, true)
  }

  function endCall(notify: boolean) {
    line.end(notify)
  }

  /** The officer hangs up (the commander still records the outcome). */
  function hangup() {
    endCall(true)
  }

  /** Closes the ended call's screen. */
  function dismiss() {
    endCall(true)
    active.value = null
    snapshot.value = null
    outcome.value = null
    error.value = null
  }

  /** The call's statistics (null without a connection). */
  function stats(): Promise<RTCStatsReport | null> {
    return line.stats()
  }

  function setMuted(m: boolean) {
    line.setMuted(m)
  }

  function setCameraOff(off: boolean) {
    line.setCameraOff(off)
  }

  return {
    ringing,
    active,
    snapshot,
    outcome,
    rejoinable,
    answering,
    error,
    refused,
    myRoom,
    inCall,
    attach,
    detach,
    check,
    answer,
    rejoin,
    hangup,
    dismiss,
    stats,
    setMuted,
    setCameraOff,
  }
})
