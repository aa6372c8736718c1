// Scenario 10: duty rooms and the random video spot check (值班值守, 视频连线抽查).
//  a) The duty room's daily pages as the 祁东县 duty officer: the console (sound held back by the
//     browser until a click: said, and one click turns it on), the rota (a shift whose end is
//     before its start is refused at its field; a good one is added), the duty log (a
//     hand-over), and intake: a report with a phone number the server refuses shows the refusal
//     at the phone field; recorded and passed up, it appears on the city's intake page at once
//     (event bus, no reload). Screenshots in both languages.
//  b) The spot check, with two Chromium browsers and fake cameras: the commander names 祁东县 and
//     衡阳县 (whose officer never signs in), rings 祁东县; the officer's console rings (full-screen);
//     the officer answers; both sides decode video frames (RTCPeerConnection statistics); the
//     commander records "criticised" with remarks, which ends the call on both sides. The commander
//     rings the second room; nobody answers; the server's clock moves past the answer time and the
//     page shows "no answer". The check is finished; its notice lists both rooms' outcomes. A random
//     draw from a seed shows the seed and how to repeat it (the same seed draws the same rooms);
//     finished early, its rooms are not rung. Then the room statistics. Screenshots of the ringing
//     console, the call (both sides, both languages), the notice, the statistics.
// This file moves the server's clock (testing clock): it runs after the others (run.sh).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  LANGS,
  MEDIA_ARGS,
  TEST_TIMEOUT,
  advanceClock,
  apiLogin,
  eventually,
  inputOf,
  openAs,
  openBrowser,
  pageChecker,
  serverNow,
  settle,
  shot,
  tag,
  url,
  withBrowser,
} from './lib.mjs'

const OFFICER = 'duty-430426' // 祁东县
const ROOM = '430426'
const SILENT_ROOM = '430421' // 衡阳县: its officer never signs in

// An i18n key shown instead of its text ("duty.rota.title").
const checkPage = pageChecker(
  /\b(duty|nav|common|errors|validation|notices)\.[a-z][A-Za-z_]+\.?[A-Za-z_]*/,
)

/** Video frames decoded from the other side, from the page's RTCPeerConnection (see call.ts). */
async function framesDecoded(page) {
  return page.evaluate(async () => {
    const pc = window.__anlanPeer
    if (!pc || pc.connectionState === 'closed') return 0
    const report = await pc.getStats()
    let frames = 0
    report.forEach((s) => {
      if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0
    })
    return frames
  })
}

/** The same for a textarea (el-input type="textarea" puts the test id on the textarea). */
const textareaOf = (page, testid) =>
  page.locator(`textarea[data-testid="${testid}"], [data-testid="${testid}"] textarea`).first()

/** yyyy-MM-dd HH:mm in the browsers' zone (Asia/Shanghai, as lib.mjs sets it). */
function local(ms) {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ')
}

async function fillDateTime(page, testid, ms) {
  const input = inputOf(page, testid)
  await input.click()
  await input.fill(local(ms))
  await input.press('Enter')
  await page.keyboard.press('Tab')
}

// --- a) the duty room's pages ----------------------------------------------------------------------

test(
  'duty room pages: console, rota, log, intake passed up live; field errors',
  { timeout: 2 * TEST_TIMEOUT },
  async () => {
    const mark = tag()
    // The city's intake page stays open while the county passes a report up.
    const city = await openBrowser({})
    try {
      await openAs(city.page, 'commander', '/duty/intake')
      await city.page
        .getByTestId('intake-table')
        .or(city.page.getByTestId('state-empty'))
        .first()
        .waitFor()

      await withBrowser({}, async ({ context, page }) => {
        // Opened without any click (a browser left signed in on the console overnight): sound is
        // held back until one; the console says so and one click turns the ring tone on. The
        // session comes as cookies, so this browser has had no user gesture at all (a sign-in
        // through the form is one, and Chromium may carry it over a reload).
        const officer = await apiLogin(OFFICER)
        await context.addCookies([
          { name: 'anlan_session', value: officer.session, url: url('/') },
          { name: 'anlan_csrf', value: officer.csrf, url: url('/') },
        ])
        await page.goto(url('/duty'))
        await page.getByTestId('duty-console').waitFor()
        await page.getByTestId('console-shift').waitFor()
        // Headless Chromium does not always hold sound back (it depends on when the page makes its
        // audio context): when it does, the console says so and one click turns the ring tone on;
        // when it does not, the console says sound is on.
        const soundHint = page.getByTestId('console-sound')
        const soundOk = page.getByTestId('console-sound-ok')
        await soundHint.or(soundOk).first().waitFor()
        if (await soundHint.count()) {
          assert.match(await soundHint.innerText(), /暂停本页的声音/)
          await soundHint.getByRole('button').click()
        }
        await soundOk.waitFor()
        assert.equal(await soundHint.count(), 0)

        // Rota: a shift ending before it starts is refused at the end field.
        await page.getByTestId('nav-duty-rota').click()
        await page.waitForURL((u) => u.pathname === '/duty/rota')
        await page.getByTestId('rota-grid').waitFor()
        await page.getByTestId('rota-add').click()
        await page.getByTestId('shift-leader').fill(`带班领导${mark}`)
        await page.getByTestId('shift-officer1').fill(`值班员甲${mark}`)
        // Two weeks ahead of the server's clock (which the hazard loop has moved on).
        const start = (await serverNow()) + 14 * 24 * 3600 * 1000
        await fillDateTime(page, 'shift-starts', start)
        await fillDateTime(page, 'shift-ends', start - 3600 * 1000)
        await page.getByTestId('shift-save').click()
        const endError = page.getByTestId('field-error-ends_at')
        await endError.waitFor()
        assert.match(await endError.innerText(), /结束时间必须晚于开始时间/)
        await fillDateTime(page, 'shift-ends', start + 12 * 3600 * 1000)
        await page.getByTestId('shift-save').click()
        await page.getByTestId('shift-dialog').waitFor({ state: 'hidden' })
        // The rota moved to that week and shows the shift.
        await page
          .getByTestId('rota-shift')
          .filter({ hasText: `带班领导${mark}` })
          .first()
          .waitFor()

        // Log: a hand-over.
        await page.getByTestId('nav-duty-log').click()
        await page.waitForURL((u) => u.pathname === '/duty/log')
        await page.getByTestId('log-form').waitFor()
        await page.getByTestId('log-kind').getByText('交接班').click()
        await textareaOf(page, 'log-text').fill(`交接：某乡山洪隐患点夜间加强巡查 ${mark}`)
        await page.getByTestId('log-save').click()
        await page
          .locator('[data-testid=log-entry][data-kind=handover]')
          .filter({ hasText: mark })
          .waitFor()

        // Intake: the server refuses the phone number; shown at the phone field, in Chinese.
        await page.getByTestId('nav-duty-intake').click()
        await page.waitForURL((u) => u.pathname === '/duty/intake')
        await page.getByTestId('in-reporter-name').fill('张建华')
        await page.getByTestId('in-reporter-unit').fill('祁东县某镇政府')
        await page.getByTestId('in-reporter-phone').fill('call me back')
        await page.getByTestId('in-event-type').click()
        await page
          .locator('.el-select-dropdown__item:visible')
          .filter({ hasText: /^\s*道路交通事故\s*$/ })
          .click()
        await page.getByTestId('in-place').fill(`G322 国道某镇路段 ${mark}`)
        await page.getByTestId('in-scope').fill('双向交通中断')
        await inputOf(page, 'in-injured').fill('2')
        await textareaOf(page, 'in-handling').fill('交警、120 已到场，正在疏导交通')
        await textareaOf(page, 'in-help').fill('请求市级调派重型清障车')
        await page.getByTestId('intake-save').click()
        const phoneError = page.getByTestId('field-error-reporter_phone')
        await phoneError.waitFor()
        assert.match(await phoneError.innerText(), /联系电话只能包含数字/)
        await page.getByTestId('in-reporter-phone').fill('0734-6123456')
        await page.getByTestId('intake-save-pass').click()
        const row = page
          .locator('[data-testid=intake-table] .el-table__body-wrapper tbody tr')
          .filter({ hasText: mark })
        await row.waitFor()
        await eventually(async () => assert.match(await row.innerText(), /已上报/))

        // The city's page shows it without a reload.
        const cityRow = city.page
          .locator('[data-testid=intake-table] .el-table__body-wrapper tbody tr')
          .filter({ hasText: mark })
        await cityRow.waitFor({ timeout: 10_000 })
        assert.match(await cityRow.innerText(), /祁东县/)
        assert.match(await cityRow.innerText(), /已上报/)
      })

      // Screenshots of the duty officer's pages in both languages.
      for (const lang of LANGS) {
        await withBrowser({ locale: lang }, async ({ page }) => {
          const take = (name) => shot(page, `${name}-${lang}`)
          await openAs(page, OFFICER, '/duty')
          await page.getByTestId('console-shift').waitFor()
          await checkPage(page, lang)
          await take('duty-console')
          await page.getByTestId('nav-duty-rota').click()
          await page.getByTestId('rota-grid').waitFor()
          await checkPage(page, lang)
          await take('duty-rota')
          await page.getByTestId('nav-duty-log').click()
          await page.getByTestId('log-list').waitFor()
          await checkPage(page, lang)
          await take('duty-log')
          await page.getByTestId('nav-duty-intake').click()
          await page.getByTestId('intake-table').waitFor()
          await checkPage(page, lang)
          await take('duty-intake')
        })
        // The city's console: every county room's presence, reports passed up; its intake list.
        await withBrowser({ locale: lang }, async ({ page }) => {
          await openAs(page, 'commander', '/duty')
          await page.getByTestId('console-presence').waitFor()
          await page.getByTestId('console-passed-up-item').first().waitFor()
          await checkPage(page, lang)
          await shot(page, `duty-console-city-${lang}`)
          await page.getByTestId('nav-duty-intake').click()
          await page.getByTestId('intake-table').waitFor()
          await checkPage(page, lang)
          await shot(page, `duty-intake-city-${lang}`)
        })
      }
      assert.deepEqual(city.pageErrors, [])
    } finally {
      await city.close()
    }
  },
)

// --- b) the spot check -------------------------------------------------------------------------------

test(
  'spot check: ring, answer, video both ways, criticised; a room that never answers; the notice',
  { timeout: 3 * TEST_TIMEOUT },
  async () => {
    const media = { args: MEDIA_ARGS, permissions: ['camera', 'microphone'] }
    const officer = await openBrowser(media)
    const commander = await openBrowser(media)
    const remarks = `值班员未按两分钟汇报模板汇报，带班领导不在岗 ${tag()}`
    let id = 0
    try {
      // The officer keeps the duty console open.
      await openAs(officer.page, OFFICER, '/duty')
      await officer.page.getByTestId('duty-console').waitFor()

      // The city's console sees 祁东县 online.
      await openAs(commander.page, 'commander', '/duty')
      await commander.page
        .locator(`[data-testid=console-presence] [data-room="${ROOM}"] [data-online=true]`)
        .waitFor()
      await settle(commander.page)
      await shot(commander.page, 'duty-console-city-online-zh-CN')

      // The commander names 祁东县 and 衡阳县, in that order.
      await commander.page.getByTestId('nav-spot-checks').click()
      await commander.page.getByTestId('check-new').click()
      await commander.page.waitForURL((u) => u.pathname === '/spot-checks/new')
      await commander.page.getByTestId('check-mode').getByText('指定抽查').click()
      for (const code of [ROOM, SILENT_ROOM]) {
        await commander.page.locator(`[data-testid=check-room][data-room="${code}"]`).click()
      }
      await settle(commander.page)
      await shot(commander.page, 'duty-spot-check-new-zh-CN')
      await commander.page.getByTestId('check-start').click()
      await commander.page.waitForURL((u) => /^\/spot-checks\/\d+$/.test(u.pathname))
      id = Number(new URL(commander.page.url()).pathname.split('/').pop())
      const roomRow = (code) =>
        commander.page.locator(`[data-testid=run-room][data-room="${code}"]`)
      await roomRow(ROOM).waitFor()
      assert.equal(await roomRow(ROOM).getAttribute('data-state'), 'waiting')

      // Ring 祁东县: its console rings, full-screen.
      await commander.page.getByTestId(`ring-${ROOM}`).click()
      await commander.page.getByTestId('ringing-panel').waitFor()
      const ring = officer.page.getByTestId('ring-overlay')
      await ring.waitFor({ timeout: 10_000 })
      assert.ok(await ring.isVisible())
      assert.match(await ring.innerText(), /视频点名来电/)
      assert.match(await officer.page.getByTestId('ring-countdown').innerText(), /剩余 \d+ 秒/)
      await shot(officer.page, 'duty-ringing-zh-CN')
      await shot(commander.page, 'duty-run-ringing-zh-CN')

      // The officer answers: camera and microphone, the call.
      await officer.page.getByTestId('ring-answer').click()
      await officer.page.getByTestId('call-overlay').waitFor()
      await ring.waitFor({ state: 'hidden' })
      await commander.page.getByTestId('call-panel').waitFor()

      // Video frames decoded on both sides.
      for (const [who, page] of [
        ['commander', commander.page],
        ['officer', officer.page],
      ]) {
        await eventually(
          async () =>
            assert.ok((await framesDecoded(page)) > 0, `${who}: no video frames decoded yet`),
          { timeout: 30_000, interval: 250 },
        )
      }
      await eventually(async () =>
        assert.equal(
          await commander.page.getByTestId('call-view').getAttribute('data-phase'),
          'connected',
        ),
      )
      await eventually(async () =>
        assert.equal(
          await officer.page.getByTestId('call-view').getAttribute('data-phase'),
          'connected',
        ),
      )
      // A few seconds of video before the pictures.
      await eventually(async () => assert.ok((await framesDecoded(officer.page)) > 40), {
        timeout: 20_000,
        interval: 250,
      })
      await shot(commander.page, 'duty-call-commander-zh-CN')
      await shot(officer.page, 'duty-call-officer-zh-CN')

      // The commander records the outcome: off post, criticised, remarks; the call ends.
      await commander.page.getByTestId('assess-on-post').click()
      await textareaOf(commander.page, 'assess-report').fill(
        '在岗一人，辖区总体平稳；带班领导外出未报备。',
      )
      await commander.page.getByTestId('assess-grade').getByText('批评').click()
      await textareaOf(commander.page, 'assess-remarks').fill(remarks)
      await commander.page.getByTestId('assess-submit').click()
      await eventually(async () =>
        assert.equal(await roomRow(ROOM).getAttribute('data-state'), 'assessed'),
      )
      const outcome = officer.page.getByTestId('call-outcome')
      await outcome.waitFor()
      assert.match(await outcome.innerText(), /批评/)
      assert.match(await outcome.innerText(), new RegExp(remarks.slice(0, 10)))
      assert.equal(await officer.page.getByTestId('call-view').getAttribute('data-phase'), 'ended')
      await officer.page.getByTestId('call-close').click()

      // The second room: rung, never answered; the answer time passes on the server's clock.
      await commander.page.getByTestId('ring-next').click()
      await commander.page
        .locator(`[data-testid=ringing-panel][data-room="${SILENT_ROOM}"]`)
        .waitFor()
      const api = await apiLogin('commander')
      const before = await api.get(`/api/v1/roll-calls/${id}`)
      assert.equal(before.rooms.find((r) => r.room === SILENT_ROOM).state, 'ringing')
      // The officer of 祁东县 is not rung for another room.
      assert.equal(await officer.page.getByTestId('ring-overlay').count(), 0)
      await advanceClock(61_000)
      await eventually(
        async () =>
          assert.equal(await roomRow(SILENT_ROOM).getAttribute('data-state'), 'no_answer'),
        { timeout: 15_000 },
      )
      assert.match(await roomRow(SILENT_ROOM).innerText(), /未接通/)
      await eventually(async () =>
        assert.equal(
          await commander.page.getByTestId('check-state').getAttribute('data-state'),
          'finished',
        ),
      )

      // The notice lists both rooms' outcomes.
      await commander.page.getByTestId('notice-link').click()
      await commander.page.waitForURL((u) => u.pathname === `/spot-checks/${id}/notice`)
      const doc = commander.page.getByTestId('check-notice')
      await doc.waitFor()
      const row = (code) => doc.locator(`[data-testid=notice-room][data-room="${code}"]`)
      await row(ROOM).waitFor()
      assert.match(await row(ROOM).innerText(), /祁东县/)
      assert.match(await row(ROOM).getByTestId('notice-outcome').innerText(), /批评/)
      assert.equal(await row(ROOM).getByTestId('notice-remarks').innerText(), remarks)
      assert.match(await row(ROOM).innerText(), new RegExp(OFFICER))
      assert.match(await row(SILENT_ROOM).innerText(), /衡阳县/)
      assert.match(await row(SILENT_ROOM).getByTestId('notice-outcome').innerText(), /未接通/)
      assert.match(await doc.getByTestId('notice-criticised').innerText(), /祁东县/)
      assert.match(await doc.getByTestId('notice-no-answer').innerText(), /衡阳县/)
      const saved = await api.get(`/api/v1/roll-calls/${id}`)
      assert.equal(saved.state, 'finished')
      const savedRoom = saved.rooms.find((r) => r.room === ROOM)
      assert.deepEqual(
        {
          state: savedRoom.state,
          assessment: savedRoom.assessment,
          on_post: savedRoom.on_post,
          remarks: savedRoom.remarks,
          answered_by: savedRoom.answered_by,
        },
        {
          state: 'assessed',
          assessment: 'criticised',
          on_post: false,
          remarks,
          answered_by: OFFICER,
        },
      )
      if (saved.notice) {
        assert.equal(await doc.getByTestId('notice-number').innerText(), saved.notice.number)
      }
      await settle(commander.page)
      await shot(commander.page, 'duty-notice-zh-CN', { fullPage: true })

      // A random draw from a seed: the page shows the seed and how to repeat the draw; the same
      // seed draws the same rooms again. Finished early, its rooms are recorded as not rung.
      const seed = `e2e-${tag()}`
      await commander.page.goto(url('/spot-checks/new'))
      await commander.page.getByTestId('check-mode').getByText('随机抽查').click()
      await inputOf(commander.page, 'check-count').fill('3')
      await inputOf(commander.page, 'check-seed').fill(seed)
      await commander.page.getByTestId('check-start').click()
      await commander.page.waitForURL(
        (u) => /^\/spot-checks\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${id}`),
      )
      const drawId = Number(new URL(commander.page.url()).pathname.split('/').pop())
      assert.equal(await commander.page.getByTestId('check-seed-value').innerText(), seed)
      assert.match(
        await commander.page.getByTestId('check-reproduce').innerText(),
        new RegExp(`"random":3,"seed":"${seed}"`),
      )
      const drawn = (await api.get(`/api/v1/roll-calls/${drawId}`)).rooms.map((r) => r.room)
      assert.equal(drawn.length, 3)
      assert.deepEqual(
        await commander.page
          .locator('[data-testid=run-room]')
          .evaluateAll((els) => els.map((e) => e.dataset.room)),
        drawn,
      )
      const again = await api.call('POST', '/api/v1/roll-calls', {
        random: 3,
        seed,
      })
      assert.equal(again.status, 201, JSON.stringify(again.body))
      assert.deepEqual(
        again.body.rooms.map((r) => r.room),
        drawn,
        'the same seed draws the same rooms',
      )
      await settle(commander.page)
      await shot(commander.page, 'duty-run-random-zh-CN')
      await commander.page.getByTestId('check-finish').click()
      await commander.page
        .locator('.el-message-box')
        .getByRole('button', { name: '结束抽查' })
        .click()
      await eventually(async () =>
        assert.equal(
          await commander.page.getByTestId('check-state').getAttribute('data-state'),
          'finished',
        ),
      )
      assert.deepEqual(
        await commander.page
          .locator('[data-testid=run-room]')
          .evaluateAll((els) => els.map((e) => e.dataset.state)),
        ['skipped', 'skipped', 'skipped'],
      )
      assert.match(
        await commander.page.locator('[data-testid=run-room]').first().innerText(),
        /未呼叫/,
      )
      const finishedAgain = await api.call('POST', `/api/v1/roll-calls/${again.body.id}/finish`, {})
      assert.equal(finishedAgain.status, 200, JSON.stringify(finishedAgain.body))

      // The ring and the call in English (for the screenshots): a check of 祁东县 alone, good.
      for (const page of [officer.page, commander.page])
        await page.getByTestId('lang-switch').click()
      await commander.page.goto(url('/spot-checks/new'))
      await commander.page.getByTestId('check-mode').getByText('Named rooms').click()
      await commander.page.locator(`[data-testid=check-room][data-room="${ROOM}"]`).click()
      await commander.page.getByTestId('check-start').click()
      await commander.page.waitForURL(
        (u) => /^\/spot-checks\/\d+$/.test(u.pathname) && !u.pathname.endsWith(`/${id}`),
      )
      await commander.page.getByTestId(`ring-${ROOM}`).click()
      await ring.waitFor({ timeout: 10_000 })
      assert.match(await ring.innerText(), /Spot-check video call/)
      await shot(officer.page, 'duty-ringing-en')
      await officer.page.getByTestId('ring-answer').click()
      await commander.page.getByTestId('call-panel').waitFor()
      for (const page of [commander.page, officer.page]) {
        await eventually(async () => assert.ok((await framesDecoded(page)) > 0), {
          timeout: 30_000,
          interval: 250,
        })
      }
      await eventually(async () => assert.ok((await framesDecoded(officer.page)) > 40), {
        timeout: 20_000,
        interval: 250,
      })
      await shot(commander.page, 'duty-call-commander-en')
      await shot(officer.page, 'duty-call-officer-en')
      await commander.page.getByTestId('assess-grade').getByText('Good').click()
      await commander.page.getByTestId('assess-submit').click()
      await commander.page.getByTestId('run-finished').waitFor()
      await officer.page.getByTestId('call-outcome').waitFor()
      assert.match(await officer.page.getByTestId('call-outcome').innerText(), /Good/)

      assert.deepEqual(officer.pageErrors, [], 'uncaught errors in the officer’s page')
      assert.deepEqual(commander.pageErrors, [], 'uncaught errors in the commander’s page')
    } catch (e) {
      await shot(officer.page, 'FAILED-10-officer').catch(() => undefined)
      await shot(commander.page, 'FAILED-10-commander').catch(() => undefined)
      throw e
    } finally {
      await officer.close()
      await commander.close()
    }

    // The notice in English, the statistics and the spot-check list in both languages.
    for (const lang of LANGS) {
      await withBrowser({ locale: lang }, async ({ page }) => {
        await openAs(page, 'commander', `/spot-checks/${id}/notice`)
        await page.getByTestId('notice-room').first().waitFor()
        await checkPage(page, lang)
        if (lang === 'en') {
          const doc = page.getByTestId('check-notice')
          assert.match(await doc.locator(`[data-room="${ROOM}"]`).innerText(), /Criticised/)
          assert.match(await doc.locator(`[data-room="${SILENT_ROOM}"]`).innerText(), /No answer/)
          await shot(page, `duty-notice-${lang}`, { fullPage: true })
        }
        await page.getByTestId('nav-duty-stats').click()
        await page.waitForURL((u) => u.pathname === '/duty/stats')
        await page.getByTestId('duty-stats-table').waitFor()
        await checkPage(page, lang)
        const qidong = page
          .locator('[data-testid=duty-stats-table] .el-table__body-wrapper tbody tr')
          .filter({ hasText: lang === 'en' ? /Qidong/ : /祁东县/ })
        await qidong.waitFor()
        await shot(page, `duty-stats-${lang}`)
        await page.getByTestId('nav-spot-checks').click()
        await page.getByTestId('checks-table').waitFor()
        await checkPage(page, lang)
        await shot(page, `duty-spot-checks-${lang}`)
      })
    }
  },
)
