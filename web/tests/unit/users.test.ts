// The user forms and the sign-in: the server's complaints at their fields, in the UI's language.
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from '@/api/client'
import { setLocale } from '@/i18n'
import { loginFailure, userFieldMessage } from '@/modules/auth/fields'

const invalid = (field: string, message: string) =>
  new ApiError({ status: 400, code: 'invalid_argument', field, message })

afterEach(() => setLocale('zh-CN'))

describe('server messages at the user form’s fields', () => {
  // The server says them in the UI's language (Accept-Language); the form shows them as they came,
  // English as a sentence.
  it('are shown as the server said them, in Chinese', () => {
    setLocale('zh-CN')
    expect(userFieldMessage(invalid('password', '密码不能包含用户名'))).toBe('密码不能包含用户名')
  })

  it('and in English as a sentence', () => {
    setLocale('en')
    expect(userFieldMessage(invalid('password', 'password must not contain the username'))).toBe(
      'Password must not contain the username',
    )
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
