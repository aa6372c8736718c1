// The duty console's ring: a repeating two-tone ring made with the Web Audio API (no audio file is
// fetched) and the page title flashing, so a call is noticed from across the room and from another
// browser tab. Browsers keep audio suspended until the person has clicked on the page: the console
// asks for one click (unlockAudio) and says so while it is needed.
import { audioContext } from '@/utils/audio'

// The page's one audio context lives in utils/audio.ts (the inbox's alarm shares it).
export { audioBlocked, audioContext, unlockAudio } from '@/utils/audio'

/** The ring's rhythm: two short bursts, a pause; repeated. Times in seconds. */
export const RING_PATTERN = [
  { at: 0, length: 0.4 },
  { at: 0.6, length: 0.4 },
] as const
export const RING_PERIOD_S = 3
/** Two tones together, as a telephone bell (Hz). */
export const RING_TONES = [440, 480] as const

/** Schedules one period of the ring at `start` (context seconds) into `out`. */
export function scheduleRing(ctx: BaseAudioContext, out: AudioNode, start: number): void {
  for (const burst of RING_PATTERN) {
    const t0 = start + burst.at
    const t1 = t0 + burst.length
    const gain = ctx.createGain()
    gain.gain.setValueAtTime(0, t0)
    gain.gain.linearRampToValueAtTime(0.25, t0 + 0.02)
    gain.gain.setValueAtTime(0.25, t1 - 0.03)
    gain.gain.linearRampToValueAtTime(0, t1)
    gain.connect(out)
    for (const f of RING_TONES) {
      const osc = ctx.createOscillator()
      osc.type = 'sine'
      osc.frequency.value = f
      osc.connect(gain)
      osc.start(t0)
      osc.stop(t1 + 0.01)
    }
  }
}

/** Rings until the returned function is called. Silent (but harmless) while audio is blocked. */
export function startRinging(): () => void {
  const ctx = audioContext()
  if (!ctx) return () => undefined
  const master = ctx.createGain()
  master.gain.value = 1
  master.connect(ctx.destination)
  let next = ctx.currentTime + 0.05
  const fill = () => {
    // Keep a few periods scheduled ahead (timers are throttled in background tabs).
    while (next < ctx.currentTime + 3 * RING_PERIOD_S) {
      scheduleRing(ctx, master, next)
      next += RING_PERIOD_S
    }
  }
  fill()
  const timer = setInterval(() => {
    // A context resumed late starts from now, not from a backlog of missed periods.
    if (next < ctx.currentTime) next = ctx.currentTime + 0.05
    fill()
  }, 1000)
  return () => {
    clearInterval(timer)
    const now = ctx.currentTime
    master.gain.cancelScheduledValues(now)
    master.gain.setValueAtTime(0, now)
    setTimeout(() => master.disconnect(), 50)
  }
}

/**
 * Flashes the document title between `alert` and the page's own title every `everyMs` until the
 * returned function is called, which puts the page's title back.
 */
export function flashTitle(
  alert: string,
  everyMs = 800,
  doc: { title: string } = document,
): () => void {
  const original = doc.title
  let on = false
  const timer = setInterval(() => {
    on = !on
    doc.title = on ? alert : original
  }, everyMs)
  doc.title = alert
  on = true
  return () => {
    clearInterval(timer)
    doc.title = original
  }
}
