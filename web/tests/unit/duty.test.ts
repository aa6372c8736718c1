// The duty module: the spot-check call (offer/answer over a fake signalling wire, candidates that
// come early, a caller that starts over, hanging up, camera and microphone switches, a call without
// media), the call's statistics, the signalling link's outbox, the ring and the title flash, and
// the pure helpers of the rota, intake, spot checks, notices and statistics.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CallSession,
  parseSignal,
  phaseOfConnection,
  summarizeStats,
  type CallSnapshot,
  type PeerLike,
  type SignalData,
} from '@/modules/duty/call'
import { isSignalFor, linkCall, OUTBOX_MS } from '@/modules/duty/signalling'
import { flashTitle, RING_PATTERN, RING_TONES, scheduleRing } from '@/modules/duty/ringer'
import {
  activeRoom,
  applyCallEvent,
  assessmentBody,
  byLastChecked,
  checkShiftForm,
  currentShift,
  emptyAssessment,
  emptyIntakeForm,
  faultText,
  formatDuration,
  intakeBody,
  intakeFormField,
  isDone,
  nextRoom,
  nextShift,
  outcomeKey,
  outcomeTone,
  problemsOfShift,
  progressOf,
  reproduceBody,
  secondsLeft,
  shiftBody,
  shiftWeek,
  statsPeriod,
  statsTotals,
  weekColumns,
  weekDays,
  type ShiftForm,
} from '@/modules/duty/model'
import { dayLabel, partOfDay, shiftRange } from '@/modules/duty/format'
import { chinaTime, DAY_MS, formatDate, HOUR_MS, startOfWeek } from '@/utils/calendar'
import { offsetOf } from '@/utils/serverTime'
import { serverFieldMessage } from '@/modules/duty/fields'
import { roomOfEvent } from '@/modules/duty/phone'
import { readPresence } from '@/modules/duty/presence'
import { answerChart, outcomeChart, rateColor } from '@/modules/duty/charts'
import { iceServersOf } from '@/modules/duty/media'
import type { CallRoom, RollCall, RoomStats, Shift } from '@/modules/duty/api'
import type { LiveEvent } from '@/api/types'
import { ApiError } from '@/api/client'
import { setLocale } from '@/i18n'

// --- fakes -----------------------------------------------------------------------------------------

class FakeTrack {
  enabled = true
  stopped = false
  constructor(readonly kind: 'audio' | 'video') {}
  stop() {
    this.stopped = true
  }
}

class FakeStream {
  readonly tracks = [new FakeTrack('audio'), new FakeTrack('video')]
  getTracks() {
    return this.tracks
  }
  getAudioTracks() {
    return this.tracks.filter((t) => t.kind === 'audio')
  }
  getVideoTracks() {
    return this.tracks.filter((t) => t.kind === 'video')
  }
}

let peerSeq = 0

/**
 * Enough of RTCPeerConnection: descriptions and signaling states, one ICE candidate per local
 * description, "connected" (and a remote track) once both descriptions and a remote candidate are in.
 */
class FakePeer {
  readonly id = ++peerSeq
  connectionState: RTCPeerConnectionState = 'new'
  signalingState: RTCSignalingState = 'stable'
  localDescription: RTCSessionDescriptionInit | null = null
  remoteDescription: RTCSessionDescriptionInit | null = null
  onicecandidate: ((e: { candidate: unknown }) => void) | null = null
  ontrack: ((e: { streams: unknown[]; track: unknown }) => void) | null = null
  onconnectionstatechange: (() => void) | null = null
  tracks: unknown[] = []
  transceivers: string[] = []
  candidates: RTCIceCandidateInit[] = []
  closed = false
  readonly config: RTCConfiguration
  constructor(config: RTCConfiguration) {
    this.config = config
  }
  addTrack(t: unknown) {
    this.tracks.push(t)
    return {}
  }
  addTransceiver(kind: string) {
    this.transceivers.push(kind)
    return {}
  }
  async createOffer() {
    return { type: 'offer' as const, sdp: `offer-${this.id}\na=ice-ufrag:u${this.id}\n` }
  }
  async createAnswer() {
    if (this.signalingState !== 'have-remote-offer') throw new Error('no offer')
    return { type: 'answer' as const, sdp: `answer-${this.id}\na=ice-ufrag:u${this.id}\n` }
  }
  async setLocalDescription(d: RTCSessionDescriptionInit) {
    this.localDescription = d
    this.signalingState = d.type === 'offer' ? 'have-local-offer' : 'stable'
    const cand = {
      candidate: `candidate:${this.id}`,
      sdpMid: '0',
      sdpMLineIndex: 0,
      usernameFragment: `u${this.id}`,
    }
    queueMicrotask(() => this.onicecandidate?.({ candidate: { ...cand, toJSON: () => cand } }))
    this.maybeConnect()
  }
  async setRemoteDescription(d: RTCSessionDescriptionInit) {
    if (d.type === 'answer' && this.signalingState !== 'have-local-offer') throw new Error('stale')
    this.remoteDescription = d
    this.signalingState = d.type === 'offer' ? 'have-remote-offer' : 'stable'
    this.maybeConnect()
  }
  async addIceCandidate(c: RTCIceCandidateInit) {
    if (!this.remoteDescription) throw new Error('InvalidStateError: no remote description')
    if (!this.remoteDescription.sdp?.includes(`a=ice-ufrag:${c.usernameFragment}`)) {
      throw new Error('OperationError: unknown ufrag')
    }
    this.candidates.push(c)
    this.maybeConnect()
  }
  private maybeConnect() {
    if (this.connectionState === 'connected') return
    if (!this.localDescription || !this.remoteDescription || this.candidates.length === 0) return
    this.connectionState = 'connected'
    this.onconnectionstatechange?.()
    const stream = new FakeStream()
    this.ontrack?.({ streams: [stream], track: stream.tracks[1] })
  }
  async getStats() {
    return new Map() as unknown as RTCStatsReport
  }
  close() {
    this.closed = true
    this.connectionState = 'closed'
  }
}

interface Side {
  session: CallSession
  peers: FakePeer[]
  sent: SignalData[]
  snaps: CallSnapshot[]
  media: FakeStream | null
}

/** Two sessions joined by a wire that can hold messages back and let them through in any order. */
function pair(opts: { calleeMedia?: 'ok' | 'denied' } = {}) {
  const held: { to: 'caller' | 'callee'; data: SignalData }[] = []
  let hold = false
  const make = (role: 'caller' | 'callee', mediaOk: boolean): Side => {
    const side: Side = {
      session: null as unknown as CallSession,
      peers: [],
      sent: [],
      snaps: [],
      media: null,
    }
    side.session = new CallSession({
      role,
      send: (d) => {
        side.sent.push(d)
        const to = role === 'caller' ? 'callee' : 'caller'
        if (hold) held.push({ to, data: d })
        else void deliver(to, d)
      },
      getMedia: async () => {
        if (!mediaOk) {
          const e = new Error('denied')
          e.name = 'NotAllowedError'
          throw e
        }
        side.media = new FakeStream()
        return side.media as unknown as MediaStream
      },
      createPeer: (config) => {
        const p = new FakePeer(config)
        side.peers.push(p)
        return p as unknown as PeerLike
      },
      iceServers: [],
      onChange: (s) => side.snaps.push(s),
      expose: () => undefined,
    })
    return side
  }
  const caller = make('caller', true)
  const callee = make('callee', opts.calleeMedia !== 'denied')
  const deliver = (to: 'caller' | 'callee', d: SignalData) =>
    (to === 'caller' ? caller : callee).session.receive(JSON.parse(JSON.stringify(d)))
  return {
    caller,
    callee,
    held,
    holdAll: () => (hold = true),
    /** Lets the held messages through, in the order `order` gives (default: as sent). */
    async release(order: (list: typeof held) => typeof held = (l) => l) {
      hold = false
      const list = order(held.splice(0))
      for (const m of list) await deliver(m.to, m.data)
    },
  }
}

const settle = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve()
  await new Promise((r) => setTimeout(r, 0))
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

// --- the call ----------------------------------------------------------------------------------

describe('spot-check call', () => {
  it('connects: the caller offers, the callee answers, candidates cross, video arrives', async () => {
    const { caller, callee } = pair()
    await callee.session.start()
    expect(callee.session.snapshot().phase).toBe('waiting')
    expect(callee.sent).toEqual([]) // the callee never offers
    await caller.session.start()
    await settle()
    // The description goes first, its candidates after it.
    expect(caller.sent[0]).toMatchObject({ kind: 'offer', sdp: expect.stringMatching(/^offer-/) })
    expect(callee.sent[0]).toMatchObject({ kind: 'answer', sdp: expect.stringMatching(/^answer-/) })
    expect(caller.sent.some((s) => s.kind === 'candidate')).toBe(true)
    expect(callee.sent.some((s) => s.kind === 'candidate')).toBe(true)
    for (const side of [caller, callee]) {
      const snap = side.session.snapshot()
      expect(snap.phase).toBe('connected')
      expect(snap.remoteStream).not.toBeNull()
      expect(snap.localStream).toBe(side.media)
      expect(side.peers[0]!.tracks).toHaveLength(2) // microphone and camera sent
    }
    expect(caller.peers[0]!.config).toEqual({ iceServers: [] })
  })

  it('queues candidates that arrive before the description and handles one message at a time', async () => {
    const { caller, callee, holdAll, release } = pair()
    await callee.session.start()
    holdAll()
    await caller.session.start()
    await settle()
    // The relay reorders: the caller's candidate overtakes its offer.
    await release((l) => [...l].sort((a) => (a.data.kind === 'candidate' ? -1 : 1)))
    await settle()
    expect(callee.peers[0]!.candidates).toEqual([
      {
        candidate: `candidate:${caller.peers[0]!.id}`,
        sdpMid: '0',
        sdpMLineIndex: 0,
        usernameFragment: `u${caller.peers[0]!.id}`,
      },
    ])
    expect(callee.session.snapshot().phase).toBe('connected')
    expect(caller.session.snapshot().phase).toBe('connected')
  })

  it('lets the offer wait for the callee’s camera (the session exists before it is answered)', async () => {
    const { caller, callee } = pair()
    let resolveMedia: (s: MediaStream) => void = () => undefined
    // A slow camera: the offer arrives while the callee is still asking for it.
    const slow = new Promise<MediaStream>((r) => (resolveMedia = r))
    const opts = (callee.session as unknown as { opts: { getMedia: () => Promise<MediaStream> } })
      .opts
    opts.getMedia = () => slow
    const started = callee.session.start()
    await caller.session.start()
    await settle()
    expect(callee.peers).toHaveLength(0)
    resolveMedia(new FakeStream() as unknown as MediaStream)
    await started
    await settle()
    expect(callee.peers).toHaveLength(1)
    expect(callee.session.snapshot().phase).toBe('connected')
  })

  it('keeps a newer offer’s candidates that overtake it for that offer', async () => {
    const { caller, callee, holdAll, release } = pair()
    await callee.session.start()
    await caller.session.start()
    await settle()
    holdAll()
    await caller.session.restart()
    await settle()
    // The new connection's candidate overtakes its offer: not for the old connection.
    await release((l) => [...l].sort((a) => (a.data.kind === 'candidate' ? -1 : 1)))
    await settle()
    expect(callee.peers[0]!.candidates).toHaveLength(1)
    expect(callee.peers[1]!.candidates.map((c) => c.usernameFragment)).toEqual([
      `u${caller.peers[1]!.id}`,
    ])
    expect(callee.session.snapshot().phase).toBe('connected')
  })

  it('starts over when the caller restarts or the callee says it is ready again', async () => {
    const { caller, callee } = pair()
    await callee.session.start()
    await caller.session.start()
    await settle()
    const firstCallee = callee.peers[0]!
    await caller.session.restart()
    await settle()
    expect(caller.peers).toHaveLength(2)
    expect(caller.peers[0]!.closed).toBe(true)
    // A second offer: the callee makes a new connection for it.
    expect(callee.peers).toHaveLength(2)
    expect(firstCallee.closed).toBe(true)
    expect(callee.session.snapshot().phase).toBe('connected')
    // A callee that rejoined says "ready": a third offer.
    await caller.session.receive({ kind: 'ready' })
    await settle()
    expect(caller.peers).toHaveLength(3)
    expect(caller.sent.filter((s) => s.kind === 'offer')).toHaveLength(3)
  })

  it('ignores what does not belong: answers to the callee, offers to the caller, stale answers, junk', async () => {
    const { caller, callee } = pair()
    await callee.session.start()
    await caller.session.start()
    await settle()
    const offers = caller.sent.filter((s) => s.kind === 'offer').length
    await caller.session.receive({ kind: 'offer', sdp: 'x' })
    await callee.session.receive({ kind: 'answer', sdp: 'y' })
    await caller.session.receive({ kind: 'answer', sdp: 'late' }) // stable: no offer outstanding
    await caller.session.receive({ kind: 'nonsense' })
    await caller.session.receive('not an object')
    await settle()
    expect(caller.sent.filter((s) => s.kind === 'offer')).toHaveLength(offers)
    expect(caller.session.snapshot().phase).toBe('connected')
    expect(callee.session.snapshot().phase).toBe('connected')
  })

  it('hangs up: tells the other side once, closes, stops the camera', async () => {
    const { caller, callee } = pair()
    await callee.session.start()
    await caller.session.start()
    await settle()
    caller.session.hangup()
    caller.session.hangup()
    await settle()
    expect(caller.sent.filter((s) => s.kind === 'hangup')).toHaveLength(1)
    expect(caller.session.snapshot()).toMatchObject({ phase: 'ended', endReason: 'local' })
    expect(callee.session.snapshot()).toMatchObject({ phase: 'ended', endReason: 'remote' })
    expect(callee.sent.filter((s) => s.kind === 'hangup')).toHaveLength(0)
    expect(caller.peers[0]!.closed && callee.peers[0]!.closed).toBe(true)
    expect(caller.media!.tracks.every((t) => t.stopped)).toBe(true)
    expect(callee.media!.tracks.every((t) => t.stopped)).toBe(true)
    // Nothing more happens after the end.
    await callee.session.receive({ kind: 'offer', sdp: 'again' })
    expect(callee.peers).toHaveLength(1)
  })

  it('switches microphone and camera by enabling the tracks', async () => {
    const { caller } = pair()
    await caller.session.start()
    caller.session.setMuted(true)
    caller.session.setCameraOff(true)
    const [audio, video] = caller.media!.tracks
    expect(audio!.enabled).toBe(false)
    expect(video!.enabled).toBe(false)
    expect(caller.session.snapshot()).toMatchObject({ muted: true, cameraOff: true })
    caller.session.setMuted(false)
    expect(audio!.enabled).toBe(true)
  })

  it('goes on without camera and microphone, receiving only', async () => {
    const { caller, callee } = pair({ calleeMedia: 'denied' })
    await callee.session.start()
    await caller.session.start()
    await settle()
    expect(callee.session.snapshot().mediaError).toBe('denied')
    expect(callee.peers[0]!.transceivers).toEqual(['audio', 'video'])
    expect(callee.peers[0]!.tracks).toHaveLength(0)
    expect(callee.session.snapshot().phase).toBe('connected')
  })

  it('reads signals and connection states', () => {
    expect(parseSignal({ kind: 'offer', sdp: '' })).toBeNull()
    expect(parseSignal({ kind: 'candidate', candidate: { sdpMid: '0' } })).toBeNull()
    expect(
      parseSignal({ kind: 'candidate', candidate: { candidate: 'c', sdpMLineIndex: 1 } }),
    ).toEqual({
      kind: 'candidate',
      candidate: { candidate: 'c', sdpMid: null, sdpMLineIndex: 1, usernameFragment: null },
    })
    expect(parseSignal({ kind: 'hangup', extra: 1 })).toEqual({ kind: 'hangup' })
    expect(parseSignal(null)).toBeNull()
    expect(phaseOfConnection('disconnected')).toBe('reconnecting')
    expect(phaseOfConnection('failed')).toBe('failed')
    expect(phaseOfConnection('new')).toBeNull()
  })
})

describe('call statistics', () => {
  it('sums inbound video frames and measures the bit rate between readings', () => {
    const report = [
      {
        id: 'a',
        type: 'inbound-rtp',
        kind: 'video',
        framesDecoded: 40,
        framesPerSecond: 20,
        bytesReceived: 100_000,
        packetsLost: 2,
      },
      { id: 'b', type: 'inbound-rtp', kind: 'audio', bytesReceived: 20_000, packetsLost: -1 },
      { id: 'c', type: 'outbound-rtp', kind: 'video', framesEncoded: 99 },
      {
        id: 'd',
        type: 'candidate-pair',
        nominated: true,
        state: 'succeeded',
        currentRoundTripTime: 0.0123,
      },
    ]
    const first = summarizeStats(report, null, 1000)
    expect(first).toMatchObject({
      framesDecoded: 40,
      framesPerSecond: 20,
      packetsLost: 2,
      roundTripMs: 12,
      bytesReceived: 120_000,
      inboundKbps: null,
    })
    const later = summarizeStats(
      new Map(report.map((r) => [r.id, r.id === 'a' ? { ...r, bytesReceived: 225_000 } : r])),
      first,
      2000,
    )
    expect(later.inboundKbps).toBe(1000) // 125,000 bytes in one second
  })
})

// --- signalling ------------------------------------------------------------------------------------

describe('signalling link', () => {
  function socket(open = true) {
    const listeners = new Set<(e: LiveEvent) => void>()
    const s = {
      open,
      sent: [] as unknown[],
      send(m: unknown) {
        if (!s.open) return false
        s.sent.push(m)
        return true
      },
      subscribe(fn: (e: LiveEvent) => void) {
        listeners.add(fn)
        return () => listeners.delete(fn)
      },
      emit(e: Partial<LiveEvent>) {
        for (const l of listeners) l({ jurisdiction: '', at: 0, data: {}, type: '', ...e })
      },
      listeners,
    }
    return s
  }

  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('sends signals of its call and hands on only those', () => {
    const s = socket()
    const got: unknown[] = []
    const refused: string[] = []
    const link = linkCall(
      s,
      7,
      '430426',
      (d) => got.push(d),
      (r) => refused.push(r),
    )
    link.send({ kind: 'hangup' })
    expect(s.sent).toEqual([
      { type: 'signal', roll_call_id: 7, room: '430426', data: { kind: 'hangup' } },
    ])
    s.emit({
      type: 'call.signal',
      data: { roll_call_id: 7, room: '430426', data: { kind: 'ready' } },
    })
    s.emit({ type: 'call.signal', data: { roll_call_id: 8, room: '430426', data: { kind: 'x' } } })
    s.emit({ type: 'call.signal', data: { roll_call_id: 7, room: '430421', data: { kind: 'y' } } })
    s.emit({ type: 'call.signal_refused', data: { reason: 'no such call' } })
    expect(got).toEqual([{ kind: 'ready' }])
    expect(refused).toEqual(['no such call'])
    link.close()
    expect(s.listeners.size).toBe(0)
  })

  it('keeps signals while the socket is down and drops them after a while', () => {
    let now = 0
    const s = socket(false)
    const link = linkCall(
      s,
      1,
      'r',
      () => undefined,
      undefined,
      () => now,
    )
    link.send({ kind: 'offer', sdp: 'o' })
    link.send({ kind: 'candidate', candidate: { candidate: 'c' } })
    vi.advanceTimersByTime(1000)
    now = 1000
    expect(s.sent).toEqual([])
    s.open = true
    vi.advanceTimersByTime(300)
    expect(s.sent).toHaveLength(2)
    // Down again for longer than the outbox keeps them.
    s.open = false
    link.send({ kind: 'hangup' })
    now += OUTBOX_MS + 1
    vi.advanceTimersByTime(300)
    s.open = true
    vi.advanceTimersByTime(300)
    expect(s.sent).toHaveLength(2)
    link.close()
  })

  it('recognises a call’s signal events', () => {
    const e = {
      type: 'call.signal',
      jurisdiction: '',
      at: 0,
      data: { roll_call_id: '3', room: 'a' },
    }
    expect(isSignalFor(e, 3, 'a')).toBe(true)
    expect(isSignalFor({ ...e, type: 'roll_call.updated' }, 3, 'a')).toBe(false)
  })
})

// --- ring and title ----------------------------------------------------------------------------------

describe('ring', () => {
  it('schedules two bursts of two tones per period', () => {
    const oscillators: { f: number; start: number; stop: number }[] = []
    const param = () => ({
      value: 0,
      setValueAtTime: vi.fn(),
      linearRampToValueAtTime: vi.fn(),
    })
    const ctx = {
      createGain: () => ({ gain: param(), connect: vi.fn() }),
      createOscillator: () => {
        const o = {
          type: '',
          frequency: { value: 0 },
          connect: vi.fn(),
          start: (t: number) => oscillators.push({ f: o.frequency.value, start: t, stop: 0 }),
          stop: (t: number) => (oscillators[oscillators.length - 1]!.stop = t),
        }
        return o
      },
    }
    scheduleRing(ctx as unknown as BaseAudioContext, {} as AudioNode, 10)
    expect(oscillators).toHaveLength(RING_PATTERN.length * RING_TONES.length)
    expect(oscillators.map((o) => o.f)).toEqual([440, 480, 440, 480])
    expect(oscillators[2]!.start).toBeCloseTo(10.6)
    expect(oscillators[0]!.stop).toBeGreaterThan(10.4)
  })

  it('flashes the title and puts it back', () => {
    vi.useFakeTimers()
    const doc = { title: 'Page' }
    const stop = flashTitle('CALL', 500, doc)
    expect(doc.title).toBe('CALL')
    vi.advanceTimersByTime(500)
    expect(doc.title).toBe('Page')
    vi.advanceTimersByTime(500)
    expect(doc.title).toBe('CALL')
    stop()
    expect(doc.title).toBe('Page')
    vi.advanceTimersByTime(2000)
    expect(doc.title).toBe('Page')
    vi.useRealTimers()
  })
})

// --- rota --------------------------------------------------------------------------------------------

function shift(id: number, from: number, hours: number, extra: Partial<Shift> = {}): Shift {
  return {
    id,
    room: '430426',
    starts_at: from,
    ends_at: from + hours * HOUR_MS,
    leader: '王队长',
    officers: ['李值班'],
    note: '',
    created_by: 'x',
    created_at: 0,
    ...extra,
  }
}

describe('rota', () => {
  const monday = chinaTime(2026, 11, 23) // Monday 23 November 2026, 00:00 China time

  it('finds the week’s Monday and its days (China time)', () => {
    expect(startOfWeek(chinaTime(2026, 11, 29, 23, 59))).toBe(monday) // Sunday
    expect(startOfWeek(monday)).toBe(monday)
    expect(startOfWeek(chinaTime(2026, 11, 30, 0, 1))).toBe(shiftWeek(monday, 1))
    const days = weekDays(monday)
    expect(days).toHaveLength(7)
    expect(days.map(formatDate)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])
    expect(formatDate(shiftWeek(monday, -1))).toBe('2026-11-16')
    expect(dayLabel(monday, 'zh-CN')).toBe('周一 11-23')
    expect(dayLabel(days[6]!, 'en')).toBe('Sun 11-29')
  })

  it('keeps the rota’s weeks across the new year', () => {
    // Wednesday 30 December 2026 to Sunday 3 January 2027: one week, begun on Monday 28 December.
    const mon = chinaTime(2026, 12, 28)
    expect(startOfWeek(chinaTime(2027, 1, 3, 23, 59, 59, 999))).toBe(mon)
    expect(startOfWeek(1798732800000)).toBe(mon) // 2026-12-31T16:00Z = 1 January 2027, 00:00
    expect(weekDays(mon).map(formatDate).slice(3)).toEqual([
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ])
    expect(formatDate(shiftWeek(mon, 1))).toBe('2027-01-04')
  })

  it('puts shifts on each day they cover and problems where they fall', () => {
    const a = shift(1, monday + 8 * HOUR_MS, 24) // Mon 8:00 – Tue 8:00
    const b = shift(2, monday + DAY_MS + 8 * HOUR_MS, 12)
    const cols = weekColumns(
      monday,
      [b, a],
      [
        { kind: 'gap', from: monday + DAY_MS + 20 * HOUR_MS, to: monday + 7 * DAY_MS, shifts: [] },
        { kind: 'double_booking', from: 0, to: monday, shifts: [1, 2] },
      ],
    )
    expect(cols[0]!.shifts.map((s) => s.id)).toEqual([1])
    expect(cols[1]!.shifts.map((s) => s.id)).toEqual([1, 2])
    expect(cols[2]!.shifts).toEqual([])
    expect(cols[0]!.problems).toEqual([]) // the gap starts on Tuesday; the double booking ended before
    expect(cols[1]!.problems.map((p) => p.kind)).toEqual(['gap'])
    expect(cols[6]!.problems.map((p) => p.kind)).toEqual(['gap'])
    expect(
      problemsOfShift(a, [{ kind: 'understaffed', from: 0, to: 1, shifts: [1] }]),
    ).toHaveLength(1)
    expect(partOfDay(a, monday, monday + DAY_MS)).toBe('08:00–24:00')
    expect(partOfDay(a, monday + DAY_MS, monday + 2 * DAY_MS)).toBe('00:00–08:00')
  })

  it('knows the shift on duty and the next', () => {
    const a = shift(1, 0, 24)
    const b = shift(2, 12 * HOUR_MS, 24)
    const c = shift(3, 30 * HOUR_MS, 24)
    expect(currentShift([a, b, c], 13 * HOUR_MS)?.id).toBe(2)
    expect(currentShift([a, b, c], 2 * HOUR_MS)?.id).toBe(1)
    expect(currentShift([a], 24 * HOUR_MS)).toBeNull()
    expect(nextShift([a, b, c], 13 * HOUR_MS)?.id).toBe(3)
  })

  it('checks the add-shift form and builds its body', () => {
    const f: ShiftForm = {
      room: '430426',
      starts_at: 1000,
      ends_at: 500,
      leader: ' ',
      officer1: '',
      officer2: '',
      note: '',
    }
    expect(checkShiftForm(f)).toEqual({
      ends_at: 'duty.rota.errors.endsAfter',
      leader: 'duty.rota.errors.leaderRequired',
      officer1: 'duty.rota.errors.officerRequired',
    })
    expect(
      checkShiftForm({ ...f, ends_at: 1000 + 49 * HOUR_MS, leader: 'x', officer2: 'y' }),
    ).toEqual({
      ends_at: 'duty.rota.errors.tooLong',
    })
    expect(checkShiftForm({ ...f, starts_at: null, ends_at: null })).toMatchObject({
      starts_at: 'duty.rota.errors.startsRequired',
      ends_at: 'duty.rota.errors.endsRequired',
    })
    expect(
      shiftBody({ ...f, ends_at: 2000, leader: ' 王 ', officer1: '', officer2: ' 李 ', note: ' ' }),
    ).toEqual({ room: '430426', starts_at: 1000, ends_at: 2000, leader: '王', officers: ['李'] })
  })

  it('writes shift times', () => {
    const at8 = chinaTime(2026, 11, 29, 8)
    expect(shiftRange({ starts_at: at8, ends_at: at8 + 24 * HOUR_MS }, 'zh-CN')).toBe(
      '11-29 08:00 – 次日 08:00',
    )
    expect(shiftRange({ starts_at: at8, ends_at: at8 + 12 * HOUR_MS }, 'en')).toBe(
      '11-29 08:00 – 20:00',
    )
    expect(shiftRange({ starts_at: at8, ends_at: at8 + 40 * HOUR_MS }, 'en')).toBe(
      '11-29 08:00 – 12-01 00:00',
    )
  })
})

// --- intake ------------------------------------------------------------------------------------------

describe('intake', () => {
  it('builds the body: trimmed, optional fields left out, casualties as counts', () => {
    const f = {
      ...emptyIntakeForm(5000),
      reporter_name: ' 张三 ',
      reporter_phone: '0734-1234567',
      event_type: '火灾',
      place: '某镇',
      injured: 2,
      missing: null,
    }
    expect(intakeBody(f)).toEqual({
      reporter_name: '张三',
      reporter_phone: '0734-1234567',
      event_type: '火灾',
      occurred_at: 5000,
      place: '某镇',
      casualties: { dead: 0, injured: 2, missing: 0 },
    })
    expect(intakeBody({ ...f, scope: ' 3 个村 ', help_requested: '救援队' })).toMatchObject({
      scope: '3 个村',
      help_requested: '救援队',
    })
  })

  it('puts server errors at their fields', () => {
    expect(intakeFormField('casualties.dead')).toBe('dead')
    expect(intakeFormField('injured')).toBe('injured')
    expect(intakeFormField('casualties')).toBe('dead')
    expect(intakeFormField('room')).toBeNull()
    expect(intakeFormField(null)).toBeNull()
  })

  it('says the server’s known complaints in the UI language', () => {
    setLocale('zh-CN')
    const err = (field: string, message: string) =>
      new ApiError({ status: 400, code: 'invalid_argument', message, field })
    expect(
      serverFieldMessage(
        err('reporter_phone', 'reporter_phone must be digits (with - + or spaces)'),
        'reporter_phone',
      ),
    ).toBe('联系电话只能包含数字、空格、- 或 +')
    expect(serverFieldMessage(err('ends_at', 'ends_at must be after starts_at'), 'ends_at')).toBe(
      '结束时间必须晚于开始时间',
    )
    expect(serverFieldMessage(err('leader', 'leader is required'), 'leader')).toBe('请填写带班领导')
    expect(serverFieldMessage(err('x', 'something new'), 'x')).toBe('something new')
    setLocale('en')
    expect(
      serverFieldMessage(err('occurred_at', 'occurred_at lies in the future'), 'occurred_at'),
    ).toBe('Occurred at cannot be in the future')
    setLocale('zh-CN')
  })
})

// --- spot checks -------------------------------------------------------------------------------------

function room(code: string, position: number, extra: Partial<CallRoom> = {}): CallRoom {
  return {
    room: code,
    position,
    state: 'waiting',
    rung_at: null,
    answered_at: null,
    connect_ms: null,
    answered_by: '',
    rostered: null,
    on_post: null,
    av_fault: '',
    report: '',
    assessment: '',
    remarks: '',
    ...extra,
  }
}

function rollCall(rooms: CallRoom[], extra: Partial<RollCall> = {}): RollCall {
  return {
    id: 5,
    started_at: 0,
    started_by: 'commander',
    mode: 'named',
    seed: '',
    requested: rooms.length,
    weighted: false,
    state: 'running',
    finished_at: null,
    version: 1,
    rooms,
    notice: null,
    ...extra,
  }
}

describe('spot check progress', () => {
  it('knows the active room and the next to ring', () => {
    const c = rollCall([room('b', 2), room('a', 1), room('c', 3, { state: 'no_answer' })])
    expect(activeRoom(c)).toBeNull()
    expect(nextRoom(c)?.room).toBe('a')
    const ringing = rollCall([room('a', 1, { state: 'ringing' }), room('b', 2)])
    expect(activeRoom(ringing)?.room).toBe('a')
    expect(nextRoom(ringing)).toBeNull()
    expect(nextRoom(rollCall([room('a', 1)], { state: 'finished' }))).toBeNull()
    expect(progressOf(c)).toEqual({ done: 1, total: 3, answered: 0, noAnswer: 1 })
    expect(isDone(room('x', 1, { state: 'skipped' }))).toBe(true)
  })

  it('applies ringing and update events, including the timeout’s bare room code', () => {
    const c = rollCall([room('430426', 1), room('430421', 2)])
    const rung = applyCallEvent(c, {
      roll_call_id: 5,
      room: room('430426', 1, { state: 'ringing', rung_at: 10 }),
      state: 'running',
    })!
    expect(rung.rooms[0]).toMatchObject({ state: 'ringing', rung_at: 10 })
    expect(applyCallEvent(c, { roll_call_id: 6, room: '430426', state: 'no_answer' })).toBeNull()
    const timedOut = applyCallEvent(
      rollCall([
        room('430426', 1, { state: 'assessed', assessment: 'good' }),
        room('430421', 2, { state: 'ringing' }),
      ]),
      { roll_call_id: 5, room: '430421', state: 'no_answer' },
    )!
    expect(timedOut.rooms[1]!.state).toBe('no_answer')
    expect(timedOut.state).toBe('finished') // every room done
    expect(applyCallEvent(c, { roll_call_id: 5, room: 42 })).toBeNull()
  })

  it('counts down to the answer timeout on the server’s clock', () => {
    expect(secondsLeft(10_000, 60, 10_000)).toBe(60)
    expect(secondsLeft(10_000, 60, 40_500)).toBe(30)
    expect(secondsLeft(10_000, 60, 99_000)).toBe(0)
    expect(secondsLeft(null, 60, 0)).toBe(60)
    expect(offsetOf(10_500, 1000, 2000)).toBe(9000)
  })

  it('names outcomes and their colours', () => {
    expect(outcomeKey(room('a', 1, { state: 'assessed', assessment: 'criticised' }))).toBe(
      'duty.assessments.criticised',
    )
    expect(outcomeKey(room('a', 1, { state: 'no_answer' }))).toBe('duty.roomStates.no_answer')
    expect(outcomeTone(room('a', 1, { state: 'assessed', assessment: 'criticised' }))).toBe(
      'danger',
    )
    expect(outcomeTone(room('a', 1, { state: 'assessed', assessment: 'good' }))).toBe('success')
    expect(outcomeTone(room('a', 1, { state: 'ringing' }))).toBe('primary')
  })

  it('writes durations', () => {
    expect(formatDuration(8421, 'zh-CN')).toBe('8.4 秒')
    expect(formatDuration(8421, 'en')).toBe('8.4 s')
    expect(formatDuration(42_000, 'en')).toBe('42 s')
    expect(formatDuration(65_000, 'zh-CN')).toBe('1 分 05 秒')
    expect(formatDuration(null, 'en')).toBe('—')
  })

  it('builds the assessment: faults in words, required grade', () => {
    const f = { ...emptyAssessment(), audio_fault: true, fault_note: ' 回声 ', remarks: ' 脱岗 ' }
    const words = { audio: '声音故障', video: '图像故障' }
    expect(faultText(f, words, '；')).toBe('声音故障；回声')
    expect(assessmentBody(f, words)).toBeNull()
    expect(assessmentBody({ ...f, assessment: 'criticised', on_post: false }, words, '；')).toEqual(
      {
        on_post: false,
        assessment: 'criticised',
        av_fault: '声音故障；回声',
        remarks: '脱岗',
      },
    )
    expect(assessmentBody({ ...emptyAssessment(), assessment: 'good' }, words)).toEqual({
      on_post: true,
      assessment: 'good',
    })
  })

  it('says how to repeat a random draw', () => {
    expect(reproduceBody(rollCall([], { mode: 'named' }))).toBeNull()
    expect(reproduceBody(rollCall([], { mode: 'random', requested: 2, seed: 'abc' }))).toBe(
      '{"random":2,"seed":"abc"}',
    )
    expect(
      reproduceBody(rollCall([], { mode: 'random', requested: 3, seed: 's', weighted: true })),
    ).toBe('{"random":3,"seed":"s","weighted":true}')
  })

  it('lists rooms least recently checked first', () => {
    const m = new Map([
      ['a', { last_checked_at: 500 }],
      ['b', { last_checked_at: 100 }],
    ])
    expect(byLastChecked(['a', 'b', 'c'], m)).toEqual(['c', 'b', 'a'])
  })

  it('reads room events and presence', () => {
    expect(roomOfEvent({ room: '430426', state: 'no_answer' })).toEqual({
      code: '430426',
      state: 'no_answer',
      room: null,
    })
    const r = room('430426', 1, { state: 'ringing' })
    expect(roomOfEvent({ room: r, state: 'running' })).toEqual({
      code: '430426',
      state: 'ringing',
      room: r,
    })
    expect(roomOfEvent({})).toBeNull()
    expect(readPresence({ room: 'a', online: true })).toEqual({
      room: 'a',
      online: true,
      users: [],
    })
    expect(readPresence({ room: 'a' })).toBeNull()
  })

  it('passes only usable ICE servers to the browser', () => {
    expect(
      iceServersOf({
        answer_timeout_seconds: 60,
        ice_servers: [
          { urls: [] },
          { urls: ['stun:10.0.0.1:3478'] },
          { urls: 'turn:10.0.0.1', username: 'u', credential: 'p' },
        ],
      }),
    ).toEqual([
      { urls: ['stun:10.0.0.1:3478'] },
      { urls: 'turn:10.0.0.1', username: 'u', credential: 'p' },
    ])
  })
})

// --- statistics --------------------------------------------------------------------------------------

describe('room statistics', () => {
  const s = (room: string, extra: Partial<RoomStats>): RoomStats => ({
    room,
    checks: 0,
    answered: 0,
    no_answer: 0,
    answer_rate: null,
    mean_connect_ms: null,
    good: 0,
    needs_improvement: 0,
    criticised: 0,
    last_checked_at: null,
    ...extra,
  })

  it('totals rates from counts and weights connect times by answers', () => {
    const t = statsTotals([
      s('a', { checks: 4, answered: 3, no_answer: 1, mean_connect_ms: 10_000, criticised: 1 }),
      s('b', { checks: 1, answered: 1, mean_connect_ms: 2000 }),
      s('c', {}),
    ])
    expect(t).toEqual({
      checks: 5,
      answered: 4,
      no_answer: 1,
      criticised: 1,
      answer_rate: 0.8,
      mean_connect_ms: 8000,
    })
    expect(statsTotals([]).answer_rate).toBeNull()
  })

  it('counts the period in China days: the last n days up to now, or the picked days', () => {
    // 2026-12-31T16:30Z is 00:30 on 1 January 2027 in China: "the last 30 days" begin on 3 December.
    const now = 1798734600000
    expect(statsPeriod(now, 30)).toEqual({ from: chinaTime(2026, 12, 3), to: now })
    expect(formatDate(statsPeriod(now, 1).from)).toBe('2027-01-01')
    // Picked days [00:00 of the first, 23:59:59.999 of the last] → up to 00:00 of the day after.
    const picked = [chinaTime(2026, 2, 1), chinaTime(2026, 2, 28, 23, 59, 59, 999)] as const
    expect(statsPeriod(now, picked)).toEqual({
      from: chinaTime(2026, 2, 1),
      to: chinaTime(2026, 3, 1),
    })
  })

  it('charts answer rates (rooms never checked without a bar) and outcomes', () => {
    const rows = [
      {
        name: '祁东县',
        s: s('430426', { answer_rate: 0.5, mean_connect_ms: 12_340, answered: 1 }),
      },
      { name: '衡南县', s: s('430422', {}) },
    ]
    const a = answerChart(rows, { rate: 'r', connect: 'c', seconds: 's' }) as {
      series: { data: unknown[] }[]
    }
    expect(a.series[0]!.data).toEqual([
      { value: 50, itemStyle: { color: rateColor(0.5) } },
      { value: null, itemStyle: { color: rateColor(null) } },
    ])
    expect(a.series[1]!.data).toEqual([12.3, null])
    const o = outcomeChart(rows, { good: 'g', needs: 'n', criticised: 'c', noAnswer: 'x' }) as {
      series: { name: string }[]
    }
    expect(o.series.map((x) => x.name)).toEqual(['g', 'n', 'c', 'x'])
    expect(rateColor(0.99)).toBe('#1a8f4c')
  })
})

describe('latestOnly', () => {
  it('lets only the latest of overlapping loads apply its answer', async () => {
    const { latestOnly } = await import('@/composables/useLatest')
    const begin = latestOnly()
    const first = begin()
    const second = begin()
    expect(first()).toBe(false)
    expect(second()).toBe(true)
    const third = begin()
    expect(second()).toBe(false)
    expect(third()).toBe(true)
  })
})
