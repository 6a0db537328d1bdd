import type { NewAbsence, PlannedAbsenceReason } from '@schoolpost/contracts'
import { ABSENCE_KINDS, PLANNED_ABSENCE_REASONS } from '@schoolpost/contracts'
import { z } from 'zod'

import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { PortalSession } from '../auth/session'
import type {
  AbsenceRefusalCode,
  CancelAbsenceResult,
  CmsClient,
  WithdrawLeaveRequestResult,
  WithdrawRefusalCode,
} from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import { idField, isValidId } from '../../lib/cms/ids'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { rateLimitMessage } from '../../lib/http/rate-limit'

/**
 * Reporting a child sick or away for an appointment (S9, S10), and withdrawing a report. The
 * form's input is checked here for quick, clear feedback; the rule itself (the cutoff to the
 * second, the day ahead, school days) is the CMS's to apply — it answers a Dutch refusal with a
 * code, the school's phone number after the cutoff, and the existing report for a duplicate.
 */

export const ABSENCE_PATH = '/absentie'
export const ABSENCE_NOTE_MAX = 500

export const absenceAnchor = (id: string) => `melding-${id}`
export const leaveAnchor = (id: string) => `verlof-${id}`

export const ABSENCE_INPUT_MESSAGES = {
  pupil: 'Kies voor welk kind je de melding doet.',
  kind: 'Kies wat je meldt: ziek of een afspraak.',
  date: 'Kies de dag waarop je kind er niet is.',
  time: 'Vul een tijd in als uu:mm, bijvoorbeeld 10:30.',
  bothTimes: 'Vul een begin- én een eindtijd in, of laat beide leeg.',
  timeOrder: 'De eindtijd moet na de begintijd liggen.',
  reason: 'Kies een reden voor de afspraak.',
  noteTooLong: `De toelichting mag hoogstens ${ABSENCE_NOTE_MAX} tekens lang zijn.`,
} as const

const calendarDay = z
  .string({ error: ABSENCE_INPUT_MESSAGES.date })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: ABSENCE_INPUT_MESSAGES.date })

const isTime = (value: string) => /^([01]\d|2[0-3]):[0-5]\d$/.test(value)

/** A time input's value: `HH:mm`, or `HH:mm:ss` from some browsers (seconds dropped). */
const timeOfDay = z
  .string({ error: ABSENCE_INPUT_MESSAGES.time })
  .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { error: ABSENCE_INPUT_MESSAGES.time })
  .transform((value) => value.slice(0, 5))

/** A child of the parent (a radio: nothing chosen arrives as null). */
export const pupilField = (message: string) =>
  z.string({ error: message }).refine(isValidId, { error: message })

/** A text box's value: trimmed, CRLF counted as one character, like the text box does. */
export const noteField = (max: number, tooLong: string) =>
  z
    .string()
    .trim()
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .pipe(z.string().max(max, { error: tooLong }))

const PLANNED_REASON_VALUES = PLANNED_ABSENCE_REASONS.map((r) => r.value) as [
  PlannedAbsenceReason,
  ...PlannedAbsenceReason[],
]

/**
 * The report form. Times and a reason belong to an appointment only: with "ziek" they are left
 * out (the form shows them to everyone, it has no script to hide them).
 */
export const absenceInput = z
  .object({
    pupil: pupilField(ABSENCE_INPUT_MESSAGES.pupil),
    kind: z.enum(ABSENCE_KINDS, { error: ABSENCE_INPUT_MESSAGES.kind }),
    date: calendarDay,
    fromTime: timeOfDay.optional(),
    toTime: timeOfDay.optional(),
    reason: z.string().optional(),
    note: noteField(ABSENCE_NOTE_MAX, ABSENCE_INPUT_MESSAGES.noteTooLong).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kind !== 'planned') return
    if (!PLANNED_REASON_VALUES.some((value) => value === input.reason)) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: ABSENCE_INPUT_MESSAGES.reason })
    }
    if (Boolean(input.fromTime) !== Boolean(input.toTime)) {
      const path = input.fromTime ? 'toTime' : 'fromTime'
      ctx.addIssue({ code: 'custom', path: [path], message: ABSENCE_INPUT_MESSAGES.bothTimes })
    } else if (
      // Zod runs this check even when a time itself was refused: compare only valid times.
      input.fromTime &&
      input.toTime &&
      isTime(input.fromTime) &&
      isTime(input.toTime) &&
      input.fromTime >= input.toTime
    ) {
      ctx.addIssue({ code: 'custom', path: ['toTime'], message: ABSENCE_INPUT_MESSAGES.timeOrder })
    }
  })

export type AbsenceInput = z.infer<typeof absenceInput>

export const ABSENCE_FIELDS = [
  'pupil',
  'kind',
  'date',
  'fromTime',
  'toTime',
  'reason',
  'note',
] as const
export type AbsenceField = (typeof ABSENCE_FIELDS)[number]

/** What the portal sends: the report as the parent filled it in, appointment details only with one. */
export function toNewAbsence(input: AbsenceInput): NewAbsence {
  const note = input.note ? { note: input.note } : {}
  if (input.kind === 'sick') return { pupil: input.pupil, kind: 'sick', date: input.date, ...note }
  return {
    pupil: input.pupil,
    kind: 'planned',
    date: input.date,
    reason: input.reason as PlannedAbsenceReason,
    ...(input.fromTime && input.toTime ? { fromTime: input.fromTime, toTime: input.toTime } : {}),
    ...note,
  }
}

/** The field a refusal of the CMS is about (shown there too); `null`: the form as a whole. */
export function absenceFieldOf(code: AbsenceRefusalCode): AbsenceField | null {
  switch (code) {
    case 'invalid-date':
    case 'in-the-past':
    case 'not-a-school-day':
    case 'school-closed':
    case 'after-cutoff':
    case 'sick-not-next-school-day':
    case 'planned-too-late':
    case 'planned-too-far-ahead':
      return 'date'
    case 'invalid-times':
    case 'times-outside-school-hours':
    case 'times-only-for-planned':
      return 'fromTime'
    case 'invalid-reason':
      return 'reason'
    case 'invalid-kind':
      return 'kind'
    case 'not-your-child':
    case 'no-pupil':
      return 'pupil'
    case 'duplicate':
    case 'no-group':
    case 'invalid-input':
      return null
  }
}

export type AbsenceFormResult =
  | { ok: true; id: string; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: AbsenceRefusalCode | 'rate-limited' | 'unavailable'
      message: string
      fields: Partial<Record<AbsenceField, string>>
      /** The school's phone number, when the CMS says to call (after the cutoff). */
      phone: string | null
      /** The report a duplicate points at. */
      existing: string | null
      retryAfterSeconds?: number
    }

export type AbsenceFailure = Exclude<AbsenceFormResult, { ok: true } | { code: 'signed-out' }>

/** Where the page goes after a report: the new report in the list, with its confirmation. */
export const reportedPath = (id: string) =>
  `${ABSENCE_PATH}?gemeld=${encodeURIComponent(id)}#${absenceAnchor(id)}`

const failure = (
  code: AbsenceFailure['code'],
  message: string,
  extra: Partial<Pick<AbsenceFailure, 'fields' | 'phone' | 'existing' | 'retryAfterSeconds'>> = {},
): AbsenceFailure => ({
  ok: false,
  code,
  message,
  fields: {},
  phone: null,
  existing: null,
  ...extra,
})

/**
 * Said when the CMS took longer than the portal waits for a write and the report is not (yet) in
 * the list: it may still be stored, and a second try meets the duplicate check at worst.
 */
export const UNCERTAIN_REPORT_MESSAGE =
  'Schoolpost reageert nu traag. Misschien is je melding toch aangekomen: kijk over een minuut in het overzicht. Staat ze er niet, meld dan opnieuw of bel de school.'

/**
 * The report of `input`'s child and day, when it is stored after all (active, whoever of the
 * guardians made it); null when it is not, or when the CMS cannot say either.
 */
async function findStoredReport(
  cms: Pick<CmsClient, 'listAbsences'>,
  token: string,
  report: { pupil: string; date: string },
): Promise<string | null> {
  try {
    const reports = await cms.listAbsences(token, { since: report.date })
    const stored = reports.find(
      (a) => a.pupil === report.pupil && a.date === report.date && a.status !== 'cancelled',
    )
    return stored?.id ?? null
  } catch {
    return null
  }
}

/**
 * Sends the report to the CMS with the parent's token. Never throws. When the CMS does not answer
 * in time (08:10 on a Monday, everyone at once) the write may still land: the list says whether
 * it did, so the parent sees their report rather than an error for something that worked.
 */
export async function submitAbsenceForm(
  input: AbsenceInput,
  deps: {
    cms: Pick<CmsClient, 'createAbsence' | 'listAbsences'>
    /** The parent of this request (the action checked the session). */
    parent: PortalSession
  },
): Promise<AbsenceFormResult> {
  const report = toNewAbsence(input)
  try {
    const result = await deps.cms.createAbsence(deps.parent.token, report)
    if (result.ok) {
      return { ok: true, id: result.absence.id, redirectTo: reportedPath(result.absence.id) }
    }
    if (result.code === 'rate-limited') {
      const seconds = result.retryAfterSeconds ?? 60
      return failure('rate-limited', rateLimitMessage(seconds), { retryAfterSeconds: seconds })
    }
    const fields: Partial<Record<AbsenceField, string>> = {}
    for (const key of ABSENCE_FIELDS) {
      const message = result.fields[key]
      if (message) fields[key] = message
    }
    const field = absenceFieldOf(result.code)
    if (field && !fields[field]) fields[field] = result.message
    return failure(result.code, result.message, {
      fields,
      phone: result.phone,
      existing: result.existing && isValidId(result.existing) ? result.existing : null,
    })
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Reporting an absence', error)
    if (error instanceof CmsUnavailableError && error.reason === 'timeout') {
      const stored = await findStoredReport(deps.cms, deps.parent.token, report)
      if (stored) return { ok: true, id: stored, redirectTo: reportedPath(stored) }
      return failure('unavailable', UNCERTAIN_REPORT_MESSAGE)
    }
    return failure('unavailable', UNAVAILABLE_MESSAGE)
  }
}

/** A withdraw button's form: only the id of the report or request. */
export const withdrawInput = z.object({ id: idField })
export type WithdrawInput = z.infer<typeof withdrawInput>

export type WithdrawFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: WithdrawRefusalCode | 'rate-limited' | 'unavailable'
      message: string
      /** The report or request the button was for. */
      id: string
      retryAfterSeconds?: number
    }

export type WithdrawFailure = Exclude<WithdrawFormResult, { ok: true } | { code: 'signed-out' }>

export const cancelledPath = (id: string) =>
  `${ABSENCE_PATH}?ingetrokken=${encodeURIComponent(id)}#${absenceAnchor(id)}`

/** Withdraws ("intrekken") a report; the CMS says when it is too late. Never throws. */
export async function submitCancelAbsence(
  input: WithdrawInput,
  deps: { cms: Pick<CmsClient, 'cancelAbsence'>; parent: PortalSession },
): Promise<WithdrawFormResult> {
  return withdraw(input.id, 'Withdrawing an absence', cancelledPath, (id) =>
    deps.cms.cancelAbsence(deps.parent.token, id),
  )
}

/** The shared path of both withdraw buttons (a report, a leave request). Never throws. */
export async function withdraw(
  id: string,
  label: string,
  donePath: (id: string) => string,
  send: (id: string) => Promise<CancelAbsenceResult | WithdrawLeaveRequestResult>,
): Promise<WithdrawFormResult> {
  try {
    const result = await send(id)
    if (result.ok) return { ok: true, redirectTo: donePath(id) }
    if (result.code === 'rate-limited') {
      const seconds = result.retryAfterSeconds ?? 60
      return {
        ok: false,
        code: 'rate-limited',
        message: rateLimitMessage(seconds),
        id,
        retryAfterSeconds: seconds,
      }
    }
    return { ok: false, code: result.code, message: result.message, id }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure(label, error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, id }
  }
}
