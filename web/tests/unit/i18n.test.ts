// Every UI string exists in both languages, compiles, and every key the code names exists; the
// modules' message files merge into the app's without clashes.
import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createI18n } from 'vue-i18n'
import zhCore from '@/i18n/zh-CN'
import {
  LOCALE_STORAGE_KEY,
  MODULE_MESSAGES,
  messages,
  setLocale,
  storedLocale,
  i18n,
} from '@/i18n'
import { mergeMessages } from '@/i18n/merge'
import { KNOWN_KINDS } from '@/modules/inbox/model'
import { INBOX_FILTERS, WORK_SOURCES } from '@/modules/inbox/api'
import { HAZARD_FILTER_CHOICES } from '@/modules/hazard/filters'
import { ENTERPRISE_FILTER_CHOICES } from '@/modules/enterprise/filters'
import { NOTICE_COLUMN_LABELS } from '@/modules/hazard/notice'

function flatten(o: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  if (o && typeof o === 'object') {
    for (const [k, v] of Object.entries(o as Record<string, unknown>)) {
      const key = prefix ? `${prefix}.${k}` : k
      if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv)
      else out.set(key, v)
    }
  }
  return out
}

// What the app uses: its own messages and every module's, merged.
const zhCN = messages['zh-CN']
const en = messages.en
const zhKeys = flatten(zhCN)
const enKeys = flatten(en)

function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p))
    else if (/\.(vue|ts)$/.test(name)) out.push(p)
  }
  return out
}
const SRC = join(__dirname, '../../src')

describe('i18n messages', () => {
  it('have the same keys in zh-CN and en', () => {
    const onlyZh = [...zhKeys.keys()].filter((k) => !enKeys.has(k))
    const onlyEn = [...enKeys.keys()].filter((k) => !zhKeys.has(k))
    expect(onlyZh).toEqual([])
    expect(onlyEn).toEqual([])
    expect(zhKeys.size).toBeGreaterThan(300)
  })

  it('of each module have the same keys in both languages, under top-level keys of their own', () => {
    const core = new Set(Object.keys(zhCore))
    for (const [name, m] of Object.entries(MODULE_MESSAGES)) {
      const zh = [...flatten(m['zh-CN']).keys()]
      expect(zh.length, name).toBeGreaterThan(0)
      expect([...flatten(m.en).keys()].sort(), name).toEqual([...zh].sort())
      for (const top of Object.keys(m['zh-CN']))
        expect(core.has(top), `${name}: ${top}`).toBe(false)
      for (const k of zh) expect(zhKeys.has(k), k).toBe(true)
    }
  })

  it('refuse a key that two parts both define', () => {
    expect(mergeMessages({ a: { x: '1' } }, { b: { y: '2' } })).toEqual({
      a: { x: '1' },
      b: { y: '2' },
    })
    expect(() => mergeMessages({ a: { x: '1' } }, { a: { y: '2' } })).toThrow(/"a"/)
  })

  it('are non-empty strings', () => {
    for (const [k, v] of [...zhKeys, ...enKeys]) {
      expect(typeof v, k).toBe('string')
      expect((v as string).trim().length, k).toBeGreaterThan(0)
    }
  })

  it('use the same placeholders in both languages', () => {
    const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
    for (const [k, v] of zhKeys) {
      expect(params(String(enKeys.get(k))), k).toEqual(params(String(v)))
    }
  })

  it('compile and render in both languages without warnings', () => {
    const warnings: string[] = []
    const inst = createI18n({
      legacy: false,
      locale: 'zh-CN',
      messages: { 'zh-CN': zhCN, en },
      missing: (_l, key) => {
        warnings.push(`missing ${key}`)
      },
      warnHtmlMessage: false,
    })
    const t = inst.global.t
    for (const locale of ['zh-CN', 'en'] as const) {
      inst.global.locale.value = locale
      for (const k of zhKeys.keys()) {
        const out = t(k, {
          n: 1,
          name: 'x',
          field: 'f',
          path: '/p',
          code: 'c',
          message: 'm',
          id: 'i',
          s: 1,
          v: 1,
          length: 1,
          position: 1,
          char: 'I',
          expected: 'X',
          max: 1,
          chars: 1,
          time: 't',
          counties: 1,
          parks: 1,
          size: '1 KB',
          imported: 1,
          bad: 1,
          step: 's',
          what: 'w',
          reason: 'r',
          risk: 'r',
          shown: 1,
          total: 1,
          where: 'w',
          number: 'n',
          from: 'f',
          to: 't',
          found: 1,
          closed: 1,
          open: 1,
          overdue: 1,
          rate: '1%',
          label: 'l',
          value: 'v',
          missing: 1,
          dead: 1,
          injured: 1,
          good: 1,
          needs: 1,
          criticised: 1,
          origin: 'o',
        })
        expect(typeof out, `${locale} ${k}`).toBe('string')
        expect(out.includes('{'), `${locale} ${k}: unreplaced placeholder in "${out}"`).toBe(false)
      }
    }
    expect(warnings).toEqual([])
  })

  it('contain every key the code names literally', () => {
    const missing: string[] = []
    const pattern = /\b(?:t|te|\$t)\(\s*'([A-Za-z0-9_.]+)'/g
    const keyLike = /(?:titleKey|Key):\s*'([a-z][A-Za-z0-9_]*\.[A-Za-z0-9_.]+)'/g
    for (const f of sourceFiles(SRC)) {
      if (f.includes(`${join('src', 'i18n')}`)) continue
      const text = readFileSync(f, 'utf8')
      for (const re of [pattern, keyLike]) {
        for (const m of text.matchAll(re)) {
          const key = m[1]!
          if (!zhKeys.has(key)) missing.push(`${f.replace(SRC, 'src')}: ${key}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('name every message of the lists’ filter choices and notice columns', () => {
    const keys = [
      ...Object.values(HAZARD_FILTER_CHOICES).flatMap((c) => Object.values(c)),
      ...Object.values(ENTERPRISE_FILTER_CHOICES).flatMap((c) => Object.values(c)),
      ...Object.values(NOTICE_COLUMN_LABELS),
    ]
    expect(keys.length).toBeGreaterThan(15)
    expect(keys.filter((k) => !zhKeys.has(k))).toEqual([])
  })

  it('cover the values of every enumeration the UI translates', () => {
    for (const r of [
      'admin',
      'commander',
      'duty_officer',
      'department_officer',
      'enterprise_officer',
    ]) {
      expect(zhKeys.has(`roles.${r}`)).toBe(true)
    }
    for (const c of ['red', 'orange', 'yellow', 'blue']) {
      expect(zhKeys.has(`risk.${c}`)).toBe(true)
      expect(zhKeys.has(`risk.short.${c}`)).toBe(true)
    }
    for (const k of KNOWN_KINDS) {
      expect(zhKeys.has(`inbox.kinds.${k}`), k).toBe(true)
      expect(zhKeys.has(`inbox.hints.${k}`), k).toBe(true)
    }
    for (const f of ['all', ...INBOX_FILTERS])
      expect(zhKeys.has(`inbox.filters.${f}`), f).toBe(true)
    for (const s of WORK_SOURCES) expect(zhKeys.has(`inbox.sources.${s}`), s).toBe(true)
    for (const l of ['province', 'city', 'county', 'park', 'township'])
      expect(zhKeys.has(`levels.${l}`)).toBe(true)
    for (const s of ['large', 'medium', 'small', 'micro'])
      expect(zhKeys.has(`size.${s}`)).toBe(true)
    for (const code of [
      'invalid_argument',
      'unauthenticated',
      'permission_denied',
      'not_found',
      'conflict',
      'failed_precondition',
      'resource_exhausted',
      'unavailable',
      'internal',
      'payload_too_large',
      'method_not_allowed',
      'unprocessable',
      'network',
    ]) {
      expect(zhKeys.has(`errors.${code}`), code).toBe(true)
    }
  })
})

describe('language choice', () => {
  it('defaults to Chinese and remembers English across reloads', () => {
    localStorage.removeItem(LOCALE_STORAGE_KEY)
    expect(storedLocale()).toBe('zh-CN')
    setLocale('en')
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('en')
    expect(storedLocale()).toBe('en')
    expect(i18n.global.locale.value).toBe('en')
    expect(document.documentElement.lang).toBe('en')
    setLocale('zh-CN')
    expect(storedLocale()).toBe('zh-CN')
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr')
    expect(storedLocale()).toBe('zh-CN')
  })
})
