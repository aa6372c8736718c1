// Scenario 3: the CSV export holds exactly the rows the filtered list shows. Filters are set in the
// UI, every page of the list is loaded, the export is downloaded through the button, and the two
// sets of credit codes (and the API's list for the same filters) must be equal.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {
  TEST_TIMEOUT,
  apiFromBrowser,
  chooseJurisdiction,
  chooseOption,
  eventually,
  loadAllEnterpriseRows,
  openAs,
  readExport,
  settle,
  withBrowser,
} from './lib.mjs'

/** Clicks the export button, returns the parsed CSV (checking name, BOM and field counts). */
async function downloadCsv(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('export-csv').click(),
  ])
  assert.match(download.suggestedFilename(), /^企业名录-\d{8}\.csv$/)
  const file = await download.path()
  return readExport(fs.readFileSync(file))
}

const sorted = (xs) => [...xs].sort()
const RISK_LABEL = { red: '重大风险', orange: '较大风险', yellow: '一般风险', blue: '低风险' }

test(
  'export: the CSV holds exactly the filtered rows the list shows',
  {
    timeout: TEST_TIMEOUT,
  },
  async () => {
    await withBrowser({}, async ({ page, context }) => {
      await openAs(page, 'commander', '/enterprises')
      const api = await apiFromBrowser(context)
      await settle(page)

      // 1. 祁东县 and one risk colour (a single page).
      await chooseJurisdiction(page, 'filter-jurisdiction', '祁东县')
      await page.waitForURL((u) => u.searchParams.get('jurisdiction') === '430426')
      await chooseOption(page, 'filter-risk', RISK_LABEL.yellow)
      await page.waitForURL((u) => u.searchParams.get('risk_color') === 'yellow')
      await settle(page)
      const shown = await loadAllEnterpriseRows(page)
      const fromApi = await api.all('/api/v1/enterprises', {
        jurisdiction: '430426',
        risk_color: 'yellow',
        active: 'true',
      })
      assert.ok(shown.length > 0, 'the filter leaves some rows')
      assert.deepEqual(
        sorted(shown.map((r) => r.creditCode)),
        sorted(fromApi.map((e) => e.credit_code)),
        'the list shows what the API lists for the same filters',
      )
      await eventually(async () =>
        assert.match(
          await page.getByTestId('list-footer').innerText(),
          new RegExp(`已加载 ${shown.length} 条`),
        ),
      )
      // Every row shown is in 祁东县 (the county or one of its townships) and yellow.
      const qidong = await api.get('/api/v1/jurisdictions/430426')
      const names = new Set([qidong.name, ...qidong.children.map((c) => c.name)])
      for (const r of shown) {
        assert.ok(names.has(r.jurisdiction), `${r.name}: ${r.jurisdiction}`)
        assert.equal(r.risk, RISK_LABEL.yellow, `${r.name}: ${r.risk}`)
      }

      const csv = await downloadCsv(page)
      // As people read it: Chinese headers, names instead of codes.
      assert.ok(csv.header.includes('统一社会信用代码') && csv.header.includes('所属辖区'))
      assert.deepEqual(
        sorted(csv.records.map((r) => r['统一社会信用代码'])),
        sorted(shown.map((r) => r.creditCode)),
        'the CSV holds exactly the rows shown',
      )
      for (const r of csv.records) {
        assert.ok(r['所属辖区'].startsWith(qidong.name), `${r['企业名称']} in ${r['所属辖区']}`)
        assert.equal(r['风险等级'], RISK_LABEL.yellow)
        assert.equal(r['状态'], '在册')
      }
      // The names survive the round trip (UTF-8, quoting).
      assert.deepEqual(
        sorted(csv.records.map((r) => r['企业名称'])),
        sorted(shown.map((r) => r.name)),
      )

      // 2. The whole city, one risk colour: more than one page of 50 ("load more"). The colour
      //    with the most enterprises (from the figures), so the data may change.
      const figures = (await api.get('/api/v1/enterprises/figures')).items
      const colour = ['red', 'orange', 'yellow', 'blue']
        .map((c) => ({ c, n: figures.reduce((s, f) => s + f[c], 0) }))
        .sort((a, b) => b.n - a.n)[0].c
      await page.locator('.el-select[data-testid=filter-jurisdiction]').hover()
      await page.locator('.el-select[data-testid=filter-jurisdiction] .el-select__clear').click()
      await page.waitForURL((u) => !u.searchParams.has('jurisdiction'))
      await chooseOption(page, 'filter-risk', RISK_LABEL[colour])
      await page.waitForURL((u) => u.searchParams.get('risk_color') === colour)
      await settle(page)
      const cityApi = await api.all('/api/v1/enterprises', { risk_color: colour, active: 'true' })
      assert.ok(cityApi.length > 50, `more than one page of 50 (${cityApi.length})`)
      await page.getByTestId('load-more').waitFor()
      const cityShown = await loadAllEnterpriseRows(page)
      assert.equal(cityShown.length, cityApi.length)
      const cityCsv = await downloadCsv(page)
      assert.deepEqual(
        sorted(cityCsv.records.map((r) => r['统一社会信用代码'])),
        sorted(cityShown.map((r) => r.creditCode)),
        'the CSV holds exactly the rows shown',
      )
      assert.deepEqual(
        sorted(cityCsv.records.map((r) => r['统一社会信用代码'])),
        sorted(cityApi.map((e) => e.credit_code)),
      )
      assert.ok(cityCsv.records.every((r) => r['风险等级'] === RISK_LABEL[colour]))
      assert.ok(cityShown.every((r) => r.risk === RISK_LABEL[colour]))
    })
  },
)
