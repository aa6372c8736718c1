// One side of a spot-check video call (视频点名), browser to browser over WebRTC. The server only
// relays the signalling (over the events WebSocket, between the commander who started the check and
// the officer who answered that room); this class knows nothing of it: it is given a function that
// sends a signal and is handed the signals that arrive, so tests drive it with a fake transport.
//
// Roles: the commander is the caller and makes the offer once the room has answered; the duty
// officer is the callee and answers it (one offerer, so offers never cross). Signals:
//   {kind:"offer", sdp} · {kind:"answer", sdp} · {kind:"candidate", candidate} · {kind:"hangup"}
//   {kind:"ready"} — a callee that (re)joins an answered call asks the caller for a fresh offer.
// The relay may reorder messages (it runs them on a worker pool): candidates that arrive before the
// remote description are queued, and everything is handled one message at a time, in order of
// arrival, after the local media and peer connection exist.
//
// For the browser tests, the current RTCPeerConnection is also set as window.__anlanPeer (its
// getStats() proves that video frames are decoded); it holds nothing that the page does not show.

export type CallRole = 'caller' | 'callee'

export type CallPhase =
  | 'idle'
  | 'media' // asking for camera and microphone
  | 'waiting' // callee: waiting for the caller's offer
  | 'negotiating' // offer/answer under way
  | 'connecting' // descriptions exchanged, ICE/DTLS connecting
  | 'connected'
  | 'reconnecting' // connection interrupted (ICE disconnected); may come back
  | 'failed'
  | 'ended'

export type SignalData =
  | { kind: 'offer'; sdp: string }
  | { kind: 'answer'; sdp: string }
  | { kind: 'candidate'; candidate: RTCIceCandidateInit }
  | { kind: 'hangup' }
  | { kind: 'ready' }

export type EndReason = 'local' | 'remote' | 'failed'

export interface CallSnapshot {
  phase: CallPhase
  role: CallRole
  localStream: MediaStream | null
  remoteStream: MediaStream | null
  muted: boolean
  cameraOff: boolean
  /**
   * Why local media is missing ('denied', 'insecure', 'unavailable'), else null: the call goes on
   * without it.
   */
  mediaError: string | null
  endReason: EndReason | null
}

/** The part of RTCPeerConnection this class uses (a fake implements it in tests). */
export type PeerLike = Pick<
  RTCPeerConnection,
  | 'addTrack'
  | 'addTransceiver'
  | 'addIceCandidate'
  | 'close'
  | 'createAnswer'
  | 'createOffer'
  | 'setLocalDescription'
  | 'setRemoteDescription'
  | 'getStats'
  | 'connectionState'
  | 'signalingState'
  | 'remoteDescription'
  | 'localDescription'
  | 'onicecandidate'
  | 'ontrack'
  | 'onconnectionstatechange'
>

export interface CallOptions {
  role: CallRole
  send: (data: SignalData) => void
  getMedia: () => Promise<MediaStream>
  createPeer: (config: RTCConfiguration) => PeerLike
  iceServers?: RTCIceServer[]
  onChange?: (s: CallSnapshot) => void
  /** Where to publish the current peer connection for tests (default: window.__anlanPeer). */
  expose?: (pc: PeerLike | null) => void
}

/** Reads an incoming signal's data; null when it is not one this class understands. */
export function parseSignal(data: unknown): SignalData | null {
  if (!data || typeof data !== 'object') return null
  const d = data as Record<string, unknown>
  switch (d.kind) {
    case 'offer':
    case 'answer':
      return typeof d.sdp === 'string' && d.sdp ? { kind: d.kind, sdp: d.sdp } : null
    case 'candidate': {
      const c = d.candidate
      if (!c || typeof c !== 'object') return null
      const cand = c as Record<string, unknown>
      if (typeof cand.candidate !== 'string') return null
      return {
        kind: 'candidate',
        candidate: {
          candidate: cand.candidate,
          sdpMid: typeof cand.sdpMid === 'string' ? cand.sdpMid : null,
          sdpMLineIndex: typeof cand.sdpMLineIndex === 'number' ? cand.sdpMLineIndex : null,
          usernameFragment:
            typeof cand.usernameFragment === 'string' ? cand.usernameFragment : null,
        },
      }
    }
    case 'hangup':
    case 'ready':
      return { kind: d.kind }
    default:
      return null
  }
}

/** The phase a peer connection's connectionState stands for. */
export function phaseOfConnection(state: RTCPeerConnectionState): CallPhase | null {
  switch (state) {
    case 'connecting':
      return 'connecting'
    case 'connected':
      return 'connected'
    case 'disconnected':
      return 'reconnecting'
    case 'failed':
      return 'failed'
    default:
      return null // 'new' and 'closed': the phase says it better
  }
}

function mediaErrorOf(e: unknown): string {
  const name = e && typeof e === 'object' && 'name' in e ? String((e as Error).name) : ''
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'denied'
  if (name === 'InsecureContextError') return 'insecure'
  return 'unavailable'
}

/** The ICE username fragment of a session description (a=ice-ufrag), if it has one. */
export function iceUfrag(sdp: string | undefined | null): string | null {
  const m = /^a=ice-ufrag:(\S+)/m.exec(sdp ?? '')
  return m ? m[1]! : null
}

/**
 * Whether a candidate belongs to the remote description: same ICE username fragment, or either
 * does not say.
 */
export function belongsTo(c: RTCIceCandidateInit, remote: RTCSessionDescriptionInit): boolean {
  const u = iceUfrag(remote.sdp)
  return !c.usernameFragment || !u || c.usernameFragment === u
}

const MAX_PENDING = 64

function defaultExpose(pc: PeerLike | null): void {
  if (typeof window !== 'undefined') {
    ;(window as unknown as { __anlanPeer: PeerLike | null }).__anlanPeer = pc
  }
}

export class CallSession {
  private readonly opts: CallOptions
  private pc: PeerLike | null = null
  private local: MediaStream | null = null
  private remote: MediaStream | null = null
  private pendingCandidates: RTCIceCandidateInit[] = []
  /** Own candidates gathered before the offer or answer went out (they follow it, in order). */
  private outgoing: RTCIceCandidateInit[] | null = []
  /** Every step (start, each signal) runs after the one before: one message at a time. */
  private queue: Promise<void> = Promise.resolve()
  private phase: CallPhase = 'idle'
  private muted = false
  private cameraOff = false
  private mediaError: string | null = null
  private endReason: EndReason | null = null

  constructor(opts: CallOptions) {
    this.opts = opts
  }

  get role(): CallRole {
    return this.opts.role
  }

  get peer(): PeerLike | null {
    return this.pc
  }

  get ended(): boolean {
    return this.phase === 'ended'
  }

  snapshot(): CallSnapshot {
    return {
      phase: this.phase,
      role: this.opts.role,
      localStream: this.local,
      remoteStream: this.remote,
      muted: this.muted,
      cameraOff: this.cameraOff,
      mediaError: this.mediaError,
      endReason: this.endReason,
    }
  }

  /**
   * Gets camera and microphone (the call goes on without them if refused) and sets up the peer
   * connection; the caller then sends its offer, the callee waits for one.
   */
  start(): Promise<void> {
    return this.enqueue(async () => {
      if (this.phase !== 'idle') return
      this.set('media')
      try {
        this.local = await this.opts.getMedia()
      } catch (e) {
        this.local = null
        this.mediaError = mediaErrorOf(e)
      }
      if (this.ended) {
        this.stopLocal()
        return
      }
      this.newPeer()
      if (this.opts.role === 'caller') await this.offer()
      else this.set('waiting')
    })
  }

  /** Handles a signal from the other side (anything unreadable is ignored). */
  receive(raw: unknown): Promise<void> {
    const s = parseSignal(raw)
    if (!s) return Promise.resolve()
    if (s.kind === 'hangup') {
      // At once, not behind a slow step: the other side has gone.
      this.end('remote', false)
      return Promise.resolve()
    }
    return this.enqueue(() => this.handle(s))
  }

  /** The caller starts over with a new connection and offer (e.g. the callee reloaded its page). */
  restart(): Promise<void> {
    return this.enqueue(async () => {
      if (this.opts.role !== 'caller' || this.ended || this.phase === 'idle') return
      this.newPeer()
      await this.offer()
    })
  }

  /** Ends the call; tells the other side unless `notify` is false. */
  hangup(notify = true): void {
    this.end('local', notify)
  }

  setMuted(muted: boolean): void {
    this.muted = muted
    for (const t of this.local?.getAudioTracks() ?? []) t.enabled = !muted
    this.emit()
  }

  setCameraOff(off: boolean): void {
    this.cameraOff = off
    for (const t of this.local?.getVideoTracks() ?? []) t.enabled = !off
    this.emit()
  }

  // --- internals ---------------------------------------------------------------------------------

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.queue.then(step).catch(() => {
      // A step that throws (a description the browser refuses) fails the call, not the queue.
      if (!this.ended) this.set('failed')
    })
    this.queue = next
    return next
  }

  private async handle(s: SignalData): Promise<void> {
    if (this.ended || !this.pc) return
    const pc = this.pc
    switch (s.kind) {
      case 'offer': {
        if (this.opts.role !== 'callee') return
        // A second offer comes from a caller that started over: start over too.
        if (pc.remoteDescription) this.newPeer()
        const fresh = this.pc as PeerLike
        this.set('negotiating')
        await fresh.setRemoteDescription({ type: 'offer', sdp: s.sdp })
        await this.flushCandidates()
        const answer = await fresh.createAnswer()
        await fresh.setLocalDescription(answer)
        if (this.pc !== fresh || this.ended) return
        this.opts.send({ kind: 'answer', sdp: answer.sdp ?? '' })
        this.releaseOutgoing()
        this.afterDescriptions()
        return
      }
      case 'answer':
        // Only an answer to the offer outstanding (a late one for an older offer is stale).
        if (this.opts.role !== 'caller' || pc.signalingState !== 'have-local-offer') return
        await pc.setRemoteDescription({ type: 'answer', sdp: s.sdp })
        await this.flushCandidates()
        this.afterDescriptions()
        return
      case 'candidate':
        // Before its description (the relay may reorder), or for a newer one than this
        // connection has (a caller that started over): kept until that description comes.
        if (!pc.remoteDescription || !belongsTo(s.candidate, pc.remoteDescription)) {
          this.pendingCandidates.push(s.candidate)
          if (this.pendingCandidates.length > MAX_PENDING) this.pendingCandidates.shift()
          return
        }
        await pc.addIceCandidate(s.candidate).catch(() => undefined)
        return
      case 'ready':
        if (this.opts.role === 'caller') {
          this.newPeer()
          await this.offer()
        }
        return
      default:
        return
    }
  }

  private async offer(): Promise<void> {
    const pc = this.pc
    if (!pc) return
    this.set('negotiating')
    const offer = await pc.createOffer()
    await pc.setLocalDescription(offer)
    if (this.pc !== pc || this.ended) return
    this.opts.send({ kind: 'offer', sdp: offer.sdp ?? '' })
    this.releaseOutgoing()
  }

  private releaseOutgoing(): void {
    const list = this.outgoing ?? []
    this.outgoing = null
    for (const c of list) this.opts.send({ kind: 'candidate', candidate: c })
  }

  /** Adds the kept candidates that belong to the remote description now set. */
  private async flushCandidates(): Promise<void> {
    const pc = this.pc
    const remote = pc?.remoteDescription
    if (!pc || !remote) return
    const now = this.pendingCandidates.filter((c) => belongsTo(c, remote))
    this.pendingCandidates = this.pendingCandidates.filter((c) => !belongsTo(c, remote))
    for (const c of now) await pc.addIceCandidate(c).catch(() => undefined)
  }

  private afterDescriptions(): void {
    const p = this.pc ? phaseOfConnection(this.pc.connectionState) : null
    this.set(p ?? 'connecting')
  }

  /** A new peer connection with the local tracks (the old one, if any, is closed). */
  private newPeer(): void {
    this.closePeer()
    this.remote = null
    const pc = this.opts.createPeer({ iceServers: this.opts.iceServers ?? [] })
    this.pc = pc
    if (this.local && this.local.getTracks().length) {
      for (const t of this.local.getTracks()) pc.addTrack(t, this.local)
    } else {
      // Without camera and microphone still receive the other side's.
      pc.addTransceiver('audio', { direction: 'recvonly' })
      pc.addTransceiver('video', { direction: 'recvonly' })
    }
    this.outgoing = []
    pc.onicecandidate = (e) => {
      if (this.pc !== pc || this.ended || !e.candidate) return
      const c = e.candidate
      const init = typeof c.toJSON === 'function' ? c.toJSON() : (c as RTCIceCandidateInit)
      if (this.outgoing) this.outgoing.push(init)
      else this.opts.send({ kind: 'candidate', candidate: init })
    }
    pc.ontrack = (e) => {
      if (this.pc !== pc) return
      const stream = e.streams[0]
      if (stream) this.remote = stream
      else {
        if (!this.remote) this.remote = new MediaStream()
        this.remote.addTrack(e.track)
      }
      this.emit()
    }
    pc.onconnectionstatechange = () => {
      if (this.pc !== pc || this.ended) return
      const p = phaseOfConnection(pc.connectionState)
      if (p && this.phase !== 'waiting' && this.phase !== 'media') this.set(p)
    }
    ;(this.opts.expose ?? defaultExpose)(pc)
  }

  private closePeer(): void {
    const pc = this.pc
    if (!pc) return
    this.pc = null
    pc.onicecandidate = null
    pc.ontrack = null
    pc.onconnectionstatechange = null
    try {
      pc.close()
    } catch {
      // Already closed.
    }
  }

  private stopLocal(): void {
    for (const t of this.local?.getTracks() ?? []) t.stop()
  }

  private end(reason: EndReason, notify: boolean): void {
    if (this.ended) return
    if (notify && this.phase !== 'idle') {
      try {
        this.opts.send({ kind: 'hangup' })
      } catch {
        // The other side learns it from the spot check's state anyway.
      }
    }
    this.endReason = reason
    this.closePeer()
    this.stopLocal()
    this.set('ended')
  }

  private set(phase: CallPhase): void {
    this.phase = phase
    this.emit()
  }

  private emit(): void {
    this.opts.onChange?.(this.snapshot())
  }
}

// --- statistics ------------------------------------------------------------------------------------

export interface CallStats {
  /** Video frames decoded from the other side (inbound-rtp, kind video). */
  framesDecoded: number
  framesPerSecond: number | null
  /** Kilobits per second received, from two readings (null on the first). */
  inboundKbps: number | null
  packetsLost: number
  /** Round-trip time of the selected candidate pair, in ms. */
  roundTripMs: number | null
  bytesReceived: number
  at: number
}

type StatsEntry = Record<string, unknown> & { type: string; id: string }

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null
}

/**
 * The figures shown under the video from an RTCStatsReport (or any iterable of its entries), with
 * the bit rate measured against the previous reading.
 */
export function summarizeStats(
  report: Iterable<StatsEntry> | { forEach: (cb: (v: StatsEntry) => void) => void },
  previous: CallStats | null,
  now: number,
): CallStats {
  const entries: StatsEntry[] = []
  if ('forEach' in report && typeof report.forEach === 'function') {
    report.forEach((v) => entries.push(v))
  } else {
    for (const v of report as Iterable<StatsEntry>) entries.push(v)
  }
  let framesDecoded = 0
  let fps: number | null = null
  let packetsLost = 0
  let bytes = 0
  let rtt: number | null = null
  for (const e of entries) {
    const kind = (e.kind ?? e.mediaType) as string | undefined
    if (e.type === 'inbound-rtp') {
      bytes += num(e.bytesReceived) ?? 0
      packetsLost += Math.max(0, num(e.packetsLost) ?? 0)
      if (kind === 'video') {
        framesDecoded += num(e.framesDecoded) ?? 0
        const f = num(e.framesPerSecond)
        if (f !== null) fps = (fps ?? 0) + f
      }
    } else if (
      e.type === 'candidate-pair' &&
      (e.nominated || e.selected) &&
      e.state === 'succeeded'
    ) {
      const r = num(e.currentRoundTripTime)
      if (r !== null) rtt = Math.round(r * 1000)
    }
  }
  let kbps: number | null = null
  if (previous && now > previous.at && bytes >= previous.bytesReceived) {
    kbps = Math.round(((bytes - previous.bytesReceived) * 8) / (now - previous.at))
  }
  return {
    framesDecoded,
    framesPerSecond: fps,
    inboundKbps: kbps,
    packetsLost,
    roundTripMs: rtt,
    bytesReceived: bytes,
    at: now,
  }
}
