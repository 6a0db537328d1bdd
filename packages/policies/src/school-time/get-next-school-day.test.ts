import { describe, expect, it } from 'vitest'
import { getNextSchoolDay } from './get-next-school-day'
import { DEFAULT_SCHOOL_TIME_SETTINGS } from './types'
import type { SchoolTimeSettings } from './types'

const settings = DEFAULT_SCHOOL_TIME_SETTINGS

function nextFrom(iso: string, custom: SchoolTimeSettings = settings): string {
  return getNextSchoolDay({ from: new Date(iso), settings: custom })
}

describe('getNextSchoolDay', () => {
  it('goes from a Friday to the Monday, across the March 2026 switch', () => {
    expect(nextFrom('2026-03-27T10:00:00Z')).toBe('2026-03-30')
  })

  it('goes from the weekend (including the switch Sunday) to Monday', () => {
    expect(nextFrom('2026-03-28T10:00:00Z')).toBe('2026-03-30')
    expect(nextFrom('2026-03-29T00:30:00Z')).toBe('2026-03-30') // 01:30 CET
    expect(nextFrom('2026-03-29T01:30:00Z')).toBe('2026-03-30') // 03:30 CEST
  })

  it('is strictly after the given day', () => {
    expect(nextFrom('2026-03-30T07:00:00Z')).toBe('2026-03-31')
  })

  it("uses the school's date: late Sunday evening UTC is already Monday in Amsterdam", () => {
    // 22:30Z on Sunday 29 March = 00:30 on Monday 30 March (CEST)
    expect(nextFrom('2026-03-29T22:30:00Z')).toBe('2026-03-31')
  })

  it('goes from the Friday before the October switch to the Monday after it', () => {
    expect(nextFrom('2026-10-23T12:00:00Z')).toBe('2026-10-26')
    // ambiguous 02:30 on the switch Sunday, both occurrences
    expect(nextFrom('2026-10-25T00:30:00Z')).toBe('2026-10-26')
    expect(nextFrom('2026-10-25T01:30:00Z')).toBe('2026-10-26')
  })

  it('crosses month and year boundaries', () => {
    expect(nextFrom('2026-07-31T10:00:00Z')).toBe('2026-08-03') // Fri → Mon
    expect(nextFrom('2026-12-31T10:00:00Z')).toBe('2027-01-01') // Thu → Fri (no holidays here)
  })

  it('skips every day whose hours are null', () => {
    const wednesdaysOnly: SchoolTimeSettings = {
      ...settings,
      schoolHours: {
        monday: null,
        tuesday: null,
        wednesday: { start: '08:30', end: '12:15' },
        thursday: null,
        friday: null,
        saturday: null,
        sunday: null,
      },
    }
    expect(nextFrom('2026-04-01T10:00:00Z', wednesdaysOnly)).toBe('2026-04-08')
    expect(nextFrom('2026-04-02T10:00:00Z', wednesdaysOnly)).toBe('2026-04-08')
  })

  it('throws a clear error when no day has school hours', () => {
    const noSchool: SchoolTimeSettings = {
      ...settings,
      schoolHours: {
        monday: null,
        tuesday: null,
        wednesday: null,
        thursday: null,
        friday: null,
        saturday: null,
        sunday: null,
      },
    }
    expect(() => nextFrom('2026-04-01T10:00:00Z', noSchool)).toThrow(
      /no day with school hours within 14 days after 2026-04-01/,
    )
  })
})
