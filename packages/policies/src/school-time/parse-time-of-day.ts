export type ParseTimeOfDayResult =
  | { ok: true; hours: number; minutes: number }
  | { ok: false; reason: 'invalid-format' | 'out-of-range' }

const TIME_OF_DAY = /^(\d{2}):(\d{2})$/

/**
 * Parses a strict 24-hour `HH:mm` wall-clock time (`00:00`–`23:59`).
 * `8:15`, `08:15:00` and ` 08:15` are `invalid-format`; `24:00` and `12:60` are `out-of-range`.
 */
export function parseTimeOfDay({ value }: { value: string }): ParseTimeOfDayResult {
  const match = typeof value === 'string' ? TIME_OF_DAY.exec(value) : null
  if (!match) return { ok: false, reason: 'invalid-format' }

  const hours = Number(match[1])
  const minutes = Number(match[2])
  if (hours > 23 || minutes > 59) return { ok: false, reason: 'out-of-range' }

  return { ok: true, hours, minutes }
}
