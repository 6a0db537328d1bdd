import { describe, expect, it } from 'vitest'
import { parseCalendarDate } from './parse-calendar-date'

describe('parseCalendarDate', () => {
  it('parses a strict YYYY-MM-DD date with a 1-based month', () => {
    expect(parseCalendarDate({ value: '2026-03-29' })).toEqual({
      ok: true,
      year: 2026,
      month: 3,
      day: 29,
    })
  })

  it('accepts 29 February in a leap year', () => {
    expect(parseCalendarDate({ value: '2028-02-29' })).toMatchObject({ ok: true, day: 29 })
  })

  it.each(['2026-02-29', '2026-02-30', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00'])(
    'rejects the non-existent date %s as out-of-range',
    (value) => {
      expect(parseCalendarDate({ value })).toEqual({ ok: false, reason: 'out-of-range' })
    },
  )

  it.each(['2026-3-29', '29-03-2026', '2026/03/29', '2026-03-29T00:00', '20260329', ''])(
    'rejects %j as invalid-format',
    (value) => {
      expect(parseCalendarDate({ value })).toEqual({ ok: false, reason: 'invalid-format' })
    },
  )
})
