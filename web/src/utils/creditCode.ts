// Unified social credit code (统一社会信用代码), GB 32100-2015.
//
// 18 characters from a 31-character set (digits and upper-case letters without I, O, Z, S, V):
// 1 registration authority, 1 entity type, 6 division code (digits), 9 organisation code,
// 1 check character computed from the first 17.

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
export const CREDIT_CODE_WEIGHTS = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
] as const

/** The check character for the first 17 characters, or null when they are not 17 valid ones. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17.charAt(i))
    if (v < 0) return null
    sum += v * (CREDIT_CODE_WEIGHTS[i] ?? 0)
  }
  const check = 31 - (sum % 31)
  return CREDIT_CODE_CHARSET.charAt(check === 31 ? 0 : check)
}

export type CreditCodeProblem =
  | { kind: 'empty' }
  | { kind: 'length'; length: number }
  | { kind: 'char'; position: number; char: string }
  | { kind: 'division' }
  | { kind: 'check'; expected: string; actual: string }

/** Normalises what a person typed: trims, removes inner spaces, upper-cases. */
export function normalizeCreditCode(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/** null when `code` is a valid credit code, else the first problem found. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length === 0) return { kind: 'empty' }
  for (let i = 0; i < code.length; i++) {
    const ch = code.charAt(i)
    if (!CREDIT_CODE_CHARSET.includes(ch)) return { kind: 'char', position: i + 1, char: ch }
  }
  if (code.length !== 18) return { kind: 'length', length: code.length }
  if (!/^[0-9]{6}$/.test(code.slice(2, 8))) return { kind: 'division' }
  const expected = creditCodeCheckChar(code.slice(0, 17))
  const actual = code.charAt(17)
  if (expected !== actual) return { kind: 'check', expected: expected ?? '?', actual }
  return null
}

export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(code) === null
}
