import type {
  AbsenceStatus,
  LeaveStatus,
  ParentAbsence,
  ParentLeaveRequest,
} from '@schoolpost/contracts'
import { ABSENCE_REASONS, LEAVE_REASONS, PLANNED_ABSENCE_REASONS } from '@schoolpost/contracts'
import type { AbsenceWindow } from '@schoolpost/policies'
import {
  addCalendarDays,
  canCancelAbsence,
  DEFAULT_SCHOOL_TIME_SETTINGS,
  getAbsenceWindow,
  getSchoolNow,
  LEAVE_DIRECTOR_MAX_SCHOOL_DAYS,
  PLANNED_ABSENCE_MAX_DAYS_AHEAD,
} from '@schoolpost/policies'

import type { NoticeView } from '../auth/login-page'
import type { PortalSession } from '../auth/session'
import type { ChildSummary, SchoolContact } from '../home/load-home'
import { childSummary, schoolContact, telHref } from '../home/load-home'
import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { isValidId } from '../../lib/cms/ids'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import { retryAfterHeaders } from '../../lib/http/rate-limit'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { AbsenceFailure, AbsenceField, WithdrawFailure } from './absence-form'
import { ABSENCE_FIELDS, ABSENCE_NOTE_MAX, absenceAnchor, leaveAnchor } from './absence-form'
import type { LeaveFailure, LeaveField } from './leave-form'
import { LEAVE_FIELDS, LEAVE_NOTE_MAX } from './leave-form'
import type { PortalAbsenceSettings, SchoolYear } from './school-calendar'
import { dutchDay, schoolYearOf, toAbsenceSettings } from './school-calendar'

/**
 * The parent's absence page (`/absentie`, S5, S9, S10 and leave): what may be reported right now
 * in plain Dutch, the report and leave forms, and per child this school year's reports and
 * requests with their status and a withdraw button where the rules still allow it. Every rule is
 * read against the portal's clock (`lib/clock.ts`); the CMS checks them again and decides.
 * Nothing here is kept in the portal's caches: a report must show at once, for every guardian.
 */

export const ABSENCE_STATUS_LABELS: Record<AbsenceStatus, string> = {
  reported: 'Gemeld',
  acknowledged: 'Gezien door de leerkracht',
  cancelled: 'Ingetrokken',
}

export const LEAVE_STATUS_LABELS: Record<LeaveStatus, string> = {
  requested: 'Aangevraagd',
  approved: 'Toegekend',
  refused: 'Afgewezen',
  withdrawn: 'Ingetrokken',
}

export const ABSENCE_KIND_OPTIONS = [
  { value: 'sick', label: 'Ziek' },
  { value: 'planned', label: 'Afspraak' },
] as const

export const ABSENCE_SUCCESS = {
  reported: 'Je melding is verstuurd. Je krijgt een bevestiging per e-mail.',
  cancelled: 'De melding is ingetrokken.',
  requested:
    'Je aanvraag is verstuurd. De directeur beslist; je krijgt een e-mail zodra er een besluit is.',
  withdrawn: 'De aanvraag is ingetrokken.',
} as const

const CHECK_TITLE = 'Controleer wat je hebt ingevuld'

/** The labels of the report form's fields (also the error summary's links). */
export const ABSENCE_FIELD_LABELS: Record<AbsenceField, string> = {
  pupil: 'Voor welk kind?',
  kind: 'Wat meld je?',
  date: 'Dag',
  reason: 'Reden van de afspraak',
  fromTime: 'Van',
  toTime: 'Tot',
  note: 'Toelichting (niet verplicht)',
}

/** The labels of the leave form's fields. */
export const LEAVE_FIELD_LABELS: Record<LeaveField, string> = {
  pupil: 'Voor welk kind?',
  from: 'Eerste dag',
  to: 'Laatste dag',
  reason: 'Reden',
  note: 'Toelichting',
}

export type AbsencePageData = {
  school: SchoolContact
  settings: PortalAbsenceSettings
  children: ChildSummary[]
  /** The reports from the start of this school year on (upcoming days of the next one too). */
  absences: ParentAbsence[]
  /** The requests that end in this school year or later. */
  leaveRequests: ParentLeaveRequest[]
  schoolYear: SchoolYear
}

export type AbsencePageLoad =
  { kind: 'ok'; data: AbsencePageData } | { kind: 'signed-out' } | { kind: 'unavailable' }

/**
 * The children, the school's calendar and this school year's reports and requests, asked at once
 * (the school year from the school's zone, which the settings fix to Europe/Amsterdam). Straight
 * from the CMS, never from a cache: the portal version does not move with absence writes. Never
 * throws.
 */
export async function loadAbsencePage(
  session: PortalSession,
  cms: Pick<CmsClient, 'listPupils' | 'getSchoolSettings' | 'listAbsences' | 'listLeaveRequests'>,
  now: Date,
): Promise<AbsencePageLoad> {
  const today = getSchoolNow({ now, timeZone: DEFAULT_SCHOOL_TIME_SETTINGS.timeZone }).date
  const schoolYear = schoolYearOf(today)
  const since = { since: schoolYear.start }
  const results = await Promise.allSettled([
    cms.listPupils(session.token),
    cms.getSchoolSettings(session.token),
    cms.listAbsences(session.token, since),
    cms.listLeaveRequests(session.token, since),
  ] as const)
  const [pupils, settings, absences, leaveRequests] = results
  if (results.some((r) => r.status === 'rejected' && r.reason instanceof CmsUnauthorizedError)) {
    return { kind: 'signed-out' }
  }
  if (
    pupils.status === 'rejected' ||
    settings.status === 'rejected' ||
    absences.status === 'rejected' ||
    leaveRequests.status === 'rejected'
  ) {
    for (const r of results) {
      if (r.status === 'rejected') reportCmsFailure('Loading the absence page', r.reason)
    }
    return { kind: 'unavailable' }
  }
  return {
    kind: 'ok',
    data: {
      school: schoolContact(settings.value),
      settings: toAbsenceSettings(settings.value),
      children: pupils.value.map(childSummary),
      absences: absences.value,
      leaveRequests: leaveRequests.value,
      schoolYear,
    },
  }
}

/** A notice whose text may end in the school's phone number as a `tel:` link. */
export type RuleNotice = NoticeView & {
  /** Shown after `message`, followed by the phone link ("Bel de school:"). */
  call: string | null
}

export type ChildOption = { id: string; label: string; checked: boolean }

export type AbsenceFormView = {
  children: ChildOption[]
  values: {
    kind: 'sick' | 'planned' | ''
    date: string
    fromTime: string
    toTime: string
    reason: string
    note: string
  }
  dateMin: string
  dateMax: string
  dateHint: string
  reasonOptions: readonly { value: string; label: string }[]
  fieldErrors: Partial<Record<AbsenceField, string>>
  /** The error summary of this form (or the CMS's refusal). */
  notice: RuleNotice | undefined
  /** A duplicate: the anchor of the existing report in the list below. */
  existingHref: string | null
  noteMax: number
}

export type LeaveFormView = {
  children: ChildOption[]
  values: { from: string; to: string; reason: string; note: string }
  dateMin: string
  /** "Vraag verlof minstens 8 weken vooraf aan …". */
  noticeText: string
  reasonOptions: readonly { value: string; label: string }[]
  fieldErrors: Partial<Record<LeaveField, string>>
  notice: NoticeView | undefined
  noteMax: number
}

export type AbsenceItemView = {
  id: string
  anchor: string
  /** "Ziek: maandag 7 december" / "Afspraak: dinsdag 8 december, 10:00–11:30". */
  title: string
  reasonLabel: string | null
  note: string | null
  status: AbsenceStatus
  statusLabel: string
  /** "Gemeld door Fatima Yilmaz". */
  reporterLabel: string | null
  canCancel: boolean
  /** "Intrekken kan tot 08:15 op maandag 7 december." / why it no longer can. */
  cancelHint: string | null
  /** The report just made or withdrawn, or a withdraw that failed. */
  notice: NoticeView | null
}

export type LeaveItemView = {
  id: string
  anchor: string
  /** "maandag 1 maart 2027 t/m vrijdag 5 maart 2027". */
  period: string
  /** "5 schooldagen". */
  schoolDaysLabel: string | null
  reasonLabel: string | null
  note: string | null
  status: LeaveStatus
  /** "Aangevraagd (te laat)", "Toegekend", "Afgewezen", "Ingetrokken". */
  statusLabel: string
  decisionMessage: string | null
  requesterLabel: string | null
  /** More than 10 school days: who decides. */
  beyondDirectorNote: string | null
  canWithdraw: boolean
  notice: NoticeView | null
}

export type ChildOverview = {
  id: string
  anchor: string
  /** "Noor Yilmaz — Groep 3". */
  title: string
  absences: AbsenceItemView[]
  leaveRequests: LeaveItemView[]
}

export type AbsencePageView = {
  status: number
  headers: Record<string, string>
  /** A failed withdraw of an item that is not (or no longer) in the list. */
  notice: NoticeView | undefined
  today: string
  /** The rule that applies now for a sick report (with the phone number after the cutoff). */
  sickRule: RuleNotice
  /** What else can be reported now (the next school day, appointments). */
  otherRules: string[]
  reportForm: AbsenceFormView
  leaveForm: LeaveFormView
  children: ChildOverview[]
  schoolYearLabel: string
}

/** What the page got back from one of its four forms. */
export type AbsencePageOutcome =
  | { form: 'none' }
  | { form: 'report'; outcome: ActionOutcome<AbsenceFailure> }
  | { form: 'cancel'; outcome: ActionOutcome<WithdrawFailure> }
  | { form: 'leave'; outcome: ActionOutcome<LeaveFailure> }
  | { form: 'withdraw'; outcome: ActionOutcome<WithdrawFailure> }

/** The fields the page reads back from a refused POST (each form names some of them). */
export const POSTED_FIELDS = [
  'pupil',
  'kind',
  'date',
  'fromTime',
  'toTime',
  'reason',
  'note',
  'from',
  'to',
  'id',
] as const
export type PostedForm = Partial<Record<(typeof POSTED_FIELDS)[number], unknown>>

const asText = (value: unknown, max: number): string =>
  typeof value === 'string' ? value.slice(0, max) : ''

const asDate = (value: unknown): string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : ''

const asTime = (value: unknown): string =>
  typeof value === 'string' && /^\d{2}:\d{2}(:\d{2})?$/.test(value) ? value.slice(0, 5) : ''

const childTitle = (child: ChildSummary) =>
  child.groupName ? `${child.name} — ${child.groupName}` : child.name

const ABSENCE_REASON_LABELS = new Map<string, string>(
  ABSENCE_REASONS.map((r) => [r.value, r.label]),
)
const LEAVE_REASON_LABELS = new Map<string, string>(LEAVE_REASONS.map((r) => [r.value, r.label]))

/** The rule for a sick report right now, in plain Dutch (S9), with the phone number (S5). */
export function sickRuleNotice(window: AbsenceWindow): RuleNotice {
  const cutoff = window.cutoff
  if (window.sickTodayOpen) {
    return {
      kind: 'info',
      message: `Ziekmelden voor vandaag kan tot ${cutoff}.`,
      call: 'Daarna bel je de school:',
    }
  }
  if (window.todayIsSchoolDay) {
    return {
      kind: 'warning',
      title: 'Ziekmelden voor vandaag kan niet meer via Schoolpost',
      message: `Het is na ${cutoff}: de leerkracht kijkt niet meer in Schoolpost.`,
      call: 'Is je kind vandaag ziek? Bel de school:',
    }
  }
  return {
    kind: 'info',
    title: 'Vandaag is er geen school',
    message: window.nextSchoolDay
      ? `Ziekmelden voor ${dutchDay(window.nextSchoolDay, window.today)} kan tot ${cutoff} die ochtend.`
      : 'Er is voorlopig geen schooldag.',
    call: 'Dringend? Bel de school:',
  }
}

/** What else can be reported right now. */
export function otherRuleLines(window: AbsenceWindow): string[] {
  const lines: string[] = []
  if (window.nextSchoolDay) {
    lines.push(
      `Ziek op de eerstvolgende schooldag, ${dutchDay(window.nextSchoolDay, window.today)}? Dat kun je nu al melden, tot ${window.cutoff} die ochtend.`,
    )
  }
  lines.push(
    window.earliestPlannedDay
      ? `Een afspraak (tandarts, dokter) meld je uiterlijk de dag ervoor: nu kan dat vanaf ${dutchDay(window.earliestPlannedDay, window.today)}.`
      : 'Een afspraak (tandarts, dokter) meld je uiterlijk de dag ervoor.',
  )
  return lines
}

function dateHint(window: AbsenceWindow): string {
  const sickDays = [
    window.sickTodayOpen ? `vandaag (tot ${window.cutoff})` : null,
    window.nextSchoolDay ? dutchDay(window.nextSchoolDay, window.today) : null,
  ].filter((day): day is string => day !== null)
  const sick = sickDays.length
    ? `Ziek: ${sickDays.join(' of ')}.`
    : 'Ziek: voorlopig geen schooldag.'
  const planned = window.earliestPlannedDay
    ? `Afspraak: vanaf ${dutchDay(window.earliestPlannedDay, window.today)}.`
    : 'Afspraak: uiterlijk de dag ervoor.'
  return `${sick} ${planned}`
}

function cancelHint(
  absence: ParentAbsence,
  allowed: boolean,
  settings: PortalAbsenceSettings,
  today: string,
): string | null {
  if (absence.status === 'cancelled') return null
  if (allowed) {
    return absence.kind === 'sick'
      ? `Intrekken kan tot ${settings.absenceCutoff} op ${dutchDay(absence.date, today)}.`
      : `Intrekken kan tot en met ${dutchDay(addCalendarDays(absence.date, -1), today)}.`
  }
  return absence.date >= today ? 'Intrekken kan niet meer. Verandert er iets? Bel de school.' : null
}

function absenceItem(
  absence: ParentAbsence,
  input: { now: Date; today: string; settings: PortalAbsenceSettings },
): AbsenceItemView {
  const { now, today, settings } = input
  const day = dutchDay(absence.date, today)
  const times =
    absence.kind === 'planned' && absence.fromTime && absence.toTime
      ? `, ${absence.fromTime}–${absence.toTime}`
      : ''
  const allowed =
    absence.status !== 'cancelled' &&
    canCancelAbsence({ kind: absence.kind, date: absence.date, now, settings }).ok
  return {
    id: absence.id,
    anchor: absenceAnchor(absence.id),
    title: `${absence.kind === 'sick' ? 'Ziek' : 'Afspraak'}: ${day}${times}`,
    reasonLabel:
      absence.kind === 'planned' && absence.reason
        ? (ABSENCE_REASON_LABELS.get(absence.reason) ?? null)
        : null,
    note: absence.note?.trim() || null,
    status: absence.status,
    statusLabel: ABSENCE_STATUS_LABELS[absence.status],
    reporterLabel: !absence.reporterName
      ? null
      : absence.channel === 'phone'
        ? `Telefonisch doorgegeven, genoteerd door ${absence.reporterName}`
        : `Gemeld door ${absence.reporterName}`,
    canCancel: allowed,
    cancelHint: cancelHint(absence, allowed, settings, today),
    notice: null,
  }
}

export function leaveStatusLabel(request: Pick<ParentLeaveRequest, 'status' | 'late'>): string {
  const label = LEAVE_STATUS_LABELS[request.status]
  return request.status === 'requested' && request.late ? `${label} (te laat)` : label
}

function leaveItem(request: ParentLeaveRequest, today: string): LeaveItemView {
  const from = dutchDay(request.from, today)
  const to = dutchDay(request.to, today)
  return {
    id: request.id,
    anchor: leaveAnchor(request.id),
    period: request.from === request.to ? from : `${from} t/m ${to}`,
    schoolDaysLabel:
      request.schoolDays === null
        ? null
        : `${request.schoolDays} ${request.schoolDays === 1 ? 'schooldag' : 'schooldagen'}`,
    reasonLabel: request.reason ? (LEAVE_REASON_LABELS.get(request.reason) ?? null) : null,
    note: request.note?.trim() || null,
    status: request.status,
    statusLabel: leaveStatusLabel(request),
    decisionMessage:
      request.status === 'approved' || request.status === 'refused'
        ? request.decisionMessage?.trim() || null
        : null,
    requesterLabel: request.requesterName ? `Aangevraagd door ${request.requesterName}` : null,
    beyondDirectorNote:
      request.beyondDirector && request.status === 'requested'
        ? `Meer dan ${LEAVE_DIRECTOR_MAX_SCHOOL_DAYS} schooldagen: de directeur legt de aanvraag voor aan de leerplichtambtenaar.`
        : null,
    canWithdraw: request.status === 'requested',
    notice: null,
  }
}

/** Reports newest day first; leave by first day, newest first. */
const byDateDesc = (a: ParentAbsence, b: ParentAbsence) =>
  a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date)
const byFromDesc = (a: ParentLeaveRequest, b: ParentLeaveRequest) =>
  a.from === b.from ? b.createdAt.localeCompare(a.createdAt) : b.from.localeCompare(a.from)

const RULE_STATUS: Partial<Record<string, number>> = {
  'invalid-input': 400,
  'invalid-kind': 400,
  'invalid-reason': 400,
  'not-your-child': 403,
  'no-pupil': 403,
  'status-not-allowed': 403,
  'not-found': 404,
  duplicate: 409,
  'no-group': 409,
  'too-late-to-cancel': 409,
  'already-cancelled': 409,
  'already-decided': 409,
  'rate-limited': 429,
  unavailable: 503,
}

/** The status of a refused form: the CMS's rule refusals are 422, the rest as above. */
export function failureStatus(code: string): number {
  return RULE_STATUS[code] ?? 422
}

function failureHeaders(failure: { code: string; retryAfterSeconds?: number }) {
  if (failure.code === 'rate-limited') return retryAfterHeaders(failure.retryAfterSeconds ?? 60)
  if (failure.code === 'unavailable') return { 'Retry-After': '30' }
  return {}
}

function failureTitle(code: string): string {
  if (code === 'rate-limited') return 'Even wachten'
  if (code === 'unavailable') return 'Schoolpost is niet bereikbaar'
  return 'Niet verstuurd'
}

function firstFieldErrors<F extends string>(
  fields: Record<string, string[] | undefined>,
  names: readonly F[],
): Partial<Record<F, string>> {
  const errors: Partial<Record<F, string>> = {}
  for (const name of names) {
    const message = fields[name]?.[0]
    if (message) errors[name] = message
  }
  return errors
}

const childOptions = (children: ChildSummary[], chosen: string): ChildOption[] =>
  children.map((child) => ({
    id: child.id,
    label: childTitle(child),
    checked: children.length === 1 || child.id === chosen,
  }))

/** The CMS's answer to a form, shown on its own (`cmsAnswerWithoutPage`). */
export type StandaloneAnswer = {
  status: number
  headers: Record<string, string>
  title: string
  message: string
  /** The school's phone number to call, when the CMS says to (after the cutoff). */
  phone: { text: string; href: string } | null
  /** The report a duplicate points at, on a fresh load of the page. */
  existingHref: string | null
}

/**
 * The CMS's definite answer to a form when the page around it cannot load (its lists time out
 * while the CMS works through a queue: everyone reporting at 08:10): a refusal such as "already
 * reported" is shown with its own status instead of being hidden behind "niet bereikbaar". Null
 * when there is no such answer (no form, an input error the page needs its form for, or the CMS
 * itself was unavailable).
 */
export function cmsAnswerWithoutPage(outcome: AbsencePageOutcome): StandaloneAnswer | null {
  if (outcome.form === 'none' || outcome.outcome.kind !== 'result') return null
  const failure = outcome.outcome.result
  if (failure.code === 'unavailable') return null
  const existing = 'existing' in failure && failure.existing ? failure.existing : null
  return {
    status: failureStatus(failure.code),
    headers: failureHeaders(failure),
    title: failureTitle(failure.code),
    message: failure.message,
    phone:
      'phone' in failure && failure.phone
        ? { text: failure.phone, href: telHref(failure.phone) }
        : null,
    existingHref:
      failure.code === 'duplicate' && existing ? `/absentie#${absenceAnchor(existing)}` : null,
  }
}

/** A success from the address after the redirect (`?gemeld=<id>` …), for that item. */
function successFor(url: URL, param: string): string | null {
  const id = url.searchParams.get(param)
  return isValidId(id) ? id : null
}

/** The absence page for one request: the rules now, both forms, and the overview per child. */
export function absencePageView(input: {
  url: URL
  now: Date
  data: AbsencePageData
  outcome: AbsencePageOutcome
  /** The posted form, when there was one (to keep what was filled in after a refusal). */
  form: PostedForm | undefined
}): AbsencePageView {
  const { url, now, data, outcome } = input
  const window = getAbsenceWindow({ now, settings: data.settings })
  const today = window.today
  const tomorrow = addCalendarDays(today, 1)
  let status = 200
  let headers: Record<string, string> = {}

  // The report form: what was posted (after a refusal) or the first day a sick report is for.
  const posted = outcome.form === 'report' ? (input.form ?? {}) : {}
  const kind = posted.kind === 'sick' || posted.kind === 'planned' ? posted.kind : ''
  const reportForm: AbsenceFormView = {
    children: childOptions(data.children, asText(posted.pupil, 64)),
    values: {
      kind,
      date: asDate(posted.date) || (window.sickTodayOpen ? today : (window.nextSchoolDay ?? '')),
      fromTime: asTime(posted.fromTime),
      toTime: asTime(posted.toTime),
      reason: PLANNED_ABSENCE_REASONS.some((r) => r.value === posted.reason)
        ? (posted.reason as string)
        : '',
      note: asText(posted.note, ABSENCE_NOTE_MAX + 200),
    },
    dateMin: window.sickTodayOpen ? today : tomorrow,
    dateMax: addCalendarDays(today, PLANNED_ABSENCE_MAX_DAYS_AHEAD),
    dateHint: dateHint(window),
    reasonOptions: PLANNED_ABSENCE_REASONS,
    fieldErrors: {},
    notice: undefined,
    existingHref: null,
    noteMax: ABSENCE_NOTE_MAX,
  }

  const leavePosted = outcome.form === 'leave' ? (input.form ?? {}) : {}
  const noticeWeeks = data.settings.leaveNoticeWeeks
  const leaveForm: LeaveFormView = {
    children: childOptions(data.children, asText(leavePosted.pupil, 64)),
    values: {
      from: asDate(leavePosted.from),
      to: asDate(leavePosted.to),
      reason: LEAVE_REASONS.some((r) => r.value === leavePosted.reason)
        ? (leavePosted.reason as string)
        : '',
      note: asText(leavePosted.note, LEAVE_NOTE_MAX + 200),
    },
    dateMin: tomorrow,
    noticeText: `Vraag verlof minstens ${noticeWeeks} ${noticeWeeks === 1 ? 'week' : 'weken'} vooraf aan: voor een verlof dat op of na ${dutchDay(addCalendarDays(today, noticeWeeks * 7), today)} begint. Later aanvragen kan ook, maar dan staat je aanvraag als ‘te laat’ bij de directeur.`,
    reasonOptions: LEAVE_REASONS,
    fieldErrors: {},
    notice: undefined,
    noteMax: LEAVE_NOTE_MAX,
  }

  // The overview, with the item a success or a failed withdraw is about.
  const itemNotices = new Map<string, NoticeView>()
  const success = (param: string, anchor: (id: string) => string, message: string) => {
    const id = successFor(url, param)
    if (id) itemNotices.set(anchor(id), { kind: 'success', message })
  }
  if (outcome.form === 'none') {
    success('gemeld', absenceAnchor, ABSENCE_SUCCESS.reported)
    success('ingetrokken', absenceAnchor, ABSENCE_SUCCESS.cancelled)
    success('aangevraagd', leaveAnchor, ABSENCE_SUCCESS.requested)
    success('verlof-ingetrokken', leaveAnchor, ABSENCE_SUCCESS.withdrawn)
  }

  switch (outcome.form) {
    case 'none':
      break
    case 'report': {
      const result = outcome.outcome
      if (result.kind === 'none') break
      status = 400
      if (result.kind === 'input-error') {
        reportForm.fieldErrors = firstFieldErrors(result.fields, ABSENCE_FIELDS)
        reportForm.notice = {
          kind: 'error',
          title: CHECK_TITLE,
          message: 'Je melding is nog niet verstuurd.',
          call: null,
        }
      } else if (result.kind === 'action-error') {
        reportForm.notice = {
          kind: 'error',
          title: CHECK_TITLE,
          message: 'Je melding is nog niet verstuurd. Probeer het opnieuw.',
          call: null,
        }
      } else if (result.kind === 'result') {
        const failure = result.result
        status = failureStatus(failure.code)
        headers = failureHeaders(failure)
        reportForm.fieldErrors = failure.fields
        reportForm.existingHref =
          failure.code === 'duplicate' && failure.existing
            ? `#${absenceAnchor(failure.existing)}`
            : null
        reportForm.notice = {
          kind: 'error',
          title: failure.code === 'invalid-input' ? CHECK_TITLE : failureTitle(failure.code),
          message: failure.message,
          // The CMS's message names the number; the link makes it one tap on a phone.
          call: failure.phone ? 'Direct bellen:' : null,
        }
      }
      break
    }
    case 'leave': {
      const result = outcome.outcome
      if (result.kind === 'none') break
      status = 400
      if (result.kind === 'input-error') {
        leaveForm.fieldErrors = firstFieldErrors(result.fields, LEAVE_FIELDS)
        leaveForm.notice = {
          kind: 'error',
          title: CHECK_TITLE,
          message: 'Je aanvraag is nog niet verstuurd.',
        }
      } else if (result.kind === 'action-error') {
        leaveForm.notice = {
          kind: 'error',
          title: CHECK_TITLE,
          message: 'Je aanvraag is nog niet verstuurd. Probeer het opnieuw.',
        }
      } else if (result.kind === 'result') {
        const failure = result.result
        status = failureStatus(failure.code)
        headers = failureHeaders(failure)
        leaveForm.fieldErrors = failure.fields
        leaveForm.notice = {
          kind: 'error',
          title: failure.code === 'invalid-input' ? CHECK_TITLE : failureTitle(failure.code),
          message: failure.message,
        }
      }
      break
    }
    case 'cancel':
    case 'withdraw': {
      const result = outcome.outcome
      const anchor = outcome.form === 'cancel' ? absenceAnchor : leaveAnchor
      if (result.kind === 'none') break
      status = 400
      if (result.kind === 'result') {
        status = failureStatus(result.result.code)
        headers = failureHeaders(result.result)
        itemNotices.set(anchor(result.result.id), {
          kind: 'error',
          title: 'Niet ingetrokken',
          message: result.result.message,
        })
      } else {
        // Only a tampered hidden field gets here: the id was not one.
        const id = isValidId(input.form?.id) ? input.form.id : null
        const notice: NoticeView = {
          kind: 'error',
          title: 'Niet ingetrokken',
          message: 'Er ging iets mis met het formulier. Laad de pagina opnieuw.',
        }
        itemNotices.set(id ? anchor(id) : '', notice)
      }
      break
    }
  }

  const children = data.children.map((child): ChildOverview => {
    const absences = data.absences
      .filter((absence) => absence.pupil === child.id)
      .sort(byDateDesc)
      .map((absence) => {
        const item = absenceItem(absence, { now, today, settings: data.settings })
        return { ...item, notice: itemNotices.get(item.anchor) ?? null }
      })
    const leaveRequests = data.leaveRequests
      .filter((request) => request.pupil === child.id)
      .sort(byFromDesc)
      .map((request) => {
        const item = leaveItem(request, today)
        return { ...item, notice: itemNotices.get(item.anchor) ?? null }
      })
    return {
      id: child.id,
      anchor: `kind-${child.id}`,
      title: childTitle(child),
      absences,
      leaveRequests,
    }
  })

  // A notice whose item is not in the list (withdrawn by another guardian meanwhile, gone).
  const placed = new Set(
    children.flatMap((child) => [...child.absences, ...child.leaveRequests]).map((i) => i.anchor),
  )
  const unplaced = [...itemNotices].find(
    ([anchor, notice]) => notice.kind === 'error' && !placed.has(anchor),
  )

  return {
    status,
    headers,
    notice: unplaced?.[1],
    today,
    sickRule: sickRuleNotice(window),
    otherRules: otherRuleLines(window),
    reportForm,
    leaveForm,
    children,
    schoolYearLabel: data.schoolYear.label,
  }
}
