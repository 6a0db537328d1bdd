import { checkAbsenceReport } from '@schoolpost/policies'
import { describe, expect, it } from 'vitest'

import { closedDaysOf, dutchDay, schoolYearOf, toAbsenceSettings } from './school-calendar'

const stored = {
  timeZone: 'Europe/Amsterdam' as const,
  absenceCutoff: '08:15',
  schoolHours: {
    monday: { start: '08:30', end: '14:45' },
    tuesday: { start: '08:30', end: '14:45' },
    wednesday: { start: '08:30', end: '12:15' },
    thursday: { start: '08:30', end: '14:45' },
    friday: { start: '08:30', end: null },
  },
  closedPeriods: [
    { label: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' },
    { label: 'Studiedag', from: '2026-12-08', to: '2026-12-08' },
  ],
  leaveNoticeWeeks: 6,
}

describe('closedDaysOf', () => {
  it('expands each period to its days, once and sorted; broken periods are skipped', () => {
    expect(
      closedDaysOf([
        { from: '2026-12-31', to: '2027-01-02' },
        { from: '2027-01-02', to: '2027-01-02' },
        { from: '2027-02-10', to: '2027-02-01' },
        { from: null, to: '2027-03-01' },
      ]),
    ).toEqual(['2026-12-31', '2027-01-01', '2027-01-02'])
    expect(closedDaysOf(null)).toEqual([])
  })

  it('stops a period after 93 days, as the CMS does', () => {
    const days = closedDaysOf([{ from: '2027-01-01', to: '2027-12-31' }])
    expect(days).toHaveLength(93)
    expect(days.at(-1)).toBe('2027-04-03')
  })
})

describe('toAbsenceSettings', () => {
  it('maps the stored settings as the rules take them (a day without both times has no school)', () => {
    const settings = toAbsenceSettings(stored)
    expect(settings).toMatchObject({
      timeZone: 'Europe/Amsterdam',
      absenceCutoff: '08:15',
      leaveNoticeWeeks: 6,
      schoolHours: {
        monday: { start: '08:30', end: '14:45' },
        wednesday: { start: '08:30', end: '12:15' },
        friday: null,
        saturday: null,
        sunday: null,
      },
    })
    expect(settings.closedDays).toContain('2026-12-08')
    expect(settings.closedDays).toContain('2027-01-01')
    // The rules read them: a closed day and a day without hours are refused.
    const now = new Date('2026-12-07T07:00:00Z')
    expect(checkAbsenceReport({ kind: 'planned', date: '2026-12-08', now, settings })).toEqual(
      expect.objectContaining({ ok: false, reason: 'school-closed' }),
    )
    expect(checkAbsenceReport({ kind: 'planned', date: '2026-12-11', now, settings })).toEqual(
      expect.objectContaining({ ok: false, reason: 'not-a-school-day' }),
    )
  })

  it('has the defaults of the policies for what is not stored', () => {
    expect(toAbsenceSettings({ timeZone: 'Europe/Amsterdam', absenceCutoff: '' })).toMatchObject({
      absenceCutoff: '08:15',
      closedDays: [],
      leaveNoticeWeeks: 8,
    })
  })
})

describe('schoolYearOf', () => {
  it.each([
    ['2026-12-07', '2026-08-01', '2027-07-31', '2026–2027'],
    ['2027-07-31', '2026-08-01', '2027-07-31', '2026–2027'],
    ['2027-08-01', '2027-08-01', '2028-07-31', '2027–2028'],
    ['2027-01-01', '2026-08-01', '2027-07-31', '2026–2027'],
  ])('%s is in the school year from %s to %s', (today, start, end, label) => {
    expect(schoolYearOf(today)).toEqual({ start, end, label })
  })
})

describe('dutchDay', () => {
  it('names the day in Dutch, with the year only when it is not this year', () => {
    expect(dutchDay('2026-12-07')).toBe('maandag 7 december')
    expect(dutchDay('2026-12-07', '2026-11-30')).toBe('maandag 7 december')
    expect(dutchDay('2027-03-01', '2026-12-07')).toBe('maandag 1 maart 2027')
    // Around the DST switch the calendar day does not move.
    expect(dutchDay('2027-03-28')).toBe('zondag 28 maart')
  })
})
