// Scenario 8: a screenshot of each main page in Chinese and in English, as an administrator (who
// may open every page): test-results/screens/<page>-<lang>.png. Each page must have loaded (its
// content visible, no error state, no untranslated message key) before the picture is taken.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import {
  LANGS,
  TEST_TIMEOUT,
  apiLogin,
  eventually,
  loginViaForm,
  newCreditCode,
  pageChecker,
  settle,
  shot,
  url,
  withBrowser,
  withWrongCheck,
} from './lib.mjs'

// An i18n key shown instead of its text ("enterprises.listTitle").
const checkPage = pageChecker(
  /\b(app|common|errors|nav|login|shell|home|jurisdictions|departments|enterprises|enterpriseForm|import|users|audit|validation|risk|size|roles|levels|hazards|notices|savedFilters)\.[a-z][A-Za-z]+/,
)

test(
  'screenshots of the main pages in Chinese and English',
  { timeout: 2 * TEST_TIMEOUT },
  async () => {
    const admin = await apiLogin('admin')
    const sample = (
      await admin.get('/api/v1/enterprises?jurisdiction=430426&risk_color=red&limit=1')
    ).items[0]
    assert.ok(sample)
    const files = []

    for (const lang of LANGS) {
      await withBrowser({ locale: lang }, async ({ page }) => {
        const t = (zh, en) => (lang === 'en' ? en : zh)
        const take = async (name) => files.push(await shot(page, `${name}-${lang}`))

        // Sign-in page.
        await page.goto(url('/login'))
        await page.getByTestId('login-form').waitFor()
        await page.getByText(t('用户登录', 'Sign in'), { exact: true }).first().waitFor()
        await settle(page)
        await take('login')
        await loginViaForm(page, 'admin')

        // Home: the map with its 12 units and the key figures.
        await eventually(async () =>
          assert.ok(
            (await page.locator('[data-testid=home-map] path.leaflet-interactive').count()) >= 12,
          ),
        )
        await checkPage(page, lang)
        await take('home')

        // From here on through the app's own navigation (menu, tree, links), as a person would.
        // Jurisdictions, 祁东县 selected in the tree.
        await page.getByTestId('nav-jurisdictions').click()
        await page
          .getByTestId('jurisdiction-tree')
          .locator('.node-code', { hasText: /^430426$/ })
          .click()
        await page.locator('.el-descriptions', { hasText: '430426' }).waitFor()
        await page
          .getByTestId('jurisdiction-map')
          .locator('path.leaflet-interactive[stroke-width="3"]')
          .waitFor()
        await checkPage(page, lang)
        await take('jurisdictions')

        // Departments and sectors.
        await page.getByTestId('nav-departments').click()
        await page.locator('[data-testid=sectors-table] tbody tr').first().waitFor()
        await page.locator('[data-testid=departments-table] tbody tr').first().waitFor()
        await checkPage(page, lang)
        await take('departments')

        // Enterprise list.
        await page.getByTestId('nav-enterprises').click()
        await page.locator('[data-testid=enterprise-table] tbody tr').first().waitFor()
        await page.getByTestId('load-more').waitFor()
        await checkPage(page, lang)
        await take('enterprises')

        // Enterprise detail (a major-risk enterprise of 祁东县, found with the search box), with its
        // location on the map.
        await page.getByTestId('filter-q').fill(sample.credit_code)
        await page
          .getByTestId('enterprise-table')
          .getByRole('link', { name: sample.name, exact: true })
          .click()
        await page.waitForURL((u) => u.pathname === `/enterprises/${sample.id}`)
        await page.getByTestId('enterprise-detail').waitFor()
        await page
          .getByTestId('enterprise-map')
          .locator('path.leaflet-interactive')
          .nth(11)
          .waitFor({ state: 'attached' })
        await checkPage(page, lang, { titleIsData: true }) // its title is the enterprise's name
        await take('enterprise-detail')

        // Users.
        await page.getByTestId('nav-users').click()
        await page.locator('[data-testid=users-table] tbody tr').first().waitFor()
        await checkPage(page, lang)
        await take('users')

        // Audit log.
        await page.getByTestId('nav-audit').click()
        await page.locator('[data-testid=audit-table] tbody tr').first().waitFor()
        await checkPage(page, lang)
        await take('audit')

        // Hazard list (隐患清单), with its state, overdue and risk badges.
        await page.getByTestId('nav-hazards').click()
        await page.locator('[data-testid=hazard-table] tbody tr').first().waitFor()
        await page.getByTestId('load-more').waitFor()
        await checkPage(page, lang)
        await take('hazards')

        // A major hazard from the major hazard list (一单): its records and timeline.
        await page.getByTestId('nav-hazards-major').click()
        await page.locator('[data-testid=hazard-table] tbody tr').first().waitFor()
        await page.getByTestId('hazard-link').first().click()
        await page.waitForURL((u) => /^\/hazards\/\d+$/.test(u.pathname))
        await page.getByTestId('hazard-timeline').waitFor()
        await page.getByTestId('hazard-confirmation').waitFor()
        await checkPage(page, lang)
        await take('hazard-detail')

        // Statistics: rectification rate by unit and sector, states, the monthly trend.
        await page.getByTestId('nav-hazards-stats').click()
        await page.getByTestId('stats-totals').waitFor()
        await page.locator('[data-testid=chart-trend] canvas').waitFor()
        await checkPage(page, lang)
        await take('hazard-stats')

        // The hazard map: unit boundaries and the open hazards, coloured by risk.
        await page.getByTestId('nav-hazards-map').click()
        await eventually(async () =>
          assert.ok(
            (await page.locator('[data-testid=hazard-map] path.leaflet-interactive').count()) >= 12,
          ),
        )
        await page.locator('[data-testid=hazard-map] canvas').first().waitFor()
        await checkPage(page, lang)
        await take('hazard-map')

        // A notice, laid out as the bureau's document.
        await page.getByTestId('nav-notices').click()
        await page.getByTestId('notice-link').first().click()
        await page.getByTestId('notice-doc').waitFor()
        await checkPage(page, lang)
        await take('notice')

        // Enterprise form with errors: a wrong check character, then Save with fields missing.
        await page.getByTestId('nav-enterprises').click()
        await page.getByTestId('enterprise-create').click()
        await page.getByTestId('enterprise-form').waitFor()
        await page
          .getByTestId('ent-name')
          .fill(t('衡阳示例化工有限公司', 'Hengyang Example Chemicals Co.'))
        await page.getByTestId('ent-credit-code').fill(withWrongCheck(newCreditCode('430426')))
        await page.getByTestId('ent-credit-code-error').waitFor()
        await page.getByTestId('ent-save').click()
        await page.getByTestId('ent-jurisdiction-error').waitFor()
        await page.getByTestId('ent-sectors-error').waitFor()
        await page.locator('.el-message').first().waitFor()
        await checkPage(page, lang)
        assert.match(
          await page.getByTestId('ent-credit-code-error').innerText(),
          lang === 'en' ? /check character/ : /校验位/,
        )
        await take('enterprise-form-error')
      })
    }

    assert.equal(files.length, 14 * LANGS.length)
    for (const f of files) assert.ok(fs.statSync(f).size > 10_000, `${f} is a real picture`)
  },
)
