import { describe, expect, it } from 'vitest'

import {
  ABSENCE_REASONS,
  absenceListPage,
  absenceSaved,
  cmsRefusalAnswer,
  LEAVE_REASONS,
  leaveRequestListPage,
  newAbsence,
  parentAbsence,
  parentLeaveRequest,
  PLANNED_ABSENCE_REASONS,
} from './index'

const absence = {
  id: '0f9c2b4e-1a2b-4c3d-8e9f-001122334455',
  title: 'Ziek · Noor · 2026-12-07',
  pupil: 'pupil-1',
  kind: 'sick',
  date: '2026-12-07',
  fromTime: null,
  toTime: null,
  reason: 'ziek',
  note: 'Koorts',
  status: 'reported',
  channel: 'portal',
  group: 'group-1',
  reporterName: 'Fatima Yilmaz',
  acknowledgedAt: null,
  cancelledAt: null,
  createdAt: '2026-12-07T06:59:00.000Z',
  updatedAt: '2026-12-07T06:59:00.000Z',
}

const leave = {
  id: 'leave-1',
  pupil: 'pupil-1',
  from: '2027-03-01',
  to: '2027-03-05',
  reason: 'familie',
  note: 'Bruiloft van een tante in Turkije.',
  status: 'refused',
  decisionMessage: 'Dit valt niet onder gewichtige omstandigheden.',
  late: true,
  schoolDays: 5,
  beyondDirector: false,
  requesterName: 'Fatima Yilmaz',
  decidedAt: '2026-12-10T10:00:00.000Z',
  createdAt: '2026-12-07T19:00:00.000Z',
}

describe('parentAbsence', () => {
  it('reads a report as the CMS gives it to a parent (extra fields dropped)', () => {
    expect(parentAbsence.parse(absence)).toEqual({
      id: absence.id,
      pupil: 'pupil-1',
      kind: 'sick',
      date: '2026-12-07',
      fromTime: null,
      toTime: null,
      reason: 'ziek',
      note: 'Koorts',
      status: 'reported',
      channel: 'portal',
      reporterName: 'Fatima Yilmaz',
      acknowledgedAt: null,
      cancelledAt: null,
      createdAt: '2026-12-07T06:59:00.000Z',
    })
  })

  it('takes the id of a populated pupil; absent optional fields become null', () => {
    const { fromTime: _f, toTime: _t, note: _n, reporterName: _r, ...bare } = absence
    const parsed = parentAbsence.parse({ ...bare, pupil: { id: 'pupil-1', firstName: 'Noor' } })
    expect(parsed).toMatchObject({
      pupil: 'pupil-1',
      fromTime: null,
      toTime: null,
      note: null,
      reporterName: null,
    })
  })

  it('an unknown reason or channel is shown as none; an unknown status is refused', () => {
    expect(parentAbsence.parse({ ...absence, reason: 'kermis', channel: 'fax' })).toMatchObject({
      reason: null,
      channel: null,
    })
    expect(parentAbsence.safeParse({ ...absence, status: 'deleted' }).success).toBe(false)
    expect(parentAbsence.safeParse({ ...absence, date: '7-12-2026' }).success).toBe(false)
    expect(parentAbsence.safeParse({ ...absence, id: '../x' }).success).toBe(false)
  })

  it('reads list pages and saved answers', () => {
    expect(
      absenceListPage.parse({ docs: [absence], hasNextPage: false, page: 1 }).docs,
    ).toHaveLength(1)
    expect(absenceSaved.parse({ doc: absence, message: 'Gemaakt' }).doc.id).toBe(absence.id)
  })
})

describe('parentLeaveRequest', () => {
  it('reads a decided request with the director’s message', () => {
    expect(parentLeaveRequest.parse(leave)).toMatchObject({
      status: 'refused',
      decisionMessage: 'Dit valt niet onder gewichtige omstandigheden.',
      late: true,
      schoolDays: 5,
      beyondDirector: false,
    })
    expect(leaveRequestListPage.parse({ docs: [leave], hasNextPage: true }).hasNextPage).toBe(true)
  })

  it('a missing flag is false', () => {
    const { late: _l, beyondDirector: _b, ...bare } = leave
    expect(parentLeaveRequest.parse(bare)).toMatchObject({ late: false, beyondDirector: false })
  })
})

describe('newAbsence', () => {
  it('accepts what the portal sends and refuses a broken time', () => {
    expect(
      newAbsence.parse({
        pupil: 'pupil-1',
        kind: 'planned',
        date: '2026-12-08',
        fromTime: '10:00',
        toTime: '11:30',
        reason: 'tandarts',
      }).reason,
    ).toBe('tandarts')
    expect(
      newAbsence.safeParse({ pupil: 'p', kind: 'planned', date: '2026-12-08', fromTime: '25:00' })
        .success,
    ).toBe(false)
  })
})

describe('cmsRefusalAnswer', () => {
  it('reads a rule refusal with its code and phone, a duplicate with the existing report', () => {
    const late = cmsRefusalAnswer.parse({
      errors: [
        {
          name: 'Refusal',
          message: 'Ziekmelden … Bel de school. Telefoon: 020-1234567.',
          data: { code: 'after-cutoff', phone: '020-1234567' },
        },
      ],
    })
    expect(late.errors[0]?.data).toMatchObject({ code: 'after-cutoff', phone: '020-1234567' })
    const duplicate = cmsRefusalAnswer.parse({
      errors: [{ message: 'Al gemeld.', data: { code: 'duplicate', existing: absence.id } }],
    })
    expect(duplicate.errors[0]?.data?.existing).toBe(absence.id)
  })

  it('reads Payload’s validation errors and a refusal without data', () => {
    const invalid = cmsRefusalAnswer.parse({
      errors: [
        {
          name: 'ValidationError',
          message: 'Het volgende veld is ongeldig: Toelichting',
          data: { collection: 'absences', errors: [{ path: 'note', message: 'Te lang.' }] },
        },
      ],
    })
    expect(invalid.errors[0]?.data?.errors).toEqual([{ path: 'note', message: 'Te lang.' }])
    expect(
      cmsRefusalAnswer.parse({ errors: [{ message: 'Nee.' }] }).errors[0]?.data,
    ).toBeUndefined()
    expect(cmsRefusalAnswer.safeParse({ errors: [] }).success).toBe(false)
    expect(cmsRefusalAnswer.safeParse({ message: 'x' }).success).toBe(false)
  })
})

describe('reason lists', () => {
  it('planned reasons leave out "ziek"; every list has Dutch labels', () => {
    expect(PLANNED_ABSENCE_REASONS.map((r) => r.value)).toEqual([
      'tandarts',
      'huisarts',
      'ziekenhuis',
      'therapie',
      'overig',
    ])
    for (const { label } of [...ABSENCE_REASONS, ...LEAVE_REASONS]) expect(label).not.toBe('')
  })
})
