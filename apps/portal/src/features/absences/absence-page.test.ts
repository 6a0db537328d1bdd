import type { ParentAbsence, ParentLeaveRequest } from '@schoolpost/contracts'
import { describe, expect, it, vi } from 'vitest'

import type { PortalSession } from '../auth/session'
import type { Pupil, SchoolSetting } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import type { AbsenceFailure, WithdrawFailure } from './absence-form'
import type { AbsencePageData, AbsencePageOutcome } from './absence-page'
import {
  ABSENCE_STATUS_LABELS,
  ABSENCE_SUCCESS,
  absencePageView,
  cmsAnswerWithoutPage,
  failureStatus,
  LEAVE_STATUS_LABELS,
  leaveStatusLabel,
  loadAbsencePage,
} from './absence-page'
import type { LeaveFailure } from './leave-form'
import { toAbsenceSettings } from './school-calendar'

const session: PortalSession = { token: 'tok', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const url = (path = '/absentie') => new URL(path, 'http://localhost:4321')

// Monday 7 December 2026 in Amsterdam (UTC+1): 08:00 is 07:00Z, the cutoff 08:15 is 07:15Z.
const MONDAY_0800 = new Date('2026-12-07T07:00:00Z')
const MONDAY_081459 = new Date('2026-12-07T07:14:59Z')
const MONDAY_0815 = new Date('2026-12-07T07:15:00Z')
const SATURDAY = new Date('2026-12-05T10:00:00Z')

const storedSettings = {
  schoolName: 'Basisschool De Regenboog',
  phone: '071 123 45 67',
  timeZone: 'Europe/Amsterdam',
  absenceCutoff: '08:15',
  schoolHours: {
    monday: { start: '08:30', end: '14:45' },
    tuesday: { start: '08:30', end: '14:45' },
    wednesday: { start: '08:30', end: '12:15' },
    thursday: { start: '08:30', end: '14:45' },
    friday: { start: '08:30', end: '14:45' },
  },
  closedPeriods: [{ label: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' }],
  leaveNoticeWeeks: 8,
} as SchoolSetting

const absence = (over: Partial<ParentAbsence> & Pick<ParentAbsence, 'id'>): ParentAbsence => ({
  pupil: 'k1',
  kind: 'sick',
  date: '2026-12-07',
  fromTime: null,
  toTime: null,
  reason: 'ziek',
  note: null,
  status: 'reported',
  channel: 'portal',
  reporterName: 'Fatima Yilmaz',
  acknowledgedAt: null,
  cancelledAt: null,
  createdAt: '2026-12-07T06:50:00.000Z',
  ...over,
})

const leave = (
  over: Partial<ParentLeaveRequest> & Pick<ParentLeaveRequest, 'id'>,
): ParentLeaveRequest => ({
  pupil: 'k1',
  from: '2027-03-01',
  to: '2027-03-05',
  reason: 'familie',
  note: 'Bruiloft.',
  status: 'requested',
  decisionMessage: null,
  late: false,
  schoolDays: 5,
  beyondDirector: false,
  requesterName: 'Fatima Yilmaz',
  decidedAt: null,
  createdAt: '2026-12-01T19:00:00.000Z',
  ...over,
})

const ABSENCES: ParentAbsence[] = [
  absence({ id: 'a3', date: '2026-11-02', status: 'cancelled' }),
  absence({ id: 'a1', date: '2026-12-07', note: 'Koorts' }),
  absence({
    id: 'a2',
    kind: 'planned',
    date: '2026-12-09',
    fromTime: '10:00',
    toTime: '11:30',
    reason: 'tandarts',
    status: 'acknowledged',
    reporterName: 'Ahmet Yilmaz',
  }),
  absence({
    id: 'a4',
    pupil: 'k2',
    status: 'acknowledged',
    channel: 'phone',
    reporterName: 'Anja de Vries (school)',
  }),
]

const LEAVE: ParentLeaveRequest[] = [
  leave({ id: 'l1', pupil: 'k2', late: true }),
  leave({
    id: 'l2',
    from: '2027-02-01',
    to: '2027-02-01',
    schoolDays: 1,
    status: 'refused',
    decisionMessage: 'Dit valt niet onder gewichtige omstandigheden.',
  }),
  leave({
    id: 'l3',
    from: '2027-04-12',
    to: '2027-04-30',
    schoolDays: 14,
    beyondDirector: true,
    status: 'approved',
  }),
]

const children = [
  { id: 'k1', name: 'Noor Yilmaz', firstName: 'Noor', groupId: 'g3', groupName: 'Groep 3' },
  { id: 'k2', name: 'Emir Yilmaz', firstName: 'Emir', groupId: 'g7', groupName: 'Groep 7' },
]

const data = (over: Partial<AbsencePageData> = {}): AbsencePageData => ({
  school: {
    name: 'Basisschool De Regenboog',
    phone: '071 123 45 67',
    phoneHref: 'tel:0711234567',
    absenceCutoff: '08:15',
  },
  settings: toAbsenceSettings(storedSettings),
  children,
  absences: ABSENCES,
  leaveRequests: LEAVE,
  schoolYear: { start: '2026-08-01', end: '2027-07-31', label: '2026–2027' },
  ...over,
})

const view = (
  now: Date,
  over: {
    data?: Partial<AbsencePageData>
    outcome?: AbsencePageOutcome
    form?: Record<string, unknown>
    path?: string
  } = {},
) =>
  absencePageView({
    url: url(over.path),
    now,
    data: data(over.data),
    outcome: over.outcome ?? { form: 'none' },
    form: over.form,
  })

const itemOf = (page: ReturnType<typeof view>, id: string) =>
  page.children.flatMap((c) => [...c.absences, ...c.leaveRequests]).find((i) => i.id === id)!

describe('loadAbsencePage', () => {
  const pupils = [
    { id: 'k1', firstName: 'Noor', lastName: 'Yilmaz', group: { id: 'g3', name: 'Groep 3' } },
  ] as Pupil[]
  const cms = (over: Record<string, () => Promise<unknown>> = {}) => ({
    listPupils: vi.fn(async () => pupils),
    getSchoolSettings: vi.fn(async () => storedSettings),
    listAbsences: vi.fn(async () => ABSENCES),
    listLeaveRequests: vi.fn(async () => LEAVE),
    ...over,
  })

  it('asks for the children, the calendar and this school year’s reports and requests at once', async () => {
    const client = cms()
    const loaded = await loadAbsencePage(session, client as never, MONDAY_0800)
    expect(loaded.kind).toBe('ok')
    if (loaded.kind !== 'ok') return
    expect(loaded.data.children).toEqual([children[0]])
    expect(loaded.data.school).toEqual(data().school)
    expect(loaded.data.settings.closedDays).toContain('2026-12-24')
    expect(loaded.data.schoolYear).toEqual({
      start: '2026-08-01',
      end: '2027-07-31',
      label: '2026–2027',
    })
    expect(client.listAbsences).toHaveBeenCalledWith('tok', { since: '2026-08-01' })
    expect(client.listLeaveRequests).toHaveBeenCalledWith('tok', { since: '2026-08-01' })
  })

  it('the school year turns on 1 August, in the school’s zone', async () => {
    const client = cms()
    // 31 July 23:30 in Amsterdam is 21:30Z: still the old school year.
    await loadAbsencePage(session, client as never, new Date('2027-07-31T21:30:00Z'))
    expect(client.listAbsences).toHaveBeenLastCalledWith('tok', { since: '2026-08-01' })
    await loadAbsencePage(session, client as never, new Date('2027-07-31T22:00:00Z'))
    expect(client.listAbsences).toHaveBeenLastCalledWith('tok', { since: '2027-08-01' })
  })

  it('signed out when the CMS refuses the token; unavailable when a call fails', async () => {
    const refused = cms({
      listAbsences: async () => {
        throw new CmsUnauthorizedError(401, '/api/absences')
      },
    })
    expect(await loadAbsencePage(session, refused as never, MONDAY_0800)).toEqual({
      kind: 'signed-out',
    })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = cms({
      listLeaveRequests: async () => {
        throw new CmsUnavailableError('timeout', 'slow')
      },
    })
    expect(await loadAbsencePage(session, down as never, MONDAY_0800)).toEqual({
      kind: 'unavailable',
    })
    expect(spy).toHaveBeenCalledTimes(1)
    spy.mockRestore()
  })
})

describe('absencePageView: the rule that applies now', () => {
  it('before the cutoff: sick today is open until 08:15, then the phone', () => {
    const page = view(MONDAY_081459)
    expect(page.status).toBe(200)
    expect(page.sickRule).toEqual({
      kind: 'info',
      message: 'Ziekmelden voor vandaag kan tot 08:15.',
      call: 'Daarna bel je de school:',
    })
    expect(page.otherRules).toEqual([
      'Ziek op de eerstvolgende schooldag, dinsdag 8 december? Dat kun je nu al melden, tot 08:15 die ochtend.',
      'Een afspraak (tandarts, dokter) meld je uiterlijk de dag ervoor: nu kan dat vanaf dinsdag 8 december.',
    ])
    expect(page.reportForm).toMatchObject({
      values: { kind: '', date: '2026-12-07', fromTime: '', toTime: '', reason: '', note: '' },
      dateMin: '2026-12-07',
      dateMax: '2027-12-08',
      dateHint:
        'Ziek: vandaag (tot 08:15) of dinsdag 8 december. Afspraak: vanaf dinsdag 8 december.',
      notice: undefined,
    })
  })

  it('from 08:15:00: no form for today, the phone number; the next school day and appointments stay', () => {
    const page = view(MONDAY_0815)
    expect(page.sickRule).toEqual({
      kind: 'warning',
      title: 'Ziekmelden voor vandaag kan niet meer via Schoolpost',
      message: 'Het is na 08:15: de leerkracht kijkt niet meer in Schoolpost.',
      call: 'Is je kind vandaag ziek? Bel de school:',
    })
    expect(page.reportForm).toMatchObject({
      values: { date: '2026-12-08' },
      dateMin: '2026-12-08',
      dateHint: 'Ziek: dinsdag 8 december. Afspraak: vanaf dinsdag 8 december.',
    })
  })

  it('on a day without school: the next school day, until its cutoff', () => {
    const page = view(SATURDAY)
    expect(page.sickRule).toMatchObject({
      kind: 'info',
      title: 'Vandaag is er geen school',
      message: 'Ziekmelden voor maandag 7 december kan tot 08:15 die ochtend.',
    })
    expect(page.reportForm.values.date).toBe('2026-12-07')
    expect(page.reportForm.dateMin).toBe('2026-12-06')
  })

  it('on the Monday after the switch to summer time the cutoff is 08:15 CEST (06:15Z)', () => {
    expect(view(new Date('2027-03-29T06:14:59Z')).sickRule.kind).toBe('info')
    expect(view(new Date('2027-03-29T06:15:00Z')).sickRule.kind).toBe('warning')
  })

  it('before a holiday the next school day comes after it', () => {
    // Friday 18 December 2026, 09:00: the Christmas holiday runs to 3 January.
    const page = view(new Date('2026-12-18T08:00:00Z'))
    expect(page.otherRules[0]).toBe(
      'Ziek op de eerstvolgende schooldag, maandag 4 januari 2027? Dat kun je nu al melden, tot 08:15 die ochtend.',
    )
  })

  it('the leave form states the notice', () => {
    expect(view(MONDAY_0800).leaveForm).toMatchObject({
      dateMin: '2026-12-08',
      noticeText:
        'Vraag verlof minstens 8 weken vooraf aan: voor een verlof dat op of na maandag 1 februari 2027 begint. Later aanvragen kan ook, maar dan staat je aanvraag als ‘te laat’ bij de directeur.',
    })
  })

  it('offers each child; one child is chosen already', () => {
    expect(view(MONDAY_0800).reportForm.children).toEqual([
      { id: 'k1', label: 'Noor Yilmaz — Groep 3', checked: false },
      { id: 'k2', label: 'Emir Yilmaz — Groep 7', checked: false },
    ])
    const one = view(MONDAY_0800, { data: { children: [children[0]!] } })
    expect(one.reportForm.children).toEqual([
      { id: 'k1', label: 'Noor Yilmaz — Groep 3', checked: true },
    ])
    expect(one.leaveForm.children[0]?.checked).toBe(true)
  })
})

describe('absencePageView: the overview', () => {
  it('per child, newest day first, with status, who reported and what may still be withdrawn', () => {
    const page = view(MONDAY_0800)
    expect(page.schoolYearLabel).toBe('2026–2027')
    const [noor, emir] = page.children
    expect(noor?.title).toBe('Noor Yilmaz — Groep 3')
    expect(noor?.absences.map((a) => a.id)).toEqual(['a2', 'a1', 'a3'])
    expect(emir?.absences.map((a) => a.id)).toEqual(['a4'])
    expect(noor?.absences[0]).toEqual({
      id: 'a2',
      anchor: 'melding-a2',
      title: 'Afspraak: woensdag 9 december, 10:00–11:30',
      reasonLabel: 'Tandarts of orthodontist',
      note: null,
      status: 'acknowledged',
      statusLabel: 'Gezien door de leerkracht',
      reporterLabel: 'Gemeld door Ahmet Yilmaz',
      canCancel: true,
      cancelHint: 'Intrekken kan tot en met dinsdag 8 december.',
      notice: null,
    })
    expect(noor?.absences[1]).toMatchObject({
      title: 'Ziek: maandag 7 december',
      reasonLabel: null,
      note: 'Koorts',
      statusLabel: 'Gemeld',
      reporterLabel: 'Gemeld door Fatima Yilmaz',
      canCancel: true,
      cancelHint: 'Intrekken kan tot 08:15 op maandag 7 december.',
    })
    expect(noor?.absences[2]).toMatchObject({
      statusLabel: 'Ingetrokken',
      canCancel: false,
      cancelHint: null,
    })
    expect(emir?.absences[0]?.reporterLabel).toBe(
      'Telefonisch doorgegeven, genoteerd door Anja de Vries (school)',
    )
  })

  it('a sick report can be withdrawn until 08:14:59 of its day, a planned one until its day starts', () => {
    expect(itemOf(view(MONDAY_081459), 'a1')).toMatchObject({ canCancel: true })
    expect(itemOf(view(MONDAY_0815), 'a1')).toMatchObject({
      canCancel: false,
      cancelHint: 'Intrekken kan niet meer. Verandert er iets? Bel de school.',
    })
    // Wednesday 00:00 in Amsterdam is Tuesday 23:00Z.
    expect(itemOf(view(new Date('2026-12-08T22:59:59Z')), 'a2')).toMatchObject({ canCancel: true })
    expect(itemOf(view(new Date('2026-12-08T23:00:00Z')), 'a2')).toMatchObject({
      canCancel: false,
    })
  })

  it('leave: the decision, "te laat", the director’s message and who decides beyond 10 days', () => {
    const page = view(MONDAY_0800)
    expect(itemOf(page, 'l1')).toMatchObject({
      period: 'maandag 1 maart 2027 t/m vrijdag 5 maart 2027',
      schoolDaysLabel: '5 schooldagen',
      reasonLabel: 'Familie (huwelijk, jubileum, overlijden)',
      statusLabel: 'Aangevraagd (te laat)',
      canWithdraw: true,
      requesterLabel: 'Aangevraagd door Fatima Yilmaz',
    })
    expect(itemOf(page, 'l2')).toMatchObject({
      period: 'maandag 1 februari 2027',
      schoolDaysLabel: '1 schooldag',
      statusLabel: 'Afgewezen',
      decisionMessage: 'Dit valt niet onder gewichtige omstandigheden.',
      canWithdraw: false,
    })
    expect(itemOf(page, 'l3')).toMatchObject({
      statusLabel: 'Toegekend',
      beyondDirectorNote: null,
      canWithdraw: false,
    })
    expect(page.children[0]?.leaveRequests.map((l) => l.id)).toEqual(['l3', 'l2'])
  })

  it('has the Dutch status labels', () => {
    expect(ABSENCE_STATUS_LABELS).toEqual({
      reported: 'Gemeld',
      acknowledged: 'Gezien door de leerkracht',
      cancelled: 'Ingetrokken',
    })
    expect(LEAVE_STATUS_LABELS).toEqual({
      requested: 'Aangevraagd',
      approved: 'Toegekend',
      refused: 'Afgewezen',
      withdrawn: 'Ingetrokken',
    })
    expect(leaveStatusLabel({ status: 'requested', late: true })).toBe('Aangevraagd (te laat)')
    expect(leaveStatusLabel({ status: 'approved', late: true })).toBe('Toegekend')
  })

  it('after the redirect: the confirmation at the item, a broken id ignored', () => {
    expect(itemOf(view(MONDAY_0800, { path: '/absentie?gemeld=a1' }), 'a1').notice).toEqual({
      kind: 'success',
      message: ABSENCE_SUCCESS.reported,
    })
    expect(itemOf(view(MONDAY_0800, { path: '/absentie?ingetrokken=a3' }), 'a3').notice).toEqual({
      kind: 'success',
      message: ABSENCE_SUCCESS.cancelled,
    })
    expect(
      itemOf(view(MONDAY_0800, { path: '/absentie?aangevraagd=l1' }), 'l1').notice?.message,
    ).toBe(ABSENCE_SUCCESS.requested)
    expect(
      itemOf(view(MONDAY_0800, { path: '/absentie?verlof-ingetrokken=l2' }), 'l2').notice?.message,
    ).toBe(ABSENCE_SUCCESS.withdrawn)
    const broken = view(MONDAY_0800, { path: '/absentie?gemeld=%3Cb%3E' })
    expect(broken.children.flatMap((c) => c.absences).every((a) => a.notice === null)).toBe(true)
  })
})

describe('absencePageView: refused forms', () => {
  const reportFailure = (over: Partial<AbsenceFailure> & Pick<AbsenceFailure, 'code'>) =>
    ({
      form: 'report',
      outcome: {
        kind: 'result',
        result: {
          ok: false,
          message: 'm',
          fields: {},
          phone: null,
          existing: null,
          ...over,
        } as AbsenceFailure,
      },
    }) as const

  it('input errors: 400, messages per field, what was filled in kept', () => {
    const page = view(MONDAY_0800, {
      outcome: {
        form: 'report',
        outcome: {
          kind: 'input-error',
          fields: { reason: ['Kies een reden voor de afspraak.'], other: ['x'] },
        },
      },
      form: {
        pupil: 'k2',
        kind: 'planned',
        date: '2026-12-09',
        fromTime: '10:00',
        toTime: '',
        reason: 'kermis',
        note: 'Beugel',
      },
    })
    expect(page.status).toBe(400)
    expect(page.reportForm.fieldErrors).toEqual({ reason: 'Kies een reden voor de afspraak.' })
    expect(page.reportForm.notice).toMatchObject({
      kind: 'error',
      title: 'Controleer wat je hebt ingevuld',
    })
    expect(page.reportForm.values).toEqual({
      kind: 'planned',
      date: '2026-12-09',
      fromTime: '10:00',
      toTime: '',
      reason: '',
      note: 'Beugel',
    })
    expect(page.reportForm.children.find((c) => c.id === 'k2')?.checked).toBe(true)
    // The other form keeps its own (empty) values.
    expect(page.leaveForm.values).toEqual({ from: '', to: '', reason: '', note: '' })
  })

  it('after the cutoff: 422, the CMS’s message and the phone link', () => {
    const page = view(MONDAY_0815, {
      outcome: reportFailure({
        code: 'after-cutoff',
        message: 'Ziekmelden … Bel de school. Telefoon: 071 123 45 67.',
        phone: '071 123 45 67',
        fields: { date: 'Ziekmelden …' },
      }),
      form: { pupil: 'k1', kind: 'sick', date: '2026-12-07' },
    })
    expect(page.status).toBe(422)
    expect(page.reportForm.notice).toEqual({
      kind: 'error',
      title: 'Niet verstuurd',
      message: 'Ziekmelden … Bel de school. Telefoon: 071 123 45 67.',
      call: 'Direct bellen:',
    })
    expect(page.reportForm.fieldErrors).toEqual({ date: 'Ziekmelden …' })
    expect(page.reportForm.values.date).toBe('2026-12-07')
  })

  it('a duplicate: 409 and a link to the existing report in the list', () => {
    const page = view(MONDAY_0800, {
      outcome: reportFailure({ code: 'duplicate', message: 'Al gemeld.', existing: 'a1' }),
    })
    expect(page.status).toBe(409)
    expect(page.reportForm.existingHref).toBe('#melding-a1')
    expect(page.children[0]?.absences.some((a) => a.anchor === 'melding-a1')).toBe(true)
  })

  it.each([
    ['rate-limited', 429, { 'Retry-After': '90' }],
    ['unavailable', 503, { 'Retry-After': '30' }],
    ['not-your-child', 403, {}],
    ['planned-too-late', 422, {}],
  ] as const)('%s → %i', (code, status, headers) => {
    const page = view(MONDAY_0800, { outcome: reportFailure({ code, retryAfterSeconds: 90 }) })
    expect(page.status).toBe(status)
    expect(page.headers).toEqual(headers)
  })

  it('the leave form: its own errors and values', () => {
    const outcome: AbsencePageOutcome = {
      form: 'leave',
      outcome: {
        kind: 'result',
        result: {
          ok: false,
          code: 'in-the-past',
          message: 'Verlof vraagt u aan voor een dag die nog komt.',
          fields: { from: 'Verlof vraagt u aan voor een dag die nog komt.' },
        } satisfies LeaveFailure,
      },
    }
    const page = view(MONDAY_0800, {
      outcome,
      form: { pupil: 'k1', from: '2026-12-01', to: '2026-12-02', reason: 'familie', note: 'x' },
    })
    expect(page.status).toBe(422)
    expect(page.leaveForm.fieldErrors).toEqual({
      from: 'Verlof vraagt u aan voor een dag die nog komt.',
    })
    expect(page.leaveForm.values).toEqual({
      from: '2026-12-01',
      to: '2026-12-02',
      reason: 'familie',
      note: 'x',
    })
    expect(page.reportForm.notice).toBeUndefined()
    expect(page.reportForm.values.kind).toBe('')
  })

  it('a refused withdraw shows at its item; one whose item is gone at the top', () => {
    const failed = (id: string, code: WithdrawFailure['code']): AbsencePageOutcome => ({
      form: 'cancel',
      outcome: { kind: 'result', result: { ok: false, code, message: 'Te laat.', id } },
    })
    const late = view(MONDAY_0815, { outcome: failed('a1', 'too-late-to-cancel') })
    expect(late.status).toBe(409)
    expect(itemOf(late, 'a1').notice).toEqual({
      kind: 'error',
      title: 'Niet ingetrokken',
      message: 'Te laat.',
    })
    expect(late.notice).toBeUndefined()
    const gone = view(MONDAY_0800, { outcome: failed('a9', 'not-found') })
    expect(gone.status).toBe(404)
    expect(gone.notice).toMatchObject({ kind: 'error', message: 'Te laat.' })
    const leaveDecided = view(MONDAY_0800, {
      outcome: {
        form: 'withdraw',
        outcome: {
          kind: 'result',
          result: { ok: false, code: 'already-decided', message: 'Besloten.', id: 'l2' },
        },
      },
    })
    expect(itemOf(leaveDecided, 'l2').notice?.message).toBe('Besloten.')
  })

  it('a tampered withdraw form: 400 with a notice', () => {
    const page = view(MONDAY_0800, {
      outcome: { form: 'cancel', outcome: { kind: 'input-error', fields: { id: ['x'] } } },
      form: { id: '../x' },
    })
    expect(page.status).toBe(400)
    expect(page.notice?.message).toBe('Er ging iets mis met het formulier. Laad de pagina opnieuw.')
  })

  it('maps codes to statuses', () => {
    expect(failureStatus('school-closed')).toBe(422)
    expect(failureStatus('invalid-input')).toBe(400)
    expect(failureStatus('duplicate')).toBe(409)
    expect(failureStatus('too-late-to-cancel')).toBe(409)
  })
})

describe('cmsAnswerWithoutPage: the CMS answered, the page around it could not load', () => {
  const report = (failure: AbsenceFailure): AbsencePageOutcome => ({
    form: 'report',
    outcome: { kind: 'result', result: failure },
  })
  const refusal = (over: Partial<AbsenceFailure>): AbsenceFailure => ({
    ok: false,
    code: 'duplicate',
    message: 'Voor Noor is maandag 7 december al een ziekmelding gemeld.',
    fields: {},
    phone: null,
    existing: null,
    ...over,
  })

  it('a duplicate keeps its 409, its message and a link to the report on a fresh page', () => {
    expect(cmsAnswerWithoutPage(report(refusal({ existing: 'a1' })))).toEqual({
      status: 409,
      headers: {},
      title: 'Niet verstuurd',
      message: 'Voor Noor is maandag 7 december al een ziekmelding gemeld.',
      phone: null,
      existingHref: '/absentie#melding-a1',
    })
  })

  it('after the cutoff: 422 with the number to call as a tel: link', () => {
    const answer = cmsAnswerWithoutPage(
      report(refusal({ code: 'after-cutoff', message: 'Bel de school.', phone: '071 123 45 67' })),
    )
    expect(answer).toMatchObject({
      status: 422,
      phone: { text: '071 123 45 67', href: 'tel:0711234567' },
      existingHref: null,
    })
  })

  it('a rate limit keeps its Retry-After; a withdraw refusal is shown too', () => {
    expect(
      cmsAnswerWithoutPage(
        report(refusal({ code: 'rate-limited', message: 'Te veel.', retryAfterSeconds: 90 })),
      ),
    ).toMatchObject({ status: 429, headers: { 'Retry-After': '90' } })
    const tooLate: WithdrawFailure = {
      ok: false,
      code: 'too-late-to-cancel',
      message: 'Intrekken kan niet meer.',
      id: 'a1',
    }
    expect(
      cmsAnswerWithoutPage({ form: 'cancel', outcome: { kind: 'result', result: tooLate } }),
    ).toMatchObject({ status: 409, message: 'Intrekken kan niet meer.' })
  })

  it('nothing to show on its own: no form, input errors, or the CMS itself unavailable', () => {
    expect(cmsAnswerWithoutPage({ form: 'none' })).toBeNull()
    expect(
      cmsAnswerWithoutPage({ form: 'report', outcome: { kind: 'input-error', fields: {} } }),
    ).toBeNull()
    expect(cmsAnswerWithoutPage(report(refusal({ code: 'unavailable' })))).toBeNull()
  })
})
