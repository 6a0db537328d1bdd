import { parseTimeOfDay } from '../school-time/parse-time-of-day'
import { WEEKDAYS } from '../school-time/types'
import type { SchoolDayHours, Weekday } from '../school-time/types'

export type ValidateSchoolHoursResult =
  { ok: true } | { ok: false; reason: 'invalid-time' | 'end-before-start'; weekday: Weekday }

/**
 * Validates the school hours of a whole week (the CMS school-settings global).
 * Each day must be `null` (no school) or `{ start, end }` with strict `HH:mm` times and `end`
 * strictly after `start` (equal times count as `end-before-start`). A missing day or any other
 * shape is `invalid-time`. Reports the first problem, Monday first.
 */
export function validateSchoolHours({
  hours,
}: {
  hours: Record<Weekday, SchoolDayHours>
}): ValidateSchoolHoursResult {
  for (const weekday of WEEKDAYS) {
    const day: unknown = hours?.[weekday]
    if (day === null) continue
    if (typeof day !== 'object') return { ok: false, reason: 'invalid-time', weekday }

    const { start, end } = day as { start?: unknown; end?: unknown }
    if (typeof start !== 'string' || typeof end !== 'string') {
      return { ok: false, reason: 'invalid-time', weekday }
    }
    const parsedStart = parseTimeOfDay({ value: start })
    const parsedEnd = parseTimeOfDay({ value: end })
    if (!parsedStart.ok || !parsedEnd.ok) return { ok: false, reason: 'invalid-time', weekday }

    const startMinutes = parsedStart.hours * 60 + parsedStart.minutes
    const endMinutes = parsedEnd.hours * 60 + parsedEnd.minutes
    if (endMinutes <= startMinutes) return { ok: false, reason: 'end-before-start', weekday }
  }
  return { ok: true }
}
