// The requests the newer endpoints' functions make: the inbox's list and summary (filters left out
// when not set) and the intake's receive (签收, with the version when known).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { getInboxSummary, listInbox } from '@/modules/inbox/api'
import { receiveIntake } from '@/modules/duty/api'
import { setCsrfToken } from '@/api/client'

let calls: { url: string; init: RequestInit }[] = []

beforeEach(() => {
  calls = []
  setCsrfToken('csrf-1')
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init: RequestInit) => {
      calls.push({ url, init })
      return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } })
    }),
  )
})
afterEach(() => {
  vi.unstubAllGlobals()
  setCsrfToken(null)
})

describe('inbox and intake endpoints', () => {
  it('ask for the inbox with only the filters that are set', async () => {
    await listInbox()
    await listInbox({ filter: 'urgent', source: '', cursor: null, limit: 200 })
    await listInbox({ filter: '', source: 'duty', cursor: 'WzEsMl0', limit: 50 })
    await getInboxSummary()
    expect(calls.map((c) => c.url)).toEqual([
      '/api/v1/inbox',
      '/api/v1/inbox?filter=urgent&limit=200',
      '/api/v1/inbox?source=duty&cursor=WzEsMl0&limit=50',
      '/api/v1/inbox/summary',
    ])
    expect(calls.every((c) => c.init.method === 'GET')).toBe(true)
  })

  it('receive an intake report with its version, or with an empty body', async () => {
    await receiveIntake(7, 3)
    await receiveIntake(8)
    expect(calls.map((c) => [c.url, c.init.method, c.init.body])).toEqual([
      ['/api/v1/intake/7/receive', 'POST', '{"version":3}'],
      ['/api/v1/intake/8/receive', 'POST', '{}'],
    ])
    expect((calls[0]!.init.headers as Record<string, string>)['X-CSRF-Token']).toBe('csrf-1')
  })
})
