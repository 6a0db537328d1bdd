import { describe, expect, it } from 'vitest'

import { DEFAULT_SCHOOL_TIME_SETTINGS } from '../school-time/types'
import { checkLeaveRequest } from './check-leave-request'

const settings = { ...DEFAULT_SCHOOL_TIME_SETTINGS, closedDays: ['2027-02-15', '2027-02-16'] }
const now = new Date('2026-12-07T10:00:00Z') // Monday
const leave = (
  from: string,
  to: string,
  extra: Partial<typeof settings> & { leaveNoticeWeeks?: number } = {},
) => checkLeaveRequest({ from, to, now, settings: { ...settings, ...extra } })

describe('checkLeaveRequest', () => {
  it('is on time 8 weeks ahead and "te laat" a day less; the school may set its own notice', () => {
    // 8 weeks after Monday 7 December is Monday 1 February.
    expect(leave('2027-02-01', '2027-02-02')).toEqual({
      ok: true,
      late: false,
      schoolDays: 2,
      beyondDirector: false,
    })
    expect(leave('2027-01-29', '2027-01-29')).toMatchObject({ ok: true, late: true })
    expect(leave('2027-01-29', '2027-01-29', { leaveNoticeWeeks: 4 })).toMatchObject({
      late: false,
    })
  })

  it('counts school days only (weekends and closed days are not missed)', () => {
    // Fri 12 Feb – Wed 17 Feb 2027: Fri, (Sat, Sun), Mon+Tue closed, Wed → 2 school days.
    expect(leave('2027-02-12', '2027-02-17')).toMatchObject({ ok: true, schoolDays: 2 })
    expect(leave('2027-02-13', '2027-02-16')).toMatchObject({ ok: false, reason: 'no-school-days' })
  })

  it('flags more than 10 school days: the leerplichtambtenaar decides', () => {
    expect(leave('2027-03-01', '2027-03-12')).toMatchObject({
      schoolDays: 10,
      beyondDirector: false,
    })
    expect(leave('2027-03-01', '2027-03-15')).toMatchObject({
      schoolDays: 11,
      beyondDirector: true,
    })
  })

  it('refuses what cannot be a request, in Dutch', () => {
    expect(leave('2027-03-02', '2027-03-01')).toMatchObject({ reason: 'end-before-start' })
    expect(leave('2026-12-07', '2026-12-08')).toMatchObject({ reason: 'in-the-past' })
    expect(leave('2027-02-31', '2027-03-01')).toMatchObject({ reason: 'invalid-date' })
    const long = leave('2027-03-01', '2027-05-15')
    expect(long).toMatchObject({ reason: 'too-long' })
    expect(!long.ok && long.message).toMatch(/hooguit 62 dagen/)
  })
})
