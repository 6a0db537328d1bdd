import { describe, expect, it, vi } from 'vitest'

import type { PortalSession } from '../auth/session'
import type { CreateLeaveRequestResult, WithdrawLeaveRequestResult } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import type { LeaveInput } from './leave-form'
import {
  LEAVE_INPUT_MESSAGES,
  leaveInput,
  requestedPath,
  submitLeaveForm,
  submitWithdrawLeave,
  withdrawnPath,
} from './leave-form'

const parent: PortalSession = { token: 'tok', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const input: LeaveInput = {
  pupil: 'k1',
  from: '2027-03-01',
  to: '2027-03-05',
  reason: 'familie',
  note: 'Bruiloft van een tante in Turkije.',
}
const leaveDoc = {
  id: 'l1',
  pupil: 'k1',
  from: '2027-03-01',
  to: '2027-03-05',
  reason: 'familie' as const,
  note: input.note,
  status: 'requested' as const,
  decisionMessage: null,
  late: true,
  schoolDays: 5,
  beyondDirector: false,
  requesterName: 'Fatima Yilmaz',
  decidedAt: null,
  createdAt: '2026-12-07T19:00:00.000Z',
}

const fields = (value: unknown) => {
  const result = leaveInput.safeParse(value)
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message]))
}

describe('leaveInput', () => {
  it('accepts a request; the note is trimmed and required', () => {
    expect(leaveInput.parse({ ...input, note: `  ${input.note}\r\n` })).toEqual(input)
    expect(fields({ ...input, note: '   ' })).toEqual({ note: LEAVE_INPUT_MESSAGES.note })
    expect(fields({ ...input, note: null })).toEqual({ note: LEAVE_INPUT_MESSAGES.note })
    expect(fields({ ...input, note: 'x'.repeat(1001) })).toEqual({
      note: LEAVE_INPUT_MESSAGES.noteTooLong,
    })
  })

  it('says what is missing or wrong, per field', () => {
    expect(fields({ ...input, pupil: null })).toEqual({ pupil: LEAVE_INPUT_MESSAGES.pupil })
    expect(fields({ ...input, from: null })).toEqual({ from: LEAVE_INPUT_MESSAGES.from })
    expect(fields({ ...input, to: 'vrijdag' })).toEqual({ to: LEAVE_INPUT_MESSAGES.to })
    expect(fields({ ...input, reason: 'zomer' })).toEqual({ reason: LEAVE_INPUT_MESSAGES.reason })
    expect(fields({ ...input, to: '2027-02-28' })).toEqual({ to: LEAVE_INPUT_MESSAGES.order })
    expect(fields({ ...input, from: 'zaterdag' })).toEqual({ from: LEAVE_INPUT_MESSAGES.from })
  })
})

describe('submitLeaveForm', () => {
  const cms = (result: () => Promise<CreateLeaveRequestResult>) => ({
    createLeaveRequest: vi.fn(result),
  })

  it('sends the request and goes to it in the list', async () => {
    const client = cms(async () => ({ ok: true, leaveRequest: leaveDoc }))
    expect(await submitLeaveForm(input, { cms: client, parent })).toEqual({
      ok: true,
      redirectTo: '/absentie?aangevraagd=l1#verlof-l1',
    })
    expect(requestedPath('l1')).toBe('/absentie?aangevraagd=l1#verlof-l1')
    expect(client.createLeaveRequest).toHaveBeenCalledWith('tok', input)
  })

  it('the rule’s refusal at its field', async () => {
    const client = cms(async () => ({
      ok: false,
      code: 'no-school-days',
      message: 'In deze periode zijn geen schooldagen: daarvoor is geen verlof nodig.',
      phone: null,
      existing: null,
      fields: {},
    }))
    expect(await submitLeaveForm(input, { cms: client, parent })).toEqual({
      ok: false,
      code: 'no-school-days',
      message: 'In deze periode zijn geen schooldagen: daarvoor is geen verlof nodig.',
      fields: { from: 'In deze periode zijn geen schooldagen: daarvoor is geen verlof nodig.' },
    })
  })

  it('rate-limited, signed out, unavailable', async () => {
    expect(
      await submitLeaveForm(input, {
        cms: cms(async () => ({ ok: false, code: 'rate-limited', retryAfterSeconds: undefined })),
        parent,
      }),
    ).toMatchObject({ ok: false, code: 'rate-limited', retryAfterSeconds: 60 })
    expect(
      await submitLeaveForm(input, {
        cms: cms(async () => {
          throw new CmsUnauthorizedError(401, '/api/leave-requests')
        }),
        parent,
      }),
    ).toEqual({ ok: false, code: 'signed-out' })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(
      await submitLeaveForm(input, {
        cms: cms(async () => {
          throw new CmsUnavailableError('network', 'down')
        }),
        parent,
      }),
    ).toMatchObject({ ok: false, code: 'unavailable', fields: {} })
    spy.mockRestore()
  })
})

describe('submitWithdrawLeave', () => {
  const cms = (result: () => Promise<WithdrawLeaveRequestResult>) => ({
    withdrawLeaveRequest: vi.fn(result),
  })

  it('withdraws an open request; a decided one is refused with the CMS’s message', async () => {
    const ok = cms(async () => ({ ok: true, leaveRequest: { ...leaveDoc, status: 'withdrawn' } }))
    expect(await submitWithdrawLeave({ id: 'l1' }, { cms: ok, parent })).toEqual({
      ok: true,
      redirectTo: withdrawnPath('l1'),
    })
    expect(withdrawnPath('l1')).toBe('/absentie?verlof-ingetrokken=l1#verlof-l1')
    expect(ok.withdrawLeaveRequest).toHaveBeenCalledWith('tok', 'l1')
    const decided = cms(async () => ({
      ok: false,
      code: 'already-decided',
      message: 'Over deze aanvraag is al besloten; die verandert niet meer.',
      phone: null,
      existing: null,
      fields: {},
    }))
    expect(await submitWithdrawLeave({ id: 'l1' }, { cms: decided, parent })).toEqual({
      ok: false,
      code: 'already-decided',
      message: 'Over deze aanvraag is al besloten; die verandert niet meer.',
      id: 'l1',
    })
  })
})
