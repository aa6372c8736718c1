// Scenario 9: the hazard loop through the UI, each step signed in as the role that does it.
//  a) A major hazard at the 祁东县 demo enterprise (the one ent-430426 belongs to): registered and
//     assessed (with its confirmation), assigned (with a slip), listed for county supervision and sent
//     a suggestion letter by the county duty officer; the
//     enterprise officer starts rectification with the five-item plan (a missing item and a plan
//     deadline after the slip's are shown at their fields) and keeps the ledger; the testing clock
//     moves past the deadline, the hazard turns overdue and a notice issued by the county names it;
//     the enterprise requests acceptance with a photo (a file that is not one is refused with the
//     server's reason); the county rejects it, the enterprise asks again, the county accepts and
//     closes it off; the next notice lists it among the closed.
//  b) A general hazard the enterprise officer registers and fixes on the spot (立查立改).
//  c) A step on a page that someone else has moved on meanwhile says so (409) and offers to reload.
// First, before the clock moves: the hazard list's filters, paging, export and saved filters.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import zlib from 'node:zlib'
import fs from 'node:fs'
import {
  shot,
  TEST_TIMEOUT,
  advanceClock,
  apiFromBrowser,
  apiLogin,
  chooseJurisdiction,
  chooseOption,
  eventually,
  inputOf,
  openAs,
  readExport,
  serverNow,
  settle,
  tag,
  url,
  withBrowser,
  chinaDay,
  fillDate,
  openStep,
  pickFrom,
  submitStep,
} from './lib.mjs'

const DAY = 24 * 3600 * 1000
const COUNTY = 'duty-430426'
const ENTERPRISE = 'ent-430426'

// --- helpers -----------------------------------------------------------------------------------

/** A real PNG (w×h, one colour) built here: signature, IHDR, IDAT (zlib), IEND with CRCs. */
function png(w = 24, h = 16, rgb = [215, 38, 61]) {
  const table = new Uint32Array(256).map((_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf) => {
    let c = 0xffffffff
    for (const b of buf) c = table[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type, data) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(w, 0)
  ihdr.writeUInt32BE(h, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // RGB
  const rows = []
  for (let y = 0; y < h; y++) rows.push(Buffer.from([0, ...Array(w).fill(rgb).flat()]))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

async function buttons(page) {
  await page.getByTestId('hazard-actions').waitFor()
  return page
    .getByTestId('hazard-actions')
    .locator('button[data-testid^=step-]')
    .evaluateAll((els) => els.map((e) => e.dataset.testid))
}

/** Uploads files through the evidence picker of the open dialog, waits for them to be listed. */
async function attach(page, files, expectListed) {
  await page.getByTestId('evidence-input').setInputFiles(files)
  if (expectListed !== undefined) {
    await eventually(async () =>
      assert.equal(
        await page.locator('[data-testid=evidence-files] li').count(),
        expectListed,
      ),
    )
  }
}

/** Signs in as `user` in a fresh browser on the hazard's page and runs `fn`. */
async function asUser(user, hazardId, fn) {
  await withBrowser({}, async (b) => {
    await openAs(b.page, user, `/hazards/${hazardId}`)
    await b.page.getByTestId('hazard-code').waitFor()
    await settle(b.page)
    await fn(b.page)
  })
}

async function issueNoticeViaUi(page) {
  await page.goto(url('/notices'))
  await page.getByTestId('notice-table').waitFor()
  await page.getByTestId('notice-issue').click()
  await page.locator('.el-message-box__btns .el-button--primary').click()
  await page.waitForURL((u) => /^\/notices\/\d+$/.test(u.pathname))
  await page.getByTestId('notice-doc').waitFor()
  return Number(new URL(page.url()).pathname.split('/').pop())
}

// --- the list ------------------------------------------------------------------------------------

const rowsOf = (page) =>
  page.locator('[data-testid=hazard-table] .el-table__body-wrapper tbody tr')

/** Loads every page of the list ("load more"), returns the hazard codes shown. */
async function loadAllCodes(page) {
  const footer = page.getByTestId('list-footer')
  await footer.waitFor()
  for (let i = 0; i < 100; i++) {
    await settle(page)
    const more = footer.getByTestId('load-more')
    if ((await more.count()) === 0) break
    const before = await rowsOf(page).count()
    await more.click()
    await eventually(async () => assert.ok((await rowsOf(page).count()) > before))
  }
  return rowsOf(page).evaluateAll((rows) =>
    rows.map((r) => r.querySelector('[data-testid=hazard-link]')?.textContent?.trim() ?? ''),
  )
}

const sorted = (xs) => [...xs].sort()

test('hazard list: filters in the address, load more, export of exactly the rows shown, saved filters', {
  timeout: TEST_TIMEOUT,
}, async () => {
  await withBrowser({}, async ({ page, context }) => {
    await openAs(page, 'commander', '/hazards')
    const api = await apiFromBrowser(context)
    await settle(page)
    await chooseJurisdiction(page, 'filter-jurisdiction', '祁东县')
    await page.waitForURL((u) => u.searchParams.get('jurisdiction') === '430426')
    await chooseOption(page, 'filter-grade', '一般')
    await page.waitForURL((u) => u.searchParams.get('grade') === 'general')
    await settle(page)
    const shown = await loadAllCodes(page)
    const fromApi = await api.all('/api/v1/hazards', { jurisdiction: '430426', grade: 'general' })
    assert.ok(shown.length > 50, `more than one page (${shown.length})`)
    assert.deepEqual(sorted(shown), sorted(fromApi.map((h) => h.code)))
    for (const h of fromApi) assert.equal(h.unit, '430426')

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-csv').click(),
    ])
    assert.match(download.suggestedFilename(), /^隐患清单-\d{8}\.csv$/)
    const csv = readExport(fs.readFileSync(await download.path()))
    // Chinese headers and names (一般隐患, 祁东县), Beijing times.
    const codes = csv.records.map((r) => r['隐患编号'])
    assert.deepEqual(sorted(codes), sorted(shown), 'the CSV holds the rows shown')
    assert.ok(csv.records.every((r) => r['隐患等级'] === '一般隐患' && r['县市区'] === '祁东县'))
    assert.ok(csv.records.every((r) => /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(r['发现时间'])))

    // Save the filter by name, clear the filters, bring them back from the saved one.
    await page.getByTestId('saved-filters').click()
    await page.getByTestId('saved-filters-save').click()
    await page.locator('.el-message-box__input input').fill('祁东县一般隐患')
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await page.getByTestId('filter-reset').click()
    await page.waitForURL((u) => !u.searchParams.has('jurisdiction') && !u.searchParams.has('grade'))
    await page.getByTestId('saved-filters').click()
    await page.getByTestId('saved-filter-0').filter({ hasText: '祁东县一般隐患' }).click()
    await page.waitForURL(
      (u) => u.searchParams.get('jurisdiction') === '430426' && u.searchParams.get('grade') === 'general',
    )
    await settle(page)
    assert.match(await page.getByTestId('saved-filters').innerText(), /祁东县一般隐患/)
  })
})

// --- the loop ----------------------------------------------------------------------------------

test('hazard loop: a major hazard from registration to close-off, named in notices', {
  timeout: 4 * TEST_TIMEOUT,
}, async () => {
  const entApi = await apiLogin(ENTERPRISE)
  const me = await entApi.get('/api/v1/me')
  assert.ok(me.enterprise_id, `${ENTERPRISE} is bound to an enterprise`)
  const enterprise = await entApi.get(`/api/v1/enterprises/${me.enterprise_id}`)
  assert.equal(enterprise.jurisdiction.slice(0, 6), '430426')
  const description = `E2E 重大隐患：储罐区可燃气体报警器失效 ${tag()}`
  let id = 0
  let code = ''

  // 1. The county registers it at the enterprise (picked in the form), as major and red.
  await withBrowser({}, async ({ page }) => {
    await openAs(page, COUNTY, '/hazards')
    await page.getByTestId('hazard-create').click()
    await page.waitForURL((u) => u.pathname === '/hazards/new')
    const picker = page.locator('.el-select[data-testid=hz-enterprise]')
    await picker.click()
    await picker.locator('input').fill(enterprise.name)
    await page
      .locator('.el-select-dropdown__item:visible')
      .filter({ hasText: enterprise.name })
      .first()
      .click()
    await page.getByTestId('hz-grade').getByText('重大', { exact: true }).click()
    await pickFrom(page, 'hz-risk', '重大风险')
    await page.getByTestId('hz-description').fill(description)
    await page.getByTestId('hz-found-by').fill('祁东县应急管理局检查组')
    await page.getByTestId('hazard-save').click()
    await page.waitForURL((u) => /^\/hazards\/\d+$/.test(u.pathname))
    id = Number(new URL(page.url()).pathname.split('/').pop())
    code = (await page.getByTestId('hazard-code').innerText()).trim()
    assert.match(code, /^YH-430426-\d{4}-\d{6}$/)
    assert.ok((await page.getByTestId('hazard-description').innerText()).includes(description))
    await settle(page)

    // Only what the server allows is offered: a major hazard cannot be fixed on the spot.
    assert.deepEqual(await buttons(page), ['step-assess'])

    // 2. Assessed as major, with its confirmation (研究认定).
    await openStep(page, 'assess')
    await pickFrom(page, 'step-confirmation-department', '应急管理局')
    await page.getByTestId('step-confirmation-meeting').fill('祁东县安委会专题会议纪要〔2026〕9号')
    await submitStep(page, 'assessed')
    const confirmation = page.getByTestId('hazard-confirmation')
    await confirmation.waitFor()
    assert.match(await confirmation.innerText(), /应急管理局[\s\S]*专题会议纪要/)

    // 3. Assigned with a slip (交办单), deadline in ten days.
    assert.deepEqual(await buttons(page), ['step-assign'])
    await openStep(page, 'assign')
    await page.getByTestId('step-slip-no').fill(`JB-430426-${tag()}`)
    await fillDate(page, 'step-slip-deadline', (await serverNow()) + 10 * DAY)
    await page.getByTestId('step-responsible-unit').fill(enterprise.name)
    await page.getByTestId('step-assigning-unit').fill('祁东县安全生产委员会办公室')
    await page.getByTestId('step-supervising-unit').fill('祁东县应急管理局')
    await submitStep(page, 'assigned')
    await page.getByTestId('hazard-assignment').waitFor()
    // Rectification is the enterprise's step: the county is offered it only as 代企业填报, a
    // secondary action that asks for a reason, never as a primary button.
    assert.deepEqual(await buttons(page), [])
    await page.getByTestId('on-behalf-button').click()
    await page.getByTestId('on-behalf-start_rectification').waitFor()
    await page.getByTestId('on-behalf-start_rectification').click()
    await page.getByTestId('step-on-behalf').waitFor()
    await page.getByTestId('step-on-behalf-reason').waitFor()
    await shot(page, '09-on-behalf-step')
    await page.keyboard.press('Escape')
    await page.getByTestId('step-dialog').waitFor({ state: 'hidden' })
    // The timeline names the county officer with their unit, never the username.
    const actor = await page.getByTestId('timeline-actor').first().innerText()
    assert.match(actor, /（祁东县应急管理局）$/)
    assert.doesNotMatch(actor, /duty-/)

    // Listed for county supervision (挂牌督办), and the first rung of the escalation ladder.
    await page.getByTestId('supervise').click()
    await page.getByTestId('record-level').getByText('县级挂牌督办').click()
    await page.getByTestId('record-note').fill('列入县级挂牌督办')
    await page.getByTestId('record-submit').click()
    await page.getByTestId('record-submit').waitFor({ state: 'hidden' })
    await page.locator('[data-testid=timeline-entry][data-kind=supervision]').waitFor()
    await page.getByTestId('escalate').click()
    // The ladder starts at the suggestion letter (建议函).
    assert.match(
      await page.locator('.el-select[data-testid=record-action]').innerText(),
      /建议函/,
    )
    await page.getByTestId('record-note').fill('督促企业加快整改进度')
    await page.getByTestId('record-submit').click()
    await page.getByTestId('record-submit').waitFor({ state: 'hidden' })
    await page.locator('[data-testid=timeline-entry][data-kind=escalation]').waitFor()
  })

  const county = await apiLogin(COUNTY)
  const assigned = await county.get(`/api/v1/hazards/${id}`)
  assert.equal(assigned.state, 'assigned')
  assert.equal(assigned.grade, 'major')
  assert.equal(assigned.confirmation.department, 'yjgl')
  assert.equal(assigned.supervision, 'county')
  const slipDeadline = assigned.assignment.deadline

  // 4. The enterprise starts rectification with the five-item plan; then two ledger entries.
  await asUser(ENTERPRISE, id, async (page) => {
    assert.deepEqual(await buttons(page), ['step-start_rectification'])
    await openStep(page, 'start_rectification')
    // The plan deadline starts at the slip's.
    assert.equal(await inputOf(page, 'step-plan-deadline').inputValue(), chinaDay(slipDeadline))
    await page.getByTestId('step-plan-responsible').fill('刘建国（安全总监）')
    await page.getByTestId('step-plan-funds').fill('86,500.50')
    await page.getByTestId('step-plan-contingency').fill('整改期间储罐区停止装卸作业，设置警戒区')
    // a) Missing measures: the form says so at the field.
    await page.getByTestId('step-submit').click()
    const measuresError = page.getByTestId('field-error-plan.measures')
    await measuresError.waitFor()
    assert.match(await measuresError.innerText(), /整改措施/)
    await page.getByTestId('step-plan-measures').fill('更换失效报警器，接入监测平台并联动切断阀')
    // b) A deadline after the slip's: the date field does not take it and says why, at the field
    // (the server would refuse it too); the slip's deadline stays.
    await fillDate(page, 'step-plan-deadline', slipDeadline + 3 * DAY)
    const deadlineRefused = page.locator('[data-testid=step-plan-deadline] [data-testid=date-refused]')
    await deadlineRefused.waitFor()
    assert.match(await deadlineRefused.innerText(), /不得晚于交办单的整改期限/)
    assert.equal(await inputOf(page, 'step-plan-deadline').inputValue(), chinaDay(slipDeadline))
    await submitStep(page, 'rectifying')
    const plan = page.getByTestId('hazard-plan')
    await plan.waitFor()
    assert.match(await plan.innerText(), /¥86,500\.50/)
    assert.match(await plan.innerText(), /刘建国/)

    for (const note of ['已拆除失效报警器，新设备已到货', '新报警器安装完毕，正在调试联动']) {
      await page.getByTestId('progress-add').click()
      await page.getByTestId('record-note').fill(note)
      await page.getByTestId('record-submit').click()
      await page.getByTestId('record-submit').waitFor({ state: 'hidden' })
      await page.getByTestId('timeline-note').filter({ hasText: note }).waitFor()
    }
    assert.equal(
      await page.locator('[data-testid=timeline-entry][data-kind=progress]').count(),
      2,
    )
  })

  // 5. Past the deadline: the hazard turns overdue; the county's notice names it.
  const moved = await advanceClock(slipDeadline + DAY - (await serverNow()))
  assert.ok(moved.now > slipDeadline)
  const county2 = await apiLogin(COUNTY) // sessions end after 30 idle minutes of that clock
  await eventually(async () =>
    assert.equal((await county2.get(`/api/v1/hazards/${id}`)).overdue, true),
  )
  let firstNotice = 0
  await withBrowser({}, async ({ page }) => {
    await openAs(page, COUNTY, `/hazards?q=${encodeURIComponent(code)}`)
    const row = page.locator('[data-testid=hazard-table] .el-table__body-wrapper tbody tr')
    await eventually(async () => assert.equal(await row.count(), 1))
    await row.getByTestId('hazard-overdue').waitFor()
    firstNotice = await issueNoticeViaUi(page)
    const overdueRow = page.locator(`[data-testid=notice-overdue] tr[data-code="${code}"]`)
    await overdueRow.waitFor()
    assert.match(await overdueRow.innerText(), new RegExp(enterprise.name))
    assert.equal(
      await page.locator(`[data-testid=notice-closed] tr[data-code="${code}"]`).count(),
      0,
    )
    assert.match(await page.getByTestId('notice-org').innerText(), /祁东县应急管理局/)
  })
  const notice1 = await county2.get(`/api/v1/notices/${firstNotice}`)
  assert.ok(notice1.rows.some((r) => r.overdue_items.some((i) => i.id === id)))

  // 6. The enterprise requests acceptance with a photo; a file that is not one is refused.
  await asUser(ENTERPRISE, id, async (page) => {
    await page.locator('.page-title [data-testid=hazard-overdue]').waitFor()
    assert.deepEqual(await buttons(page), ['step-request_acceptance'])
    await openStep(page, 'request_acceptance')
    // Nothing attached yet: evidence is required.
    await page.getByTestId('step-note').fill('报警器已更换并完成联动测试')
    await page.getByTestId('step-submit').click()
    await page.getByTestId('field-error-attachments').waitFor()
    await attach(page, {
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('this is not a photo at all'),
    })
    const uploadError = page.getByTestId('upload-error')
    await uploadError.waitFor()
    assert.match(await uploadError.innerText(), /photo\.jpg.*不是有效的 JPG、PNG 或 PDF/)
    assert.match(await uploadError.innerText(), /服务器：.+/)
    await attach(page, { name: '报警器更换后.png', mimeType: 'image/png', buffer: png() }, 1)
    assert.equal(await uploadError.count(), 0)
    await submitStep(page, 'acceptance_requested')
    const thumb = page.locator('[data-testid=timeline-attachment] img').first()
    await thumb.waitFor()
    await eventually(async () =>
      assert.ok(await thumb.evaluate((img) => img.complete && img.naturalWidth === 24)),
    )
  })

  // 7. The county rejects it with reasons.
  await asUser(COUNTY, id, async (page) => {
    assert.deepEqual(await buttons(page), ['step-accept', 'step-reject'])
    await openStep(page, 'reject')
    await page.getByTestId('step-note').fill('联动切断阀未接入，需补充整改')
    await submitStep(page, 'rectifying')
    await page.getByTestId('timeline-note').filter({ hasText: '联动切断阀未接入' }).waitFor()
  })

  // 8. The enterprise asks again.
  await asUser(ENTERPRISE, id, async (page) => {
    await openStep(page, 'request_acceptance')
    await page.getByTestId('step-note').fill('切断阀已接入联动，附测试照片')
    await attach(page, { name: '联动测试.png', mimeType: 'image/png', buffer: png(30, 20, [26, 143, 76]) }, 1)
    await submitStep(page, 'acceptance_requested')
  })

  // 9. The county accepts and closes it off.
  await asUser(COUNTY, id, async (page) => {
    await openStep(page, 'accept')
    await page.getByTestId('step-note').fill('现场验收合格')
    await submitStep(page, 'accepted')
    assert.deepEqual(await buttons(page), ['step-close_off'])
    await openStep(page, 'close_off')
    await submitStep(page, 'closed_off')
    // The whole timeline: registered, 6 steps before the rejection, the ledger, the overdue mark.
    const steps = await page
      .locator('[data-testid=timeline-entry][data-kind=transition]')
      .evaluateAll((els) => els.map((e) => e.dataset.step).reverse())
    assert.deepEqual(steps, [
      'assess',
      'assign',
      'start_rectification',
      'request_acceptance',
      'reject',
      'request_acceptance',
      'accept',
      'close_off',
    ])
    assert.equal(await page.locator('[data-testid=timeline-entry][data-kind=overdue]').count(), 1)
    // The scheduler's mark is the system's.
    assert.equal(
      await page
        .locator('[data-testid=timeline-entry][data-kind=overdue] [data-testid=timeline-actor]')
        .innerText(),
      '系统',
    )
    assert.equal(await page.locator('[data-testid=hazard-attachments] a').count(), 2)

    // 10. The next notice lists it among those closed off.
    const second = await issueNoticeViaUi(page)
    assert.ok(second > firstNotice)
    const closedRow = page.locator(`[data-testid=notice-closed] tr[data-code="${code}"]`)
    await closedRow.waitFor()
    assert.equal(
      await page.locator(`[data-testid=notice-overdue] tr[data-code="${code}"]`).count(),
      0,
    )
  })
  const final = await county2.get(`/api/v1/hazards/${id}`)
  assert.equal(final.state, 'closed_off')
  assert.equal(final.overdue, false)
})

test('hazard fixed on the spot by the enterprise officer (立查立改)', {
  timeout: TEST_TIMEOUT,
}, async () => {
  await withBrowser({}, async ({ page }) => {
    await openAs(page, ENTERPRISE, '/hazards/new')
    // The enterprise is the officer's own, fixed.
    const picker = page.locator('.el-select[data-testid=hz-enterprise]')
    await eventually(async () => assert.ok(await picker.locator('input').isDisabled()))
    const description = `E2E 一般隐患：消防通道堆放杂物 ${tag()}`
    await page.getByTestId('hz-description').fill(description)
    await page.getByTestId('hazard-save').click()
    await page.waitForURL((u) => /^\/hazards\/\d+$/.test(u.pathname))
    await settle(page)
    assert.equal(
      await page.locator('.page-title [data-testid=hazard-state]').getAttribute('data-state'),
      'registered',
    )
    assert.deepEqual(await buttons(page), ['step-fix_on_the_spot'])
    await openStep(page, 'fix_on_the_spot')
    await page.getByTestId('step-note').fill('当场清理通道杂物，恢复畅通')
    await attach(page, { name: '清理后.png', mimeType: 'image/png', buffer: png() }, 1)
    await submitStep(page, 'closed_off')
    assert.deepEqual(await buttons(page), [])
    await page.locator('[data-testid=timeline-entry][data-step=fix_on_the_spot]').waitFor()
  })
})

test('a step on a page someone else moved on meanwhile says so and reloads', {
  timeout: TEST_TIMEOUT,
}, async () => {
  const county = await apiLogin(COUNTY)
  const h = (await county.call('POST', '/api/v1/hazards', {
    site: `祁东县境内乡道 X${tag()} 处`,
    jurisdiction: '430426',
    sector: 'road_traffic',
    description: 'E2E 护栏缺失',
  })).body
  assert.ok(h.id, JSON.stringify(h))
  await asUser(COUNTY, h.id, async (page) => {
    await openStep(page, 'assess')
    // Someone else assesses it first.
    const r = await county.call('POST', `/api/v1/hazards/${h.id}/transitions`, {
      to: 'assessed',
      grade: 'general',
    })
    assert.equal(r.status, 200, JSON.stringify(r.body))
    await page.getByTestId('step-grade').getByText('一般', { exact: true }).click()
    await page.getByTestId('step-submit').click()
    const stale = page.getByTestId('step-stale')
    await stale.waitFor()
    assert.match(await stale.innerText(), /已被他人修改/)
    await stale.getByRole('button').click()
    await eventually(async () =>
      assert.equal(
        await page.locator('.page-title [data-testid=hazard-state]').getAttribute('data-state'),
        'assessed',
      ),
    )
    assert.ok((await buttons(page)).includes('step-assign'))
  })
})
