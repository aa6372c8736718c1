// One side of a spot-check call as the pages hold it, for the commander (caller.ts) and the duty
// officer's phone (phone.ts): the signalling link and the CallSession over it. The link opens at
// once, since the other side's first signal may come before the server's ICE configuration has;
// the session, made once the configuration is there, is handed the signals that came meanwhile.
import { CallSession, type CallRole, type CallSnapshot } from './call'
import { callConfig, createPeer, getCallMedia, iceServersOf } from './media'
import { linkCall, type EventSocket, type SignalLink } from './signalling'

export class CallLine {
  private call: CallSession | null = null
  private link: SignalLink | null = null

  constructor(
    private readonly socket: EventSocket,
    private readonly role: CallRole,
    private readonly on: {
      /** The call's state changed (only the current call's changes are told). */
      change: (snapshot: CallSnapshot) => void
      /** The server refused to pass a signal on (the reason it gave). */
      refused: (reason: string) => void
    },
  ) {}

  /** The current call's session (null before the configuration has come, or once ended). */
  get session(): CallSession | null {
    return this.call
  }

  /**
   * Opens the line to the room of a roll call and starts the call (camera, microphone, offer or
   * answer). Resolves once started, to the link; to null when ended before the configuration came.
   */
  async open(rollCallId: number, room: string): Promise<SignalLink | null> {
    const early: unknown[] = []
    let target: CallSession | null = null
    const link = linkCall(
      this.socket,
      rollCallId,
      room,
      (data) => (target ? void target.receive(data) : early.push(data)),
      this.on.refused,
    )
    this.link = link
    const cfg = await callConfig()
    if (this.link !== link) return null // ended meanwhile
    const s = new CallSession({
      role: this.role,
      send: (d) => link.send(d),
      getMedia: getCallMedia,
      createPeer,
      iceServers: iceServersOf(cfg),
      onChange: (snap) => {
        if (this.call === s) this.on.change(snap)
      },
    })
    this.call = s
    target = s
    const started = s.start()
    for (const d of early) void s.receive(d)
    await started
    return link
  }

  /** Ends the call (telling the other side unless `notify` is false) and closes the link. */
  end(notify: boolean) {
    this.call?.hangup(notify)
    this.call = null
    this.link?.close()
    this.link = null
  }

  /** The call's statistics (null without a connection). */
  stats(): Promise<RTCStatsReport | null> {
    return this.call?.peer?.getStats() ?? Promise.resolve(null)
  }

  setMuted(muted: boolean) {
    this.call?.setMuted(muted)
  }

  setCameraOff(off: boolean) {
    this.call?.setCameraOff(off)
  }
}
