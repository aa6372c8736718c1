// Where to go after signing in: only a path inside this app (never another origin).
export function safeRedirect(raw: unknown, fallback = '/'): string {
  const v = Array.isArray(raw) ? raw[0] : raw
  if (typeof v !== 'string' || v === '') return fallback
  if (!v.startsWith('/') || v.startsWith('//') || v.startsWith('/\\')) return fallback
  if (/^\/login(\/|\?|$)/.test(v)) return fallback
  if (/[\u0000-\u001f]/.test(v)) return fallback
  return v
}
