// GB 32100-2015 unified social credit codes, computed here as the server does.
import { describe, expect, it } from 'vitest'
import {
  CREDIT_CODE_CHARSET,
  checkCreditCode,
  creditCodeCheckChar,
  isValidCreditCode,
  normalizeCreditCode,
} from '@/utils/creditCode'
import { creditCode } from '@/utils/validation'

// Real registered codes whose check character verifies.
const VALID = [
  '91350100M000100Y43',
  '91110000600037341L',
  '91110108551385082Q',
  '914403001922038216',
  '91310000MA1FL1MMXL',
]

describe('credit code check character', () => {
  it.each(VALID)('accepts %s', (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17))
    expect(checkCreditCode(code)).toBeNull()
    expect(isValidCreditCode(code)).toBe(true)
  })

  it.each(VALID)('refuses every single-character corruption of %s', (code) => {
    let tried = 0
    for (let i = 0; i < 18; i++) {
      for (const c of CREDIT_CODE_CHARSET) {
        if (c === code.charAt(i)) continue
        const bad = code.slice(0, i) + c + code.slice(i + 1)
        tried++
        expect(isValidCreditCode(bad), bad).toBe(false)
      }
    }
    expect(tried).toBe(18 * 30)
  })

  it('maps a computed 31 to 0', () => {
    // Find a 17-character prefix whose weighted sum is a multiple of 31: its check is '0'.
    const prefix = '9135010000000000'
    for (const c of CREDIT_CODE_CHARSET) {
      const p = prefix + c
      let sum = 0
      const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
      for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(p.charAt(i)) * (w[i] ?? 0)
      if (sum % 31 === 0) {
        expect(creditCodeCheckChar(p)).toBe('0')
        return
      }
    }
    throw new Error('no prefix found')
  })

  it('names the problem', () => {
    expect(checkCreditCode('')).toEqual({ kind: 'empty' })
    expect(checkCreditCode('9135010')).toEqual({ kind: 'length', length: 7 })
    expect(checkCreditCode('91350100M000100Y4')).toEqual({ kind: 'length', length: 17 })
    expect(checkCreditCode('91350100M000100Y431')).toEqual({ kind: 'length', length: 19 })
    expect(checkCreditCode('91350100I000100Y43')).toEqual({ kind: 'char', position: 9, char: 'I' })
    expect(checkCreditCode('91350100m000100Y43')).toEqual({ kind: 'char', position: 9, char: 'm' })
    expect(checkCreditCode('9135A100M000100Y43')).toEqual({ kind: 'division' })
    expect(checkCreditCode('91350100M000100Y44')).toEqual({
      kind: 'check',
      expected: '3',
      actual: '4',
    })
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      expect(checkCreditCode(`91350100M000100Y4${letter}`)?.kind).toBe('char')
    }
  })

  it('normalises what people type', () => {
    expect(normalizeCreditCode(' 91350100m000100y43 ')).toBe('91350100M000100Y43')
    expect(normalizeCreditCode('9135 0100 M000 100Y43')).toBe('91350100M000100Y43')
  })

  it('gives readable form messages as the person types', () => {
    expect(creditCode('91350100m000100y43')).toBeNull()
    expect(creditCode('91350100M000100Y44')).toEqual({
      key: 'validation.creditCode.check',
      params: { expected: '3' },
    })
    expect(creditCode('')).toEqual({ key: 'validation.creditCode.empty' })
    expect(creditCode('913501')).toEqual({
      key: 'validation.creditCode.length',
      params: { length: 6 },
    })
  })
})
