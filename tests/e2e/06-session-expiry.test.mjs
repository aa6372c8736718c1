// Scenario 6: a session that ends sends the person to the sign-in page without losing the page
// they wanted: after signing in again they land on it.
//  a) the session is ended (POST /api/v1/auth/logout with the page's cookie and CSRF token) and
//     the page is reloaded;
//  b) the session ends on the server while the app is open (cookies still in the browser): the
//     next request's 401 sends the person to the sign-in page, which says the session ended.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  BASE,
  TEST_TIMEOUT,
  apiFromBrowser,
  apiLogin,
  eventually,
  loginViaForm,
  openAs,
  url,
  where,
  withBrowser,
} from './lib.mjs'

test(
  'an ended session returns to the wanted page after signing in again',
  {
    timeout: TEST_TIMEOUT,
  },
  async () => {
    const admin = await apiLogin('admin')
    const target = (await admin.get('/api/v1/enterprises?jurisdiction=430426&limit=1')).items[0]
    const wanted = `/enterprises/${target.id}`

    await withBrowser({}, async ({ page, context }) => {
      await openAs(page, 'commander')
      await page.goto(url(wanted))
      const detail = page.getByTestId('enterprise-detail')
      await detail.waitFor()
      assert.ok((await detail.innerText()).includes(target.name))

      // a) Sign out through the API with the page's own cookie and CSRF token; reload.
      const csrf = (await context.cookies(BASE)).find((c) => c.name === 'anlan_csrf')?.value
      assert.ok(csrf, 'the anlan_csrf cookie')
      const out = await page.request.post(url('/api/v1/auth/logout'), {
        headers: { 'X-CSRF-Token': csrf },
        data: {},
      })
      assert.ok(out.ok(), `logout: HTTP ${out.status()}`)
      const me = await page.request.get(url('/api/v1/me'))
      assert.equal(me.status(), 401, 'the session is over')
      await page.reload()
      await page.waitForURL((u) => u.pathname === '/login')
      assert.equal(new URL(page.url()).searchParams.get('redirect'), wanted)
      await page.getByTestId('login-form').waitFor()
      assert.equal(await detail.count(), 0)

      await loginViaForm(page, 'commander')
      await page.waitForURL((u) => u.pathname === wanted)
      await detail.waitFor()
      assert.ok((await detail.innerText()).includes(target.name))
      assert.equal(where(page), wanted)

      // b) The session ends on the server (as after 30 idle minutes) while the page stays open.
      const listWanted = '/enterprises?jurisdiction=430426&active=true'
      await page.goto(url(listWanted))
      await page.getByTestId('enterprise-table').waitFor()
      const api = await apiFromBrowser(context)
      const ended = await api.logout()
      assert.ok(ended.status >= 200 && ended.status < 300, `logout: HTTP ${ended.status}`)
      assert.equal((await api.call('GET', '/api/v1/me')).status, 401)
      // The browser still holds its cookies, but the server closes the page's event socket at
      // once and the page's next look (the inbox badge's) gets a 401: it goes to the sign-in page
      // by itself, without waiting for the person to do something.
      assert.ok((await context.cookies(BASE)).some((c) => c.name === 'anlan_session'))
      await page.waitForURL((u) => u.pathname === '/login')
      const redirect = new URL(page.url()).searchParams.get('redirect')
      assert.ok(redirect?.startsWith('/enterprises?'), `redirect=${redirect}`)
      assert.equal(new URL(redirect, BASE).searchParams.get('jurisdiction'), '430426')
      assert.equal(new URL(page.url()).searchParams.get('expired'), '1')
      await page.getByText('登录已失效，请重新登录').waitFor()

      await loginViaForm(page, 'commander')
      await page.waitForURL((u) => u.pathname === '/enterprises')
      assert.equal(where(page), redirect)
      await eventually(async () => {
        const rows = await page
          .locator('[data-testid=enterprise-table] .el-table__body-wrapper tbody tr')
          .count()
        assert.ok(rows > 0)
      })
      // Back on the same list, with the same filters.
      assert.equal(new URL(page.url()).searchParams.get('jurisdiction'), '430426')
      assert.equal(new URL(page.url()).searchParams.get('active'), 'true')
    })
  },
)
