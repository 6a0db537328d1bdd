import { describe, expect, it } from 'vitest'
import { isSchoolHours } from './is-school-hours'
import { DEFAULT_SCHOOL_TIME_SETTINGS } from './types'
import type { SchoolTimeSettings } from './types'

const settings = DEFAULT_SCHOOL_TIME_SETTINGS

function at(iso: string, custom: SchoolTimeSettings = settings): boolean {
  return isSchoolHours({ now: new Date(iso), settings: custom })
}

describe('isSchoolHours', () => {
  it('07:30 UTC on Monday 30 March 2026 is 09:30 local (summer time): school hours', () => {
    expect(at('2026-03-30T07:30:00Z')).toBe(true)
  })

  it('07:30 UTC on Friday 27 March 2026 is 08:30 local (winter time): school just started', () => {
    expect(at('2026-03-27T07:29:00Z')).toBe(false)
    expect(at('2026-03-27T07:30:00Z')).toBe(true)
  })

  it('treats start as inclusive and end as exclusive (summer time)', () => {
    expect(at('2026-03-30T06:29:59Z')).toBe(false) // 08:29:59
    expect(at('2026-03-30T06:30:00Z')).toBe(true) // 08:30
    expect(at('2026-03-30T12:29:59Z')).toBe(true) // 14:29:59
    expect(at('2026-03-30T12:30:00Z')).toBe(false) // 14:30
  })

  it('treats start as inclusive and end as exclusive (winter time)', () => {
    expect(at('2026-03-27T13:29:00Z')).toBe(true) // 14:29
    expect(at('2026-03-27T13:30:00Z')).toBe(false) // 14:30
  })

  it('uses the short Wednesday hours', () => {
    expect(at('2026-04-01T10:14:00Z')).toBe(true) // 12:14
    expect(at('2026-04-01T10:15:00Z')).toBe(false) // 12:15
  })

  it('is never school hours on days without hours (weekend, both DST Sundays)', () => {
    expect(at('2026-03-28T09:00:00Z')).toBe(false)
    expect(at('2026-03-29T09:00:00Z')).toBe(false)
    expect(at('2026-10-25T09:00:00Z')).toBe(false)
  })

  it('follows the wall clock around the October 2026 switch', () => {
    // Friday 23 October, still summer time (UTC+2)
    expect(at('2026-10-23T06:29:00Z')).toBe(false)
    expect(at('2026-10-23T06:30:00Z')).toBe(true)
    // Monday 26 October, winter time again (UTC+1)
    expect(at('2026-10-26T06:30:00Z')).toBe(false) // 07:30
    expect(at('2026-10-26T07:29:00Z')).toBe(false) // 08:29
    expect(at('2026-10-26T07:30:00Z')).toBe(true) // 08:30
    expect(at('2026-10-26T13:29:00Z')).toBe(true) // 14:29
    expect(at('2026-10-26T13:30:00Z')).toBe(false) // 14:30
  })

  it('uses the hours and zone from the settings', () => {
    const saturdaySchool: SchoolTimeSettings = {
      ...settings,
      timeZone: 'America/New_York',
      schoolHours: { ...settings.schoolHours, saturday: { start: '09:00', end: '10:00' } },
    }
    // Saturday 28 March 2026, 09:30 in New York (UTC-4)
    expect(at('2026-03-28T13:30:00Z', saturdaySchool)).toBe(true)
    expect(at('2026-03-28T13:30:00Z')).toBe(false)
  })

  it('throws on malformed hours instead of guessing', () => {
    const broken: SchoolTimeSettings = {
      ...settings,
      schoolHours: { ...settings.schoolHours, monday: { start: '8:30', end: '14:30' } },
    }
    expect(() => at('2026-03-30T07:30:00Z', broken)).toThrow(/schoolHours\.monday\.start/)
  })
})
