// Scenario 1: a commander signs in through the form and sees the command-center home page (the
// Hengyang unit map, the key figures, their unit in the top bar), then browses the jurisdiction
// tree (祁东县: its map and townships) and the departments and sectors page.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  TEST_TIMEOUT,
  apiFromBrowser,
  apiLogin,
  eventually,
  loginViaForm,
  newCreditCode,
  openAs,
  settle,
  tag,
  url,
  where,
  withBrowser,
} from './lib.mjs'

test(
  'commander: sign-in, home map and key figures, jurisdictions, departments and sectors',
  {
    timeout: TEST_TIMEOUT,
  },
  async () => {
    await withBrowser({}, async ({ page, context }) => {
      // Not signed in: the app shows the sign-in page.
      await page.goto(url('/'))
      await page.waitForURL((u) => u.pathname === '/login')
      await page.getByTestId('login-form').waitFor()
      await loginViaForm(page, 'commander')
      assert.equal(where(page), '/')

      // The user's unit in the top bar.
      await eventually(async () =>
        assert.match(await page.getByTestId('user-unit').innerText(), /衡阳市/),
      )

      // The Hengyang map: one SVG path per county-level unit (12 with boundaries).
      const map = page.getByTestId('home-map')
      const shapes = map.locator('path.leaflet-interactive')
      await eventually(async () =>
        assert.ok((await shapes.count()) >= 12, 'at least 12 unit shapes'),
      )
      // Every unit is named on the map, the small urban districts, 南岳区 and the three parks too
      // (a label that would overlap a bigger unit's moves beside its unit, with a line to it).
      await settle(page)
      const visibleLabels = () =>
        map
          .locator('.unit-label')
          .evaluateAll((els) =>
            els
              .filter((e) => getComputedStyle(e).visibility === 'visible')
              .map((e) => e.textContent.replace(/\s*\d+$/, '').trim()),
          )
      const names = await visibleLabels()
      for (const unit of ['雁峰区', '蒸湘区', '南岳区', '珠晖区', '石鼓区', '祁东县', '综保区', '高新区', '松木经开区'])
        assert.ok(names.includes(unit), `${unit} is named on the map; named: ${names.join(' ')}`)
      assert.equal(names.length, 15, '12 units and 3 parks')
      // The map's figure is open hazards per 100 enterprises; the parks and the names are layers.
      await page.getByTestId('map-legend').getByText('每百家企业未销号隐患').waitFor()
      await page.getByTestId('map-layer-parks').click()
      await eventually(async () => assert.equal((await visibleLabels()).length, 12, 'parks off'))
      await page.getByTestId('map-layer-parks').click()
      await eventually(async () => assert.equal((await visibleLabels()).length, 15, 'parks on'))

      // Key figures: numbers, all greater than zero, and they agree with the server.
      const api = await apiFromBrowser(context)
      const figures = await api.get('/api/v1/enterprises/figures')
      const total = figures.items.reduce((s, f) => s + f.total, 0)
      const red = figures.items.reduce((s, f) => s + f.red, 0)
      const cardValue = async (id) => {
        const text = await page.getByTestId(`kpi-${id}`).locator('.kpi-value').innerText()
        return Number(text.replace(/[,\s]/g, ''))
      }
      for (const id of ['enterprises', 'red-enterprises', 'users', 'units']) {
        await eventually(async () => {
          const v = await cardValue(id)
          assert.ok(Number.isFinite(v) && v > 0, `card ${id} shows a number > 0 (got ${v})`)
        })
      }
      assert.equal(await cardValue('enterprises'), total)
      assert.equal(await cardValue('red-enterprises'), red)
      assert.equal(await cardValue('units'), 15) // 12 counties and districts + 3 parks

      // Jurisdictions: the tree, then 祁东县 with its map and townships.
      await page.getByTestId('nav-jurisdictions').click()
      await page.waitForURL((u) => u.pathname === '/jurisdictions')
      const tree = page.getByTestId('jurisdiction-tree')
      await tree.getByText('衡阳市', { exact: true }).waitFor()
      await tree.getByText('祁东县', { exact: true }).click()
      await page.waitForURL((u) => u.searchParams.get('code') === '430426')
      const detail = page.locator('.el-descriptions')
      await eventually(async () => {
        const text = await detail.innerText()
        assert.match(text, /祁东县/)
        assert.match(text, /Qidong County/)
        assert.match(text, /430426/)
      })
      const qidong = await api.get('/api/v1/jurisdictions/430426')
      assert.ok(qidong.children.length > 0)
      await page.getByText(`下级区划（${qidong.children.length}）`).waitFor()
      const childRows = page.locator('.children .el-table__body-wrapper tbody tr')
      await eventually(async () => assert.equal(await childRows.count(), qidong.children.length))
      const childText = await page.locator('.children .el-table__body-wrapper').innerText()
      for (const c of qidong.children) assert.ok(childText.includes(c.name), `township ${c.name}`)
      assert.match(childText, /乡镇（街道）/)
      // Its map: 祁东县 drawn highlighted (thick dark outline) and labelled.
      const jmap = page.getByTestId('jurisdiction-map')
      await eventually(async () => {
        const thick = await jmap.locator('path.leaflet-interactive[stroke-width="3"]').count()
        assert.equal(thick, 1, 'exactly one unit highlighted')
      })
      await jmap.locator('.unit-label', { hasText: '祁东县' }).waitFor()

      // A township from the table: its own detail.
      const first = qidong.children[0]
      await childRows.filter({ hasText: first.name }).first().click()
      await page.waitForURL((u) => u.searchParams.get('code') === first.code)
      await eventually(async () => assert.match(await detail.innerText(), new RegExp(first.code)))

      // Departments and sectors.
      await page.getByTestId('nav-departments').click()
      await page.waitForURL((u) => u.pathname === '/departments')
      const departments = (await api.get('/api/v1/departments')).items
      const sectors = (await api.get('/api/v1/sectors')).items
      const depRows = page.locator(
        '[data-testid=departments-table] .el-table__body-wrapper tbody tr',
      )
      const secRows = page.locator('[data-testid=sectors-table] .el-table__body-wrapper tbody tr')
      await eventually(async () => {
        assert.equal(await depRows.count(), departments.length)
        assert.equal(await secRows.count(), sectors.length)
      })
      assert.ok(departments.length > 0 && sectors.length > 0)
      const secText = await page.getByTestId('sectors-table').innerText()
      const depName = new Map(departments.map((d) => [d.code, d.name]))
      for (const s of sectors) {
        const row = secRows.filter({
          has: page.locator('td:first-child', { hasText: new RegExp(`^\\s*${s.code}\\s*$`) }),
        })
        assert.match(await row.innerText(), new RegExp(s.name), `sector ${s.code}`)
        assert.match(await row.innerText(), new RegExp(depName.get(s.lead_department)))
      }
      assert.ok(secText.includes('危险化学品'))
      await settle(page)
      assert.equal(await page.getByTestId('state-error').count(), 0, 'no error shown')
    })
  },
)

const UNIT_NAMES = {
  430421: '衡阳县',
  430422: '衡南县',
  430423: '衡山县',
  430426: '祁东县',
}

/**
 * From now on, the most copies of each unit label the map `root` has held at once (a
 * MutationObserver counts after every change); assertEachLabelOnce() checks them.
 */
async function countLabelCopies(map) {
  await map.evaluate((root) => {
    const most = {}
    const count = () => {
      const n = {}
      for (const e of root.querySelectorAll('.unit-label')) {
        const name = e.textContent.trim()
        n[name] = (n[name] ?? 0) + 1
      }
      for (const [k, v] of Object.entries(n)) most[k] = Math.max(most[k] ?? 0, v)
    }
    count()
    new MutationObserver(count).observe(root, { childList: true, subtree: true })
    window.__labelCopies = most
  })
}

async function assertEachLabelOnce(page) {
  const copies = await page.evaluate(() => window.__labelCopies)
  assert.ok(Object.keys(copies).length >= 12, `labels seen: ${JSON.stringify(copies)}`)
  const doubled = Object.fromEntries(Object.entries(copies).filter(([, n]) => n > 1))
  assert.deepEqual(doubled, {}, 'units named more than once on the map at some moment (copies)')
}

/** The names of the units drawn highlighted (thick outline) on the jurisdiction map. */
async function highlightedUnit(page) {
  const names = await page
    .getByTestId('jurisdiction-map')
    .locator('path.leaflet-interactive[stroke-width="3"]')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-unit')))
  return names.map((c) => UNIT_NAMES[c] ?? c).join(',')
}

// Every change of the selection redraws the map: at no moment may it name a unit twice (the
// labels of the drawing before must be gone, not fading out next to the new ones).
test(
  'jurisdictions: while the selection changes, the map names each unit once',
  { timeout: TEST_TIMEOUT },
  async () => {
    await withBrowser({}, async ({ page }) => {
      await openAs(page, 'commander', '/jurisdictions?code=430426')
      const jmap = page.getByTestId('jurisdiction-map')
      const detail = page.locator('.el-descriptions')
      await eventually(async () => assert.match(await detail.innerText(), /430426/))
      await settle(page)
      await countLabelCopies(jmap)

      const tree = page.getByTestId('jurisdiction-tree')
      for (const [name, code] of [
        ['衡南县', '430422'],
        ['祁东县', '430426'],
        ['衡阳市', '430400'],
        ['衡山县', '430423'],
      ]) {
        await tree.getByText(name, { exact: true }).click()
        await page.waitForURL((u) => u.searchParams.get('code') === code)
        await eventually(async () => assert.match(await detail.innerText(), new RegExp(code)))
        await eventually(async () =>
          assert.equal(await highlightedUnit(page), code === '430400' ? '' : name),
        )
        await assertEachLabelOnce(page)
      }
      await settle(page)
      await assertEachLabelOnce(page)
      await jmap.locator('.unit-label', { hasText: '衡山县' }).waitFor()
    })
  },
)

// Choosing another jurisdiction while the previous one's answer is still on its way: the page
// shows the last one chosen (its detail, its unit highlighted on the map). The first answer is held
// back until the second has arrived, so the loads overlap on every run.
test(
  'jurisdictions: a second choice made while the first still loads wins',
  { timeout: TEST_TIMEOUT },
  async () => {
    await withBrowser({}, async ({ page }) => {
      await openAs(page, 'commander', '/jurisdictions?code=430426')
      const detail = page.locator('.el-descriptions')
      await eventually(async () => assert.match(await detail.innerText(), /430426/))
      await settle(page)

      // 衡南县 (430422) answers only after 衡阳县 (430421), chosen right after it, has answered.
      let release = () => undefined
      const held = new Promise((r) => (release = r))
      const slow = '**/api/v1/jurisdictions/430422'
      await page.route(slow, async (route) => {
        await held
        await route.continue().catch(() => undefined)
      })
      const second = page
        .waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/jurisdictions/430421', {
          timeout: 10_000,
        })
        .catch(() => null)
      const tree = page.getByTestId('jurisdiction-tree')
      await tree.getByText('衡南县', { exact: true }).click()
      await page.waitForURL((u) => u.searchParams.get('code') === '430422')
      await tree.getByText('衡阳县', { exact: true }).click()
      await page.waitForURL((u) => u.searchParams.get('code') === '430421')
      const secondAnswered = (await second) !== null
      release()
      await page.unroute(slow)
      await settle(page)

      const text = await detail.innerText()
      assert.deepEqual(
        {
          asked: secondAnswered,
          detail: /430421/.test(text) ? '衡阳县' : text.split('\n')[0],
          highlighted: await highlightedUnit(page),
        },
        { asked: true, detail: '衡阳县', highlighted: '衡阳县' },
        'the second choice is asked for, shown and highlighted',
      )
    })
  },
)

// The home page's refresh asked for while its figures are still loading: that load's answer may be
// older than what the refresh is for, so the page loads them again after it. No live events here
// (they would refresh the figures 5 s after a change on their own).
test(
  'home: a refresh asked for while the figures still load shows the figures after it',
  { timeout: TEST_TIMEOUT },
  async () => {
    await withBrowser({}, async ({ page }) => {
      await page.routeWebSocket('**/api/v1/events', () => undefined)
      await openAs(page, 'commander', '/')
      await settle(page)
      // The map shows the enterprises per unit (its labels are compared below).
      await page.getByTestId('map-figure').getByText('企业数量').click()

      // The next figures answer is read from the server, then held back.
      let release = () => undefined
      const held = new Promise((r) => (release = r))
      let fetched = () => undefined
      const read = new Promise((r) => (fetched = r))
      let calls = 0
      const figuresUrl = '**/api/v1/enterprises/figures'
      await page.route(figuresUrl, async (route) => {
        if (calls++ > 0) return route.continue()
        const response = await route.fetch()
        fetched()
        await held
        await route.fulfill({ response })
      })
      const refresh = page.locator('.page-header').getByRole('button', { name: '刷新' })
      await refresh.click()
      await read

      // A new enterprise in 祁东县, then a second refresh while the first answer is held.
      const admin = await apiLogin('admin')
      const code = newCreditCode('430426')
      const created = await admin.call('POST', '/api/v1/enterprises', {
        name: `刷新测试企业${tag()}`,
        credit_code: code,
        sectors: [(await admin.get('/api/v1/sectors')).items[0].code],
        jurisdiction: '430426',
        risk_color: 'red',
      })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      await refresh.click()
      release()
      await settle(page)
      await page.unroute(figuresUrl)

      const figures = (await admin.get('/api/v1/enterprises/figures')).items
      const total = figures.reduce((s, f) => s + f.total, 0)
      const qidong = figures.find((f) => f.jurisdiction === '430426')?.total
      const card = await page.getByTestId('kpi-enterprises').locator('.kpi-value').innerText()
      const label = await page
        .getByTestId('home-map')
        .locator('.unit-label', { hasText: '祁东县' })
        .innerText()
      assert.deepEqual(
        { card: Number(card.replace(/[,\s]/g, '')), label: label.trim(), calls },
        { card: total, label: `祁东县 ${qidong}`, calls: 2 },
        'the figures after the new enterprise, asked for by the second refresh',
      )
    })
  },
)
