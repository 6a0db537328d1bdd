import type { NewLeaveRequest } from '@schoolpost/contracts'
import { LEAVE_REASON_VALUES } from '@schoolpost/contracts'
import { z } from 'zod'

import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { PortalSession } from '../auth/session'
import type { CmsClient, LeaveRefusalCode } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { rateLimitMessage } from '../../lib/http/rate-limit'
import type { WithdrawFormResult, WithdrawInput } from './absence-form'
import { ABSENCE_PATH, leaveAnchor, noteField, pupilField, withdraw } from './absence-form'

/**
 * Requesting extraordinary leave (verlof, Leerplichtwet): dates, a reason category and a note for
 * the director, who approves or refuses with a message. A request later than the school's notice
 * is accepted and marked "te laat" by the CMS; the parent may withdraw it while it is open.
 */

export const LEAVE_NOTE_MAX = 1000

export const LEAVE_INPUT_MESSAGES = {
  pupil: 'Kies voor welk kind je verlof aanvraagt.',
  from: 'Kies de eerste dag van het verlof.',
  to: 'Kies de laatste dag van het verlof.',
  order: 'De laatste dag ligt vóór de eerste dag.',
  reason: 'Kies een reden.',
  note: 'Schrijf kort waarom je verlof aanvraagt.',
  noteTooLong: `De toelichting mag hoogstens ${LEAVE_NOTE_MAX} tekens lang zijn.`,
} as const

const day = (message: string) =>
  z.string({ error: message }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: message })

export const leaveInput = z
  .object({
    pupil: pupilField(LEAVE_INPUT_MESSAGES.pupil),
    from: day(LEAVE_INPUT_MESSAGES.from),
    to: day(LEAVE_INPUT_MESSAGES.to),
    reason: z.enum(LEAVE_REASON_VALUES, { error: LEAVE_INPUT_MESSAGES.reason }),
    note: z
      .string({ error: LEAVE_INPUT_MESSAGES.note })
      .pipe(noteField(LEAVE_NOTE_MAX, LEAVE_INPUT_MESSAGES.noteTooLong))
      .pipe(z.string().min(1, { error: LEAVE_INPUT_MESSAGES.note })),
  })
  .superRefine((input, ctx) => {
    // Zod runs this check even when a date itself was refused: compare only valid dates.
    const valid = [input.from, input.to].every((value) => /^\d{4}-\d{2}-\d{2}$/.test(value))
    if (valid && input.to < input.from) {
      ctx.addIssue({ code: 'custom', path: ['to'], message: LEAVE_INPUT_MESSAGES.order })
    }
  })

export type LeaveInput = z.infer<typeof leaveInput>

export const LEAVE_FIELDS = ['pupil', 'from', 'to', 'reason', 'note'] as const
export type LeaveField = (typeof LEAVE_FIELDS)[number]

/** The field a refusal of the CMS is about; `null`: the form as a whole. */
export function leaveFieldOf(code: LeaveRefusalCode): LeaveField | null {
  switch (code) {
    case 'invalid-date':
    case 'in-the-past':
    case 'no-school-days':
      return 'from'
    case 'end-before-start':
    case 'too-long':
      return 'to'
    case 'not-your-child':
    case 'no-pupil':
      return 'pupil'
    case 'invalid-input':
      return null
  }
}

export type LeaveFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: LeaveRefusalCode | 'rate-limited' | 'unavailable'
      message: string
      fields: Partial<Record<LeaveField, string>>
      retryAfterSeconds?: number
    }

export type LeaveFailure = Exclude<LeaveFormResult, { ok: true } | { code: 'signed-out' }>

export const requestedPath = (id: string) =>
  `${ABSENCE_PATH}?aangevraagd=${encodeURIComponent(id)}#${leaveAnchor(id)}`

export const withdrawnPath = (id: string) =>
  `${ABSENCE_PATH}?verlof-ingetrokken=${encodeURIComponent(id)}#${leaveAnchor(id)}`

export function toNewLeaveRequest(input: LeaveInput): NewLeaveRequest {
  return {
    pupil: input.pupil,
    from: input.from,
    to: input.to,
    reason: input.reason,
    note: input.note,
  }
}

/** Sends the request to the CMS with the parent's token. Never throws. */
export async function submitLeaveForm(
  input: LeaveInput,
  deps: { cms: Pick<CmsClient, 'createLeaveRequest'>; parent: PortalSession },
): Promise<LeaveFormResult> {
  try {
    const result = await deps.cms.createLeaveRequest(deps.parent.token, toNewLeaveRequest(input))
    if (result.ok) return { ok: true, redirectTo: requestedPath(result.leaveRequest.id) }
    if (result.code === 'rate-limited') {
      const seconds = result.retryAfterSeconds ?? 60
      return {
        ok: false,
        code: 'rate-limited',
        message: rateLimitMessage(seconds),
        fields: {},
        retryAfterSeconds: seconds,
      }
    }
    const fields: Partial<Record<LeaveField, string>> = {}
    for (const key of LEAVE_FIELDS) {
      const message = result.fields[key]
      if (message) fields[key] = message
    }
    const field = leaveFieldOf(result.code)
    if (field && !fields[field]) fields[field] = result.message
    return { ok: false, code: result.code, message: result.message, fields }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Requesting leave', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, fields: {} }
  }
}

/** Withdraws an open leave request. Never throws. */
export async function submitWithdrawLeave(
  input: WithdrawInput,
  deps: { cms: Pick<CmsClient, 'withdrawLeaveRequest'>; parent: PortalSession },
): Promise<WithdrawFormResult> {
  return withdraw(input.id, 'Withdrawing a leave request', withdrawnPath, (id) =>
    deps.cms.withdrawLeaveRequest(deps.parent.token, id),
  )
}
