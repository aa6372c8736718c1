// A random password that meets the server's rule (10–200 characters, a letter and a digit).
const LETTERS = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ'
const DIGITS = '23456789'
const ALL = LETTERS + DIGITS

export function generatePassword(length = 14, rnd: (n: number) => number = cryptoInt): string {
  const out = [LETTERS.charAt(rnd(LETTERS.length)), DIGITS.charAt(rnd(DIGITS.length))]
  while (out.length < length) out.push(ALL.charAt(rnd(ALL.length)))
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd(i + 1)
    const tmp = out[i] as string
    out[i] = out[j] as string
    out[j] = tmp
  }
  return out.join('')
}

function cryptoInt(n: number): number {
  const buf = new Uint32Array(1)
  crypto.getRandomValues(buf)
  return (buf[0] ?? 0) % n
}
