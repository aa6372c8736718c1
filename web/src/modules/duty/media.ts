// The browser's camera, microphone and peer connections for spot-check calls, and the server's
// ICE servers (STUN/TURN configured on the server; none on a LAN).
import { rtcConfig, type RtcConfig } from './api'
import type { PeerLike } from './call'

/** Camera and microphone; refused outside a secure context (HTTPS or localhost). */
export async function getCallMedia(): Promise<MediaStream> {
  if (typeof navigator === 'undefined' || !navigator.mediaDevices?.getUserMedia) {
    const e = new Error('camera and microphone need a secure context (HTTPS)')
    e.name = 'InsecureContextError'
    throw e
  }
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: true,
      video: { width: { ideal: 1280 }, height: { ideal: 720 } },
    })
  } catch (e) {
    // No camera: the microphone alone is still a call.
    if (e instanceof DOMException && e.name === 'NotFoundError') {
      return navigator.mediaDevices.getUserMedia({ audio: true })
    }
    throw e
  }
}

export function createPeer(config: RTCConfiguration): PeerLike {
  return new RTCPeerConnection(config)
}

export function webRtcSupported(): boolean {
  return typeof window !== 'undefined' && typeof window.RTCPeerConnection === 'function'
}

let cached: Promise<RtcConfig> | null = null

/** The server's call configuration (fetched once); a server without it means no ICE servers. */
export function callConfig(): Promise<RtcConfig> {
  if (!cached) {
    cached = rtcConfig().catch(() => ({ ice_servers: [], answer_timeout_seconds: 60 }))
  }
  return cached
}

/** The ICE servers in the browser's shape. */
export function iceServersOf(cfg: RtcConfig): RTCIceServer[] {
  return cfg.ice_servers
    .filter((s) => (Array.isArray(s.urls) ? s.urls.length > 0 : !!s.urls))
    .map((s) => {
      const out: RTCIceServer = { urls: s.urls }
      if (s.username) out.username = s.username
      if (s.credential) out.credential = s.credential
      return out
    })
}
