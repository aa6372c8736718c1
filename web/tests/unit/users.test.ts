// The user forms and the sign-in: the server's English complaints shown in the UI's language.
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { setLocale } from '@/i18n'
import { loginFailure, userFieldMessage } from '@/modules/auth/fields'

const invalid = (field: string, message: string) =>
  new ApiError({ status: 400, code: 'invalid_argument', field, message })

afterEach(() => setLocale('zh-CN'))

describe('server messages at the user form’s fields', () => {
  // As src/auth/rules.cc and service.cc word them.
  const cases: [string, string, string, string][] = [
    [
      'enterprise_id',
      'there is no such enterprise in your jurisdiction',
      '您的管辖范围内没有该企业',
      'There is no such enterprise in your jurisdiction',
    ],
    [
      'enterprise_id',
      'an enterprise officer needs the id of their enterprise',
      '企业用户必须选择所属企业',
      'An enterprise officer needs their enterprise',
    ],
    [
      'enterprise_id',
      'only enterprise officers are bound to an enterprise',
      '只有企业用户才能绑定企业',
      'Only enterprise officers are bound to an enterprise',
    ],
    [
      'password',
      'password must not contain the username',
      '密码不能包含用户名',
      'must not contain',
    ],
    [
      'password',
      'password is too common: it is a dictionary word, a keyboard run or a simple pattern',
      '密码过于常见',
      'too common',
    ],
    [
      'password',
      'password is too simple: avoid repeats, runs and palindromes',
      '密码过于简单',
      'too simple',
    ],
    ['password', 'password is too weak; choose a longer one', '密码强度不够', 'too weak'],
    ['password', 'password needs a letter and a digit', '须同时包含字母和数字', 'a letter'],
    ['username', "username 'duty-1' is taken", '用户名「duty-1」已被使用', '“duty-1” is taken'],
  ]

  it('are translated into Chinese', () => {
    setLocale('zh-CN')
    for (const [field, message, zh] of cases) {
      expect(userFieldMessage(invalid(field, message)), message).toContain(zh)
    }
  })

  it('and into English', () => {
    setLocale('en')
    for (const [field, message, , en] of cases) {
      expect(userFieldMessage(invalid(field, message)), message).toContain(en)
    }
  })

  it('fall back to what the server said', () => {
    const e = invalid('password', 'password is refused for a reason not known yet')
    expect(userFieldMessage(e)).toBe('password is refused for a reason not known yet')
  })
})

describe('a refused sign-in', () => {
  const origin = new ApiError({
    status: 403,
    code: 'permission_denied',
    field: 'origin',
    message:
      'requests from the page at http://10.0.0.5:8080 are not accepted here (see the public_origins setting)',
  })

  it('from a page address the server does not accept says so, and what to ask for', () => {
    setLocale('zh-CN')
    const zh = loginFailure(origin, 'http://10.0.0.5:8080')
    expect(zh.title).toBe('服务器不接受从本页面地址发起的登录')
    expect(zh.detail).toContain('http://10.0.0.5:8080')
    expect(zh.detail).toContain('public_origins')
    expect(zh.detail).toContain('系统管理员')
    setLocale('en')
    const en = loginFailure(origin, 'http://10.0.0.5:8080')
    expect(en.title).toMatch(/does not accept sign-ins from this page/)
    expect(en.detail).toMatch(/Ask the administrator to add it to .*public_origins/)
  })

  it('with a wrong password says only that; other refusals keep the server’s words', () => {
    setLocale('zh-CN')
    const wrong = new ApiError({ status: 401, code: 'unauthenticated', message: 'x' })
    expect(loginFailure(wrong, '')).toEqual({
      title: '用户名或密码错误，或账号已停用',
      detail: null,
    })
    const other = new ApiError({ status: 403, code: 'permission_denied', message: 'no' })
    expect(loginFailure(other, '').detail).toBe('no')
  })
})
