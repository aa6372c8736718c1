// Scenario 5: a county duty officer (duty-430426, 祁东县) sees only 祁东县: the unit label, the
// enterprise list, the map; an enterprise of another county (石鼓区) opened by its address shows
// an error state, never the record.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  TEST_TIMEOUT,
  apiLogin,
  eventually,
  loadAllEnterpriseRows,
  openAs,
  settle,
  url,
  withBrowser,
} from './lib.mjs'

test('duty officer of 祁东县 sees only 祁东县', { timeout: TEST_TIMEOUT }, async () => {
  // Set-up through the administrator's API: an enterprise of 石鼓区 and what 祁东县 holds.
  const admin = await apiLogin('admin')
  const shigu = (await admin.get('/api/v1/enterprises?jurisdiction=430407&limit=1')).items[0]
  assert.ok(shigu, 'a demo enterprise in 石鼓区')
  const qidongActive = await admin.all('/api/v1/enterprises', {
    jurisdiction: '430426',
    active: 'true',
  })
  const qidong = await admin.get('/api/v1/jurisdictions/430426')
  const qidongOpen = (await admin.get('/api/v1/hazards/stats')).by_unit.find(
    (u) => u.unit === '430426',
  ).open
  const qidongNames = new Set([qidong.name, ...qidong.children.map((c) => c.name)])

  await withBrowser({}, async ({ page }) => {
    // Every enterprise the list page receives, as the server sent it. Reading a body takes a
    // round trip to the browser that may end after the page has shown it: the reads are kept and
    // awaited before `received` is looked at.
    const received = []
    const reads = []
    page.on('response', (r) => {
      const u = new URL(r.url())
      if (u.pathname === '/api/v1/enterprises' && r.request().method() === 'GET' && r.ok()) {
        reads.push(
          r
            .json()
            .catch(() => null)
            .then((body) => {
              if (body?.items) received.push(...body.items)
            }),
        )
      }
    })

    await openAs(page, 'duty-430426')
    await eventually(async () =>
      assert.match(await page.getByTestId('user-unit').innerText(), /祁东县/),
    )
    assert.doesNotMatch(await page.getByTestId('user-unit').innerText(), /衡阳市/)

    // The map: 祁东县 only.
    const map = page.getByTestId('home-map')
    // (Labels carry the figure once it is loaded: open hazards per 100 enterprises, "祁东县 172";
    // then the enterprises, "祁东县 25".)
    await map.locator('.unit-label', { hasText: /^祁东县 \d+$/ }).waitFor()
    await settle(page)
    await eventually(async () => {
      assert.equal(await map.locator('path.leaflet-interactive').count(), 1, 'one unit shape')
      assert.deepEqual(await map.locator('.unit-label').allInnerTexts(), [
        `祁东县 ${Math.round((qidongOpen * 100) / qidongActive.length)}`,
      ])
    })
    await page.getByTestId('map-figure').getByText('企业数量').click()
    await eventually(async () =>
      assert.deepEqual(await map.locator('.unit-label').allInnerTexts(), [
        `祁东县 ${qidongActive.length}`,
      ]),
    )
    // Key figures are 祁东县's: its enterprises; townships instead of county-level units.
    await eventually(async () => {
      const n = Number(await page.getByTestId('kpi-enterprises').locator('.kpi-value').innerText())
      assert.equal(n, qidongActive.length)
    })
    assert.match(await page.getByTestId('kpi-units').innerText(), /乡镇/)
    // No menu items for what the role may not use.
    assert.equal(await page.getByTestId('nav-users').count(), 0)
    assert.equal(await page.getByTestId('nav-audit').count(), 0)

    // The enterprise list: only 祁东县 and its townships, all of them; no create button.
    await page.getByTestId('nav-enterprises').click()
    await page.waitForURL((u) => u.pathname === '/enterprises')
    const rows = await loadAllEnterpriseRows(page)
    assert.equal(rows.length, qidongActive.length)
    for (const r of rows)
      assert.ok(qidongNames.has(r.jurisdiction), `${r.name} in ${r.jurisdiction}`)
    await Promise.all(reads)
    assert.ok(received.length >= rows.length)
    for (const e of received)
      assert.ok(e.jurisdiction.startsWith('430426'), `${e.id}: ${e.jurisdiction}`)
    assert.ok(!rows.some((r) => r.creditCode === shigu.credit_code))
    assert.equal(await page.getByTestId('enterprise-create').count(), 0)
    assert.equal(await page.getByTestId('import-open').count(), 0)
    // Searching for the other county's enterprise by name finds nothing.
    await page.getByTestId('filter-q').fill(shigu.name)
    await page.waitForURL((u) => u.searchParams.get('q') === shigu.name)
    await page.getByTestId('state-empty').waitFor()

    // The jurisdiction filter offers 祁东县 and its townships only.
    await page.locator('.el-select[data-testid=filter-jurisdiction]').click()
    const nodes = page.locator(
      '.el-tree[data-testid=filter-jurisdiction] .el-tree-node__content:visible',
    )
    // The tree's nodes appear as it renders and expands: count them once all are there.
    let options = []
    await eventually(async () => {
      options = await nodes.allInnerTexts()
      assert.equal(options.length, 1 + qidong.children.length)
    })
    assert.equal(options[0].trim(), '祁东县')
    assert.ok(!options.some((o) => /石鼓区|衡阳市/.test(o)))
    await page.keyboard.press('Escape')

    // Another county's enterprise by its address: an error state, not the record.
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/v1/enterprises/${shigu.id}`))
    await page.goto(url(`/enterprises/${shigu.id}`))
    assert.equal((await answer).status(), 404)
    const err = page.getByTestId('state-error')
    await err.waitFor()
    assert.match(await err.innerText(), /记录不存在或不在本辖区范围内/)
    assert.equal(await page.getByTestId('enterprise-detail').count(), 0)
    const body = await page.locator('body').innerText()
    assert.ok(!body.includes(shigu.name), 'the name is not shown')
    assert.ok(!body.includes(shigu.credit_code), 'the credit code is not shown')
    // Still signed in (a 404 is not a lost session).
    assert.equal(new URL(page.url()).pathname, `/enterprises/${shigu.id}`)
  })
})
