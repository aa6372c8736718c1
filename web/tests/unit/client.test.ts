// The API client: CSRF header on writes, 401 handling, error parsing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ApiError,
  buildUrl,
  currentCsrfToken,
  errorFromResponse,
  onUnauthenticated,
  request,
  setCsrfToken,
} from '@/api/client'
import { setLocale } from '@/i18n'
import { errorText } from '@/utils/errors'
import {
  enterpriseExportUrl,
  importReportOf,
  listEnterprises,
  login,
  updateUser,
} from '@/api/endpoints'

interface Call {
  url: string
  init: RequestInit
}

let calls: Call[] = []

function answer(status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      return new Response(status === 204 ? null : text, {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      })
    }),
  )
}

function header(c: Call, name: string): string | undefined {
  return (c.init.headers as Record<string, string>)[name]
}

function clearCookies() {
  for (const c of document.cookie.split(';')) {
    const name = c.split('=')[0]?.trim()
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`
  }
}

beforeEach(() => {
  calls = []
  setCsrfToken(null)
  onUnauthenticated(null)
  clearCookies()
})

afterEach(() => {
  vi.unstubAllGlobals()
})

describe('CSRF header', () => {
  it('is sent on POST and PATCH with the remembered token', async () => {
    setCsrfToken('tok-123')
    answer(200, { ok: true })
    await request('POST', '/api/v1/users', { body: { a: 1 } })
    await updateUser(7, { version: 3, role: 'commander' })
    expect(calls).toHaveLength(2)
    expect(header(calls[0]!, 'X-CSRF-Token')).toBe('tok-123')
    expect(header(calls[1]!, 'X-CSRF-Token')).toBe('tok-123')
    expect(calls[1]!.init.method).toBe('PATCH')
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ version: 3, role: 'commander' })
    expect(header(calls[1]!, 'Content-Type')).toBe('application/json')
  })

  it('falls back to the anlan_csrf cookie', async () => {
    document.cookie = 'anlan_csrf=from-cookie; path=/'
    expect(currentCsrfToken()).toBe('from-cookie')
    answer(200, {})
    await request('POST', '/api/v1/auth/logout', { body: {} })
    expect(header(calls[0]!, 'X-CSRF-Token')).toBe('from-cookie')
  })

  it('is not sent on GET', async () => {
    setCsrfToken('tok-123')
    answer(200, { items: [], next_cursor: null })
    await listEnterprises({ q: 'x' }, null)
    expect(header(calls[0]!, 'X-CSRF-Token')).toBeUndefined()
    expect(calls[0]!.init.method).toBe('GET')
    expect(calls[0]!.init.credentials).toBe('same-origin')
  })
})

describe('401 handling', () => {
  it('calls the unauthenticated handler on a 401', async () => {
    const handler = vi.fn()
    onUnauthenticated(handler)
    answer(401, { error: { code: 'unauthenticated', message: 'not signed in' } })
    await expect(request('GET', '/api/v1/me')).rejects.toMatchObject({
      status: 401,
      code: 'unauthenticated',
    })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('does not redirect for a failed sign-in (wrong password is an answer)', async () => {
    const handler = vi.fn()
    onUnauthenticated(handler)
    answer(401, { error: { code: 'unauthenticated', message: 'wrong username or password' } })
    await expect(login('commander', 'nope')).rejects.toBeInstanceOf(ApiError)
    expect(handler).not.toHaveBeenCalled()
  })

  it('does not call the handler for other errors', async () => {
    const handler = vi.fn()
    onUnauthenticated(handler)
    answer(403, { error: { code: 'permission_denied', message: 'your role may not do this' } })
    await expect(request('GET', '/api/v1/audit')).rejects.toMatchObject({ status: 403 })
    expect(handler).not.toHaveBeenCalled()
  })
})

describe('error parsing', () => {
  it('reads code, message and field from the error body', async () => {
    answer(400, {
      error: {
        code: 'invalid_argument',
        message: 'the check character does not match',
        field: 'credit_code',
      },
    })
    const e = await request('POST', '/api/v1/enterprises', { body: {} }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    const err = e as ApiError
    expect(err.status).toBe(400)
    expect(err.code).toBe('invalid_argument')
    expect(err.field).toBe('credit_code')
    expect(err.message).toBe('the check character does not match')
  })

  it('keeps a status-derived code when the body is not JSON', () => {
    const e = errorFromResponse(503, new Headers(), '<html>bad gateway</html>')
    expect(e.code).toBe('unavailable')
    expect(e.message).toBe('HTTP 503')
    expect(e.field).toBeNull()
  })

  it('reads Retry-After on 429', () => {
    const e = errorFromResponse(
      429,
      new Headers({ 'Retry-After': '37' }),
      JSON.stringify({
        error: { code: 'resource_exhausted', message: 'too many failed sign-ins' },
      }),
    )
    expect(e.code).toBe('resource_exhausted')
    expect(e.retryAfter).toBe(37)
  })

  it('reads the request id of an internal error', () => {
    const e = errorFromResponse(
      500,
      new Headers({ 'X-Request-Id': 'r1a' }),
      JSON.stringify({ error: { code: 'internal', message: 'internal error; request id r1a' } }),
    )
    expect(e.requestId).toBe('r1a')
  })

  it('turns a network failure into code "network"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      }),
    )
    await expect(request('GET', '/api/v1/me')).rejects.toMatchObject({ status: 0, code: 'network' })
  })

  it("says a network failure in the UI language, without the browser's English", async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      }),
    )
    setLocale('zh-CN')
    const e = await request('GET', '/api/v1/me').catch((x: unknown) => x)
    expect(errorText(e)).toBe('无法连接服务器，请检查网络')
    expect(errorText(e)).not.toMatch(/Failed to fetch/)
  })

  it("asks for the server's messages in the UI language", async () => {
    answer(200, {})
    setLocale('en')
    await request('GET', '/api/v1/me')
    setLocale('zh-CN')
    await request('POST', '/api/v1/hazards', { body: {} })
    expect(calls.map((c) => header(c, 'Accept-Language'))).toEqual(['en', 'zh-CN'])
  })

  it('parses a 204 as no content', async () => {
    answer(204, '')
    await expect(request('POST', '/api/v1/auth/logout', { body: {} })).resolves.toBeUndefined()
  })

  it('keeps the whole error body (the import report of a 422)', () => {
    const body = {
      total: 2,
      imported: 0,
      errors: [{ row: 3, field: 'credit_code', problem: 'bad check character' }],
      error: { code: 'unprocessable', message: '1 row(s) have problems', field: 'file' },
    }
    const e = errorFromResponse(422, new Headers(), JSON.stringify(body))
    expect(e.code).toBe('unprocessable')
    expect(importReportOf(e.body)).toEqual({ total: 2, imported: 0, errors: body.errors })
    expect(importReportOf({ error: {} })).toBeNull()
  })
})

describe('URLs', () => {
  it('leaves out empty query values', () => {
    expect(buildUrl('/api/v1/users', { role: '', q: 'li', cursor: null, limit: 50 })).toBe(
      '/api/v1/users?q=li&limit=50',
    )
  })

  it('exports exactly the filters of the list, without paging', () => {
    const url = enterpriseExportUrl(
      {
        jurisdiction: '430426',
        sector: 'mining',
        risk_color: 'red',
        q: ' 矿 ',
        active: 'true',
        major_hazard_installations: 'false',
        sort: 'name',
      },
      'xlsx',
    )
    const u = new URL(url, 'http://x')
    expect(u.pathname).toBe('/api/v1/enterprises')
    expect(Object.fromEntries(u.searchParams)).toEqual({
      jurisdiction: '430426',
      sector: 'mining',
      risk_color: 'red',
      q: '矿',
      active: 'true',
      major_hazard_installations: 'false',
      sort: 'name',
      format: 'xlsx',
    })
    expect(enterpriseExportUrl({ active: '' }, 'csv')).toBe('/api/v1/enterprises?format=csv')
  })
})
