// Scenario 12: users. An administrator creates an enterprise officer with their enterprise (searched
// among the enterprises of the unit chosen, name and credit code shown); the server's refusals (a
// common password, one containing the username, an enterprise outside the administrator's
// jurisdiction) are shown at their fields in Chinese; the list and the edit dialog show the
// enterprise; a user of another role is sent without one. On a phone (390×844) the sign-in page
// (also when the server refuses the page's address) and the user dialog fit the screen and work.
// Nothing here depends on the testing clock (the sessions are fresh).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  TEST_TIMEOUT,
  apiLogin,
  chooseJurisdiction,
  chooseOption,
  escapeRe,
  eventually,
  loginViaForm,
  openAs,
  settle,
  tag,
  url,
  withBrowser,
} from './lib.mjs'

const PHONE = { width: 390, height: 844 }

/** The error Element Plus shows under the form item holding `testid`. */
const fieldError = (page, testid) =>
  page
    .locator('.el-form-item', { has: page.locator(`[data-testid="${testid}"]`) })
    .locator('.el-form-item__error')

/** The enterprise list request the enterprise field makes (its unit, and what was typed). */
const enterpriseSearch = (page, match) =>
  page.waitForResponse((r) => {
    const u = new URL(r.url())
    return u.pathname === '/api/v1/enterprises' && r.request().method() === 'GET' && match(u.searchParams)
  })

/** The user creation request and its answer, after `action`. */
async function createRequest(page, action) {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => new URL(r.url()).pathname === '/api/v1/users' && r.request().method() === 'POST',
    ),
    action(),
  ])
  return { body: response.request().postDataJSON(), status: response.status(), answer: await response.json() }
}

/** Opens the new-user dialog, fills the fields every user has, picks role and unit. */
async function startUser(page, { username, role, unit = '祁东县' }) {
  await page.getByTestId('user-create').click()
  await page.getByTestId('user-username').waitFor()
  await page.getByTestId('user-username').fill(username)
  await page.getByTestId('user-display-name').fill(`E2E ${username}`)
  await chooseOption(page, 'user-role', role)
  if (role === '企业安全员') {
    const first = enterpriseSearch(page, (q) => q.get('jurisdiction') === '430426' && q.get('limit') === '20')
    await chooseJurisdiction(page, 'user-jurisdiction', unit)
    await first
  } else {
    await chooseJurisdiction(page, 'user-jurisdiction', unit)
  }
}

/** Types into the enterprise field and picks the enterprise `e` from what the search found. */
async function pickEnterprise(page, e) {
  const select = page.locator('.el-select[data-testid=user-enterprise]')
  await select.click()
  const found = enterpriseSearch(page, (q) => q.get('q') === e.name && q.get('jurisdiction') === '430426')
  await select.locator('input').fill(e.name)
  await found
  const option = page.getByTestId(`user-enterprise-option-${e.id}`)
  await option.waitFor()
  assert.match(await option.innerText(), new RegExp(`${escapeRe(e.name)}\\s*${e.credit_code}`))
  await option.click()
}

test('an enterprise officer is created with their enterprise; refusals show at their fields in Chinese', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const admin = await apiLogin('admin')
  const enterprises = (await admin.get('/api/v1/enterprises?jurisdiction=430426&active=true&limit=5')).items
  assert.ok(enterprises.length >= 2)
  const ent = enterprises[1]
  const username = `ent-e2e-${tag().toLowerCase()}`

  await withBrowser({}, async ({ page }) => {
    await openAs(page, 'admin', '/users')
    await settle(page)
    await startUser(page, { username, role: '企业安全员' })
    await page.getByTestId('user-enterprise').waitFor()

    // Required: the form says so before anything is sent.
    await page.getByTestId('user-password').fill('password123')
    await page.getByTestId('user-save').click()
    await eventually(async () =>
      assert.equal(await fieldError(page, 'user-enterprise').innerText(), '请选择所属企业'),
    )

    await pickEnterprise(page, ent)
    await eventually(async () =>
      assert.equal(await fieldError(page, 'user-enterprise').count(), 0, 'picking clears it'),
    )

    // A common password, then one containing the username: refused by the server, in Chinese.
    let sent = await createRequest(page, () => page.getByTestId('user-save').click())
    assert.equal(sent.status, 400)
    assert.equal(sent.body.enterprise_id, ent.id)
    await eventually(async () =>
      assert.match(await fieldError(page, 'user-password').innerText(), /^密码过于常见/),
    )
    assert.equal(await page.getByTestId('user-error').count(), 0, 'no alert above the form')
    await page.getByTestId('user-password').fill(`${username}7Q`)
    await eventually(async () =>
      assert.equal(await fieldError(page, 'user-password').count(), 0, 'typing clears it'),
    )
    sent = await createRequest(page, () => page.getByTestId('user-save').click())
    assert.equal(sent.answer.error.message, '密码不能包含用户名', 'the server speaks the page\'s language')
    await eventually(async () =>
      assert.equal(await fieldError(page, 'user-password').innerText(), '密码不能包含用户名'),
    )
    const password = `Qd${tag()}x7`
    await page.getByTestId('user-password').fill(password)

    // An enterprise outside the administrator's jurisdiction (the request changed on its way):
    // the server's refusal at enterprise_id shows at the enterprise field.
    await page.route('**/api/v1/users', (route) => {
      const body = route.request().postDataJSON()
      return route.continue({ postData: JSON.stringify({ ...body, enterprise_id: 2 ** 40 }) })
    })
    sent = await createRequest(page, () => page.getByTestId('user-save').click())
    assert.equal(sent.status, 400)
    assert.equal(sent.answer.error.field, 'enterprise_id')
    await eventually(async () =>
      assert.equal(await fieldError(page, 'user-enterprise').innerText(), '您的管辖范围内没有该企业'),
    )
    await page.unroute('**/api/v1/users')

    sent = await createRequest(page, () => page.getByTestId('user-save').click())
    assert.equal(sent.status, 201, JSON.stringify(sent.answer))
    assert.equal(sent.answer.enterprise_id, ent.id)
    await page.getByTestId('user-dialog').waitFor({ state: 'hidden' })

    // The list shows the enterprise by name; so does the edit dialog (where it cannot change).
    const row = page
      .locator('[data-testid=users-table] .el-table__body-wrapper tbody tr')
      .filter({ hasText: username })
    await eventually(async () =>
      assert.equal((await row.getByTestId('user-enterprise-link').innerText()).trim(), ent.name),
    )
    await row.getByTestId(`user-edit-${sent.answer.id}`).click()
    await eventually(async () =>
      assert.equal((await page.getByTestId('user-enterprise-fixed').innerText()).trim(), ent.name),
    )
    await page.locator('[data-testid=user-dialog] .el-dialog__headerbtn').click()
    await page.getByTestId('user-dialog').waitFor({ state: 'hidden' })

    // Another role: no enterprise field and none sent, even after one was picked.
    const other = `duty-e2e-${tag().toLowerCase()}`
    await startUser(page, { username: other, role: '企业安全员' })
    await pickEnterprise(page, ent)
    await chooseOption(page, 'user-role', '县区值班员')
    await page.getByTestId('user-enterprise').waitFor({ state: 'detached' })
    await page.getByTestId('user-password').fill(`Zp${tag()}4k`)
    sent = await createRequest(page, () => page.getByTestId('user-save').click())
    assert.equal(sent.status, 201, JSON.stringify(sent.answer))
    assert.ok(!('enterprise_id' in sent.body), JSON.stringify(sent.body))
    assert.equal(sent.answer.enterprise_id, null)
  })

  const [created] = (await admin.get(`/api/v1/users?q=${username}`)).items
  assert.equal(created.role, 'enterprise_officer')
  assert.equal(created.enterprise_id, ent.id)
  assert.equal(created.jurisdiction, '430426')
})

/** Asserts the element is inside the phone's screen from side to side (after scrolling to it). */
async function onScreen(page, locator, what) {
  await locator.scrollIntoViewIfNeeded()
  const box = await locator.boundingBox()
  assert.ok(box, `${what}: not shown`)
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width + 0.5, `${what}: ${JSON.stringify(box)}`)
  assert.ok(box.y >= 0 && box.y + box.height <= PHONE.height + 0.5, `${what}: ${JSON.stringify(box)}`)
}

async function noSidewaysScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }))
  assert.ok(scroll <= client, `the page scrolls sideways: ${scroll} > ${client}`)
}

test('on a phone: the sign-in page (also refused for its address) and the user dialog fit and work', {
  timeout: TEST_TIMEOUT,
}, async () => {
  await withBrowser({ viewport: PHONE }, async ({ page }) => {
    await page.goto(url('/login'))
    await page.getByTestId('login-username').waitFor()
    await settle(page)
    await noSidewaysScroll(page)
    for (const id of ['login-username', 'login-password', 'login-submit', 'lang-switch']) {
      await onScreen(page, page.getByTestId(id), id)
    }

    // Opened at an address the server does not take sign-ins from (as behind a proxy that is not
    // in public_origins): the sign-in is sent with that Origin, and the real server's 403 is shown.
    await page.route('**/api/v1/auth/login', async (route) => {
      const headers = { ...route.request().headers(), origin: 'http://10.20.30.40:8080' }
      await route.fulfill({ response: await route.fetch({ headers }) })
    })
    await page.getByTestId('login-username').fill('admin')
    await page.getByTestId('login-password').fill('Demo-pass-2026')
    const [refused] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/login'),
      page.getByTestId('login-submit').click(),
    ])
    assert.equal(refused.status(), 403)
    assert.equal((await refused.json()).error.field, 'origin')
    const alert = page.getByTestId('login-error')
    await alert.waitFor()
    const text = await alert.innerText()
    assert.match(text, /服务器不接受从本页面地址发起的登录/)
    assert.match(text, /public_origins/)
    assert.match(text, /系统管理员/)
    assert.ok(text.includes(new URL(url('/')).origin), text)
    await onScreen(page, alert, 'the refusal')
    await noSidewaysScroll(page)
    await page.unroute('**/api/v1/auth/login')

    // The same page signs in once the address is accepted.
    await loginViaForm(page, 'admin')
    await page.goto(url('/users'))
    await page.getByTestId('user-create').waitFor()
    await settle(page)

    const ent = (await (await apiLogin('admin')).get('/api/v1/enterprises?jurisdiction=430426&limit=1'))
      .items[0]
    const username = `ent-phone-${tag().toLowerCase()}`
    await startUser(page, { username, role: '企业安全员' })
    const dialog = page.locator('[data-testid=user-dialog]')
    const box = await dialog.boundingBox()
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `the dialog: ${JSON.stringify(box)}`)
    await pickEnterprise(page, ent)
    await page.getByTestId('user-password').fill('password123')
    const generate = dialog.getByRole('button', { name: '生成随机密码' })
    for (const [what, l] of [
      ['username', page.getByTestId('user-username')],
      ['display name', page.getByTestId('user-display-name')],
      ['password', page.getByTestId('user-password')],
      ['generate', generate],
      ['role', page.getByTestId('user-role')],
      ['unit', page.locator('.el-select[data-testid=user-jurisdiction]')],
      ['enterprise', page.locator('.el-select[data-testid=user-enterprise]')],
      ['phone', page.getByTestId('user-phone')],
      ['save', page.getByTestId('user-save')],
      ['close', dialog.locator('.el-dialog__headerbtn')],
    ]) {
      await onScreen(page, l, what)
    }
    // The server's refusal at the password field is readable on the phone too.
    await page.getByTestId('user-save').click()
    const error = fieldError(page, 'user-password')
    await eventually(async () => assert.match(await error.innerText(), /^密码过于常见/))
    await onScreen(page, error, 'the password error')

    await generate.click()
    const sent = await createRequest(page, () => page.getByTestId('user-save').click())
    assert.equal(sent.status, 201, JSON.stringify(sent.answer))
    assert.equal(sent.answer.enterprise_id, ent.id)
    await dialog.waitFor({ state: 'hidden' })
  })
})
