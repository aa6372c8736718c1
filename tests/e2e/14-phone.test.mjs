// Scenario 14: the phone (390×844, touch) for the people in the field. The enterprise's safety
// officer and the county's duty officer each go through the pages they use: nothing scrolls
// sideways, each page's main button is on the screen and not covered, lists are cards, a hazard's
// fields are one to a row, filters fold behind one 筛选 button with their count, every step
// dialog is full-screen with its submit button on the screen, and submitting it empty names every
// missing field at once, at the field, before anything is sent. Date fields say why a day is
// refused; evidence can be taken with the camera; a list shows a skeleton while it loads; the
// header says 离线 while the browser is offline. Each page is pictured at 390×844 and at 1440×900
// (test-results/screens/phone-*.png and phone-*-desktop.png).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import zlib from 'node:zlib'
import {
  PHONE_BROWSER,
  TEST_TIMEOUT,
  apiLogin,
  eventually,
  fillDate,
  openAs,
  openStep,
  serverNow,
  settle,
  shot,
  submitStep,
  tag,
  url,
  withBrowser,
} from './lib.mjs'

const DAY = 24 * 3600 * 1000
const COUNTY = 'duty-430426'
const ENTERPRISE = 'ent-430426'
const DEPARTMENT = 'dept-yjj'
const W = PHONE_BROWSER.viewport.width
const H = PHONE_BROWSER.viewport.height

// --- checks -------------------------------------------------------------------------------------

/** Neither the page nor the frame's scrolling content is wider than the phone. */
async function fits(page, what) {
  const widths = await page.evaluate(() => {
    const content = document.querySelector('.content')
    return {
      page: document.documentElement.scrollWidth,
      content: content ? content.scrollWidth - content.clientWidth : 0,
    }
  })
  assert.ok(widths.page <= W, `${what}: the page is ${widths.page} px wide`)
  assert.ok(widths.content <= 0, `${what}: the content scrolls sideways by ${widths.content} px`)
}

/**
 * `locator` can be tapped: after scrolling it into view it lies inside the screen (not clipped)
 * and the point at its middle hits it (not covered).
 */
async function reachable(locator, what) {
  await locator.scrollIntoViewIfNeeded()
  const box = await locator.boundingBox()
  assert.ok(box, `${what}: not shown`)
  assert.ok(
    box.x >= 0 && box.x + box.width <= W + 0.5 && box.y >= 0 && box.y + box.height <= H + 0.5,
    `${what}: outside the screen ${JSON.stringify(box)}`,
  )
  assert.ok(box.height >= 32, `${what}: ${box.height} px high, too small to tap`)
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const at = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    return !!at && (el === at || el.contains(at))
  })
  assert.ok(hit, `${what}: covered by something else`)
}

/** The page at 390×844 (phone-<name>.png) and at 1440×900 (phone-<name>-desktop.png). */
async function pictures(page, name) {
  await settle(page)
  await shot(page, `phone-${name}`)
  await page.setViewportSize({ width: 1440, height: 900 })
  await settle(page)
  await shot(page, `phone-${name}-desktop`)
  await page.setViewportSize(PHONE_BROWSER.viewport)
  await settle(page)
}

/** The visible field errors of the open dialog (or page), by test id → text. */
async function fieldErrors(scope) {
  return scope.locator('[data-testid^=field-error-]:visible').evaluateAll((els) =>
    Object.fromEntries(els.map((e) => [e.dataset.testid.replace('field-error-', ''), e.textContent.trim()])),
  )
}

/** No field list has a cell narrower than a few characters. */
async function noNarrowCells(page, testid) {
  const widths = await page
    .locator(`[data-testid=${testid}] .el-descriptions__cell`)
    .evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().width)))
  assert.ok(widths.length > 0, `${testid}: no cells`)
  assert.ok(Math.min(...widths) >= 80, `${testid}: a cell of ${Math.min(...widths)} px`)
}

/** The open step dialog covers the screen and its submit button is on it without scrolling. */
async function dialogOnScreen(page, what) {
  const dialog = page.locator('[data-testid=step-dialog]')
  const box = await dialog.boundingBox()
  assert.ok(box && box.width >= W - 1 && box.height >= H - 1, `${what}: not full-screen ${JSON.stringify(box)}`)
  const submit = page.getByTestId('step-submit')
  const b = await submit.boundingBox()
  assert.ok(b && b.y + b.height <= H && b.x >= 0 && b.x + b.width <= W, `${what}: submit off-screen`)
  await reachable(submit, `${what}: submit`)
}

/** Counts the requests to the hazard's transitions (nothing may be sent for an empty form). */
function countTransitions(page) {
  const sent = { n: 0 }
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/api\/v1\/hazards\/\d+\/transitions$/.test(new URL(r.url()).pathname)) sent.n++
  })
  return sent
}

/** Submits the open step dialog empty: every message at once, the first one on the screen. */
async function emptySubmitNames(page, sent, expected, what) {
  const before = sent.n
  await page.getByTestId('step-submit').click()
  await eventually(async () => assert.deepEqual(Object.keys(await fieldErrors(page.locator('[data-testid=step-dialog]'))).sort(), [...expected].sort()))
  const errors = await fieldErrors(page.locator('[data-testid=step-dialog]'))
  for (const [field, text] of Object.entries(errors)) {
    assert.match(text, /[\u4e00-\u9fff]/, `${what}: ${field}'s message is not in Chinese: ${text}`)
  }
  // Asterisks on the required fields.
  assert.ok(
    (await page.locator('[data-testid=step-dialog] .el-form-item.is-required').count()) >= expected.length - 1,
    `${what}: required fields are not marked`,
  )
  // Scrolled to the first: it is inside the dialog's visible part.
  const first = page.locator('[data-testid=step-dialog] .el-form-item.is-error').first()
  await eventually(async () => {
    const box = await first.boundingBox()
    assert.ok(box && box.y >= 0 && box.y < H - 60, `${what}: the first error is off-screen`)
  })
  assert.equal(sent.n, before, `${what}: something was sent`)
}

/** A real PNG (w×h, one colour): a "photo" from the camera. */
function png(w = 32, h = 24, rgb = [31, 111, 209]) {
  const table = new Uint32Array(256).map((_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8
  ihdr[9] = 2
  const rows = []
  for (let y = 0; y < h; y++) rows.push(Buffer.from([0, ...Array(w).fill(rgb).flat()]))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

/** The county registers a general hazard at the demo enterprise and assesses it (API). */
async function newHazard(county, enterpriseId, what) {
  const r = await county.call('POST', '/api/v1/hazards', {
    enterprise_id: enterpriseId,
    sector: (await county.get(`/api/v1/enterprises/${enterpriseId}`)).sectors[0],
    description: `E2E 手机：${what} ${tag()}`,
    risk_color: 'yellow',
  })
  assert.ok([200, 201].includes(r.status), JSON.stringify(r.body))
  const h = r.body
  const a = await county.call('POST', `/api/v1/hazards/${h.id}/transitions`, {
    to: 'assessed',
    grade: 'general',
    version: h.version,
  })
  assert.equal(a.status, 200, JSON.stringify(a.body))
  return a.body
}

// --- the enterprise officer ---------------------------------------------------------------------

test('phone: the enterprise officer signs in, reads the lists, and rectifies a hazard step by step', {
  timeout: 3 * TEST_TIMEOUT,
}, async () => {
  const county = await apiLogin(COUNTY)
  const ent = await apiLogin(ENTERPRISE)
  const me = await ent.get('/api/v1/me')
  assert.ok(me.enterprise_id, `${ENTERPRISE} works for an enterprise`)
  const assessed = await newHazard(county, me.enterprise_id, '配电箱未上锁')
  const slipDeadline = (await serverNow()) + 10 * DAY
  const assigned = await county.call('POST', `/api/v1/hazards/${assessed.id}/transitions`, {
    to: 'assigned',
    version: assessed.version,
    assignment: {
      slip_no: `JB-430426-${tag()}`,
      responsible_unit: '祁东县示范企业',
      assigning_unit: '祁东县安全生产委员会办公室',
      supervising_unit: '祁东县应急管理局',
      deadline: slipDeadline,
    },
  })
  assert.equal(assigned.status, 200, JSON.stringify(assigned.body))
  const id = assessed.id
  const slipDay = (await county.get(`/api/v1/hazards/${id}`)).assignment.deadline

  await withBrowser(PHONE_BROWSER, async ({ page, context }) => {
    const sent = countTransitions(page)

    // Sign-in: the card fits; an empty form names both fields at once.
    await page.goto(url('/'))
    await page.waitForURL((u) => u.pathname.startsWith('/login'))
    await settle(page)
    await fits(page, 'login')
    await reachable(page.getByTestId('login-submit'), 'login: 登录')
    await page.getByTestId('login-submit').click()
    await eventually(async () =>
      assert.equal(await page.locator('[data-testid=login-form] .el-form-item__error:visible').count(), 2),
    )
    await pictures(page, 'login')
    await page.getByTestId('login-username').fill(ENTERPRISE)
    await page.getByTestId('login-password').fill(process.env.ANLAN_DEMO_PASSWORD ?? 'Demo-pass-2026')
    await page.getByTestId('login-submit').click()
    await page.waitForURL((u) => !u.pathname.startsWith('/login'))

    // Home: the enterprise's own page, its register button on the screen.
    await page.getByTestId('enterprise-home').waitFor()
    await settle(page)
    await fits(page, 'home')
    await reachable(page.getByTestId('home-hazard-create'), 'home: 登记隐患')
    await pictures(page, 'enterprise-home')

    // The header says 离线 while the browser is offline, and comes back.
    const badge = page.getByTestId('live-status')
    await eventually(async () => assert.equal(await badge.getAttribute('data-state'), 'open'))
    await context.setOffline(true)
    await eventually(async () => assert.equal(await badge.getAttribute('data-state'), 'offline'))
    assert.equal((await badge.innerText()).trim(), '离线')
    await context.setOffline(false)
    await eventually(async () => assert.equal(await badge.getAttribute('data-state'), 'open'), {
      timeout: 15_000,
    })

    // The inbox.
    await page.goto(url('/inbox'))
    await page.getByTestId('inbox-list').waitFor()
    await settle(page)
    await fits(page, 'inbox')
    await pictures(page, 'enterprise-inbox')

    // The hazard list: a skeleton while it loads, then cards; filters behind 筛选 with their count.
    let release
    const held = new Promise((r) => (release = r))
    await page.route(
      (u) => u.pathname === '/api/v1/hazards',
      async (route) => {
        await held
        await route.continue()
      },
      { times: 1 },
    )
    await page.goto(url('/hazards?grade=general&overdue=false'))
    await page.locator('[data-testid=state-loading] .el-skeleton').waitFor()
    release()
    await page.getByTestId('hazard-cards').waitFor()
    await settle(page)
    assert.equal(await page.getByTestId('hazard-table').count(), 0, 'no table on a phone')
    await fits(page, 'hazard list')
    const toggle = page.getByTestId('filter-toggle')
    await reachable(toggle, 'hazard list: 筛选')
    assert.equal((await toggle.getByTestId('filter-count').innerText()).trim(), '2')
    assert.equal(await page.getByTestId('filter-grade').isVisible(), false, 'filters folded')
    const firstCard = page.getByTestId('hazard-card').first()
    const cardBox = await firstCard.boundingBox()
    assert.ok(cardBox && cardBox.y + 60 < H, 'the first card is on the first screen')
    await reachable(page.getByTestId('hazard-create'), 'hazard list: 登记隐患')
    await pictures(page, 'hazard-list')
    await toggle.click()
    await page.getByTestId('filter-grade').waitFor()
    await fits(page, 'hazard list, filters open')
    const gradeBox = await page.getByTestId('filter-grade').boundingBox()
    assert.ok(gradeBox.width >= W - 60, `a filter is as wide as the screen (${gradeBox.width})`)
    await shot(page, 'phone-hazard-list-filters')
    await page.getByTestId('filter-reset').click()
    await eventually(async () => assert.equal(await toggle.getByTestId('filter-count').count(), 0))
    await page.getByTestId('filter-hide').click()
    await eventually(async () => assert.equal(await page.getByTestId('filter-grade').isVisible(), false))

    // The register form: required fields marked; submitting it empty names the missing at once.
    await page.goto(url('/hazards/new'))
    await page.getByTestId('hazard-form').waitFor()
    await settle(page)
    await fits(page, 'hazard form')
    await page.getByTestId('hz-description').fill('')
    const save = page.getByTestId('hazard-save')
    await reachable(save, 'hazard form: 登记')
    assert.ok(await page.locator('[data-testid=hazard-form] .el-form-item.is-required').count() >= 2)
    await save.click()
    await page.getByTestId('field-error-description').waitFor()
    assert.match(await page.getByTestId('field-error-description').innerText(), /隐患描述/)
    await pictures(page, 'hazard-form')

    // The hazard: fields one to a row, readable; the timeline.
    await page.goto(url(`/hazards/${id}`))
    await page.getByTestId('hazard-fields').waitFor()
    await settle(page)
    await fits(page, 'hazard detail')
    await noNarrowCells(page, 'hazard-fields')
    await noNarrowCells(page, 'hazard-assignment')
    await page.getByTestId('hazard-timeline').waitFor()
    const tl = await page.getByTestId('hazard-timeline').boundingBox()
    assert.ok(tl.width >= 250, `the timeline is ${tl.width} px wide`)
    await reachable(page.getByTestId('step-start_rectification'), 'hazard: 开始整改')
    await pictures(page, 'hazard-detail')

    // Step 1: the plan (五落实). Full-screen; empty, it names all five at once; refused days say why.
    await openStep(page, 'start_rectification')
    await dialogOnScreen(page, 'plan')
    await emptySubmitNames(
      page,
      sent,
      // The deadline starts as the slip's.
      ['plan.responsible_person', 'plan.funds_yuan', 'plan.measures', 'plan.contingency_plan'],
      'plan',
    )
    await shot(page, 'phone-step-plan-errors')
    await fillDate(page, 'step-plan-deadline', slipDay + 3 * DAY)
    const refused = page.locator('[data-testid=step-plan-deadline] [data-testid=date-refused]')
    await refused.waitFor()
    assert.match(await refused.innerText(), /不得晚于交办单的整改期限/)
    await fillDate(page, 'step-plan-deadline', (await serverNow()) - 2 * DAY)
    await eventually(async () => assert.match(await refused.innerText(), /期限不能早于今天/))
    await page.getByTestId('step-plan-responsible').fill('王安全')
    await page.getByTestId('step-plan-funds').fill('1200')
    await page.getByTestId('step-plan-measures').fill('更换配电箱锁具，每日巡查')
    await page.getByTestId('step-plan-contingency').fill('发现异常立即断电并上报')
    await fillDate(page, 'step-plan-deadline', (await serverNow()) + 5 * DAY)
    await eventually(async () => assert.equal(await refused.count(), 0))
    await submitStep(page, 'rectifying')

    // Step 2: request acceptance, with a photo taken by the camera.
    await openStep(page, 'request_acceptance')
    await dialogOnScreen(page, 'request acceptance')
    await emptySubmitNames(page, sent, ['note', 'attachments'], 'request acceptance')
    const camera = page.getByTestId('evidence-camera')
    assert.equal(await camera.getAttribute('capture'), 'environment')
    assert.equal(await camera.getAttribute('accept'), 'image/*')
    await reachable(page.getByTestId('evidence-take'), 'evidence: 拍照')
    await reachable(page.getByTestId('evidence-pick'), 'evidence: 选择文件')
    await camera.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png() })
    await eventually(async () =>
      assert.equal(await page.locator('[data-testid=evidence-files] li').count(), 1),
    )
    await page.getByTestId('step-note').fill('锁具已更换，附现场照片')
    await shot(page, 'phone-step-request-acceptance')
    await submitStep(page, 'acceptance_requested')
    await fits(page, 'hazard after the steps')

    // Notices, and the own enterprise.
    await page.goto(url('/notices'))
    await settle(page)
    await fits(page, 'notices')
    await pictures(page, 'notices')
    const notice = page.getByTestId('notice-link').first()
    if ((await notice.count()) > 0) {
      await notice.click()
      await page.waitForURL((u) => /^\/notices\/\d+$/.test(u.pathname))
      await page.getByTestId('notice-number').waitFor()
      await settle(page)
      await fits(page, 'notice')
      await pictures(page, 'notice')
    }
    await page.goto(url(`/enterprises/${me.enterprise_id}`))
    await page.getByTestId('enterprise-detail').waitFor()
    await settle(page)
    await fits(page, 'enterprise')
    await noNarrowCells(page, 'enterprise-detail')
    await pictures(page, 'enterprise-detail')
  })

  // What the phone did reached the server.
  const h = await county.get(`/api/v1/hazards/${id}`)
  assert.equal(h.state, 'acceptance_requested')
  assert.equal(h.plan.responsible_person, '王安全')
  assert.equal(h.attachments.length, 1)
})

// --- the county's duty officer and the department's officer -------------------------------------

test('phone: the county duty officer assesses, assigns, accepts and closes off; the department registers an enterprise', {
  timeout: 3 * TEST_TIMEOUT,
}, async () => {
  const county = await apiLogin(COUNTY)
  const ent = await apiLogin(ENTERPRISE)
  const me = await ent.get('/api/v1/me')
  const r = await county.call('POST', '/api/v1/hazards', {
    enterprise_id: me.enterprise_id,
    sector: (await county.get(`/api/v1/enterprises/${me.enterprise_id}`)).sectors[0],
    description: `E2E 手机：灭火器过期 ${tag()}`,
    risk_color: 'blue',
  })
  assert.ok([200, 201].includes(r.status), JSON.stringify(r.body))
  const fresh = r.body

  await withBrowser(PHONE_BROWSER, async ({ page }) => {
    const sent = countTransitions(page)
    await openAs(page, COUNTY, `/hazards/${fresh.id}`)
    await page.getByTestId('hazard-fields').waitFor()
    await settle(page)
    await fits(page, 'county: hazard')
    await noNarrowCells(page, 'hazard-fields')

    // Assess: as a major hazard the confirmation's fields are needed, all named at once.
    await openStep(page, 'assess')
    await dialogOnScreen(page, 'assess')
    await page.getByTestId('step-grade').getByText('重大', { exact: true }).click()
    await emptySubmitNames(page, sent, ['confirmation.department', 'confirmation.meeting'], 'assess (major)')
    // A confirmation date in the future is refused, with the reason.
    await fillDate(page, 'step-confirmation-date', (await serverNow()) + 3 * DAY)
    const refusedDate = page.locator('[data-testid=step-confirmation-date] [data-testid=date-refused]')
    await refusedDate.waitFor()
    assert.match(await refusedDate.innerText(), /不能晚于今天/)
    await shot(page, 'phone-step-assess-errors')
    await page.getByTestId('step-grade').getByText('一般', { exact: true }).click()
    await submitStep(page, 'assessed')

    // Assign: five fields, all named at once; the slip's deadline cannot be in the past.
    await openStep(page, 'assign')
    await dialogOnScreen(page, 'assign')
    await emptySubmitNames(
      page,
      sent,
      [
        'assignment.slip_no',
        'assignment.deadline',
        'assignment.responsible_unit',
        'assignment.assigning_unit',
        'assignment.supervising_unit',
      ],
      'assign',
    )
    await shot(page, 'phone-step-assign-errors')
    await fillDate(page, 'step-slip-deadline', (await serverNow()) - 3 * DAY)
    const refused = page.locator('[data-testid=step-slip-deadline] [data-testid=date-refused]')
    await refused.waitFor()
    assert.match(await refused.innerText(), /期限不能早于今天/)
    await page.getByTestId('step-slip-no').fill(`JB-430426-${tag()}`)
    await fillDate(page, 'step-slip-deadline', (await serverNow()) + 10 * DAY)
    await page.getByTestId('step-responsible-unit').fill('祁东县示范企业')
    await page.getByTestId('step-assigning-unit').fill('祁东县安全生产委员会办公室')
    await page.getByTestId('step-supervising-unit').fill('祁东县应急管理局')
    await submitStep(page, 'assigned')
  })

  // The enterprise rectifies and asks for acceptance (API: the phone did this in the test above).
  let h = await county.get(`/api/v1/hazards/${fresh.id}`)
  const plan = await ent.call('POST', `/api/v1/hazards/${fresh.id}/transitions`, {
    to: 'rectifying',
    version: h.version,
    plan: {
      responsible_person: '李整改',
      measures: '更换过期灭火器',
      funds_fen: 30000,
      deadline: h.assignment.deadline,
      contingency_plan: '临时增配灭火器',
    },
  })
  assert.equal(plan.status, 200, JSON.stringify(plan.body))

  await withBrowser(PHONE_BROWSER, async ({ page }) => {
    const sent = countTransitions(page)
    await openAs(page, COUNTY, '/hazards')
    await page.getByTestId('hazard-cards').waitFor()
    await settle(page)
    await fits(page, 'county: hazard list')
    await reachable(page.getByTestId('filter-toggle'), 'county: 筛选')
    await pictures(page, 'county-hazard-list')

    // The hazard while the enterprise rectifies.
    await page.goto(url(`/hazards/${fresh.id}`))
    await page.getByTestId('hazard-fields').waitFor()
    await settle(page)
    await pictures(page, 'county-hazard-detail')

    // The enterprise asks for acceptance meanwhile (API), the page reloads to it.
    h = await county.get(`/api/v1/hazards/${fresh.id}`)
    const up = await fetch(url(`/api/v1/hazards/${fresh.id}/attachments?name=photo.png`), {
      method: 'POST',
      headers: {
        Cookie: `anlan_session=${ent.session}; anlan_csrf=${ent.csrf}`,
        'X-CSRF-Token': ent.csrf,
        'Content-Type': 'application/octet-stream',
      },
      body: png(),
    })
    assert.ok([200, 201].includes(up.status), `upload: HTTP ${up.status}`)
    const att = await up.json()
    const req = await ent.call('POST', `/api/v1/hazards/${fresh.id}/transitions`, {
      to: 'acceptance_requested',
      version: h.version,
      note: '已更换',
      attachments: [att.id],
    })
    assert.equal(req.status, 200, JSON.stringify(req.body))
    await page.getByTestId('hazard-reload').click()
    await page.getByTestId('step-accept').waitFor()

    // Accept: empty names the opinion; then accepted.
    await openStep(page, 'accept')
    await dialogOnScreen(page, 'accept')
    await emptySubmitNames(page, sent, ['note'], 'accept')
    await page.getByTestId('step-note').fill('现场复核合格')
    await submitStep(page, 'accepted')

    // Close off: nothing required; the button on the screen.
    await openStep(page, 'close_off')
    await dialogOnScreen(page, 'close off')
    await shot(page, 'phone-step-close-off')
    await submitStep(page, 'closed_off')
    await fits(page, 'county: closed off')

    // The enterprise list as cards, and one enterprise.
    await page.goto(url('/enterprises'))
    await page.getByTestId('enterprise-cards').waitFor()
    await settle(page)
    await fits(page, 'county: enterprises')
    await reachable(page.getByTestId('filter-toggle'), 'enterprises: 筛选')
    await pictures(page, 'enterprise-list')
    await page.getByTestId('enterprise-card').first().click()
    await page.waitForURL((u) => /^\/enterprises\/\d+$/.test(u.pathname))
    await page.getByTestId('enterprise-detail').waitFor()
    await settle(page)
    await fits(page, 'county: enterprise')
    await noNarrowCells(page, 'enterprise-detail')
  })

  // The department registers an enterprise: the form fits, and an empty save names the fields.
  await withBrowser(PHONE_BROWSER, async ({ page }) => {
    await openAs(page, DEPARTMENT, '/enterprises/new')
    await page.getByTestId('enterprise-form').waitFor()
    await settle(page)
    await fits(page, 'enterprise form')
    const save = page.getByTestId('ent-save')
    await reachable(save, 'enterprise form: 保存')
    assert.ok(await page.locator('[data-testid=enterprise-form] .el-form-item.is-required').count() >= 3)
    await save.click()
    await page.getByTestId('ent-name-error').waitFor()
    await page.getByTestId('ent-credit-code-error').waitFor()
    await fits(page, 'enterprise form with errors')
    await pictures(page, 'enterprise-form')
  })
})
