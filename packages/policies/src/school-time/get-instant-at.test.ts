import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { getInstantAt } from './get-instant-at'
import { getSchoolNow } from './get-school-now'

const timeZone = 'Europe/Amsterdam'

function instantIso(date: string, time: string): string {
  return getInstantAt({ date, time, timeZone }).toISOString()
}

describe('getInstantAt', () => {
  it('uses UTC+1 before and UTC+2 after the March 2026 switch', () => {
    expect(instantIso('2026-03-27', '08:15')).toBe('2026-03-27T07:15:00.000Z')
    expect(instantIso('2026-03-30', '08:15')).toBe('2026-03-30T06:15:00.000Z')
  })

  it('uses UTC+2 before and UTC+1 after the October 2026 switch', () => {
    expect(instantIso('2026-10-23', '08:15')).toBe('2026-10-23T06:15:00.000Z')
    expect(instantIso('2026-10-26', '08:15')).toBe('2026-10-26T07:15:00.000Z')
  })

  it('moves a time in the spring gap forward by the length of the gap', () => {
    // 29 March 2026: 02:00–02:59 does not exist in Amsterdam; 02:30 becomes 03:30 CEST.
    expect(instantIso('2026-03-29', '01:59')).toBe('2026-03-29T00:59:00.000Z')
    expect(instantIso('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z')
    expect(instantIso('2026-03-29', '02:30')).toBe('2026-03-29T01:30:00.000Z')
    expect(instantIso('2026-03-29', '03:00')).toBe('2026-03-29T01:00:00.000Z')
    expect(
      getSchoolNow({ now: getInstantAt({ date: '2026-03-29', time: '02:30', timeZone }), timeZone })
        .time,
    ).toBe('03:30')
  })

  it('picks the earlier (summer time) occurrence of an ambiguous autumn time', () => {
    // 25 October 2026: 02:00–02:59 happens twice, at 00:xxZ (CEST) and 01:xxZ (CET).
    expect(instantIso('2026-10-25', '01:59')).toBe('2026-10-24T23:59:00.000Z')
    expect(instantIso('2026-10-25', '02:00')).toBe('2026-10-25T00:00:00.000Z')
    expect(instantIso('2026-10-25', '02:30')).toBe('2026-10-25T00:30:00.000Z')
    expect(instantIso('2026-10-25', '02:59')).toBe('2026-10-25T00:59:00.000Z')
    expect(instantIso('2026-10-25', '03:00')).toBe('2026-10-25T02:00:00.000Z')
    // both instants really read 02:30 in Amsterdam
    expect(getSchoolNow({ now: new Date('2026-10-25T00:30:00Z'), timeZone }).time).toBe('02:30')
    expect(getSchoolNow({ now: new Date('2026-10-25T01:30:00Z'), timeZone }).time).toBe('02:30')
  })

  it('works for other zones, including a 30-minute DST gap', () => {
    // Lord Howe Island goes from UTC+10:30 to UTC+11 at 02:00 on 4 October 2026.
    expect(
      getInstantAt({ date: '2026-10-04', time: '02:15', timeZone: 'Australia/Lord_Howe' }),
    ).toEqual(new Date('2026-10-03T15:45:00Z')) // 02:45 +11:00

    expect(getInstantAt({ date: '2026-03-30', time: '08:15', timeZone: 'UTC' }).toISOString()).toBe(
      '2026-03-30T08:15:00.000Z',
    )
    expect(
      getInstantAt({
        date: '2026-03-30',
        time: '08:15',
        timeZone: 'America/New_York',
      }).toISOString(),
    ).toBe('2026-03-30T12:15:00.000Z')
  })

  it('gives the same answers whatever the time zone of the server is', () => {
    const originalTz = process.env.TZ
    try {
      for (const hostZone of ['UTC', 'Europe/Amsterdam', 'Europe/London', 'Pacific/Chatham']) {
        process.env.TZ = hostZone
        expect(instantIso('2026-03-29', '02:30'), hostZone).toBe('2026-03-29T01:30:00.000Z')
        expect(instantIso('2026-10-25', '02:30'), hostZone).toBe('2026-10-25T00:30:00.000Z')
        expect(instantIso('2026-03-30', '08:15'), hostZone).toBe('2026-03-30T06:15:00.000Z')
      }
    } finally {
      if (originalTz === undefined) delete process.env.TZ
      else process.env.TZ = originalTz
    }
  })

  it('throws on malformed input', () => {
    expect(() => getInstantAt({ date: '2026-02-30', time: '08:15', timeZone })).toThrow(
      /expected date YYYY-MM-DD \(out-of-range\), got "2026-02-30"/,
    )
    expect(() => getInstantAt({ date: '30-03-2026', time: '08:15', timeZone })).toThrow(
      /invalid-format/,
    )
    expect(() => getInstantAt({ date: '2026-03-30', time: '8:15', timeZone })).toThrow(
      /expected time HH:mm \(invalid-format\), got "8:15"/,
    )
    expect(() =>
      getInstantAt({ date: '2026-03-30', time: '08:15', timeZone: 'Mars/Base' }),
    ).toThrow(/Unknown time zone/)
  })
})

// --- property tests --------------------------------------------------------------------------

const pad = (value: number, length = 2) => String(value).padStart(length, '0')

/** Independent oracle: EU summer time starts/ends on the last Sunday of March/October at 01:00Z. */
function lastSundayOf(year: number, monthIndex: number): number {
  const lastDay = new Date(Date.UTC(year, monthIndex + 1, 0))
  return lastDay.getUTCDate() - lastDay.getUTCDay()
}

function isInSpringGap(year: number, month: number, day: number, hour: number): boolean {
  return month === 3 && day === lastSundayOf(year, 2) && hour === 2
}

function isInAutumnOverlap(year: number, month: number, day: number, hour: number): boolean {
  return month === 10 && day === lastSundayOf(year, 9) && hour === 2
}

const wallClock = fc
  .record({
    year: fc.integer({ min: 2026, max: 2030 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
  })
  .filter(({ year, month, day }) => new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day)

describe('getInstantAt properties (Europe/Amsterdam, 2026–2030)', () => {
  it('oracle sanity: the 2026 switch Sundays are 29 March and 25 October', () => {
    expect(lastSundayOf(2026, 2)).toBe(29)
    expect(lastSundayOf(2026, 9)).toBe(25)
  })

  it('getSchoolNow(getInstantAt(date, time)) gives back the same date and time', () => {
    fc.assert(
      fc.property(
        wallClock.filter(({ year, month, day, hour }) => !isInSpringGap(year, month, day, hour)),
        ({ year, month, day, hour, minute }) => {
          const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`
          const time = `${pad(hour)}:${pad(minute)}`
          const now = getInstantAt({ date, time, timeZone })
          const back = getSchoolNow({ now, timeZone })
          expect({ date: back.date, time: back.time }).toEqual({ date, time })
        },
      ),
      { numRuns: 500 },
    )
  })

  it('getInstantAt(getSchoolNow(instant)) is the instant itself, except in the second pass of the autumn overlap', () => {
    const start = Date.UTC(2026, 0, 1)
    const end = Date.UTC(2031, 0, 1)
    const anyMinute = fc
      .integer({ min: 0, max: (end - start) / 60_000 - 1 })
      .map((minuteIndex) => start + minuteIndex * 60_000)
    // Bias towards the three hours around each switch (01:00Z on the last Sunday of March/October).
    const nearSwitch = fc
      .record({
        year: fc.integer({ min: 2026, max: 2030 }),
        monthIndex: fc.constantFrom(2, 9),
        minutes: fc.integer({ min: -90, max: 90 }),
      })
      .map(({ year, monthIndex, minutes }) =>
        Date.UTC(year, monthIndex, lastSundayOf(year, monthIndex), 1, minutes),
      )
    fc.assert(
      fc.property(fc.oneof(anyMinute, nearSwitch), (timestamp) => {
        const now = new Date(timestamp)
        const wall = getSchoolNow({ now, timeZone })
        const back = getInstantAt({ date: wall.date, time: wall.time, timeZone })
        if (back.getTime() === now.getTime()) return

        // Only the second (winter time) pass through the doubled hour may map to another instant:
        // the first pass, which reads the same wall-clock.
        const [year, month, day] = wall.date.split('-').map(Number) as [number, number, number]
        expect(isInAutumnOverlap(year, month, day, Number(wall.time.slice(0, 2)))).toBe(true)
        expect(back.getTime()).toBeLessThan(now.getTime())
        expect(getSchoolNow({ now: back, timeZone }).time).toBe(wall.time)
      }),
      { numRuns: 500 },
    )
  })
})
