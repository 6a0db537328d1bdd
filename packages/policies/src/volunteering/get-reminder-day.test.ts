import { describe, expect, it } from 'vitest'

import { getReminderDay } from './get-reminder-day'

const timeZone = 'Europe/Amsterdam'
const at = (iso: string, sendFrom?: string) =>
  getReminderDay({ now: new Date(iso), timeZone, ...(sendFrom ? { sendFrom } : {}) })

describe('getReminderDay', () => {
  it('is nothing before 16:00 school time, tomorrow from 16:00 on (winter, UTC+1)', () => {
    // Monday 8 March 2027: 16:00 in Amsterdam is 15:00Z.
    expect(at('2027-03-08T00:00:00Z')).toBeNull()
    expect(at('2027-03-08T14:59:59.999Z')).toBeNull()
    expect(at('2027-03-08T15:00:00Z')).toBe('2027-03-09')
    expect(at('2027-03-08T22:59:59Z')).toBe('2027-03-09') // 23:59:59 school time
    // Midnight in Amsterdam (23:00Z) is the next school day: before 16:00 again.
    expect(at('2027-03-08T23:00:00Z')).toBeNull()
  })

  it('uses summer time (UTC+2): 16:00 is 14:00Z', () => {
    expect(at('2027-06-14T13:59:59Z')).toBeNull()
    expect(at('2027-06-14T14:00:00Z')).toBe('2027-06-15')
  })

  it('crosses the spring DST change (last Sunday of March 2027: 28 March)', () => {
    // Saturday 27 March, still CET: 16:00 = 15:00Z; tomorrow is the short Sunday.
    expect(at('2027-03-27T14:59:00Z')).toBeNull()
    expect(at('2027-03-27T15:00:00Z')).toBe('2027-03-28')
    // Sunday 28 March, CEST from 03:00 on: 16:00 = 14:00Z.
    expect(at('2027-03-28T13:59:00Z')).toBeNull()
    expect(at('2027-03-28T14:00:00Z')).toBe('2027-03-29')
    // 23:30Z on Saturday is 00:30 on Sunday: a new school day, before 16:00.
    expect(at('2027-03-27T23:30:00Z')).toBeNull()
  })

  it('crosses the autumn DST change (last Sunday of October 2027: 31 October)', () => {
    // Saturday 30 October, still CEST: 16:00 = 14:00Z; tomorrow is the long Sunday.
    expect(at('2027-10-30T13:59:00Z')).toBeNull()
    expect(at('2027-10-30T14:00:00Z')).toBe('2027-10-31')
    // 22:30Z is 00:30 on Sunday (CEST): a new school day, before 16:00.
    expect(at('2027-10-30T22:30:00Z')).toBeNull()
    // Sunday 31 October, CET from 03:00 (CEST) on: 16:00 = 15:00Z, and tomorrow is 1 November.
    expect(at('2027-10-31T14:59:00Z')).toBeNull()
    expect(at('2027-10-31T15:00:00Z')).toBe('2027-11-01')
  })

  it('goes over a month end and a year end', () => {
    expect(at('2027-01-31T14:59:00Z')).toBeNull()
    expect(at('2027-01-31T15:00:00Z')).toBe('2027-02-01')
    expect(at('2027-02-28T15:00:00Z')).toBe('2027-03-01') // 2027 is no leap year
    expect(at('2028-02-28T15:00:00Z')).toBe('2028-02-29') // 2028 is
    expect(at('2027-12-31T14:59:00Z')).toBeNull()
    expect(at('2027-12-31T15:00:00Z')).toBe('2028-01-01')
    // 23:30 school time on 31 December is 22:30Z: still the old year, still after 16:00.
    expect(at('2027-12-31T22:30:00Z')).toBe('2028-01-01')
  })

  it('takes another sending time, and another time zone', () => {
    expect(at('2027-03-08T16:59:00Z', '18:00')).toBeNull()
    expect(at('2027-03-08T17:00:00Z', '18:00')).toBe('2027-03-09')
    // New York, 8 March 2027: EST (UTC-5) still; 16:00 there is 21:00Z, when Amsterdam is past midnight.
    expect(
      getReminderDay({ now: new Date('2027-03-08T21:00:00Z'), timeZone: 'America/New_York' }),
    ).toBe('2027-03-09')
    expect(
      getReminderDay({ now: new Date('2027-03-08T20:59:00Z'), timeZone: 'America/New_York' }),
    ).toBeNull()
  })

  it('refuses an unknown time zone, an invalid instant and a malformed sending time', () => {
    expect(() =>
      getReminderDay({ now: new Date('2027-03-08T15:00:00Z'), timeZone: 'Mars/Base' }),
    ).toThrow(/Unknown time zone/)
    expect(() => getReminderDay({ now: new Date('nope'), timeZone })).toThrow(/valid Date/)
    expect(() => at('2027-03-08T15:00:00Z', '4pm')).toThrow(/HH:mm/)
  })
})
