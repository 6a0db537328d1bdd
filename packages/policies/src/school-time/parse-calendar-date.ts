import { isExists } from 'date-fns'

export type ParseCalendarDateResult =
  | { ok: true; year: number; month: number; day: number }
  | { ok: false; reason: 'invalid-format' | 'out-of-range' }

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/**
 * Parses a strict `YYYY-MM-DD` calendar date. `month` is 1–12 (not 0-based).
 * Dates that do not exist (`2026-02-29`, `2026-13-01`) are `out-of-range`.
 */
export function parseCalendarDate({ value }: { value: string }): ParseCalendarDateResult {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null
  if (!match) return { ok: false, reason: 'invalid-format' }

  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (!isExists(year, month - 1, day)) return { ok: false, reason: 'out-of-range' }

  return { ok: true, year, month, day }
}
