// Scenario 7: importing enterprises from CSV through the import dialog. A file with one bad row:
// the report names that row and its field, and nothing is imported (all or nothing). Then a good
// file: every row is imported and shows up in the list.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  TEST_TIMEOUT,
  apiFromBrowser,
  eventually,
  listResponse,
  loadAllEnterpriseRows,
  newCreditCode,
  openAs,
  tag,
  toCsv,
  withBrowser,
  withWrongCheck,
} from './lib.mjs'

const HEADER = [
  'name',
  'credit_code',
  'sectors',
  'jurisdiction',
  'address',
  'lon',
  'lat',
  'risk_color',
  'size',
  'contact_name',
  'contact_phone',
  'major_hazard_installations',
]

function row(name, code, jurisdiction = '430426') {
  // An address with a comma and a quote: the file needs RFC 4180 quoting.
  return [
    name,
    code,
    'fire|construction',
    jurisdiction,
    '祁东县"E2E"路8号, 2栋',
    '',
    '',
    'yellow',
    'small',
    '李四',
    '0734-6000001',
    '0',
  ]
}

test(
  'import: a bad row is reported by number and nothing is imported; a good file imports',
  {
    timeout: TEST_TIMEOUT,
  },
  async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anlan-e2e-import-'))
    try {
      const t = tag()
      const names = [`E2E导入甲${t}有限公司`, `E2E导入乙${t}有限公司`, `E2E导入丙${t}有限公司`]
      const codes = [newCreditCode('430426'), newCreditCode('430426'), newCreditCode('430426')]
      // Row 3 of the file (the header is row 1) has a wrong check character.
      const bad = path.join(dir, 'enterprises-bad.csv')
      fs.writeFileSync(
        bad,
        '\uFEFF' +
          toCsv([
            HEADER,
            row(names[0], codes[0]),
            row(names[1], withWrongCheck(codes[1])),
            row(names[2], codes[2]),
          ]),
      )
      const good = path.join(dir, 'enterprises-good.csv')
      fs.writeFileSync(good, toCsv([HEADER, ...names.map((n, i) => row(n, codes[i]))]))

      await withBrowser({}, async ({ page, context }) => {
        await openAs(page, 'commander', '/enterprises')
        const api = await apiFromBrowser(context)
        const dialog = page.getByTestId('import-dialog')

        // 1. The file with a bad row.
        await page.getByTestId('import-open').click()
        await dialog.getByTestId('import-drop').waitFor()
        await page.getByTestId('import-file').setInputFiles(bad)
        await eventually(async () => {
          const text = await dialog.getByTestId('import-drop').innerText()
          assert.match(text, /enterprises-bad\.csv/)
          assert.match(text, /数据行数：3/)
        })
        const answer = page.waitForResponse((r) => r.url().includes('/api/v1/enterprises/import'))
        await page.getByTestId('import-start').click()
        assert.equal((await answer).status(), 422)
        const report = dialog.getByTestId('import-report')
        await report.waitFor()
        const stats = (await report.locator('.stat-n').allInnerTexts()).map(Number)
        assert.deepEqual(stats, [3, 0, 1], 'total 3, imported 0, 1 problem')
        await dialog.getByText('未导入任何记录').waitFor()
        const errors = dialog.locator(
          '[data-testid=import-errors] .el-table__body-wrapper tbody tr',
        )
        await eventually(async () => assert.equal(await errors.count(), 1))
        const cells = (await errors.first().locator('td').allInnerTexts()).map((s) => s.trim())
        assert.equal(cells[0], '3', 'the report names row 3')
        assert.match(cells[1], /credit_code/)
        assert.match(cells[1], /统一社会信用代码/)
        assert.ok(cells[2].length > 0, 'says what is wrong')
        // Nothing was imported, not even the good rows.
        for (const c of [codes[0], codes[2]]) {
          const found = await api.get(`/api/v1/enterprises?q=${c}&active=`)
          assert.equal(found.items.length, 0, `${c} was not imported`)
        }

        // 2. The good file, through "import again".
        await dialog.getByRole('button', { name: '重新选择文件' }).click()
        await dialog.getByTestId('import-drop').waitFor()
        await page.getByTestId('import-file').setInputFiles(good)
        await eventually(async () =>
          assert.match(
            await dialog.getByTestId('import-drop').innerText(),
            /enterprises-good\.csv/,
          ),
        )
        const answer2 = page.waitForResponse((r) => r.url().includes('/api/v1/enterprises/import'))
        await page.getByTestId('import-start').click()
        assert.equal((await answer2).status(), 200)
        await report.waitFor()
        assert.deepEqual((await report.locator('.stat-n').allInnerTexts()).map(Number), [3, 3, 0])
        await dialog.getByText('全部 3 行已导入').waitFor()
        assert.equal(await dialog.getByTestId('import-errors').count(), 0)
        await dialog.getByRole('button', { name: '关闭', exact: true }).click()
        await dialog.waitFor({ state: 'hidden' })

        // The list shows them (search by the common tag).
        const searched = listResponse(page, (q) => q.get('q') === t)
        await page.getByTestId('filter-q').fill(t)
        await searched
        await eventually(async () => {
          const rows = await loadAllEnterpriseRows(page)
          assert.deepEqual(rows.map((r) => r.creditCode).sort(), [...codes].sort())
        })
        for (const [i, c] of codes.entries()) {
          const e = (await api.get(`/api/v1/enterprises?q=${c}`)).items[0]
          assert.equal(e.name, names[i])
          assert.equal(e.address, '祁东县"E2E"路8号, 2栋')
          assert.deepEqual([...e.sectors].sort(), ['construction', 'fire'])
        }
      })
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  },
)
