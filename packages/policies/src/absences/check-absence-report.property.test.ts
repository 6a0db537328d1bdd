import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { DEFAULT_SCHOOL_TIME_SETTINGS } from '../school-time/types'
import { type AbsenceKind, type AbsenceSettings, checkAbsenceReport } from './check-absence-report'

/**
 * An independent oracle: the school's wall clock from `Intl.DateTimeFormat` (not @date-fns/tz),
 * days by stepping plain UTC calendar dates, the cutoff compared as `HH:mm:ss` text — none of the
 * helpers the rule itself uses.
 */
const TIME_ZONE = 'Europe/Amsterdam'
const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function local(now: Date): { date: string; time: string } {
  const parts = Object.fromEntries(wallClock.formatToParts(now).map((p) => [p.type, p.value]))
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}`,
  }
}

const plusDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
// Monday–Friday school, weekends not (the default hours); getUTCDay: 0 Sunday, 6 Saturday.
const isWeekday = (date: string) => ![0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay())

function oracle(input: {
  kind: AbsenceKind
  date: string
  now: Date
  cutoff: string
  closed: string[]
}): string {
  const { date: today, time } = local(input.now)
  const open = (d: string) => isWeekday(d) && !input.closed.includes(d)
  if (input.date < today) return 'in-the-past'
  if (!isWeekday(input.date)) return 'not-a-school-day'
  if (input.closed.includes(input.date)) return 'school-closed'
  if (input.kind === 'planned') return input.date === today ? 'planned-too-late' : 'ok'
  if (input.date === today) return time < `${input.cutoff}:00` ? 'ok' : 'after-cutoff'
  let next = plusDays(today, 1)
  while (!open(next)) next = plusDays(next, 1)
  return input.date === next ? 'ok' : 'sick-not-next-school-day'
}

// Whole seconds from 2026-01-01 to 2028-01-01: two spring and two autumn DST switches.
const instant = fc
  .integer({ min: Date.UTC(2026, 0, 1) / 1000, max: Date.UTC(2028, 0, 1) / 1000 })
  .map((s) => new Date(s * 1000))
// Around the interesting moments too: every cutoff minute ± a few seconds, and local midnight.
const nearEdges = fc
  .tuple(
    fc.integer({ min: 0, max: 729 }),
    fc.constantFrom(-2, -1, 0, 1, 2, 22 * 3600 - 1, 22 * 3600, 23 * 3600 - 1, 23 * 3600),
    fc.integer({ min: 6, max: 9 }),
  )
  .map(([day, second, hour]) => new Date(Date.UTC(2026, 0, 1 + day, hour - 1, 15) + second * 1000))

describe('checkAbsenceReport against an independent oracle', () => {
  it('agrees on every kind, day, moment, cutoff and closed days', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<AbsenceKind>('sick', 'planned'),
        fc.oneof(instant, nearEdges),
        fc.integer({ min: -3, max: 12 }),
        fc.tuple(fc.integer({ min: 7, max: 9 }), fc.constantFrom(0, 15, 30, 45)),
        fc.uniqueArray(fc.integer({ min: 0, max: 12 }), { maxLength: 4 }),
        (kind, now, offset, [hour, minute], closedOffsets) => {
          const today = local(now).date
          const cutoff = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
          const closed = closedOffsets.map((o) => plusDays(today, o))
          const date = plusDays(today, offset)
          const settings: AbsenceSettings = {
            ...DEFAULT_SCHOOL_TIME_SETTINGS,
            absenceCutoff: cutoff,
            closedDays: closed,
          }
          const result = checkAbsenceReport({ kind, date, now, settings })
          expect(result.ok ? 'ok' : result.reason).toBe(oracle({ kind, date, now, cutoff, closed }))
        },
      ),
      { numRuns: 3000 },
    )
  })

  it('moves from accepted to refused exactly at the cutoff second, on every day of two years', () => {
    // The instant of a local wall-clock time, found by trying the zone's two offsets with Intl.
    const instantOf = (date: string, time: string) => {
      for (const hours of [1, 2]) {
        const guess = new Date(Date.parse(`${date}T${time}:00Z`) - hours * 3_600_000)
        const seen = local(guess)
        if (seen.date === date && seen.time === `${time}:00`) return guess
      }
      throw new Error(`no instant for ${date} ${time}`)
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 729 }),
        fc.tuple(fc.integer({ min: 7, max: 9 }), fc.integer({ min: 0, max: 59 })),
        fc.integer({ min: -3, max: 3 }),
        (day, [hour, minute], delta) => {
          const date = plusDays('2026-01-01', day)
          fc.pre(isWeekday(date))
          const cutoff = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`
          const now = new Date(instantOf(date, cutoff).getTime() + delta * 1000)
          const settings = {
            ...DEFAULT_SCHOOL_TIME_SETTINGS,
            absenceCutoff: cutoff,
            closedDays: [],
          }
          expect(checkAbsenceReport({ kind: 'sick', date, now, settings }).ok).toBe(delta < 0)
        },
      ),
      { numRuns: 2000 },
    )
  })
})
