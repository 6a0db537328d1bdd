import { describe, expect, it } from 'vitest'
import { DEFAULT_SCHOOL_TIME_SETTINGS } from '../school-time/types'
import type { SchoolDayHours, Weekday } from '../school-time/types'
import { validateSchoolHours } from './validate-school-hours'

const week = DEFAULT_SCHOOL_TIME_SETTINGS.schoolHours

function withDay(weekday: Weekday, hours: unknown): Record<Weekday, SchoolDayHours> {
  return { ...week, [weekday]: hours as SchoolDayHours }
}

describe('validateSchoolHours', () => {
  it('accepts the default week', () => {
    expect(validateSchoolHours({ hours: week })).toEqual({ ok: true })
  })

  it('accepts a week without any school (all null)', () => {
    const empty = Object.fromEntries(Object.keys(week).map((day) => [day, null]))
    expect(validateSchoolHours({ hours: empty as Record<Weekday, SchoolDayHours> })).toEqual({
      ok: true,
    })
  })

  it('accepts hours on the weekend and the widest possible day', () => {
    expect(
      validateSchoolHours({ hours: withDay('saturday', { start: '00:00', end: '23:59' }) }),
    ).toEqual({
      ok: true,
    })
  })

  it.each([
    ['8:30', '14:30'],
    ['08:30', '14.30'],
    ['24:00', '14:30'],
    ['08:30', '14:60'],
    ['', ''],
  ])('rejects start %j / end %j as invalid-time', (start, end) => {
    expect(validateSchoolHours({ hours: withDay('thursday', { start, end }) })).toEqual({
      ok: false,
      reason: 'invalid-time',
      weekday: 'thursday',
    })
  })

  it('rejects an end before or equal to the start', () => {
    expect(
      validateSchoolHours({ hours: withDay('friday', { start: '14:30', end: '08:30' }) }),
    ).toEqual({
      ok: false,
      reason: 'end-before-start',
      weekday: 'friday',
    })
    expect(
      validateSchoolHours({ hours: withDay('friday', { start: '08:30', end: '08:30' }) }),
    ).toEqual({
      ok: false,
      reason: 'end-before-start',
      weekday: 'friday',
    })
    expect(
      validateSchoolHours({ hours: withDay('friday', { start: '08:30', end: '08:31' }) }),
    ).toEqual({
      ok: true,
    })
  })

  it('rejects missing days and other shapes from untyped CMS data as invalid-time', () => {
    for (const bad of [undefined, '08:30-14:30', { start: '08:30' }, { start: 830, end: 1430 }]) {
      expect(validateSchoolHours({ hours: withDay('wednesday', bad) })).toEqual({
        ok: false,
        reason: 'invalid-time',
        weekday: 'wednesday',
      })
    }
  })

  it('reports the first problem, Monday first', () => {
    const hours = {
      ...withDay('friday', { start: '14:30', end: '08:30' }),
      tuesday: { start: 'nope', end: '14:30' },
    }
    expect(validateSchoolHours({ hours })).toEqual({
      ok: false,
      reason: 'invalid-time',
      weekday: 'tuesday',
    })
  })
})
