// The hazard module's pure helpers: which step forms to offer for `allowed`, the request body a
// form makes, money in fen and yuan, deadlines in days, the list's filters in the address, saved
// filters, the notice document's totals, and readable upload refusals.
import { beforeEach, describe, expect, it } from 'vitest'
import {
  actionsFor,
  deadlineStatus,
  emptyStepForm,
  fenToYuanText,
  formatFen,
  formFieldOf,
  nextEscalation,
  personText,
  planDeadline,
  STEP_FORMS,
  stepFor,
  STEPS,
  supervisionChoices,
  transitionBody,
  yuanToFen,
  type StepAction,
} from '@/modules/hazard/model'
import {
  filterToRange,
  HAZARD_FILTER_ALLOWED,
  HAZARD_FILTER_DEFAULTS,
  majorListQuery,
  rangeToFilter,
  statesOf,
} from '@/modules/hazard/filters'
import {
  itemLists,
  noticeIsLong,
  noticeTotals,
  LONG_NOTICE,
  NOTICE_ITEM_COLUMNS,
} from '@/modules/hazard/notice'
import { uploadErrorText } from '@/modules/hazard/upload'
import { serverFieldMessage } from '@/modules/hazard/fields'
import { filterFromQuery, isFiltered, queryFromFilter, sameQuery } from '@/utils/listQuery'
import {
  loadSavedFilters,
  MAX_SAVED,
  removeSavedFilter,
  saveFilter,
  savedFiltersKey,
} from '@/utils/savedFilters'
import { ApiError } from '@/api/client'
import { ESCALATION_KINDS, HAZARD_STATES, hazardQuery, type NoticeRow } from '@/api/hazards'
import { formatPercent } from '@/utils/format'
import { chinaTime, DAY_MS, endOfDay, formatDate, officialDate } from '@/utils/calendar'
import { setLocale } from '@/i18n'

function action(
  from: Parameters<typeof stepFor>[0],
  to: Parameters<typeof stepFor>[1],
): StepAction {
  const a = actionsFor({ state: from, allowed: [to] })[0]
  if (!a) throw new Error(`no step ${from} → ${to}`)
  return a
}

describe('steps offered for what the server allows', () => {
  it('names every step of the server table', () => {
    expect(stepFor('registered', 'assessed')).toBe('assess')
    expect(stepFor('registered', 'closed_off')).toBe('fix_on_the_spot')
    expect(stepFor('assessed', 'rectifying')).toBe('self_rectify')
    expect(stepFor('assigned', 'rectifying')).toBe('start_rectification')
    expect(stepFor('acceptance_requested', 'rectifying')).toBe('reject')
    expect(stepFor('rechecked', 'rectifying')).toBe('recheck_fail')
    expect(stepFor('accepted', 'registered')).toBeNull()
    for (const s of STEPS) expect(STEP_FORMS[s.step]).toBeDefined()
  })

  it('offers exactly the allowed targets, forward steps before those sending it back', () => {
    const acts = actionsFor({ state: 'acceptance_requested', allowed: ['rectifying', 'accepted'] })
    expect(acts.map((a) => a.step)).toEqual(['accept', 'reject'])
    expect(actionsFor({ state: 'rectifying', allowed: [] })).toEqual([])
    // A target the table does not know from this state is not offered.
    expect(actionsFor({ state: 'registered', allowed: ['accepted'] })).toEqual([])
    const closed = actionsFor({ state: 'closed_off', allowed: ['rectifying', 'rechecked'] })
    expect(closed.map((a) => a.step)).toEqual(['recheck_pass', 'recheck_fail'])
  })

  it('asks each step for its own fields', () => {
    expect(STEP_FORMS.assess.fields).toEqual(['grade', 'confirmation'])
    expect(STEP_FORMS.fix_on_the_spot.attachments).toBe('required')
    expect(STEP_FORMS.request_acceptance.attachments).toBe('required')
    expect(STEP_FORMS.start_rectification.fields).toEqual(['plan'])
    expect(STEP_FORMS.reject.deadlineRequired).toBe(false)
    expect(STEP_FORMS.recheck_fail.deadlineRequired).toBe(true)
    expect(STEP_FORMS.close_off.noteRequired).toBe(false)
    expect(STEP_FORMS.accept.noteRequired).toBe(true)
  })
})

describe('request bodies of the steps', () => {
  it('sends the confirmation only for a major hazard', () => {
    const a = action('registered', 'assessed')
    const m = emptyStepForm()
    m.grade = 'general'
    m.confirmation = { department: 'yjgl', meeting: 'x', date: 5 }
    expect(transitionBody(a, m, 3)).toEqual({ to: 'assessed', version: 3, grade: 'general' })
    m.grade = 'major'
    m.risk_color = 'red'
    m.confirmation.meeting = '  专题会议  '
    expect(transitionBody(a, m, 3)).toEqual({
      to: 'assessed',
      version: 3,
      grade: 'major',
      risk_color: 'red',
      confirmation: { department: 'yjgl', meeting: '专题会议', date: 5 },
    })
  })

  it('turns the plan into the five items, funds in fen, deadline at the end of the day', () => {
    const day = chinaTime(2026, 12, 20)
    const m = emptyStepForm()
    m.plan = {
      responsible_person: ' 张三 ',
      measures: '更换',
      funds_yuan: '12,345.6',
      deadline: day,
      contingency_plan: '预案',
    }
    const body = transitionBody(action('assessed', 'rectifying'), m, 1)
    expect(body.plan).toEqual({
      responsible_person: '张三',
      measures: '更换',
      funds_fen: 1234560,
      deadline: chinaTime(2026, 12, 20, 23, 59, 59, 999),
      contingency_plan: '预案',
    })
    // An amount that is not one is sent as -1 for the server to refuse at plan.funds_fen.
    m.plan.funds_yuan = '12.345'
    expect(transitionBody(action('assessed', 'rectifying'), m, 1).plan?.funds_fen).toBe(-1)
  })

  it('never lets the plan outlast the slip on the same day', () => {
    const day = chinaTime(2026, 12, 20)
    const slip = chinaTime(2026, 12, 20, 15, 30)
    expect(planDeadline(day, slip)).toBe(slip)
    expect(planDeadline(day, null)).toBe(endOfDay(day))
    const later = chinaTime(2026, 12, 22)
    expect(planDeadline(later, slip)).toBe(later) // after the slip: the server says so
    expect(planDeadline(null, slip)).toBe(0)
  })

  it('sends notes, evidence and new deadlines only where the step takes them', () => {
    const m = emptyStepForm()
    m.note = '  已整改  '
    m.attachments = [7, 8]
    m.deadline = chinaTime(2027, 1, 5)
    expect(transitionBody(action('rectifying', 'acceptance_requested'), m, 9)).toEqual({
      to: 'acceptance_requested',
      version: 9,
      note: '已整改',
      attachments: [7, 8],
    })
    expect(transitionBody(action('acceptance_requested', 'rectifying'), m, 9)).toEqual({
      to: 'rectifying',
      version: 9,
      note: '已整改',
      deadline: chinaTime(2027, 1, 5, 23, 59, 59, 999),
    })
    m.note = ' '
    expect(transitionBody(action('accepted', 'closed_off'), m, 2)).toEqual({
      to: 'closed_off',
      version: 2,
    })
  })

  it('starts the plan deadline at the slip deadline', () => {
    const f = emptyStepForm({ grade: 'major', assignment: { deadline: 123 } as never })
    expect(f.grade).toBe('major')
    expect(f.plan.deadline).toBe(123)
  })

  it('shows server errors at the form field they name', () => {
    expect(formFieldOf('plan.measures')).toBe('plan.measures')
    expect(formFieldOf('plan.funds_fen')).toBe('plan.funds_yuan')
    expect(formFieldOf('plan')).toBe('plan.responsible_person')
    expect(formFieldOf('assignment')).toBe('assignment.slip_no')
    expect(formFieldOf('confirmation.date')).toBe('confirmation.date')
    expect(formFieldOf(null)).toBeNull()
  })

  it('says "is required" in the UI language and keeps other server words', () => {
    setLocale('zh-CN')
    const req = new ApiError({
      status: 400,
      code: 'invalid_argument',
      message: 'plan.measures is required',
      field: 'plan.measures',
    })
    expect(serverFieldMessage(req, 'plan.measures')).toBe('请填写整改措施')
    const other = new ApiError({
      status: 400,
      code: 'invalid_argument',
      message: "the plan's deadline lies after the slip's",
      field: 'plan.deadline',
    })
    expect(serverFieldMessage(other, 'plan.deadline')).toBe(
      "the plan's deadline lies after the slip's",
    )
  })
})

describe('money in fen and yuan', () => {
  it('reads yuan as typed, exactly', () => {
    expect(yuanToFen('0')).toBe(0)
    expect(yuanToFen('1,234.5')).toBe(123450)
    expect(yuanToFen(' ¥ 800 ')).toBe(80000)
    expect(yuanToFen('0.07')).toBe(7)
    expect(yuanToFen('19.99')).toBe(1999) // not 1998.9999…
    expect(yuanToFen('1.')).toBe(100)
    for (const bad of ['', 'abc', '12.345', '-5', '1e3', '.5'])
      expect(yuanToFen(bad), bad).toBeNull()
  })

  it('writes fen as yuan', () => {
    expect(fenToYuanText(14400000)).toBe('144000.00')
    expect(fenToYuanText(7)).toBe('0.07')
    expect(fenToYuanText(-150)).toBe('-1.50')
    expect(formatFen(14400000, 'zh-CN')).toBe('¥144,000.00')
    expect(formatFen(1999, 'en')).toBe('CNY 19.99')
    expect(formatFen(null, 'zh-CN')).toBe('—')
    for (const fen of [0, 1, 99, 100, 123456789]) expect(yuanToFen(fenToYuanText(fen))).toBe(fen)
  })
})

describe('deadlines', () => {
  const now = chinaTime(2026, 11, 29, 12)
  it('counts days left and days overdue as the notices do', () => {
    expect(deadlineStatus({ state: 'rectifying', deadline: null }, now)).toEqual({
      kind: 'none',
      days: 0,
    })
    expect(deadlineStatus({ state: 'closed_off', deadline: now - 9 * DAY_MS }, now).kind).toBe(
      'closed',
    )
    expect(deadlineStatus({ state: 'rectifying', deadline: now + 10 * DAY_MS + 5 }, now)).toEqual({
      kind: 'left',
      days: 10,
    })
    expect(deadlineStatus({ state: 'rectifying', deadline: now + 3600_000 }, now).kind).toBe(
      'today',
    )
    expect(deadlineStatus({ state: 'assigned', deadline: now - 3 * DAY_MS - 1 }, now)).toEqual({
      kind: 'overdue',
      days: 3,
    })
    // The server's overdue flag wins over a browser clock that lags behind.
    expect(
      deadlineStatus({ state: 'rectifying', deadline: now + 5 * DAY_MS, overdue: true }, now).kind,
    ).toBe('overdue')
  })

  it('formats days and percentages', () => {
    expect(formatDate(chinaTime(2026, 1, 5, 23, 59))).toBe('2026-01-05')
    expect(formatDate(null)).toBe('—')
    expect(formatPercent(0.8153)).toBe('81.5%')
    expect(formatPercent(1)).toBe('100.0%')
    expect(formatPercent(Number.NaN)).toBe('—')
  })
})

describe('supervision and escalation', () => {
  it('offers city and province listings to city-level accounts only', () => {
    expect(supervisionChoices(null, false)).toEqual(['county'])
    expect(supervisionChoices('county', false)).toEqual([])
    expect(supervisionChoices('county', true)).toEqual(['city', 'province'])
    expect(supervisionChoices(null, true)).toEqual(['county', 'city', 'province'])
  })

  it('proposes the next rung of the ladder', () => {
    expect(nextEscalation([], ESCALATION_KINDS)).toBe('suggestion_letter')
    expect(nextEscalation(['suggestion_letter'], ESCALATION_KINDS)).toBe('assignment_letter')
    expect(nextEscalation(['summons', 'suggestion_letter'], ESCALATION_KINDS)).toBe(
      'public_exposure',
    )
    expect(nextEscalation(['veto'], ESCALATION_KINDS)).toBe('veto')
  })
})

describe('list filters in the address', () => {
  const D = { q: '', active: 'true', sort: 'id', risk: '' }

  it('reads what differs from the defaults and drops values that are not allowed', () => {
    expect(filterFromQuery({}, D)).toEqual(D)
    expect(
      filterFromQuery({ active: '', sort: 'name', x: '1' }, D, { sort: ['id', 'name'] }),
    ).toEqual({
      ...D,
      active: '',
      sort: 'name',
    })
    expect(filterFromQuery({ sort: 'evil' }, D, { sort: ['id', 'name'] }).sort).toBe('id')
    expect(filterFromQuery({ risk: ['red', 'blue'] }, D).risk).toBe('red')
  })

  it('writes only what differs, and round-trips', () => {
    expect(queryFromFilter(D, D)).toEqual({})
    const f = { ...D, active: '', risk: 'red' }
    const q = queryFromFilter(f, D)
    expect(q).toEqual({ active: '', risk: 'red' })
    expect(filterFromQuery(q, D)).toEqual(f)
    expect(isFiltered(f, D)).toBe(true)
    expect(isFiltered({ ...D, sort: 'name' }, D)).toBe(false)
    expect(isFiltered({ ...D, active: '' }, D, ['sort', 'active'])).toBe(false)
    expect(sameQuery({ a: '1', b: '' }, { b: '', a: '1' })).toBe(true)
    expect(sameQuery({ a: '1' }, { a: '1', b: '' })).toBe(false)
  })

  it('keeps hazard filters the API understands, the export the same as the list', () => {
    const f = filterFromQuery(
      { grade: 'major', state: 'rectifying,assigned', sort: '-found_at', overdue: 'maybe' },
      HAZARD_FILTER_DEFAULTS,
      HAZARD_FILTER_ALLOWED,
    )
    expect(f.grade).toBe('major')
    expect(f.overdue).toBe('')
    expect(hazardQuery(f)).toMatchObject({
      grade: 'major',
      state: 'rectifying,assigned',
      sort: undefined,
    })
    expect(hazardQuery({ ...f, q: '  YH-430426 ', sort: 'deadline' })).toMatchObject({
      q: 'YH-430426',
      sort: 'deadline',
    })
    expect(statesOf('rectifying, nonsense,registered')).toEqual(['registered', 'rectifying'])
    expect(statesOf(HAZARD_STATES.join(','))).toEqual([...HAZARD_STATES])
    expect(majorListQuery()).toEqual({ grade: 'major', open: 'true' })
    expect(majorListQuery('city')).toEqual({ grade: 'major', open: 'true', supervision: 'city' })
  })

  it('turns the picked days into the half-open range [first day, day after the last)', () => {
    const a = chinaTime(2026, 11, 1)
    const b = chinaTime(2026, 11, 30, 23, 59, 59, 999) // as the range picker gives the last day
    const f = rangeToFilter([a, b])
    expect(f).toEqual({ found_from: String(a), found_to: String(chinaTime(2026, 12, 1)) })
    expect(filterToRange(f)).toEqual([a, b])
    // The new year in China: 31 December 2026 alone is [16:00Z on the 30th, 16:00Z on the 31st).
    const eve = rangeToFilter([chinaTime(2026, 12, 31), chinaTime(2026, 12, 31, 12)])
    expect(eve).toEqual({ found_from: '1798646400000', found_to: '1798732800000' })
    expect(rangeToFilter(null)).toEqual({ found_from: '', found_to: '' })
    expect(filterToRange({ found_from: '5', found_to: '' })).toBeNull()
    expect(filterToRange({ found_from: '9', found_to: '5' })).toBeNull()
  })
})

describe('saved filters', () => {
  beforeEach(() => localStorage.clear())

  it('saves by name, newest first, replacing the same name', () => {
    saveFilter('hazards', ' 祁东县重大 ', { jurisdiction: '430426', grade: 'major' }, 1)
    saveFilter('hazards', '逾期', { overdue: 'true' }, 2)
    saveFilter('hazards', '祁东县重大', { jurisdiction: '430426' }, 3)
    const list = loadSavedFilters('hazards')
    expect(list.map((f) => f.name)).toEqual(['祁东县重大', '逾期'])
    expect(list[0]?.query).toEqual({ jurisdiction: '430426' })
    expect(loadSavedFilters('enterprises')).toEqual([])
    expect(removeSavedFilter('hazards', '逾期').map((f) => f.name)).toEqual(['祁东县重大'])
  })

  it('keeps at most MAX_SAVED and survives bad storage', () => {
    for (let i = 0; i < MAX_SAVED + 5; i++) saveFilter('l', `f${i}`, {}, i)
    expect(loadSavedFilters('l')).toHaveLength(MAX_SAVED)
    localStorage.setItem(savedFiltersKey('l'), '{not json')
    expect(loadSavedFilters('l')).toEqual([])
    localStorage.setItem(savedFiltersKey('l'), JSON.stringify([{ name: 'x', query: { a: 1 } }, 5]))
    expect(loadSavedFilters('l')).toEqual([])
  })
})

describe('acting for the enterprise (代企业填报)', () => {
  it('marks the steps the server names as taken on its behalf, and sends their reason', () => {
    const acts = actionsFor({
      state: 'assigned',
      allowed: ['rectifying'],
      on_behalf: ['rectifying'],
    })
    expect(acts.map((a) => [a.step, a.onBehalf])).toEqual([['start_rectification', true]])
    const own = actionsFor({ state: 'assigned', allowed: ['rectifying'], on_behalf: [] })
    expect(own[0]?.onBehalf).toBe(false)
    const m = emptyStepForm()
    m.on_behalf_reason = '  企业账号未开通  '
    expect(transitionBody(acts[0]!, m, 3).on_behalf_reason).toBe('企业账号未开通')
    // Not on the enterprise's behalf: no reason is sent, whatever the form holds.
    expect(transitionBody(own[0]!, m, 3).on_behalf_reason).toBeUndefined()
  })
})

describe('people in records', () => {
  const fmt = (name: string, unit: string) => `${name}（${unit}）`
  it('names a person with their unit, and the system as the system', () => {
    expect(personText({ name: '张三', unit: '衡阳县应急管理局' }, fmt, '系统')).toBe(
      '张三（衡阳县应急管理局）',
    )
    expect(personText({ name: '张三', unit: '' }, fmt, '系统')).toBe('张三')
    expect(personText(null, fmt, '系统')).toBe('系统')
  })
})

describe('notice documents', () => {
  const row = (unit: string, found: number, closed: number, overdue = 0, named = 0): NoticeRow => ({
    unit,
    found,
    closed_off: closed,
    open: found - closed,
    overdue,
    rate: found ? closed / found : 0,
    overdue_items: Array.from({ length: named }, (_, i) => ({
      id: i,
      code: `YH-${i}`,
      enterprise: '',
      site: 's',
      sector: 'fire',
      grade: 'general' as const,
      state: 'rectifying' as const,
      deadline: 0,
      days_overdue: 1,
    })),
    closed_items: [],
  })

  it('adds up the units and the rate', () => {
    const t = noticeTotals({ rows: [row('430426', 10, 8, 1), row('430421', 30, 22, 2)] })
    expect(t).toEqual({ found: 40, closed_off: 30, open: 10, overdue: 3, rate: 0.75 })
    expect(noticeTotals({ rows: [] }).rate).toBe(0)
    // The period's rate: more closed off than found in the period is no rate above 100 %.
    const busy = noticeTotals({ rows: [{ ...row('430426', 2, 0), closed_off: 5, open: 3 }] })
    expect(busy.rate).toBe(5 / 8)
  })

  it('starts each unit on a new page only when long and of several units', () => {
    expect(noticeIsLong({ rows: [row('a', 1, 0, 0, LONG_NOTICE + 1)] })).toBe(false)
    expect(noticeIsLong({ rows: [row('a', 1, 0, 0, LONG_NOTICE), row('b', 1, 0, 0, 1)] })).toBe(
      true,
    )
    expect(noticeIsLong({ rows: [row('a', 1, 0, 0, 3), row('b', 1, 0, 0, 1)] })).toBe(false)
  })

  it('lists the overdue and the closed-off hazards with one set of column definitions', () => {
    const item = {
      id: 1,
      code: 'c',
      enterprise: '',
      site: 's',
      sector: 'x',
      grade: 'general' as const,
    }
    const r = row('a', 1, 0, 0, 0)
    expect(itemLists(r)).toEqual([])
    const both = itemLists({
      overdue_items: [{ ...item, state: 'rectifying', deadline: 5, days_overdue: 2 }],
      closed_items: [{ ...item, state: 'closed_off', deadline: 5, closed_off_at: 6 }],
    })
    expect(both.map((l) => l.kind)).toEqual(['overdue', 'closed'])
    expect(NOTICE_ITEM_COLUMNS.overdue.slice(0, 4)).toEqual(NOTICE_ITEM_COLUMNS.closed.slice(0, 4))
  })

  it('dates the document the official way', () => {
    const d = chinaTime(2026, 11, 29, 10)
    expect(officialDate(d, 'zh-CN')).toBe('2026年11月29日')
    expect(officialDate(d, 'en')).toBe('29 November 2026')
  })
})

describe('upload refusals', () => {
  it('says what was wrong, then what the server said', () => {
    setLocale('zh-CN')
    const wrong = new ApiError({
      status: 400,
      code: 'invalid_argument',
      message: "the file's content is not image/jpeg as its name says",
      field: 'file',
    })
    expect(uploadErrorText(wrong, 'photo.jpg')).toBe(
      "文件「photo.jpg」不是有效的 JPG、PNG 或 PDF 文件，未上传（服务器：the file's content is not image/jpeg as its name says）",
    )
    const big = new ApiError({ status: 413, code: 'payload_too_large', message: 'HTTP 413' })
    expect(uploadErrorText(big, 'scan.pdf')).toBe('文件「scan.pdf」超过 5 MB，未上传')
    setLocale('en')
    expect(uploadErrorText(big, 'scan.pdf')).toBe(
      'The file "scan.pdf" is larger than 5 MB and was not uploaded',
    )
    const denied = new ApiError({ status: 403, code: 'permission_denied', message: 'no' })
    expect(uploadErrorText(denied, 'a.png')).toContain('no')
    setLocale('zh-CN')
  })
})
