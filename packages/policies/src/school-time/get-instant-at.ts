import { tzOffset } from '@date-fns/tz'
import { assertTimeZone } from './assert-time-zone'
import { parseCalendarDate } from './parse-calendar-date'
import { parseTimeOfDay } from './parse-time-of-day'

const MINUTE_MS = 60_000
const DAY_MS = 24 * 60 * MINUTE_MS

/**
 * The UTC instant at which the wall-clock in `timeZone` reads `date` `time`, DST-correct
 * (Europe/Amsterdam: `2026-03-27` `08:15` → 07:15Z, `2026-03-30` `08:15` → 06:15Z).
 *
 * DST edge cases follow Temporal's `disambiguation: 'compatible'` (also RFC 5545):
 * - Spring gap, the time does not exist (`2026-03-29` `02:30` in Amsterdam): moves forward by the
 *   length of the gap, i.e. returns 03:30 CEST (01:30Z).
 * - Autumn overlap, the time occurs twice (`2026-10-25` `02:30` in Amsterdam): returns the
 *   *earlier* occurrence, still in summer time (02:30 CEST = 00:30Z, not 02:30 CET = 01:30Z).
 *
 * Why not just `new TZDate(y, m, d, h, min, timeZone)`? It is right for every normal time, but at
 * DST edges its answer depends on the *server's* time zone (on a UTC host the overlap resolves to
 * the later occurrence, on an Amsterdam host to the earlier one, and on a London host the gap
 * moves backwards). So the offsets come from @date-fns/tz's `tzOffset` (the tz database via Intl)
 * and we pick among the possible instants ourselves. No offsets are hard-coded.
 *
 * Throws on a malformed/non-existent date, a malformed time or an unknown time zone.
 */
export function getInstantAt({
  date,
  time,
  timeZone,
}: {
  date: string
  time: string
  timeZone: string
}): Date {
  assertTimeZone({ timeZone })
  const day = parseCalendarDate({ value: date })
  if (!day.ok) {
    throw new Error(
      `getInstantAt: expected date YYYY-MM-DD (${day.reason}), got ${JSON.stringify(date)}`,
    )
  }
  const clock = parseTimeOfDay({ value: time })
  if (!clock.ok) {
    throw new Error(
      `getInstantAt: expected time HH:mm (${clock.reason}), got ${JSON.stringify(time)}`,
    )
  }

  // The wall-clock fields encoded as if they were UTC. Not an instant; the reference point that
  // each candidate offset is subtracted from.
  const wallClockMs = Date.UTC(day.year, day.month - 1, day.day, clock.hours, clock.minutes)
  const offsetAt = (ms: number) => tzOffset(timeZone, new Date(ms)) * MINUTE_MS
  // Zones change offset at most once around a given day, so the offsets a day before and a day
  // after are the only candidates.
  const offsetBefore = offsetAt(wallClockMs - DAY_MS)
  const offsetAfter = offsetAt(wallClockMs + DAY_MS)

  const matches = [wallClockMs - offsetBefore, wallClockMs - offsetAfter]
    .filter((instant) => wallClockMs - instant === offsetAt(instant))
    .sort((a, b) => a - b)
  const earliest = matches[0]
  if (earliest !== undefined) return new Date(earliest)

  // In the gap: apply the offset from before the jump, which lands `gap` minutes after the
  // requested wall-clock (02:30 + 1h = 03:30 CEST).
  return new Date(wallClockMs - offsetBefore)
}
