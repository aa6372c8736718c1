// Smaller pieces: redirects, live-event backoff, map classes, audit diff, CSV files, figures,
// navigation by role, and the Element Plus registrations.
import { describe, expect, it, vi } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { safeRedirect } from '@/utils/redirect'
import { backoffDelay, EventStream, eventsUrl, parseEvent } from '@/api/events'
import { buildScale, NO_DATA_COLOR, PALETTES } from '@/utils/choropleth'
import { diffRecords } from '@/utils/diff'
import { countDataRows, decodeCsv } from '@/utils/csvFile'
import { countByUnit, figuresFromRows } from '@/modules/home/figures'
import { homeCardsFor, registerHomeCard } from '@/modules/home/cards'
import { unitOf } from '@/stores/reference'
import { navFor, titleFor } from '@/layouts/nav'
import { can } from '@/utils/permissions'
import { collectPages } from '@/api/endpoints'
import { registeredComponents } from '@/plugins/element'
import { ROLES, type Jurisdiction, type Role } from '@/api/types'
import { School } from '@element-plus/icons-vue'

describe('redirect after sign-in', () => {
  it('allows paths of this app only', () => {
    expect(safeRedirect('/enterprises?risk_color=red')).toBe('/enterprises?risk_color=red')
    expect(safeRedirect(['/users'])).toBe('/users')
    for (const bad of [
      '//evil.example',
      'https://evil.example',
      '/\\evil',
      'javascript:alert(1)',
      '',
      undefined,
      3,
      '/login?redirect=/x',
    ]) {
      expect(safeRedirect(bad), String(bad)).toBe('/')
    }
  })
})

describe('live events', () => {
  it('backs off from 1 s doubling to 30 s with jitter', () => {
    const mid = () => 0.5
    expect(backoffDelay(0, mid)).toBe(1000)
    expect(backoffDelay(1, mid)).toBe(2000)
    expect(backoffDelay(4, mid)).toBe(16000)
    expect(backoffDelay(5, mid)).toBe(30000)
    expect(backoffDelay(50, mid)).toBe(30000)
    expect(backoffDelay(0, () => 0)).toBe(800)
    expect(backoffDelay(0, () => 1)).toBe(1200)
  })

  it('builds the WebSocket URL from the page', () => {
    expect(eventsUrl({ protocol: 'http:', host: '127.0.0.1:5173' })).toBe(
      'ws://127.0.0.1:5173/api/v1/events',
    )
    expect(eventsUrl({ protocol: 'https:', host: 'anlan.hy.gov' })).toBe(
      'wss://anlan.hy.gov/api/v1/events',
    )
  })

  it('parses events and ignores anything else', () => {
    expect(
      parseEvent('{"type":"user.updated","jurisdiction":"430426","at":5,"data":{"id":1}}'),
    ).toEqual({
      type: 'user.updated',
      jurisdiction: '430426',
      at: 5,
      data: { id: 1 },
    })
    expect(parseEvent('not json')).toBeNull()
    expect(parseEvent('{"no":"type"}')).toBeNull()
    expect(parseEvent(42)).toBeNull()
  })

  it('reconnects after the socket closes, and stops for good on stop()', () => {
    vi.useFakeTimers()
    const sockets: Record<string, unknown>[] = []
    const statuses: string[] = []
    const events: string[] = []
    const stream = new EventStream({
      url: 'ws://x/api/v1/events',
      onEvent: (e) => events.push(e.type),
      onStatus: (s) => statuses.push(s),
      socketFactory: () => {
        const s: Record<string, unknown> = { close: vi.fn() }
        sockets.push(s)
        return s as unknown as WebSocket
      },
    })
    stream.start()
    expect(sockets).toHaveLength(1)
    ;(sockets[0]!.onopen as () => void)()
    ;(sockets[0]!.onmessage as (m: { data: string }) => void)({
      data: '{"type":"enterprise.created","data":{}}',
    })
    expect(events).toEqual(['enterprise.created'])
    ;(sockets[0]!.onclose as () => void)()
    expect(statuses).toEqual(['connecting', 'open', 'waiting'])
    vi.advanceTimersByTime(1300)
    expect(sockets).toHaveLength(2)
    stream.stop()
    vi.advanceTimersByTime(60_000)
    expect(sockets).toHaveLength(2)
    expect(statuses.at(-1)).toBe('idle')
    vi.useRealTimers()
  })
})

describe('map classes', () => {
  it('gives 0 its own class and whole-number bounds up to the maximum', () => {
    const s = buildScale([0, 3, 10, 24], PALETTES.blues)
    expect(s.classes[0]).toEqual({ from: 0, to: 0, color: PALETTES.blues[0] })
    expect(s.classes.at(-1)?.to).toBe(24)
    for (let i = 1; i < s.classes.length; i++) {
      expect(s.classes[i]!.from).toBe(s.classes[i - 1]!.to + 1)
    }
    expect(s.colorFor(24)).toBe(PALETTES.blues[4])
    expect(s.colorFor(0)).toBe(PALETTES.blues[0])
    expect(s.colorFor(null)).toBe(NO_DATA_COLOR)
  })

  it('handles small maxima without empty classes', () => {
    const s = buildScale([0, 1, 2], PALETTES.reds)
    expect(s.classes.map((c) => [c.from, c.to])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ])
    expect(buildScale([], PALETTES.reds).classes).toHaveLength(1)
  })
})

describe('audit diff', () => {
  it('marks changed, added and removed fields', () => {
    const rows = diffRecords(
      { role: 'duty_officer', version: 1, phone: '1' },
      { role: 'commander', version: 2, active: false },
    )
    const byKey = Object.fromEntries(rows.map((r) => [r.key, r.kind]))
    expect(byKey).toEqual({
      role: 'changed',
      version: 'changed',
      active: 'added',
      phone: 'removed',
    })
  })

  it('shows a create (no before) and details that are not objects', () => {
    expect(diffRecords(null, { id: 1 })).toEqual([
      { key: 'id', before: null, after: '1', kind: 'same' },
    ])
    expect(diffRecords(null, 'text')[0]).toMatchObject({ key: 'value', after: 'text' })
    expect(diffRecords(null, null)).toEqual([])
  })
})

describe('CSV files', () => {
  it('reads UTF-8 with BOM and GBK (Excel on Chinese Windows)', () => {
    const utf8 = new TextEncoder().encode('\uFEFFname\n衡阳\n')
    expect(decodeCsv(utf8)).toEqual({ text: 'name\n衡阳\n', encoding: 'utf-8' })
    // "衡阳" in GBK
    const gbk = new Uint8Array([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0xba, 0xe2, 0xd1, 0xf4, 0x0a])
    const d = decodeCsv(gbk)
    expect(d.encoding).toBe('gb18030')
    expect(d.text).toBe('name\n衡阳\n')
  })

  it('counts data rows, with quoted line breaks and blank lines', () => {
    expect(countDataRows('a,b\r\n1,2\r\n3,4\r\n')).toBe(2)
    expect(countDataRows('a,b\n"x\ny",2\n\n3,4')).toBe(2)
    expect(countDataRows('a,b\n')).toBe(0)
  })
})

describe('figures per unit', () => {
  const j = (code: string, level: Jurisdiction['level'], parent: string | null): Jurisdiction => ({
    code,
    level,
    parent,
    name: code,
    name_en: code,
    official: true,
  })
  const byCode = new Map(
    [
      j('430400', 'city', null),
      j('430426', 'county', '430400'),
      j('430426001', 'township', '430426'),
      j('430471', 'park', '430400'),
    ].map((x) => [x.code, x]),
  )

  it('rolls townships up to their unit', () => {
    expect(unitOf('430426001', byCode)).toBe('430426')
    expect(unitOf('430471', byCode)).toBe('430471')
    expect(unitOf('430400', byCode)).toBeNull()
    const f = countByUnit(
      [
        { jurisdiction: '430426001', risk_color: 'red' },
        { jurisdiction: '430426', risk_color: 'blue' },
        { jurisdiction: '430471', risk_color: 'red' },
      ],
      byCode,
    )
    expect(f['430426']).toEqual({ total: 2, red: 1, orange: 0, yellow: 0, blue: 1 })
    expect(f['430471']?.red).toBe(1)
  })

  it('reads the server rows', () => {
    const f = figuresFromRows([
      { jurisdiction: '430426', total: 5, red: 2, orange: 1, yellow: 1, blue: 1 },
      { jurisdiction: '430471', total: 3, red: 0, orange: 0, yellow: 1, blue: 2 },
    ])
    expect(f.total).toBe(8)
    expect(f.red).toBe(2)
    expect(f.byUnit['430471']?.blue).toBe(2)
  })

  it('follows cursors and reports truncation', async () => {
    const pages: Record<string, { items: number[]; next_cursor: string | null }> = {
      start: { items: [1, 2], next_cursor: 'a' },
      a: { items: [3], next_cursor: 'b' },
      b: { items: [4], next_cursor: null },
    }
    expect(await collectPages(async (c) => pages[c ?? 'start']!)).toEqual({
      items: [1, 2, 3, 4],
      truncated: false,
    })
    expect(await collectPages(async (c) => pages[c ?? 'start']!, 2)).toEqual({
      items: [1, 2, 3],
      truncated: true,
    })
  })
})

describe('what each role sees', () => {
  const menuOf = (role: Role) =>
    navFor((p) => can(role, p)).flatMap((g) => g.items.map((i) => i.name))

  const HAZARD_MENU = ['hazards', 'hazards-major', 'hazards-map', 'hazards-stats', 'notices']

  const DUTY_MENU = [
    'duty-console',
    'duty-rota',
    'duty-log',
    'duty-intake',
    'spot-checks',
    'duty-stats',
  ]

  it('shows users and audit to administrators only; the user list also to commanders; the inbox to all but administrators', () => {
    expect(menuOf('admin')).toEqual([
      'home',
      ...DUTY_MENU,
      'jurisdictions',
      'departments',
      'enterprises',
      ...HAZARD_MENU,
      'users',
      'audit',
    ])
    expect(menuOf('commander')).toEqual([
      'home',
      'inbox',
      ...DUTY_MENU,
      'jurisdictions',
      'departments',
      'enterprises',
      ...HAZARD_MENU,
      'users',
    ])
    expect(menuOf('duty_officer')).toEqual([
      'home',
      'inbox',
      ...DUTY_MENU,
      'jurisdictions',
      'departments',
      'enterprises',
      ...HAZARD_MENU,
    ])
    for (const r of ['department_officer', 'enterprise_officer'] as const) {
      expect(menuOf(r)).toEqual([
        'home',
        'inbox',
        'jurisdictions',
        'departments',
        'enterprises',
        ...HAZARD_MENU,
      ])
    }
    expect(ROLES.filter((r) => can(r, 'inbox.read'))).toEqual(ROLES.filter((r) => r !== 'admin'))
  })

  it('names the home page for what an enterprise officer has there', () => {
    expect(titleFor('nav.home', 'enterprise_officer')).toBe('home.enterprise.nav')
    expect(titleFor('nav.command', 'enterprise_officer')).toBe('home.enterprise.group')
    expect(titleFor('nav.home', 'commander')).toBe('nav.home')
    expect(titleFor('nav.hazards', 'enterprise_officer')).toBe('nav.hazards')
    expect(titleFor('nav.home', null)).toBe('nav.home')
  })

  it('lets only commanders run spot checks and only duty officers and commanders keep rooms', () => {
    for (const r of ROLES) {
      expect(can(r, 'rollcalls.run'), r).toBe(r === 'commander')
      expect(can(r, 'duty.keep'), r).toBe(r === 'commander' || r === 'duty_officer')
    }
  })

  it('lets government roles and enterprise officers register hazards, not administrators', () => {
    expect(can('admin', 'hazards.register')).toBe(false)
    for (const r of [
      'commander',
      'duty_officer',
      'department_officer',
      'enterprise_officer',
    ] as const)
      expect(can(r, 'hazards.register')).toBe(true)
    expect(can('commander', 'notices.issue')).toBe(true)
    expect(can('duty_officer', 'notices.issue')).toBe(true)
    expect(can('department_officer', 'notices.issue')).toBe(false)
    expect(can('enterprise_officer', 'notices.issue')).toBe(false)
  })

  it('lets only the roles the server allows write enterprises', () => {
    expect(can('admin', 'enterprises.write')).toBe(true)
    expect(can('commander', 'enterprises.write')).toBe(true)
    expect(can('department_officer', 'enterprises.write')).toBe(true)
    expect(can('duty_officer', 'enterprises.write')).toBe(false)
    expect(can('enterprise_officer', 'enterprises.write')).toBe(false)
    expect(can(null, 'enterprises.read')).toBe(false)
    expect(can('commander', 'users.write')).toBe(false)
  })

  it('lets modules add home cards, shown by permission and order', () => {
    registerHomeCard({
      id: 'test-card',
      order: 15,
      titleKey: 'home.cards.units',
      icon: School,
      tone: 'orange',
      permission: 'audit.read',
      load: async () => ({ value: 1 }),
    })
    expect(homeCardsFor((p) => can('admin', p)).map((c) => c.id)).toEqual([
      'enterprises',
      'test-card',
      'red-enterprises',
      'users',
      'units',
    ])
    expect(homeCardsFor((p) => can('duty_officer', p)).map((c) => c.id)).toEqual([
      'enterprises',
      'red-enterprises',
      'units',
    ])
  })
})

describe('Element Plus registration', () => {
  it('registers every <el-…> component the templates use', () => {
    const dir = join(__dirname, '../../src')
    const files: string[] = []
    const walk = (d: string) => {
      for (const n of readdirSync(d)) {
        const p = join(d, n)
        if (statSync(p).isDirectory()) walk(p)
        else if (n.endsWith('.vue')) files.push(p)
      }
    }
    walk(dir)
    const used = new Set<string>()
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/<el-([a-z-]+)/g)) used.add(m[1]!)
    }
    const pascal = (s: string) =>
      'El' + s.replace(/(^|-)([a-z])/g, (_x, _d, c: string) => c.toUpperCase())
    const missing = [...used].map(pascal).filter((n) => !(n in registeredComponents))
    expect(missing).toEqual([])
  })
})

describe('index.html', () => {
  it('has no inline script (the server CSP allows scripts from files only)', () => {
    const html = readFileSync(join(__dirname, '../../index.html'), 'utf8')
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    expect(scripts.length).toBeGreaterThan(0)
    for (const s of scripts) {
      expect(s[1]).toMatch(/\bsrc=/)
      expect(s[2]!.trim()).toBe('')
    }
    expect(html).not.toMatch(/https?:\/\//)
  })
})
