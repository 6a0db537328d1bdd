import { describe, expect, it, vi } from 'vitest'
import type { ParentAbsence } from '@schoolpost/contracts'

import type { PortalSession } from '../auth/session'
import type { CancelAbsenceResult, CreateAbsenceResult } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import type { AbsenceInput } from './absence-form'
import {
  ABSENCE_INPUT_MESSAGES,
  absenceFieldOf,
  absenceInput,
  cancelledPath,
  reportedPath,
  submitAbsenceForm,
  submitCancelAbsence,
  toNewAbsence,
  UNCERTAIN_REPORT_MESSAGE,
  withdrawInput,
} from './absence-form'
import { UNAVAILABLE_MESSAGE } from '../auth/login'

const parent: PortalSession = { token: 'tok', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const sick: AbsenceInput = { pupil: 'k1', kind: 'sick', date: '2026-12-07' }
const planned: AbsenceInput = {
  pupil: 'k1',
  kind: 'planned',
  date: '2026-12-08',
  reason: 'tandarts',
  fromTime: '10:00',
  toTime: '11:30',
}

const absenceDoc = {
  id: 'a1',
  pupil: 'k1',
  kind: 'sick' as const,
  date: '2026-12-07',
  fromTime: null,
  toTime: null,
  reason: 'ziek' as const,
  note: null,
  status: 'reported' as const,
  channel: 'portal' as const,
  reporterName: 'Fatima Yilmaz',
  acknowledgedAt: null,
  cancelledAt: null,
  createdAt: '2026-12-07T06:59:00.000Z',
}

const refusal = (
  code: Extract<CreateAbsenceResult, { ok: false; message: string }>['code'],
  message: string,
  extra: { phone?: string; existing?: string; fields?: Record<string, string> } = {},
): CreateAbsenceResult => ({
  ok: false,
  code,
  message,
  phone: extra.phone ?? null,
  existing: extra.existing ?? null,
  fields: extra.fields ?? {},
})

/** The messages per field of a refused input. */
const fields = (value: unknown) => {
  const result = absenceInput.safeParse(value)
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path[0], i.message]))
}

describe('absenceInput', () => {
  it('accepts a sick report; times and a reason of the (visible) appointment part are kept out', () => {
    const parsed = absenceInput.parse({ ...sick, reason: 'tandarts', fromTime: '10:00' })
    expect(toNewAbsence(parsed)).toEqual({ pupil: 'k1', kind: 'sick', date: '2026-12-07' })
  })

  it('accepts an appointment with a reason and both times (seconds dropped), or no times', () => {
    const parsed = absenceInput.parse({ ...planned, fromTime: '10:00:00', note: ' Beugel\r\n ' })
    expect(toNewAbsence(parsed)).toEqual({
      pupil: 'k1',
      kind: 'planned',
      date: '2026-12-08',
      reason: 'tandarts',
      fromTime: '10:00',
      toTime: '11:30',
      note: 'Beugel',
    })
    const { fromTime: _f, toTime: _t, ...allDay } = planned
    expect(toNewAbsence(absenceInput.parse(allDay))).toEqual({
      pupil: 'k1',
      kind: 'planned',
      date: '2026-12-08',
      reason: 'tandarts',
    })
  })

  it('says what is missing, in Dutch, per field', () => {
    expect(fields({ kind: 'sick', date: '2026-12-07', pupil: null })).toEqual({
      pupil: ABSENCE_INPUT_MESSAGES.pupil,
    })
    expect(fields({ ...sick, kind: null })).toEqual({ kind: ABSENCE_INPUT_MESSAGES.kind })
    expect(fields({ ...sick, kind: 'vakantie' })).toEqual({ kind: ABSENCE_INPUT_MESSAGES.kind })
    expect(fields({ ...sick, date: null })).toEqual({ date: ABSENCE_INPUT_MESSAGES.date })
    expect(fields({ ...sick, date: '7 december' })).toEqual({ date: ABSENCE_INPUT_MESSAGES.date })
    expect(fields({ ...planned, reason: undefined })).toEqual({
      reason: ABSENCE_INPUT_MESSAGES.reason,
    })
    expect(fields({ ...planned, reason: 'ziek' })).toEqual({
      reason: ABSENCE_INPUT_MESSAGES.reason,
    })
    expect(fields({ ...planned, toTime: undefined })).toEqual({
      toTime: ABSENCE_INPUT_MESSAGES.bothTimes,
    })
    expect(fields({ ...planned, fromTime: undefined })).toEqual({
      fromTime: ABSENCE_INPUT_MESSAGES.bothTimes,
    })
    expect(fields({ ...planned, fromTime: '11:30', toTime: '10:00' })).toEqual({
      toTime: ABSENCE_INPUT_MESSAGES.timeOrder,
    })
    expect(fields({ ...planned, fromTime: '25:00' })).toEqual({
      fromTime: ABSENCE_INPUT_MESSAGES.time,
    })
    expect(fields({ ...sick, note: 'x'.repeat(501) })).toEqual({
      note: ABSENCE_INPUT_MESSAGES.noteTooLong,
    })
    expect(Object.keys(fields({ ...sick, pupil: '../x' }))).toEqual(['pupil'])
  })

  it('counts a CRLF line break as one character', () => {
    expect(
      absenceInput.safeParse({ ...sick, note: `${'a'.repeat(249)}\r\n${'b'.repeat(250)}` }).success,
    ).toBe(true)
  })
})

describe('absenceFieldOf', () => {
  it('puts the rule refusals at the day, the times, the reason or the child', () => {
    expect(absenceFieldOf('after-cutoff')).toBe('date')
    expect(absenceFieldOf('planned-too-late')).toBe('date')
    expect(absenceFieldOf('school-closed')).toBe('date')
    expect(absenceFieldOf('times-outside-school-hours')).toBe('fromTime')
    expect(absenceFieldOf('invalid-reason')).toBe('reason')
    expect(absenceFieldOf('not-your-child')).toBe('pupil')
    expect(absenceFieldOf('duplicate')).toBeNull()
  })
})

describe('submitAbsenceForm', () => {
  type Listed = ParentAbsence[]
  const cms = (
    result: () => Promise<CreateAbsenceResult>,
    listed: () => Promise<Listed> = async () => [],
  ) => ({ createAbsence: vi.fn(result), listAbsences: vi.fn(listed) })

  it('sends the report with the parent’s token and goes to the new report in the list', async () => {
    const client = cms(async () => ({ ok: true, absence: absenceDoc }))
    expect(await submitAbsenceForm(planned, { cms: client, parent })).toEqual({
      ok: true,
      id: 'a1',
      redirectTo: '/absentie?gemeld=a1#melding-a1',
    })
    expect(client.createAbsence).toHaveBeenCalledWith('tok', toNewAbsence(planned))
    expect(reportedPath('a1')).toBe('/absentie?gemeld=a1#melding-a1')
  })

  it('after the cutoff: the CMS’s message at the day, and the phone number', async () => {
    const message =
      'Ziekmelden voor vandaag kan via Schoolpost alleen vóór de ochtendgrens. Bel de school. Telefoon: 071 123 45 67.'
    const client = cms(async () => refusal('after-cutoff', message, { phone: '071 123 45 67' }))
    expect(await submitAbsenceForm(sick, { cms: client, parent })).toEqual({
      ok: false,
      code: 'after-cutoff',
      message,
      fields: { date: message },
      phone: '071 123 45 67',
      existing: null,
    })
  })

  it('a duplicate points at the existing report; a broken id is not passed on', async () => {
    const message = 'Voor Noor is maandag 7 december al een ziekmelding gemeld.'
    expect(
      await submitAbsenceForm(sick, {
        cms: cms(async () => refusal('duplicate', message, { existing: 'a0' })),
        parent,
      }),
    ).toMatchObject({ ok: false, code: 'duplicate', message, existing: 'a0', fields: {} })
    expect(
      await submitAbsenceForm(sick, {
        cms: cms(async () => refusal('duplicate', message, { existing: '<b>' })),
        parent,
      }),
    ).toMatchObject({ code: 'duplicate', existing: null })
  })

  it('Payload’s messages per field are kept', async () => {
    const client = cms(async () =>
      refusal('invalid-input', 'Het volgende veld is ongeldig: Toelichting', {
        fields: { note: 'Te lang.', title: 'x' },
      }),
    )
    expect(await submitAbsenceForm(sick, { cms: client, parent })).toMatchObject({
      code: 'invalid-input',
      fields: { note: 'Te lang.' },
    })
  })

  it('rate-limited, signed out, unavailable', async () => {
    expect(
      await submitAbsenceForm(sick, {
        cms: cms(async () => ({ ok: false, code: 'rate-limited', retryAfterSeconds: 120 })),
        parent,
      }),
    ).toEqual({
      ok: false,
      code: 'rate-limited',
      message: 'Te veel pogingen. Probeer het over 2 minuten opnieuw.',
      fields: {},
      phone: null,
      existing: null,
      retryAfterSeconds: 120,
    })
    expect(
      await submitAbsenceForm(sick, {
        cms: cms(async () => {
          throw new CmsUnauthorizedError(401, '/api/absences')
        }),
        parent,
      }),
    ).toEqual({ ok: false, code: 'signed-out' })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(
      await submitAbsenceForm(sick, {
        cms: cms(async () => {
          throw new CmsUnavailableError('network', 'down')
        }),
        parent,
      }),
    ).toMatchObject({ ok: false, code: 'unavailable' })
    spy.mockRestore()
  })
})

describe('submitAbsenceForm when the CMS does not answer in time', () => {
  const cms = (listed: () => Promise<ParentAbsence[]>) => ({
    createAbsence: vi.fn(async (): Promise<CreateAbsenceResult> => {
      throw new CmsUnavailableError('timeout', 'The CMS did not answer POST /api/absences in time.')
    }),
    listAbsences: vi.fn(listed),
  })
  const quiet = () => vi.spyOn(console, 'error').mockImplementation(() => {})

  it('the report stored after all (by either guardian): the parent goes to it', async () => {
    const spy = quiet()
    const client = cms(async () => [
      { ...absenceDoc, id: 'a0', pupil: 'k2' },
      { ...absenceDoc, id: 'a9', status: 'cancelled' as const },
      { ...absenceDoc, id: 'a7', reporterName: 'Ahmet Yilmaz' },
    ])
    expect(await submitAbsenceForm(sick, { cms: client, parent })).toEqual({
      ok: true,
      id: 'a7',
      redirectTo: reportedPath('a7'),
    })
    expect(client.listAbsences).toHaveBeenCalledWith('tok', { since: '2026-12-07' })
    spy.mockRestore()
  })

  it('not in the list, or the list cannot be read either: says it may still arrive', async () => {
    const spy = quiet()
    const uncertain = {
      ok: false,
      code: 'unavailable',
      message: UNCERTAIN_REPORT_MESSAGE,
    }
    const otherDay = cms(async () => [{ ...absenceDoc, date: '2026-12-08' }])
    expect(await submitAbsenceForm(sick, { cms: otherDay, parent })).toMatchObject(uncertain)
    const down = cms(async () => {
      throw new CmsUnavailableError('timeout', 'again')
    })
    expect(await submitAbsenceForm(sick, { cms: down, parent })).toMatchObject(uncertain)
    spy.mockRestore()
  })

  it('a refused connection is not a slow CMS: nothing was sent, nothing to look up', async () => {
    const spy = quiet()
    const client = {
      createAbsence: vi.fn(async (): Promise<CreateAbsenceResult> => {
        throw new CmsUnavailableError('network', 'ECONNREFUSED')
      }),
      listAbsences: vi.fn(async () => [absenceDoc]),
    }
    expect(await submitAbsenceForm(sick, { cms: client, parent })).toMatchObject({
      code: 'unavailable',
      message: UNAVAILABLE_MESSAGE,
    })
    expect(client.listAbsences).not.toHaveBeenCalled()
    spy.mockRestore()
  })
})

describe('submitCancelAbsence', () => {
  const cms = (result: () => Promise<CancelAbsenceResult>) => ({ cancelAbsence: vi.fn(result) })

  it('withdraws with the parent’s token and goes back to the report', async () => {
    const client = cms(async () => ({ ok: true, absence: { ...absenceDoc, status: 'cancelled' } }))
    expect(await submitCancelAbsence({ id: 'a1' }, { cms: client, parent })).toEqual({
      ok: true,
      redirectTo: cancelledPath('a1'),
    })
    expect(cancelledPath('a1')).toBe('/absentie?ingetrokken=a1#melding-a1')
    expect(client.cancelAbsence).toHaveBeenCalledWith('tok', 'a1')
  })

  it('too late: the CMS’s message, for that report', async () => {
    const message =
      'Intrekken kan tot de ochtendgrens van die dag. Bel de school als er iets verandert.'
    const client = cms(async () => ({
      ok: false,
      code: 'too-late-to-cancel',
      message,
      phone: null,
      existing: null,
      fields: {},
    }))
    expect(await submitCancelAbsence({ id: 'a1' }, { cms: client, parent })).toEqual({
      ok: false,
      code: 'too-late-to-cancel',
      message,
      id: 'a1',
    })
  })

  it('signed out and unavailable', async () => {
    expect(
      await submitCancelAbsence(
        { id: 'a1' },
        {
          cms: cms(async () => {
            throw new CmsUnauthorizedError(403, '/api/absences/a1')
          }),
          parent,
        },
      ),
    ).toEqual({ ok: false, code: 'signed-out' })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(
      await submitCancelAbsence(
        { id: 'a1' },
        {
          cms: cms(async () => {
            throw new CmsUnavailableError('timeout', 'slow')
          }),
          parent,
        },
      ),
    ).toMatchObject({ ok: false, code: 'unavailable', id: 'a1' })
    spy.mockRestore()
  })

  it('the button’s form holds only a valid id', () => {
    expect(withdrawInput.safeParse({ id: 'a1' }).success).toBe(true)
    expect(withdrawInput.safeParse({ id: '../a1' }).success).toBe(false)
    expect(withdrawInput.safeParse({}).success).toBe(false)
  })
})
