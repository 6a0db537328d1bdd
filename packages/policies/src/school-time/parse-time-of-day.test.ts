import { describe, expect, it } from 'vitest'
import { parseTimeOfDay } from './parse-time-of-day'

describe('parseTimeOfDay', () => {
  it.each([
    ['00:00', 0, 0],
    ['08:15', 8, 15],
    ['12:05', 12, 5],
    ['23:59', 23, 59],
  ])('parses %s', (value, hours, minutes) => {
    expect(parseTimeOfDay({ value })).toEqual({ ok: true, hours, minutes })
  })

  it.each([
    '8:15',
    '08:5',
    '0815',
    '08.15',
    '08:15:00',
    ' 08:15',
    '08:15 ',
    '',
    'ab:cd',
    '-1:00',
    '０８:１５',
  ])('rejects %j as invalid-format', (value) => {
    expect(parseTimeOfDay({ value })).toEqual({ ok: false, reason: 'invalid-format' })
  })

  it.each(['24:00', '23:60', '99:99', '12:75'])('rejects %s as out-of-range', (value) => {
    expect(parseTimeOfDay({ value })).toEqual({ ok: false, reason: 'out-of-range' })
  })

  it('rejects non-string input coming from untyped data as invalid-format', () => {
    expect(parseTimeOfDay({ value: null as unknown as string })).toEqual({
      ok: false,
      reason: 'invalid-format',
    })
    expect(parseTimeOfDay({ value: 815 as unknown as string })).toEqual({
      ok: false,
      reason: 'invalid-format',
    })
  })
})
