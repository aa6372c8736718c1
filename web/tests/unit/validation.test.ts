// Form rules: the same functions run as people type, before saving and here.
import { describe, expect, it } from 'vitest'
import * as v from '@/utils/validation'
import { i18n } from '@/i18n'
import {
  emptyForm,
  inputFromForm,
  isDirty,
  mergeChanges,
  patchBetween,
  type EnterpriseForm,
} from '@/modules/enterprise/model'
import { formFieldFor } from '@/modules/enterprise/fields'
import { generatePassword } from '@/modules/auth/password'

const t: v.Translate = (k, p) => (p ? i18n.global.t(k, p) : i18n.global.t(k))

describe('rules', () => {
  it('required', () => {
    const r = v.required('enterprises.name')
    expect(r('')).toEqual({ key: 'validation.required', params: { field: 'enterprises.name' } })
    expect(r('   ')).not.toBeNull()
    expect(r([])).not.toBeNull()
    expect(r(null)).not.toBeNull()
    expect(r('衡阳')).toBeNull()
    expect(v.required('enterprises.jurisdiction', true)('')?.key).toBe('validation.requiredSelect')
  })

  it('counts lengths in UTF-8 bytes like the server', () => {
    const r = v.maxBytes('enterprises.name', 200)
    expect(r('衡'.repeat(66))).toBeNull() // 198 bytes
    expect(r('衡'.repeat(67))).not.toBeNull() // 201 bytes
    expect(r('a'.repeat(200))).toBeNull()
    expect(r('a'.repeat(201))?.params).toEqual({ field: 'enterprises.name', max: 200, chars: 66 })
    expect(r(null)).toBeNull()
  })

  it('phone', () => {
    for (const ok of ['13812345678', '0734-8212345', '+86 734 8212345', '12345', '', null]) {
      expect(v.phone(ok), String(ok)).toBeNull()
    }
    for (const bad of ['1234', '138-1234-5678-0000-12', '0734 转 8', 'abc12345']) {
      expect(v.phone(bad), bad).toEqual({ key: 'validation.phone' })
    }
  })

  it('location: both or neither, in range', () => {
    expect(v.location(null, null)).toEqual({ lon: null, lat: null })
    expect(v.location(112.6, 26.9)).toEqual({ lon: null, lat: null })
    expect(v.location(112.6, null)).toEqual({ lon: null, lat: { key: 'validation.lonLatPair' } })
    expect(v.location(null, 26.9)).toEqual({ lon: { key: 'validation.lonLatPair' }, lat: null })
    expect(v.location(181, 26.9).lon).toEqual({ key: 'validation.lon' })
    expect(v.location(112, -91).lat).toEqual({ key: 'validation.lat' })
  })

  it('sectors', () => {
    expect(v.sectors([])).toEqual({ key: 'validation.sectorsRequired' })
    expect(v.sectors(['mining'])).toBeNull()
  })

  it('username and password follow the server', () => {
    expect(v.username('duty-430426')).toBeNull()
    expect(v.username('ab')).not.toBeNull()
    expect(v.username('张三')).not.toBeNull()
    expect(v.username('a b c')).not.toBeNull()
    expect(v.password('Demo-pass-2026')).toBeNull()
    expect(v.password('short1')).not.toBeNull()
    expect(v.password('onlyletterslong')).not.toBeNull()
    expect(v.password('1234567890123')).not.toBeNull()
    for (let i = 0; i < 50; i++) expect(v.password(generatePassword())).toBeNull()
  })

  it('firstProblem stops at the first failing check', () => {
    const checks = [v.required('enterprises.name'), v.maxBytes('enterprises.name', 3)]
    expect(v.firstProblem('', checks)?.key).toBe('validation.required')
    expect(v.firstProblem('衡阳', checks)?.key).toBe('validation.maxBytes')
    expect(v.firstProblem('ab', checks)).toBeNull()
  })

  it('problems read well in both languages', () => {
    i18n.global.locale.value = 'zh-CN'
    expect(
      v.problemText({ key: 'validation.required', params: { field: 'enterprises.name' } }, t),
    ).toBe('请填写企业名称')
    expect(v.problemText(v.creditCode('91350100M000100Y44')!, t)).toBe(
      '校验位不正确：最后一位应为「3」',
    )
    i18n.global.locale.value = 'en'
    expect(
      v.problemText({ key: 'validation.required', params: { field: 'enterprises.name' } }, t),
    ).toBe('Name is required')
    expect(v.problemText(v.creditCode('91350100M000100Y44')!, t)).toBe(
      "Wrong check character: the last one should be '3'",
    )
    i18n.global.locale.value = 'zh-CN'
  })

  it('Element Plus rule wrapper reports through the callback', () => {
    const rule = v.rule(t, [v.creditCode])
    const validator = rule.validator as (r: unknown, value: string, cb: (e?: Error) => void) => void
    const results: (Error | undefined)[] = []
    validator({}, '91350100M000100Y43', (e) => results.push(e))
    validator({}, '91350100M000100Y4X', (e) => results.push(e))
    expect(results[0]).toBeUndefined()
    expect(results[1]).toBeInstanceOf(Error)
  })
})

describe('enterprise form model', () => {
  const base: EnterpriseForm = {
    ...emptyForm(),
    name: '衡阳示例化工有限公司',
    credit_code: '91350100M000100Y43',
    sectors: ['hazardous_chemicals'],
    jurisdiction: '430426',
    address: '祁东县示例路1号',
    lon: 112.09,
    lat: 26.79,
    risk_color: 'orange',
    contact_name: '张三',
    contact_phone: '',
  }

  it('builds the request body: trims, empty contact fields become null, location as an object', () => {
    const input = inputFromForm({
      ...base,
      name: '  衡阳示例化工有限公司 ',
      credit_code: '91350100m000100y43',
    })
    expect(input.name).toBe('衡阳示例化工有限公司')
    expect(input.credit_code).toBe('91350100M000100Y43')
    expect(input.contact_phone).toBeNull()
    expect(input.location).toEqual({ lon: 112.09, lat: 26.79 })
    expect(inputFromForm({ ...base, lon: null }).location).toBeNull()
  })

  it('PATCHes only what changed', () => {
    expect(patchBetween(base, { ...base })).toEqual({})
    expect(isDirty(base, { ...base })).toBe(false)
    expect(patchBetween(base, { ...base, risk_color: 'red', lat: 26.8 })).toEqual({
      risk_color: 'red',
      location: { lon: 112.09, lat: 26.8 },
    })
    expect(patchBetween(base, { ...base, contact_name: '' })).toEqual({ contact_name: null })
  })

  it('keeps my changes when merging onto a newer version', () => {
    const mine = { ...base, risk_color: 'red' as const, address: '新地址' }
    const latest = { ...base, contact_name: '李四', address: '他人改的地址' }
    const merged = mergeChanges(base, mine, latest)
    expect(merged.risk_color).toBe('red')
    expect(merged.address).toBe('新地址')
    expect(merged.contact_name).toBe('李四')
  })

  it('maps the server error field to the form field', () => {
    expect(formFieldFor('credit_code')).toBe('credit_code')
    expect(formFieldFor('location')).toBe('lon')
    expect(formFieldFor('version')).toBeNull()
    expect(formFieldFor(null)).toBeNull()
  })
})
