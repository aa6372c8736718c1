// Shared helpers for the browser tests: a fresh Chromium per test, sign-in through the form, a
// small API client (for set-up and cross-checks), credit codes, CSV parsing, polling, screenshots,
// and a Playwright trace of every browser of a test that fails.
//
// run.sh starts the server and sets ANLAN_URL; the tests never start one themselves.
import assert from 'node:assert/strict'
import { randomInt } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'node:test'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const BASE = process.env.ANLAN_URL ?? ''
if (!BASE) throw new Error('ANLAN_URL is not set: run the browser tests through tests/e2e/run.sh')
export const PASSWORD = process.env.ANLAN_DEMO_PASSWORD ?? 'Demo-pass-2026'

const here = path.dirname(fileURLToPath(import.meta.url))
export const REPO = path.resolve(here, '..', '..')
export const RESULTS = process.env.ANLAN_E2E_RESULTS ?? path.join(REPO, 'test-results')
export const SCREENS = path.join(RESULTS, 'screens')
export const TRACES = path.join(RESULTS, 'traces')
/** The round of a repeated run (repeat.sh sets it; a single run is round 1), in file names. */
export const ROUND = process.env.ANLAN_E2E_ROUND || '1'
/** This test file's name without .test.mjs (node --test runs each file in a process of its own). */
const FILE = path.basename(process.argv[1] ?? 'test', '.test.mjs')

/**
 * Per-test time limit for node:test. Generous: a test takes 10-25 s (the screenshots ~50 s), but
 * CI machines have two cores and may be busy; ctest's limit for the whole suite is 900 s.
 */
export const TEST_TIMEOUT = 180_000

// --- browser ------------------------------------------------------------------------------------

/**
 * Chromium flags for video calls between two browsers on this machine: a fake camera and
 * microphone (a test pattern and a tone), no permission prompt, ICE candidates on loopback (without
 * this flag none is gathered and a call never connects), and sound without a click first.
 */
export const MEDIA_ARGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
]

// --- traces ----------------------------------------------------------------------------------------
//
// Every browser records a Playwright trace (actions, DOM snapshots, screenshots, network, console)
// from its start. A browser closed by withBrowser after its function passed drops its trace
// unwritten; any other close writes it to the temporary folder, and after each test the traces
// written during it are kept in test-results/traces/ if the test failed, else deleted. Browsers
// still open then (a test that timed out) are closed there, their traces kept if it failed.
// How to read a trace: tests/e2e/README.md.

/** Browsers of the running test not closed yet. */
const openBrowsers = new Set()
/** Trace files written during the running test (kept or deleted after it). */
let written = []
let traceCount = 0

/** A test name as a file name: letters (any script) and digits, the rest as single dashes. */
export function fileSlug(name) {
  return (
    name
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 90)
      .replace(/-+$/, '') || 'test'
  )
}

afterEach(async (t) => {
  const failed = !t.passed
  for (const b of [...openBrowsers]) await b.close({ keepTrace: failed })
  const files = written
  written = []
  if (!failed || files.length === 0) {
    for (const f of files) fs.rmSync(f, { force: true })
    return
  }
  fs.mkdirSync(TRACES, { recursive: true })
  const base = `${FILE}--${fileSlug(t.name)}-${ROUND}`
  for (const [i, f] of files.entries()) {
    // One browser: <file>--<test>-<round>.zip; more: …-<round>.1.zip, …-<round>.2.zip in order.
    const dest = path.join(TRACES, files.length === 1 ? `${base}.zip` : `${base}.${i + 1}.zip`)
    fs.copyFileSync(f, dest)
    fs.rmSync(f, { force: true })
    console.error(`trace of the failed test: ${path.relative(REPO, dest)}`)
  }
})

/**
 * Starts Debian's Chromium with a fresh profile, recording a trace. Returns the page, a list of
 * uncaught page errors (tests assert it stays empty) and close(), which also removes the profile
 * folder; close({ keepTrace: false }) drops the trace (the browser's part of the test passed).
 * `args` adds Chromium flags (e.g. MEDIA_ARGS), `permissions` grants the site permissions (e.g.
 * camera), `timezoneId` is the browser's zone (China's by default; the app shows China time in any);
 * `isMobile` and `hasTouch` make it a phone (PHONE_BROWSER: 390 × 844, touch).
 */
export async function openBrowser({
  locale = null,
  viewport = { width: 1440, height: 900 },
  isMobile = false,
  hasTouch = false,
  args = [],
  permissions = [],
  timezoneId = 'Asia/Shanghai',
} = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-e2e-profile-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.ANLAN_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport,
    isMobile,
    hasTouch,
    locale: 'zh-CN',
    timezoneId,
    acceptDownloads: true,
    permissions,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...args,
    ],
  })
  if (locale) {
    // Only a first choice: the language switch still works afterwards.
    await context.addInitScript((l) => {
      if (!localStorage.getItem('anlan.locale')) localStorage.setItem('anlan.locale', l)
    }, locale)
  }
  context.setDefaultTimeout(20_000)
  await context.tracing.start({ screenshots: true, snapshots: true })
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors = []
  page.on('pageerror', (e) => {
    pageErrors.push(e.message)
    console.error(`uncaught error in the page at ${page.url()}:\n${e.stack ?? e.message}`)
  })
  trackRequests(page)
  let closed = false
  const browser = {
    context,
    page,
    pageErrors,
    async close({ keepTrace = true } = {}) {
      if (closed) return
      closed = true
      openBrowsers.delete(browser)
      if (keepTrace) {
        const file = path.join(os.tmpdir(), `anlan-e2e-trace-${process.pid}-${++traceCount}.zip`)
        await context.tracing
          .stop({ path: file })
          .then(() => written.push(file))
          .catch((e) => console.error(`the trace could not be saved: ${e.message}`))
      } else {
        await context.tracing.stop().catch(() => undefined)
      }
      await context.close().catch(() => undefined)
      fs.rmSync(profile, { recursive: true, force: true })
    },
  }
  openBrowsers.add(browser)
  return browser
}

/**
 * Runs `fn` with a fresh browser, always closing it; asserts no uncaught error in the page. On a
 * failure: a screenshot (test-results/screens/FAILED-<file>[-<round>].png) and the trace is kept.
 */
export async function withBrowser(opts, fn) {
  const b = await openBrowser(opts)
  let passed = false
  try {
    await fn(b)
    assert.deepEqual(b.pageErrors, [], 'uncaught errors in the page')
    passed = true
  } catch (e) {
    const round = process.env.ANLAN_E2E_ROUND ? `-${ROUND}` : ''
    await shot(b.page, `FAILED-${FILE}${round}`).catch(() => undefined)
    throw e
  } finally {
    await b.close({ keepTrace: !passed })
  }
}

/** A phone held upright (390 × 844, touch), as openBrowser/withBrowser options. */
export const PHONE_BROWSER = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }

export const url = (p) => new URL(p, BASE).toString()

/** The path and query of the page's address. */
export function where(page) {
  const u = new URL(page.url())
  return u.pathname + u.search
}

/** Fills the sign-in form and submits it; waits until the app has left /login. */
export async function loginViaForm(page, username, password = PASSWORD) {
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((u) => !u.pathname.startsWith('/login'))
  await page.getByTestId('user-unit').waitFor()
}

/** Opens `path` (default: home) signed in as `username`, through the sign-in page. */
export async function openAs(page, username, pathname = '/') {
  await page.goto(url(pathname))
  await page.waitForURL((u) => u.pathname.startsWith('/login'))
  await loginViaForm(page, username)
  if (pathname !== '/') await page.waitForURL((u) => u.pathname === pathname.split('?')[0])
}

// Requests in flight per page. Playwright's 'networkidle' load state is reached once per document
// and does not notice the requests of a single-page app after it: count them ourselves.
const traffic = new WeakMap()

function trackRequests(page) {
  const state = { inflight: new Set(), last: Date.now() }
  traffic.set(page, state)
  page.on('request', (r) => {
    state.inflight.add(r)
    state.last = Date.now()
  })
  const done = (r) => {
    state.inflight.delete(r)
    state.last = Date.now()
  }
  page.on('requestfinished', done)
  page.on('requestfailed', done)
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) state.last = Date.now()
  })
}

/**
 * Waits until no request has been in flight for `quietMs` (requests an answer sets off follow at
 * once). The search box waits 300 ms before it asks: wait for that answer explicitly
 * (listResponse).
 */
export async function networkQuiet(page, { quietMs = 250, timeout = 15_000 } = {}) {
  const state = traffic.get(page)
  if (!state) return page.waitForLoadState('networkidle')
  await eventually(
    async () => {
      assert.equal(state.inflight.size, 0, 'requests in flight')
      assert.ok(Date.now() - state.last >= quietMs, 'recent traffic')
    },
    { timeout, interval: 50 },
  )
}

/** Waits until the network is quiet and no loading skeleton or spinner is left. */
export async function settle(page) {
  await page.waitForLoadState('load')
  await networkQuiet(page)
  await eventually(async () => {
    const busy = await page
      .locator(
        '[data-testid=state-loading]:visible, .el-loading-mask:visible, .kpi-value.loading:visible',
      )
      .count()
    assert.equal(busy, 0, 'still loading')
  })
  await page.evaluate(() => document.fonts.ready)
}

/** Saves a screenshot as test-results/screens/<name>.png. */
export async function shot(page, name, { fullPage = false } = {}) {
  fs.mkdirSync(SCREENS, { recursive: true })
  const file = path.join(SCREENS, `${name}.png`)
  await page.screenshot({ path: file, fullPage, animations: 'disabled', caret: 'hide' })
  return file
}

/** Retries `fn` until it stops throwing (an assertion that becomes true), or rethrows at the end. */
export async function eventually(fn, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout
  for (;;) {
    try {
      return await fn()
    } catch (e) {
      if (Date.now() > deadline) throw e
    }
    await new Promise((r) => setTimeout(r, interval))
  }
}

// --- pages in both languages ---------------------------------------------------------------------

/** The languages the pages are checked and pictured in: Chinese first, English second. */
export const LANGS = ['zh-CN', 'en']

/**
 * A check that a page is ready for its picture in `lang`: settled, no error state, no untranslated
 * message key (`rawKey` matches the keys of the pages a test visits), and in English no Chinese in
 * the app's frame (nor in the page title, unless `titleIsData`: e.g. an enterprise's name).
 * Returns checkPage(page, lang, { titleIsData }).
 */
export function pageChecker(rawKey) {
  return async function checkPage(page, lang, { titleIsData = false } = {}) {
    await settle(page)
    assert.equal(
      await page.getByTestId('state-error').count(),
      0,
      `${page.url()}: an error is shown`,
    )
    const body = await page.locator('body').innerText()
    assert.doesNotMatch(body, rawKey, `${page.url()}: an untranslated key`)
    if (lang === 'en') {
      const chrome = [
        titleIsData ? '' : await page.locator('h1.page-title').first().innerText(),
        await page.locator('.shell-aside').innerText(),
        await page.locator('.crumbs').innerText(),
      ].join('\n')
      assert.doesNotMatch(chrome, /[\u4e00-\u9fff]/, `${page.url()}: Chinese in the English frame`)
    }
  }
}

// --- the server's testing clock ------------------------------------------------------------------

/**
 * The server's time (ms): its clock runs ahead of this machine's once a test has moved it, so
 * dates a test gives the server, or moves its clock to, are computed from this one.
 */
export async function serverNow() {
  const res = await fetch(url('/healthz'))
  assert.equal(res.status, 200, `healthz: HTTP ${res.status}`)
  const { time } = await res.json()
  assert.ok(Number.isFinite(time), `healthz: no time (${time})`)
  return time
}

/**
 * Moves the server's clock forward (and runs its scheduler); run.sh starts the server with the
 * testing clock on. Tests that move it run last.
 */
export async function advanceClock(ms) {
  const res = await fetch(url('/api/v1/testing/clock'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ advance_ms: ms }),
  })
  const text = await res.text()
  assert.equal(res.status, 200, `testing clock: HTTP ${res.status} ${text}`)
  return JSON.parse(text)
}

// --- Element Plus widgets -----------------------------------------------------------------------

/** The input of an Element Plus widget marked with data-testid (on the input or around it). */
export const inputOf = (page, testid) =>
  page.locator(`input[data-testid="${testid}"], [data-testid="${testid}"] input`).first()

/** Picks the option with exactly `text` from the el-select with data-testid `testid`. */
export async function chooseOption(page, testid, text) {
  const select = page.locator(`.el-select[data-testid="${testid}"]`)
  // A multiple select stays open after a pick: a second click would close it.
  if ((await select.locator('input[role=combobox]').getAttribute('aria-expanded')) !== 'true') {
    await select.click()
  }
  const option = page
    .locator('.el-select-dropdown__item:visible')
    .filter({ hasText: new RegExp(`^\\s*${escapeRe(text)}\\s*$`) })
  await option.first().click()
}

/** Picks a jurisdiction by name in a JurisdictionSelect (el-tree-select) with data-testid `testid`. */
export async function chooseJurisdiction(page, testid, name) {
  const select = page.locator(`.el-select[data-testid="${testid}"]`)
  await select.click()
  await select.locator('input').fill(name)
  await page
    .locator(`.el-tree[data-testid="${testid}"] .el-tree-node__content:visible`)
    .filter({ hasText: new RegExp(`^\\s*${escapeRe(name)}\\s*$`) })
    .first()
    .click()
  // Close the dropdown if it stayed open (check-strictly tree-selects keep it).
  await page.keyboard.press('Escape')
}

export function escapeRe(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** The first page of the enterprise list whose query satisfies `match(URLSearchParams)`. */
export function listResponse(page, match = () => true) {
  return page.waitForResponse((r) => {
    const u = new URL(r.url())
    return (
      u.pathname === '/api/v1/enterprises' &&
      r.request().method() === 'GET' &&
      !u.searchParams.has('cursor') &&
      !u.searchParams.has('format') &&
      match(u.searchParams)
    )
  })
}

/**
 * The enterprise list page: clicks "load more" until everything is loaded, then returns the rows
 * as shown ({ name, creditCode, jurisdiction, risk }).
 */
export async function loadAllEnterpriseRows(page) {
  const footer = page.getByTestId('list-footer')
  await footer.waitFor()
  for (let i = 0; i < 100; i++) {
    await settle(page)
    const more = footer.getByTestId('load-more')
    if ((await more.count()) === 0) break
    const before = await enterpriseRowCount(page)
    await more.click()
    await eventually(async () => assert.ok((await enterpriseRowCount(page)) > before))
  }
  // The fixed name column is rendered twice by el-table: read the main body only.
  return page
    .locator('[data-testid=enterprise-table] .el-table__body-wrapper tbody tr')
    .evaluateAll((rows) =>
      rows.map((r) => {
        const cells = r.querySelectorAll('td')
        return {
          name: (cells[0]?.querySelector('a') ?? cells[0])?.textContent?.trim() ?? '',
          creditCode: cells[1]?.textContent?.trim() ?? '',
          jurisdiction: cells[2]?.textContent?.trim() ?? '',
          risk: cells[4]?.textContent?.trim() ?? '',
        }
      }),
    )
}

export async function enterpriseRowCount(page) {
  return page.locator('[data-testid=enterprise-table] .el-table__body-wrapper tbody tr').count()
}

// --- API (set-up and cross-checks) --------------------------------------------------------------

/** A signed-in API session from Node (no browser): for set-up and for checking what was saved. */
export async function apiLogin(username, password = PASSWORD) {
  const res = await fetch(url('/api/v1/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  assert.equal(res.status, 200, `sign-in of ${username}: HTTP ${res.status}`)
  const body = await res.json()
  return new Api(body.token, body.csrf_token)
}

export class Api {
  constructor(sessionToken, csrfToken) {
    this.session = sessionToken
    this.csrf = csrfToken
  }

  async call(method, p, body) {
    const headers = { Cookie: `anlan_session=${this.session}; anlan_csrf=${this.csrf}` }
    if (method !== 'GET') headers['X-CSRF-Token'] = this.csrf
    if (body !== undefined) headers['Content-Type'] = 'application/json'
    const res = await fetch(url(p), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: text ? JSON.parse(text) : null }
  }

  async get(p) {
    const r = await this.call('GET', p)
    assert.equal(r.status, 200, `GET ${p}: HTTP ${r.status} ${JSON.stringify(r.body)}`)
    return r.body
  }

  /** Every item of a keyset-paged list. */
  async all(p, query = {}) {
    const items = []
    let cursor = null
    for (let i = 0; i < 200; i++) {
      const q = new URLSearchParams({ ...query, limit: '500' })
      if (cursor) q.set('cursor', cursor)
      const page = await this.get(`${p}?${q}`)
      items.push(...page.items)
      if (!page.next_cursor) return items
      cursor = page.next_cursor
    }
    throw new Error(`${p}: too many pages`)
  }

  async logout() {
    return this.call('POST', '/api/v1/auth/logout', {})
  }
}

/** The browser's session cookies, as an Api (requests from Node with the page's session). */
export async function apiFromBrowser(context) {
  const cookies = await context.cookies(BASE)
  const get = (n) => cookies.find((c) => c.name === n)?.value
  assert.ok(get('anlan_session'), 'the browser has no anlan_session cookie')
  return new Api(get('anlan_session'), get('anlan_csrf'))
}

// --- credit codes (GB 32100-2015) ---------------------------------------------------------------

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

export function creditCheckChar(first17) {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += CHARSET.indexOf(first17[i]) * WEIGHTS[i]
  const c = 31 - (sum % 31)
  return CHARSET[c === 31 ? 0 : c]
}

/** A fresh valid code ("91" + division + 9 random characters + check): reruns never collide. */
export function newCreditCode(division = '430426') {
  let body = ''
  for (let i = 0; i < 9; i++) body += CHARSET[randomInt(CHARSET.length)]
  const first17 = `91${division}${body}`
  return first17 + creditCheckChar(first17)
}

/** The same code with a wrong check character. */
export function withWrongCheck(code) {
  const good = code[17]
  const bad = CHARSET[(CHARSET.indexOf(good) + 1) % CHARSET.length]
  return code.slice(0, 17) + bad
}

/** A short random tag for unique names. */
export function tag() {
  return `${Date.now().toString(36).slice(-5)}${randomInt(36 ** 3).toString(36)}`.toUpperCase()
}

// --- CSV (RFC 4180) -----------------------------------------------------------------------------

/** Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into rows of strings. */
export function parseCsv(text) {
  const rows = []
  let row = []
  let field = ''
  let inQuotes = false
  let i = 0
  while (i < text.length) {
    const c = text[i]
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        inQuotes = false
        i++
        continue
      }
      field += c
      i++
      continue
    }
    if (c === '"' && field === '') {
      inQuotes = true
    } else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else {
      field += c
    }
    i++
  }
  if (inQuotes) throw new Error('CSV: unclosed quote')
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows
}

/** A CSV field, quoted when needed. */
export function csvField(v) {
  const s = String(v ?? '')
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

/** CSV records (arrays of values) as RFC 4180 text with CRLF line ends. */
export function toCsv(records) {
  return records.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** Parses a downloaded export: checks the UTF-8 BOM, returns { header, records as objects }. */
export function readExport(buffer) {
  assert.deepEqual(
    [...buffer.subarray(0, 3)],
    [0xef, 0xbb, 0xbf],
    'the CSV starts with a UTF-8 BOM',
  )
  const text = new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(3))
  const rows = parseCsv(text).filter((r) => !(r.length === 1 && r[0] === ''))
  const [header, ...data] = rows
  for (const [i, r] of data.entries()) {
    assert.equal(r.length, header.length, `CSV record ${i + 2} has ${r.length} fields`)
  }
  return {
    header,
    records: data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))),
  }
}

/** Picks the option with `text` from the Element Plus select with data-testid `testid`. */
export async function pickFrom(page, testid, text) {
  await page.locator(`.el-select[data-testid="${testid}"]`).click()
  await page.locator('.el-select-dropdown__item:visible').filter({ hasText: text }).first().click()
}

/** Opens a step's dialog from the hazard page's buttons (only those the server allows). */
export async function openStep(page, step) {
  await page.getByTestId(`step-${step}`).click()
  await page.getByTestId('step-submit').waitFor()
}

/** Submits the open step dialog and waits until the hazard page shows `expectedState`. */
export async function submitStep(page, expectedState) {
  await page.getByTestId('step-submit').click()
  await page.getByTestId('step-submit').waitFor({ state: 'hidden' })
  await eventually(async () =>
    assert.equal(
      await page.locator('.page-title [data-testid=hazard-state]').getAttribute('data-state'),
      expectedState,
    ),
  )
}

/** yyyy-MM-dd of an instant in China time (UTC+8 all year), as the date pickers show it. */
export const chinaDay = (ms) => new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 10)

/** Types a China-time day into the date picker with data-testid `testid`. */
export async function fillDate(page, testid, ms) {
  const input = inputOf(page, testid)
  await input.click()
  await input.fill(chinaDay(ms))
  await input.press('Enter')
  // Not Escape: it would close the dialog around the picker.
  await input.press('Tab')
}
