import { describe, expect, it } from 'vitest'
import { getSchoolNow } from './get-school-now'

const AMSTERDAM = 'Europe/Amsterdam'

function schoolNowAt(iso: string, timeZone = AMSTERDAM) {
  const { date, time, weekday } = getSchoolNow({ now: new Date(iso), timeZone })
  return { date, time, weekday }
}

describe('getSchoolNow', () => {
  it('reads winter time (UTC+1) before the March 2026 switch', () => {
    expect(schoolNowAt('2026-03-27T07:30:00Z')).toEqual({
      date: '2026-03-27',
      time: '08:30',
      weekday: 'friday',
    })
  })

  it('reads summer time (UTC+2) after the March 2026 switch', () => {
    expect(schoolNowAt('2026-03-30T07:30:00Z')).toEqual({
      date: '2026-03-30',
      time: '09:30',
      weekday: 'monday',
    })
  })

  it('jumps from 01:59 to 03:00 on Sunday 29 March 2026', () => {
    expect(schoolNowAt('2026-03-29T00:59:00Z').time).toBe('01:59')
    expect(schoolNowAt('2026-03-29T01:00:00Z').time).toBe('03:00')
    expect(schoolNowAt('2026-03-29T01:00:00Z').weekday).toBe('sunday')
  })

  it('reads 02:30 twice on Sunday 25 October 2026 (CEST, then CET)', () => {
    expect(schoolNowAt('2026-10-25T00:30:00Z').time).toBe('02:30')
    expect(schoolNowAt('2026-10-25T00:59:00Z').time).toBe('02:59')
    expect(schoolNowAt('2026-10-25T01:00:00Z').time).toBe('02:00')
    expect(schoolNowAt('2026-10-25T01:30:00Z').time).toBe('02:30')
    expect(schoolNowAt('2026-10-25T02:00:00Z').time).toBe('03:00')
  })

  it('reads winter time again on the Monday after the October switch', () => {
    expect(schoolNowAt('2026-10-26T07:30:00Z')).toEqual({
      date: '2026-10-26',
      time: '08:30',
      weekday: 'monday',
    })
    // The Friday before the switch was still summer time.
    expect(schoolNowAt('2026-10-23T07:30:00Z').time).toBe('09:30')
  })

  it('uses the school-zone calendar date, not the UTC date', () => {
    expect(schoolNowAt('2026-03-29T22:30:00Z')).toEqual({
      date: '2026-03-30',
      time: '00:30',
      weekday: 'monday',
    })
    expect(schoolNowAt('2026-12-31T23:00:00Z')).toEqual({
      date: '2027-01-01',
      time: '00:00',
      weekday: 'friday',
    })
  })

  it('truncates seconds instead of rounding', () => {
    expect(schoolNowAt('2026-03-30T06:29:59.999Z').time).toBe('08:29')
  })

  it('works for other zones', () => {
    expect(schoolNowAt('2026-03-30T07:30:00Z', 'America/New_York')).toEqual({
      date: '2026-03-30',
      time: '03:30',
      weekday: 'monday',
    })
  })

  it('returns a zoned date for the same instant and zone', () => {
    const now = new Date('2026-03-30T07:30:00Z')
    const { zoned } = getSchoolNow({ now, timeZone: AMSTERDAM })
    expect(zoned.getTime()).toBe(now.getTime())
    expect(zoned.timeZone).toBe(AMSTERDAM)
    expect(zoned.getHours()).toBe(9)
  })

  it('throws on an invalid date or an unknown zone', () => {
    expect(() => getSchoolNow({ now: new Date('nope'), timeZone: AMSTERDAM })).toThrow(/valid Date/)
    expect(() => getSchoolNow({ now: new Date(), timeZone: 'Europe/Atlantis' })).toThrow(
      /Unknown time zone/,
    )
  })
})
