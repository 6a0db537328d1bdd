import { describe, expect, it } from 'vitest'

import { DEFAULT_SCHOOL_TIME_SETTINGS } from '../school-time/types'
import { type AbsenceSettings, checkAbsenceReport } from './check-absence-report'

const settings: AbsenceSettings = { ...DEFAULT_SCHOOL_TIME_SETTINGS, closedDays: [] }
const at = (iso: string) => new Date(iso)
const sick = (date: string, now: string, s: AbsenceSettings = settings) =>
  checkAbsenceReport({ kind: 'sick', date, now: at(now), settings: s })
const planned = (date: string, now: string, extra: { from?: string; to?: string } = {}) =>
  checkAbsenceReport({ kind: 'planned', date, now: at(now), settings, ...extra })

describe('checkAbsenceReport: sick (S9)', () => {
  it('accepts today until 08:14:59 and refuses from 08:15:00 (winter time, UTC+1)', () => {
    expect(sick('2026-12-07', '2026-12-07T07:14:59.999Z')).toEqual({ ok: true })
    const refused = sick('2026-12-07', '2026-12-07T07:15:00.000Z')
    expect(refused).toMatchObject({ ok: false, reason: 'after-cutoff' })
    expect(!refused.ok && refused.message).toContain('Bel de school')
  })

  it('holds to the second in summer time (UTC+2)', () => {
    expect(sick('2026-06-10', '2026-06-10T06:14:59Z').ok).toBe(true)
    expect(sick('2026-06-10', '2026-06-10T06:15:00Z').ok).toBe(false)
  })

  it('spring DST weekend: Sunday evening for Monday, and Monday’s cutoff in the new offset', () => {
    // Clocks go forward on Sunday 29 March 2026, 02:00 → 03:00.
    expect(sick('2026-03-27', '2026-03-27T07:14:59Z').ok).toBe(true) // Friday, CET
    expect(sick('2026-03-27', '2026-03-27T07:15:00Z').ok).toBe(false)
    expect(sick('2026-03-30', '2026-03-29T19:30:00Z').ok).toBe(true) // Sunday 21:30 CEST
    expect(sick('2026-03-30', '2026-03-30T06:14:59Z').ok).toBe(true) // Monday 08:14:59 CEST
    expect(sick('2026-03-30', '2026-03-30T06:15:00Z').ok).toBe(false)
    // 07:14:59Z is 09:14:59 CEST on Monday: too late, though it would be 08:14:59 in winter.
    expect(sick('2026-03-30', '2026-03-30T07:14:59Z').ok).toBe(false)
  })

  it('autumn DST weekend: Monday’s cutoff in winter time again', () => {
    // Clocks go back on Sunday 25 October 2026, 03:00 → 02:00.
    expect(sick('2026-10-23', '2026-10-23T06:14:59Z').ok).toBe(true) // Friday, CEST
    expect(sick('2026-10-23', '2026-10-23T06:15:00Z').ok).toBe(false)
    expect(sick('2026-10-26', '2026-10-25T22:00:00Z').ok).toBe(true) // Sunday 23:00 CET
    expect(sick('2026-10-26', '2026-10-26T07:14:59Z').ok).toBe(true) // Monday 08:14:59 CET
    expect(sick('2026-10-26', '2026-10-26T07:15:00Z').ok).toBe(false)
  })

  it('accepts Friday evening for Monday, but not for Tuesday (that is a planned absence)', () => {
    expect(sick('2026-06-15', '2026-06-12T19:00:00Z').ok).toBe(true)
    expect(sick('2026-06-16', '2026-06-12T19:00:00Z')).toMatchObject({
      ok: false,
      reason: 'sick-not-next-school-day',
    })
  })

  it('accepts the next school day after a closed day, and refuses the closed day itself', () => {
    const closed = { ...settings, closedDays: ['2026-06-17'] } // a study day on Wednesday
    expect(sick('2026-06-18', '2026-06-16T18:00:00Z', closed).ok).toBe(true)
    expect(sick('2026-06-17', '2026-06-16T18:00:00Z', closed)).toMatchObject({
      ok: false,
      reason: 'school-closed',
    })
    // On the closed day itself, the next school day is Thursday.
    expect(sick('2026-06-18', '2026-06-17T10:00:00Z', closed).ok).toBe(true)
  })

  it('follows a school whose cutoff is not 08:15', () => {
    const early = { ...settings, absenceCutoff: '07:45' }
    expect(sick('2026-12-07', '2026-12-07T06:44:59Z', early).ok).toBe(true)
    expect(sick('2026-12-07', '2026-12-07T06:45:00Z', early).ok).toBe(false)
    const late = { ...settings, absenceCutoff: '08:30' }
    expect(sick('2026-12-07', '2026-12-07T07:29:59Z', late).ok).toBe(true)
    expect(sick('2026-12-07', '2026-12-07T07:30:00Z', late).ok).toBe(false)
  })

  it('refuses weekends, days without school hours, past days and malformed dates', () => {
    expect(sick('2026-12-12', '2026-12-11T19:00:00Z')).toMatchObject({
      reason: 'not-a-school-day',
    })
    expect(sick('2026-12-04', '2026-12-07T06:00:00Z')).toMatchObject({ reason: 'in-the-past' })
    expect(sick('2026-02-30', '2026-02-01T06:00:00Z')).toMatchObject({ reason: 'invalid-date' })
    expect(sick('7-12-2026', '2026-02-01T06:00:00Z')).toMatchObject({ reason: 'invalid-date' })
  })

  it('takes no times: a sick report is for the whole day', () => {
    expect(
      checkAbsenceReport({
        kind: 'sick',
        date: '2026-12-07',
        now: at('2026-12-07T06:00:00Z'),
        settings,
        from: '09:00',
        to: '10:00',
      }),
    ).toMatchObject({ reason: 'times-only-for-planned' })
  })

  it('lets the office record a phoned-in absence after the cutoff, not on a closed day', () => {
    const phone = (date: string, now: string, s = settings) =>
      checkAbsenceReport({ kind: 'sick', date, now: at(now), settings: s, channel: 'phone' })
    expect(phone('2026-12-07', '2026-12-07T09:30:00Z').ok).toBe(true)
    expect(phone('2026-12-12', '2026-12-12T09:30:00Z')).toMatchObject({
      reason: 'not-a-school-day',
    })
  })
})

describe('checkAbsenceReport: planned (S10)', () => {
  it('accepts a day ahead until one second before local midnight, and refuses from midnight', () => {
    // 23:59:59 CEST on Tuesday 9 June is 21:59:59Z; midnight is 22:00:00Z (still 9 June in UTC).
    expect(planned('2026-06-10', '2026-06-09T21:59:59Z').ok).toBe(true)
    expect(planned('2026-06-10', '2026-06-09T22:00:00Z')).toMatchObject({
      ok: false,
      reason: 'planned-too-late',
    })
    // Winter: 23:59:59 CET is 22:59:59Z.
    expect(planned('2026-12-08', '2026-12-07T22:59:59Z').ok).toBe(true)
    expect(planned('2026-12-08', '2026-12-07T23:00:00Z').ok).toBe(false)
  })

  it('refuses today and accepts tomorrow; the office may record today', () => {
    expect(planned('2026-12-07', '2026-12-07T05:00:00Z').ok).toBe(false)
    expect(planned('2026-12-08', '2026-12-07T05:00:00Z').ok).toBe(true)
    expect(
      checkAbsenceReport({
        kind: 'planned',
        date: '2026-12-07',
        now: at('2026-12-07T10:00:00Z'),
        settings,
        channel: 'phone',
      }).ok,
    ).toBe(true)
  })

  it('takes optional times within that day’s school hours (Wednesday ends at 12:15)', () => {
    expect(planned('2026-12-09', '2026-12-07T12:00:00Z', { from: '10:00', to: '11:30' }).ok).toBe(
      true,
    )
    expect(planned('2026-12-09', '2026-12-07T12:00:00Z', { from: '08:30', to: '12:15' }).ok).toBe(
      true,
    )
    expect(
      planned('2026-12-09', '2026-12-07T12:00:00Z', { from: '11:00', to: '13:00' }),
    ).toMatchObject({ reason: 'times-outside-school-hours' })
    expect(
      planned('2026-12-08', '2026-12-07T12:00:00Z', { from: '08:00', to: '09:00' }),
    ).toMatchObject({ reason: 'times-outside-school-hours' })
    for (const times of [
      { from: '10:00' },
      { to: '10:00' },
      { from: '11:00', to: '10:00' },
      { from: '10:00', to: '10:00' },
      { from: '9:00', to: '10:00' },
    ]) {
      expect(
        planned('2026-12-08', '2026-12-07T12:00:00Z', times),
        JSON.stringify(times),
      ).toMatchObject({
        reason: 'invalid-times',
      })
    }
  })

  it('refuses more than about a school year ahead', () => {
    expect(planned('2027-12-07', '2026-12-07T12:00:00Z').ok).toBe(true)
    expect(planned('2027-12-09', '2026-12-07T12:00:00Z')).toMatchObject({
      reason: 'planned-too-far-ahead',
    })
  })
})
