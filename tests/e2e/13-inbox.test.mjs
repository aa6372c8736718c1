// Scenario 13: the to-do inbox (待办), live. The county's duty officer (desktop) registers a
// general hazard at the demo enterprise of 祁东县, assesses it and assigns it with a slip; the
// enterprise's safety officer, on a phone (390×844) on their enterprise's home page, sees the new
// to-do arrive without a reload (the bell's count, the home page's to-do list); the inbox lists it
// with its kind, unit by name and deadline in China time, the filters leave it out or keep it as they
// should, the page does not scroll sideways, and the card opens the hazard. The county's own inbox
// has the assessment and then the assignment waiting on it while they are its move. Second: an
// intake report with casualties passed up by the county sounds the alarm at the city (after 知道了
// quieted what was there at sign-in, also through a reload); 立即处理 opens it, 签收 ends it.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  TEST_TIMEOUT,
  apiLogin,
  eventually,
  openAs,
  serverNow,
  settle,
  tag,
  url,
  withBrowser,
  chinaDay,
  fillDate,
  openStep,
  pickFrom,
  submitStep,
} from './lib.mjs'

const DAY = 24 * 3600 * 1000
const COUNTY = 'duty-430426'
const ENTERPRISE = 'ent-430426'
const PHONE = { width: 390, height: 844 }

/** The bell's count once the summary has arrived. */
async function bellCount(page) {
  const bell = page.getByTestId('inbox-bell')
  await bell.waitFor()
  let n = NaN
  await eventually(async () => {
    const v = await bell.getAttribute('data-count')
    assert.ok(v !== null && v !== '', 'the bell has no count yet')
    n = Number(v)
  })
  return n
}

/** Neither the page nor the frame's scrolling content is wider than the screen. */
async function noSidewaysScroll(page) {
  const widths = await page.evaluate(() => {
    const content = document.querySelector('.content')
    return {
      page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
      content: content ? [content.scrollWidth, content.clientWidth] : [0, 0],
    }
  })
  for (const [what, [scroll, client]] of Object.entries(widths)) {
    assert.ok(scroll <= client, `${what} scrolls sideways: ${scroll} > ${client}`)
  }
}

/** The item of `hazardId` with `kind` in a person's inbox (from the API), or undefined. */
async function itemOf(api, hazardId, kind) {
  const page = await api.get('/api/v1/inbox?source=hazard&limit=200')
  return page.items.find((i) => i.ref === hazardId && i.kind === kind)
}

test('inbox: a hazard assigned by the county reaches the enterprise officer live, on a phone', {
  timeout: 3 * TEST_TIMEOUT,
}, async () => {
  const entApi = await apiLogin(ENTERPRISE)
  const countyApi = await apiLogin(COUNTY)
  const me = await entApi.get('/api/v1/me')
  assert.ok(me.enterprise_id, `${ENTERPRISE} is bound to an enterprise`)
  const enterprise = await entApi.get(`/api/v1/enterprises/${me.enterprise_id}`)
  const description = `E2E 待办：消防通道堆放杂物 ${tag()}`
  let id = 0
  let code = ''
  let slipDeadline = 0

  await withBrowser({ viewport: PHONE }, async (ent) => {
    // The enterprise officer's home: their enterprise, its to-dos and open hazards.
    await openAs(ent.page, ENTERPRISE, '/')
    await ent.page.getByTestId('enterprise-home').waitFor()
    await eventually(async () =>
      assert.equal(
        (await ent.page.getByTestId('enterprise-home-title').innerText()).trim(),
        enterprise.name,
      ),
    )
    await settle(ent.page)
    assert.equal(await ent.page.getByTestId('home-map').count(), 0, 'no command-centre map')
    await ent.page.getByTestId('home-hazard-create').waitFor()
    await noSidewaysScroll(ent.page)
    const before = await bellCount(ent.page)
    assert.equal(before, (await entApi.get('/api/v1/inbox/summary')).counts.total)
    // Anything that reloads the page would lose this.
    await ent.page.evaluate(() => (window.__inboxNoReload = true))

    await withBrowser({}, async ({ page }) => {
      // 1. The county registers a general hazard at the enterprise.
      await openAs(page, COUNTY, '/hazards/new')
      const picker = page.locator('.el-select[data-testid=hz-enterprise]')
      await picker.click()
      await picker.locator('input').fill(enterprise.name)
      await page
        .locator('.el-select-dropdown__item:visible')
        .filter({ hasText: enterprise.name })
        .first()
        .click()
      await pickFrom(page, 'hz-risk', '一般风险')
      await page.getByTestId('hz-description').fill(description)
      await page.getByTestId('hz-found-by').fill('祁东县应急管理局检查组')
      await page.getByTestId('hazard-save').click()
      await page.waitForURL((u) => /^\/hazards\/\d+$/.test(u.pathname))
      id = Number(new URL(page.url()).pathname.split('/').pop())
      code = (await page.getByTestId('hazard-code').innerText()).trim()
      await settle(page)

      // Its assessment now waits on the county, and the county's bell counts it.
      await eventually(async () => assert.ok(await itemOf(countyApi, id, 'hazard.assess')))
      await eventually(async () =>
        assert.equal(
          await bellCount(page),
          (await countyApi.get('/api/v1/inbox/summary')).counts.total,
        ),
      )

      // 2. Assessed (general: no confirmation needed).
      await openStep(page, 'assess')
      await submitStep(page, 'assessed')
      await eventually(async () => assert.ok(await itemOf(countyApi, id, 'hazard.assign')))
      assert.equal(await itemOf(countyApi, id, 'hazard.assess'), undefined, 'assessment done')

      // 3. Assigned to the enterprise with a slip, deadline in ten days.
      await openStep(page, 'assign')
      await page.getByTestId('step-slip-no').fill(`JB-430426-${tag()}`)
      await fillDate(page, 'step-slip-deadline', (await serverNow()) + 10 * DAY)
      await page.getByTestId('step-responsible-unit').fill(enterprise.name)
      await page.getByTestId('step-assigning-unit').fill('祁东县安全生产委员会办公室')
      await page.getByTestId('step-supervising-unit').fill('祁东县应急管理局')
      await submitStep(page, 'assigned')
      slipDeadline = (await countyApi.get(`/api/v1/hazards/${id}`)).assignment.deadline
    })

    // 4. The enterprise officer's phone: the bell and the home page's to-dos, without a reload.
    await eventually(async () => assert.equal(await bellCount(ent.page), before + 1), {
      timeout: 15_000,
    })
    const homeCard = ent.page.locator(
      `[data-testid=home-todos] [data-testid=inbox-card][data-kind="hazard.start_rectification"]`,
      { hasText: code },
    )
    await homeCard.waitFor()
    assert.equal(await ent.page.evaluate(() => window.__inboxNoReload), true, 'no reload')
    const item = await itemOf(entApi, id, 'hazard.start_rectification')
    assert.ok(item, 'the server lists the to-do')
    assert.equal(item.link, `/hazards/${id}`)
    assert.equal(item.party, 'enterprise')

    // 5. The inbox (from the bell): the card, the filters, no sideways scrolling.
    await ent.page.getByTestId('inbox-bell').click()
    await ent.page.waitForURL((u) => u.pathname === '/inbox')
    await settle(ent.page)
    const card = ent.page.locator(`[data-testid=inbox-list] [data-testid=inbox-card][data-id="${item.id}"]`)
    await card.waitFor()
    assert.equal((await card.getByTestId('inbox-card-kind').innerText()).trim(), '待整改')
    assert.ok((await card.getByTestId('inbox-card-title').innerText()).includes(code))
    assert.equal((await card.getByTestId('inbox-card-unit').innerText()).trim(), '祁东县')
    assert.ok(
      (await card.getByTestId('inbox-card-due').innerText()).includes(chinaDay(slipDeadline)),
      'the deadline as a China day',
    )
    const allCount = Number(
      await ent.page.getByTestId('inbox-tab-all').getByTestId('inbox-tab-count').innerText(),
    )
    assert.equal(allCount, before + 1)
    await noSidewaysScroll(ent.page)
    const box = await card.boundingBox()
    assert.ok(box && box.x >= 0 && box.x + box.width <= PHONE.width, `the card: ${JSON.stringify(box)}`)

    // Due in ten days: not among those due within three days; a hazard, not a duty matter.
    await ent.page.getByTestId('inbox-tab-due_soon').click()
    await ent.page.waitForURL((u) => u.searchParams.get('filter') === 'due_soon')
    await settle(ent.page)
    assert.equal(await card.count(), 0)
    await ent.page.getByTestId('inbox-tab-all').click()
    await ent.page.waitForURL((u) => !u.searchParams.has('filter'))
    await ent.page.getByTestId('inbox-source').getByText('值班值守').click()
    await ent.page.waitForURL((u) => u.searchParams.get('source') === 'duty')
    await settle(ent.page)
    assert.equal(await card.count(), 0)
    await ent.page.getByTestId('inbox-source').getByText('隐患排查治理').click()
    await ent.page.waitForURL((u) => u.searchParams.get('source') === 'hazard')
    await card.waitFor()
    await noSidewaysScroll(ent.page)

    // In English too.
    await ent.page.getByTestId('lang-switch').click()
    await eventually(async () =>
      assert.equal((await card.getByTestId('inbox-card-kind').innerText()).trim(), 'To rectify'),
    )
    assert.equal((await ent.page.locator('h1.page-title').innerText()).trim(), 'To-do')
    await noSidewaysScroll(ent.page)
    await ent.page.getByTestId('lang-switch').click()

    // 6. The card opens the hazard, where the enterprise can start rectifying.
    await card.click()
    await ent.page.waitForURL((u) => u.pathname === `/hazards/${id}`)
    await ent.page.getByTestId('hazard-code').waitFor()
    assert.equal((await ent.page.getByTestId('hazard-code').innerText()).trim(), code)
    await ent.page.getByTestId('step-start_rectification').waitFor()
  })

  // The county's turn is over: nothing of this hazard waits on it any more.
  assert.equal(await itemOf(countyApi, id, 'hazard.assign'), undefined)
})

test('inbox: a report with casualties passed up sounds the city’s alarm; 知道了 holds; 签收 ends it', {
  timeout: 2 * TEST_TIMEOUT,
}, async (t) => {
  const countyApi = await apiLogin(COUNTY)
  const cityApi = await apiLogin('commander')
  const place = `洪桥街道某仓库 ${tag()}`

  // Sound allowed without a click, so the chime plays (nothing says it was held back).
  await withBrowser({ args: ['--autoplay-policy=no-user-gesture-required'] }, async ({ page }) => {
    await openAs(page, 'commander', '/')
    const alarm = page.getByTestId('urgent-alarm')
    // Urgent items open at sign-in (overdue major hazards of the demo data, say): the alarm names
    // them; 全部知道了 / 知道了 quiets it in this tab, also after a reload.
    const urgentAtStart = (await cityApi.get('/api/v1/inbox/summary')).counts.urgent
    t.diagnostic(`urgent to-dos of the city at sign-in: ${urgentAtStart}`)
    if (urgentAtStart > 0) {
      await alarm.waitFor()
      for (let i = 0; i < 50 && (await alarm.count()) > 0; i++) {
        const all = page.getByTestId('urgent-alarm-dismiss-all')
        await ((await all.count()) > 0 ? all : page.getByTestId('urgent-alarm-dismiss')).click()
      }
    }
    assert.equal(await alarm.count(), 0)
    await page.reload()
    await page.getByTestId('user-unit').waitFor()
    await settle(page)
    await bellCount(page)
    assert.equal(await alarm.count(), 0, 'acknowledged in this tab')

    // The county records a report with casualties and passes it up to the city.
    const recorded = await countyApi.call('POST', '/api/v1/intake', {
      reporter_name: '李明',
      reporter_phone: '0734-6123456',
      event_type: '火灾',
      occurred_at: (await serverNow()) - 10 * 60 * 1000,
      place,
      casualties: { dead: 0, injured: 2, missing: 1 },
    })
    assert.ok([200, 201].includes(recorded.status), JSON.stringify(recorded.body))
    const intakeId = recorded.body.id
    const passed = await countyApi.call('POST', `/api/v1/intake/${intakeId}/pass-up`, {})
    assert.equal(passed.status, 200, JSON.stringify(passed.body))

    // The alarm names it at once, without a reload.
    const item = await eventually(async () => {
      const i = (await cityApi.get('/api/v1/inbox?source=duty&limit=200')).items.find(
        (x) => x.kind === 'duty.receive_intake' && x.ref === intakeId,
      )
      assert.ok(i, 'the city’s to-do')
      return i
    })
    assert.equal(item.urgent, true)
    await eventually(async () => assert.equal(await alarm.getAttribute('data-id'), String(item.id)))
    assert.ok((await alarm.innerText()).includes(place))
    assert.equal(await page.getByTestId('urgent-sound-blocked').count(), 0, 'the chime played')

    // 立即处理 opens the report; 签收 receives it; the to-do and the alarm are gone.
    await page.getByTestId('urgent-alarm-open').click()
    await page.waitForURL((u) => u.pathname === '/duty/intake' && u.searchParams.get('id') === String(intakeId))
    assert.equal(await alarm.count(), 0)
    await page.getByTestId(`intake-receive-${intakeId}`).click()
    await eventually(async () =>
      assert.equal(
        await page.getByTestId(`intake-state-${intakeId}`).getAttribute('data-state'),
        'received',
      ),
    )
    await page.getByTestId(`intake-received-${intakeId}`).waitFor()
    assert.equal(await page.getByTestId(`intake-receive-${intakeId}`).count(), 0)
    const stored = await cityApi.get(`/api/v1/intake/${intakeId}`)
    assert.equal(stored.state, 'received')
    assert.equal(stored.received_by, 'commander')
    await eventually(async () => {
      const s = await cityApi.get('/api/v1/inbox/summary')
      assert.equal(await bellCount(page), s.counts.total)
      const left = (await cityApi.get('/api/v1/inbox?source=duty&limit=200')).items
      assert.equal(left.find((x) => x.id === item.id), undefined)
    })
    assert.equal(await alarm.count(), 0)
  })
})
