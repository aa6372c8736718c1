// Scenario 11: a browser in another zone. The app shows and picks China time (Asia/Shanghai)
// whatever the browser's zone: the same hazard list, the same date in the header clock and the
// same found-at and deadline of a hazard in a browser in Shanghai and one in New York; a deadline
// picked in the New York browser is stored as 23:59:59.999 Beijing time of the day picked.
//
// For the dates to tell the zones apart, the server's testing clock is moved forward (less than a
// day) to a China morning, when it is still the day before in New York; so this runs after the
// other tests that move the clock.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import {
  TEST_TIMEOUT,
  advanceClock,
  apiLogin,
  eventually,
  inputOf,
  openAs,
  serverNow,
  settle,
  tag,
  url,
  withBrowser,
} from './lib.mjs'

const HOUR = 3600 * 1000
const DAY = 24 * HOUR
const CHINA = 8 * HOUR
const SHANGHAI = 'Asia/Shanghai'
const NEW_YORK = 'America/New_York'
const COUNTY = 'duty-430426'

/** yyyy-MM-dd and "yyyy-MM-dd HH:mm:ss" China time (UTC+8 all year) of an instant. */
const chinaDay = (ms) => new Date(ms + CHINA).toISOString().slice(0, 10)
const chinaTime = (ms) => new Date(ms + CHINA).toISOString().slice(0, 19).replace('T', ' ')
const chinaHour = (ms) => Math.floor(((ms + CHINA) % DAY) / HOUR)
/** The last millisecond of a China day "yyyy-MM-dd". */
const endOfChinaDay = (day) => Date.parse(`${day}T23:59:59.999+08:00`)

/** Moves the server's clock to the next China morning (06:00–10:00) unless it is one already. */
async function toChinaMorning() {
  const now = await serverNow()
  if (chinaHour(now) >= 6 && chinaHour(now) < 10) return now
  let target = now - ((now + CHINA) % DAY) + 7 * HOUR
  if (target <= now) target += DAY
  const moved = await advanceClock(target - now)
  assert.ok(chinaHour(moved.now) >= 6 && chinaHour(moved.now) < 10, `China ${chinaTime(moved.now)}`)
  return moved.now
}

const rowsOf = (page) =>
  page.locator('[data-testid=hazard-table] .el-table__body-wrapper tbody tr')

/** What a browser in `timezoneId` shows of the list, the header clock and one hazard. */
async function whatIsShown(timezoneId, hazardId) {
  let shown = null
  await withBrowser({ timezoneId }, async ({ page }) => {
    await openAs(page, 'commander', '/hazards?jurisdiction=430426')
    assert.equal(
      await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone),
      timezoneId,
    )
    const now = await serverNow()
    const localDay = await page.evaluate((t) => new Date(t).toLocaleDateString('en-CA'), now)
    if (timezoneId === NEW_YORK) {
      assert.notEqual(localDay, chinaDay(now), 'New York is on the day before China')
    }

    await settle(page)
    const rows = await eventually(async () => {
      const texts = await rowsOf(page).evaluateAll((trs) =>
        trs.map((tr) => tr.innerText.replace(/\s+/g, ' ').trim()),
      )
      assert.ok(texts.length > 10, `rows shown: ${texts.length}`)
      return texts
    })

    // The header clock ticks: read it between two readings of the server's time on one China day.
    const clock = await eventually(async () => {
      const before = await serverNow()
      const text = (await page.getByTestId('header-clock').innerText()).trim()
      const after = await serverNow()
      assert.equal(chinaDay(before), chinaDay(after))
      assert.match(text, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      assert.equal(text.slice(0, 10), chinaDay(before), `the clock shows ${text}`)
      assert.ok(
        [chinaHour(before), chinaHour(after)].includes(Number(text.slice(11, 13))),
        `the clock's hour: ${text}`,
      )
      return text.slice(0, 10)
    })

    await page.goto(url(`/hazards/${hazardId}`))
    await page.getByTestId('hazard-code').waitFor()
    await settle(page)
    shown = {
      rows,
      clock,
      foundAt: (await page.getByTestId('hazard-found-at').innerText()).trim(),
      deadline: (await page.getByTestId('hazard-deadline').innerText()).replace(/\s+/g, ' ').trim(),
    }
  })
  return shown
}

test('a browser in New York shows and picks the same China days as one in Shanghai', {
  timeout: 2 * TEST_TIMEOUT,
}, async () => {
  const now = await toChinaMorning()
  const commander = await apiLogin('commander')
  const county = await apiLogin(COUNTY)

  // A hazard with a deadline to read, and a new one assessed, for the step.
  const listed = await commander.get('/api/v1/hazards?jurisdiction=430426&limit=100')
  const withDeadline = listed.items.find((h) => h.deadline !== null)
  assert.ok(withDeadline, 'a hazard of 祁东县 has a deadline')
  const created = await county.call('POST', '/api/v1/hazards', {
    site: `祁东县境内乡道 X${tag()} 处`,
    jurisdiction: '430426',
    sector: 'road_traffic',
    description: 'E2E 时区：护栏缺失',
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  const assessed = await county.call('POST', `/api/v1/hazards/${created.body.id}/transitions`, {
    to: 'assessed',
    grade: 'general',
  })
  assert.equal(assessed.status, 200, JSON.stringify(assessed.body))

  const shanghai = await whatIsShown(SHANGHAI, withDeadline.id)
  const newYork = await whatIsShown(NEW_YORK, withDeadline.id)
  assert.deepEqual(newYork.rows, shanghai.rows, 'the same hazard list rows')
  assert.equal(newYork.clock, shanghai.clock)
  assert.equal(shanghai.clock, chinaDay(now))
  assert.equal(newYork.foundAt, shanghai.foundAt)
  assert.equal(shanghai.foundAt, chinaTime(withDeadline.found_at))
  assert.equal(newYork.deadline, shanghai.deadline)
  assert.ok(
    shanghai.deadline.startsWith(chinaDay(withDeadline.deadline)),
    `deadline shown: ${shanghai.deadline}`,
  )

  // In New York, the county assigns the new hazard with a slip due in three China days, picked
  // on the calendar.
  const due = chinaDay((await serverNow()) + 3 * DAY)
  await withBrowser({ timezoneId: NEW_YORK }, async ({ page }) => {
    await openAs(page, COUNTY, `/hazards/${created.body.id}`)
    await page.getByTestId('hazard-code').waitFor()
    await settle(page)
    await page.getByTestId('step-assign').click()
    await page.getByTestId('step-submit').waitFor()
    await page.getByTestId('step-slip-no').fill(`JB-430426-${tag()}`)
    await page.getByTestId('step-responsible-unit').fill('祁东县交通运输局')
    await page.getByTestId('step-assigning-unit').fill('祁东县安全生产委员会办公室')
    await page.getByTestId('step-supervising-unit').fill('祁东县应急管理局')

    await inputOf(page, 'step-slip-deadline').click()
    const picker = page.locator('.el-picker__popper.china-picker:visible')
    await picker.waitFor()
    // It opens on China's month; the day due may be in the next one.
    if (due.slice(0, 7) !== chinaDay(await serverNow()).slice(0, 7)) {
      await picker.locator('button.arrow-right').click()
    }
    await picker
      .locator('td.available:not(.prev-month):not(.next-month)')
      .filter({ hasText: new RegExp(`^\\s*${Number(due.slice(8, 10))}\\s*$`) })
      .click()
    await eventually(async () =>
      assert.equal(await inputOf(page, 'step-slip-deadline').inputValue(), due),
    )

    await page.getByTestId('step-submit').click()
    await page.getByTestId('step-submit').waitFor({ state: 'hidden' })
    await eventually(async () =>
      assert.equal(
        await page.locator('.page-title [data-testid=hazard-state]').getAttribute('data-state'),
        'assigned',
      ),
    )
    assert.match(await page.getByTestId('hazard-assignment').innerText(), new RegExp(due))
  })
  const stored = await county.get(`/api/v1/hazards/${created.body.id}`)
  assert.equal(
    stored.assignment.deadline,
    endOfChinaDay(due),
    `stored ${new Date(stored.assignment.deadline).toISOString()}, picked ${due}`,
  )
  assert.equal(new Date(stored.assignment.deadline).toISOString(), `${due}T15:59:59.999Z`)
})
