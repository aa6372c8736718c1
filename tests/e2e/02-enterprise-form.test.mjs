// Scenario 2: registering an enterprise. A wrong credit code is refused at the field as it is
// typed (the check character); a code the client accepts but the server refuses (already
// registered) shows the server's error next to the field and keeps everything typed; once fixed,
// the save goes through and the detail page shows the new record.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  TEST_TIMEOUT,
  apiFromBrowser,
  apiLogin,
  chooseJurisdiction,
  chooseOption,
  creditCheckChar,
  eventually,
  newCreditCode,
  openAs,
  tag,
  withBrowser,
  withWrongCheck,
} from './lib.mjs'

test(
  'enterprise form: client-side and server-side credit-code errors at the field, then save',
  {
    timeout: TEST_TIMEOUT,
  },
  async () => {
    // An existing enterprise's code (a duplicate the client cannot know about).
    const admin = await apiLogin('admin')
    const existing = (await admin.get('/api/v1/enterprises?jurisdiction=430426&limit=1')).items[0]
    assert.ok(existing, 'a demo enterprise in 祁东县')

    await withBrowser({}, async ({ page, context }) => {
      await openAs(page, 'commander', '/enterprises')
      await page.getByTestId('enterprise-create').click()
      await page.waitForURL((u) => u.pathname === '/enterprises/new')
      await page.getByTestId('enterprise-form').waitFor()

      const name = `衡阳E2E测试化工有限公司${tag()}`
      const good = newCreditCode('430426')
      const wrong = withWrongCheck(good)
      const form = {
        name: page.getByTestId('ent-name'),
        code: page.getByTestId('ent-credit-code'),
        codeError: page.getByTestId('ent-credit-code-error'),
        codeItem: page
          .locator('.el-form-item')
          .filter({ has: page.getByTestId('ent-credit-code') }),
        address: page.getByTestId('ent-address'),
        contact: page.getByTestId('ent-contact-name'),
        phone: page.getByTestId('ent-contact-phone'),
      }

      await form.name.fill(name)
      // 1. Wrong check character: the field says so as it is typed, with the expected character.
      await form.code.fill(wrong.toLowerCase()) // typed in lower case: normalised to upper case
      await eventually(async () => assert.equal(await form.code.inputValue(), wrong))
      await form.codeError.waitFor()
      assert.match(await form.codeError.innerText(), /校验位不正确/)
      assert.ok((await form.codeError.innerText()).includes(`「${good[17]}」`))
      assert.match(await form.codeItem.getAttribute('class'), /is-error/, 'the field is marked')
      // Too short: another message, same place.
      await form.code.fill(good.slice(0, 10))
      await eventually(async () => assert.match(await form.codeError.innerText(), /18/))

      // 2. A code the client accepts but the server refuses: already registered.
      await form.code.fill(existing.credit_code)
      await page.getByTestId('ent-credit-code-ok').waitFor()
      await eventually(async () => assert.equal(await form.codeError.count(), 0))
      await chooseJurisdiction(page, 'ent-jurisdiction', '祁东县')
      await chooseOption(page, 'ent-sectors', '危险化学品')
      await chooseOption(page, 'ent-sectors', '消防')
      await page.keyboard.press('Escape')
      await page.getByTestId('ent-risk-color').getByText('较大风险').click()
      await form.address.fill('湖南省衡阳市祁东县E2E路1号')
      await form.contact.fill('测试员')
      await form.phone.fill('0734-6123456')

      const created = page.waitForResponse(
        (r) => r.url().endsWith('/api/v1/enterprises') && r.request().method() === 'POST',
      )
      await page.getByTestId('ent-save').click()
      const refused = await created
      assert.equal(refused.status(), 409)
      await form.codeError.waitFor()
      assert.match(await form.codeError.innerText(), /的企业已登记$/)
      assert.match(await form.codeItem.getAttribute('class'), /is-error/)
      await page.getByTestId('save-error').waitFor()
      assert.equal(new URL(page.url()).pathname, '/enterprises/new', 'still on the form')
      // Everything typed is still there.
      assert.equal(await form.name.inputValue(), name)
      assert.equal(await form.code.inputValue(), existing.credit_code)
      assert.equal(await form.address.inputValue(), '湖南省衡阳市祁东县E2E路1号')
      assert.equal(await form.contact.inputValue(), '测试员')
      assert.equal(await form.phone.inputValue(), '0734-6123456')
      const sectors = await page
        .locator('.el-select[data-testid=ent-sectors] .el-tag')
        .allInnerTexts()
      assert.deepEqual(sectors.map((s) => s.trim()).sort(), ['危险化学品', '消防'].sort())
      assert.match(
        await page.locator('.el-select[data-testid=ent-jurisdiction]').innerText(),
        /祁东县/,
      )
      assert.match(
        await page.getByTestId('ent-risk-color').locator('.is-active').innerText(),
        /较大风险/,
      )

      // 3. Fix the code: the server's error goes away as the field changes; save.
      await form.code.fill(good)
      await eventually(async () => assert.equal(await form.codeError.count(), 0))
      assert.equal(good[17], creditCheckChar(good.slice(0, 17)))
      await page.getByTestId('ent-credit-code-ok').waitFor()
      await page.getByTestId('ent-save').click()
      await page.waitForURL((u) => /^\/enterprises\/\d+$/.test(u.pathname))
      const id = Number(new URL(page.url()).pathname.split('/').pop())

      const detail = page.getByTestId('enterprise-detail')
      await detail.waitFor()
      await eventually(async () => {
        const text = await detail.innerText()
        assert.ok(text.includes(name), 'name shown')
        assert.ok(text.includes(good), 'credit code shown')
        assert.match(text, /祁东县/)
        assert.match(text, /危险化学品/)
        assert.match(text, /较大风险/)
      })
      const title = await page.locator('h1.page-title').innerText()
      assert.ok(title.includes(name), `the page title names the enterprise: ${title}`)

      // What the server holds.
      const api = await apiFromBrowser(context)
      const saved = await api.get(`/api/v1/enterprises/${id}`)
      assert.equal(saved.name, name)
      assert.equal(saved.credit_code, good)
      assert.equal(saved.jurisdiction, '430426')
      assert.deepEqual([...saved.sectors].sort(), ['fire', 'hazardous_chemicals'].sort())
      assert.equal(saved.risk_color, 'orange')
      assert.equal(saved.contact_phone, '0734-6123456')
      assert.equal(saved.active, true)
    })
  },
)
