import { describe, expect, it } from 'vitest'
import { DEFAULT_SCHOOL_TIME_SETTINGS, WEEKDAYS } from './types'
import { validateSchoolHours } from '../settings/validate-school-hours'

describe('DEFAULT_SCHOOL_TIME_SETTINGS', () => {
  it('describes a regular Dutch primary school week in Europe/Amsterdam', () => {
    expect(DEFAULT_SCHOOL_TIME_SETTINGS).toEqual({
      timeZone: 'Europe/Amsterdam',
      schoolHours: {
        monday: { start: '08:30', end: '14:30' },
        tuesday: { start: '08:30', end: '14:30' },
        wednesday: { start: '08:30', end: '12:15' },
        thursday: { start: '08:30', end: '14:30' },
        friday: { start: '08:30', end: '14:30' },
        saturday: null,
        sunday: null,
      },
      absenceCutoff: '08:15',
    })
  })

  it('has valid school hours', () => {
    expect(validateSchoolHours({ hours: DEFAULT_SCHOOL_TIME_SETTINGS.schoolHours })).toEqual({
      ok: true,
    })
  })

  it('cannot be mutated by a consumer by accident', () => {
    expect(Object.isFrozen(DEFAULT_SCHOOL_TIME_SETTINGS)).toBe(true)
    expect(Object.isFrozen(DEFAULT_SCHOOL_TIME_SETTINGS.schoolHours)).toBe(true)
    expect(Object.isFrozen(DEFAULT_SCHOOL_TIME_SETTINGS.schoolHours.monday)).toBe(true)
  })
})

describe('WEEKDAYS', () => {
  it('lists the seven days Monday first', () => {
    expect(WEEKDAYS).toEqual([
      'monday',
      'tuesday',
      'wednesday',
      'thursday',
      'friday',
      'saturday',
      'sunday',
    ])
  })
})
