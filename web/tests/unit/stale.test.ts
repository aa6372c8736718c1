// Stale answers: a load asked for while an older one is still out must show the newer answer,
// whichever arrives last (utils/loadable.ts and the hazard page's own load).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createApp, h, nextTick, ref, type App, type FunctionalComponent } from 'vue'
import { createPinia } from 'pinia'
import { loadable } from '@/utils/loadable'
import type { HazardDetail } from '@/api/hazards'
import HazardDetailPage from '@/modules/hazard/HazardDetailPage.vue'
import { i18n } from '@/i18n'
import { installElement } from '@/plugins/element'

/** A promise settled from outside: an answer held back until the test releases it. */
function deferred<T>() {
  let resolve!: (v: T) => void
  let reject!: (e: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** Lets every settled promise run its callbacks (and Vue render what they changed). */
async function flush() {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve()
    await nextTick()
  }
}

describe('loadable', () => {
  it('a forced load while one is out: the later answer wins, even when the first comes last', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    let calls = 0
    const l = loadable(() => (answers[calls++] as ReturnType<typeof deferred<string>>).promise)
    const first = l.load()
    const second = l.load(true)
    expect(calls).toBe(2)
    answers[1]?.resolve('new')
    await flush()
    expect(l.data.value).toBe('new')
    expect(l.loading.value).toBe(false)
    answers[0]?.resolve('old')
    await flush()
    expect(l.data.value).toBe('new')
    // Whoever asked first gets the answer that is shown, not the one that was overtaken.
    expect(await first).toBe('new')
    expect(await second).toBe('new')
  })

  it('an older request failing after a newer one succeeded leaves no error', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    let calls = 0
    const l = loadable(() => (answers[calls++] as ReturnType<typeof deferred<string>>).promise)
    void l.load()
    const second = l.load(true)
    answers[1]?.resolve('new')
    answers[0]?.reject(new Error('gone'))
    expect(await second).toBe('new')
    await flush()
    expect(l.error.value).toBeNull()
    expect(l.data.value).toBe('new')
  })

  it('the overtaken caller waits for the newer answer when it is still out', async () => {
    const answers = [deferred<string>(), deferred<string>()]
    let calls = 0
    const l = loadable(() => (answers[calls++] as ReturnType<typeof deferred<string>>).promise)
    let firstGot: string | null | undefined
    void l.load().then((v) => (firstGot = v))
    void l.load(true)
    answers[0]?.resolve('old')
    await flush()
    expect(firstGot).toBeUndefined()
    expect(l.data.value).toBeNull()
    expect(l.loading.value).toBe(true)
    answers[1]?.resolve('new')
    await flush()
    expect(firstGot).toBe('new')
    expect(l.data.value).toBe('new')
    expect(l.loading.value).toBe(false)
  })

  it('loads without force share the request in flight, and keep what is loaded', async () => {
    const fetcher = vi.fn(() => Promise.resolve(7))
    const l = loadable(fetcher)
    const [a, b] = [l.load(), l.load()]
    expect(fetcher).toHaveBeenCalledTimes(1)
    expect(await a).toBe(7)
    expect(await b).toBe(7)
    expect(await l.load()).toBe(7)
    expect(fetcher).toHaveBeenCalledTimes(1)
    expect(await l.load(true)).toBe(7)
    expect(fetcher).toHaveBeenCalledTimes(2)
  })

  it('clear() forgets the data and the answer still out (a signed-out session)', async () => {
    const held = deferred<string>()
    const l = loadable(() => held.promise)
    const out = l.load()
    l.clear()
    held.resolve('of the previous user')
    expect(await out).toBeNull()
    expect(l.data.value).toBeNull()
    expect(l.loading.value).toBe(false)
  })
})

// --- the hazard page ---------------------------------------------------------------------------

const getHazard = vi.fn<(id: number) => Promise<HazardDetail>>()
vi.mock('@/api/hazards', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/api/hazards')>()),
  getHazard: (id: number) => getHazard(id),
}))

function hazard(id: number, version: number): HazardDetail {
  return {
    id,
    code: `YH-430426-2026-${String(id).padStart(6, '0')}`,
    enterprise_id: null,
    enterprise_name: '',
    site: `site ${id}`,
    jurisdiction: '430426',
    unit: '430426',
    sector: 'fire',
    location: null,
    description: `hazard ${id} version ${version}`,
    grade: 'general',
    source: 'inspection',
    found_at: 1_767_225_600_000,
    found_by: '',
    risk_color: 'yellow',
    state: 'registered',
    deadline: null,
    overdue: false,
    supervision: null,
    confirmation: null,
    assignment: null,
    plan: null,
    closed_off_at: null,
    demo: false,
    version,
    created_at: 1_767_225_600_000,
    updated_at: 1_767_225_600_000,
    timeline: [],
    attachments: [],
    allowed: [],
    on_behalf: [],
    may_add_progress: false,
    may_supervise: false,
    may_escalate: false,
  }
}

describe('the hazard page shows the latest answer only', () => {
  let app: App | null = null
  let root: HTMLElement

  beforeEach(() => {
    // Reference data and the rest: never answered (the page must not need them to show a hazard).
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise(() => undefined)),
    )
    getHazard.mockReset()
    root = document.createElement('div')
    document.body.appendChild(root)
  })
  afterEach(() => {
    app?.unmount()
    app = null
    root.remove()
    vi.unstubAllGlobals()
  })

  function mountPage(id: ReturnType<typeof ref<string>>) {
    app = createApp({ render: () => h(HazardDetailPage, { id: id.value ?? '' }) })
    app.use(createPinia())
    app.use(i18n)
    installElement(app)
    // Links render their text (no router here).
    const Link: FunctionalComponent = (_p, { slots }) => slots.default?.()
    app.component('RouterLink', Link)
    app.mount(root)
  }

  const shownCode = () => root.querySelector('[data-testid=hazard-code]')?.textContent?.trim()
  const shownVersion = () => root.querySelector('[data-testid=hazard-version]')?.textContent?.trim()

  it('reloads racing each other: the one asked for last is shown', async () => {
    const answers = [deferred<HazardDetail>(), deferred<HazardDetail>(), deferred<HazardDetail>()]
    getHazard.mockImplementation(
      () => (answers.shift() as ReturnType<typeof deferred<HazardDetail>>).promise,
    )
    const pending = [...answers]
    mountPage(ref('5'))
    pending[0]?.resolve(hazard(5, 1))
    await flush()
    expect(shownVersion()).toMatch(/\b1$/)
    // A reload (e.g. after a step) and another (a live event's "reload") while it is out.
    const reload = root.querySelector<HTMLButtonElement>('[data-testid=hazard-reload]')
    reload?.click()
    reload?.click()
    expect(getHazard).toHaveBeenCalledTimes(3)
    pending[2]?.resolve(hazard(5, 3))
    await flush()
    expect(shownVersion()).toMatch(/\b3$/)
    pending[1]?.resolve(hazard(5, 2))
    await flush()
    expect(shownVersion()).toMatch(/\b3$/)
  })

  it('moving to another hazard while the first still loads shows the second', async () => {
    const byId = new Map([
      [1, deferred<HazardDetail>()],
      [2, deferred<HazardDetail>()],
    ])
    getHazard.mockImplementation(
      (id) => (byId.get(id) as ReturnType<typeof deferred<HazardDetail>>).promise,
    )
    const id = ref('1')
    mountPage(id)
    id.value = '2'
    await flush()
    expect(getHazard).toHaveBeenLastCalledWith(2)
    byId.get(2)?.resolve(hazard(2, 1))
    await flush()
    expect(shownCode()).toBe(hazard(2, 1).code)
    byId.get(1)?.resolve(hazard(1, 1))
    await flush()
    expect(shownCode()).toBe(hazard(2, 1).code)
  })
})
