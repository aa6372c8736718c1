// Scenario 4: the language switch. English labels everywhere one looks, kept through a reload,
// and back to Chinese.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { TEST_TIMEOUT, eventually, openAs, settle, withBrowser } from './lib.mjs'

async function texts(page) {
  return {
    title: await page.locator('h1.page-title').first().innerText(),
    menuHome: await page.getByTestId('nav-home').innerText(),
    menuEnterprises: await page.getByTestId('nav-enterprises').innerText(),
    unit: await page.getByTestId('user-unit').innerText(),
    card: await page.getByTestId('kpi-enterprises').locator('.kpi-title').innerText(),
    brand: await page.locator('.brand-title').innerText(),
    lang: await page.evaluate(() => document.documentElement.lang),
    docTitle: await page.title(),
  }
}

test(
  'language: switch to English, still English after a reload, back to Chinese',
  {
    timeout: TEST_TIMEOUT,
  },
  async () => {
    await withBrowser({}, async ({ page }) => {
      await openAs(page, 'commander')
      await settle(page)
      const zh = await texts(page)
      assert.equal(zh.title, '指挥中心')
      assert.equal(zh.menuHome, '指挥中心首页')
      assert.match(zh.unit, /衡阳市/)
      assert.equal(zh.lang, 'zh-CN')

      // To English.
      await page.getByTestId('lang-switch').click()
      const english = async () => {
        const en = await texts(page)
        assert.equal(en.title, 'Command center')
        assert.equal(en.menuHome, 'Command center')
        assert.equal(en.menuEnterprises, 'Enterprises')
        assert.match(en.unit, /Hengyang City/)
        assert.equal(en.card, 'Registered enterprises')
        assert.match(en.brand, /Anlan · Emergency Command Platform/)
        assert.equal(en.lang, 'en')
        // No Chinese left in the menu.
        assert.doesNotMatch(await page.locator('.shell-aside').innerText(), /[\u4e00-\u9fff]/)
      }
      await eventually(english)
      // The map's unit names are in English too.
      await eventually(async () =>
        assert.ok(
          (await page
            .getByTestId('home-map')
            .locator('.unit-label', { hasText: 'Qidong County' })
            .count()) === 1,
        ),
      )

      // A reload keeps English.
      await page.reload()
      await page.getByTestId('user-unit').waitFor()
      await eventually(english)

      // Another page: English labels and buttons.
      await page.getByTestId('nav-enterprises').click()
      await page.waitForURL((u) => u.pathname === '/enterprises')
      await eventually(async () => {
        assert.equal(await page.locator('h1.page-title').innerText(), 'Enterprise register')
        assert.match(await page.getByTestId('export-csv').innerText(), /Export CSV/)
        assert.match(
          await page.getByTestId('enterprise-table').innerText(),
          /Unified social credit code/,
        )
      })
      assert.match(await page.title(), /Enterprises - Anlan/)

      // Back to Chinese, and it stays so.
      await page.getByTestId('lang-switch').click()
      await eventually(async () => {
        assert.equal(await page.locator('h1.page-title').innerText(), '企业名录')
        assert.match(await page.getByTestId('export-csv').innerText(), /导出 CSV/)
        assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN')
      })
      await page.reload()
      await page.getByTestId('user-unit').waitFor()
      await eventually(async () => {
        assert.equal(await page.locator('h1.page-title').innerText(), '企业名录')
        assert.match(await page.getByTestId('user-unit').innerText(), /衡阳市/)
      })
    })
  },
)
