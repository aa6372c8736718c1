// The page's one Web Audio context, shared by everything that makes a sound (the duty room's ring,
// the inbox's alarm): browsers allow few contexts per page and keep each suspended until the person
// has clicked on the page, so one context unlocked once serves them all.

type AudioContextCtor = new () => AudioContext

function audioContextClass(): AudioContextCtor | null {
  if (typeof window === 'undefined') return null
  const w = window as unknown as {
    AudioContext?: AudioContextCtor
    webkitAudioContext?: AudioContextCtor
  }
  return w.AudioContext ?? w.webkitAudioContext ?? null
}

let shared: AudioContext | null = null

/** The page's one AudioContext (created on first use), or null where there is no Web Audio. */
export function audioContext(): AudioContext | null {
  if (shared) return shared
  const C = audioContextClass()
  if (!C) return null
  try {
    shared = new C()
  } catch {
    return null
  }
  return shared
}

/** Whether sound is blocked until the person clicks (the context is suspended). */
export function audioBlocked(): boolean {
  const ctx = audioContext()
  return !!ctx && ctx.state === 'suspended'
}

/** Resumes the audio context: call it from a click (a user gesture). Resolves to "unblocked". */
export async function unlockAudio(): Promise<boolean> {
  const ctx = audioContext()
  if (!ctx) return false
  try {
    await ctx.resume()
  } catch {
    return false
  }
  return ctx.state === 'running'
}
