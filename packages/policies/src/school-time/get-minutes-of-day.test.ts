import { describe, expect, it } from 'vitest'
import { getMinutesOfDay } from './get-minutes-of-day'

describe('getMinutesOfDay', () => {
  it('counts minutes since midnight', () => {
    expect(getMinutesOfDay({ value: '00:00', label: 'x' })).toBe(0)
    expect(getMinutesOfDay({ value: '08:30', label: 'x' })).toBe(510)
    expect(getMinutesOfDay({ value: '23:59', label: 'x' })).toBe(1439)
  })

  it('throws naming the setting when the time is malformed', () => {
    expect(() => getMinutesOfDay({ value: '8:30', label: 'schoolHours.monday.start' })).toThrow(
      'schoolHours.monday.start: expected HH:mm (00:00–23:59), got "8:30"',
    )
  })
})
