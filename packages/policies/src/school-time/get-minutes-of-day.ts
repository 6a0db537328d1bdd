import { parseTimeOfDay } from './parse-time-of-day'

/**
 * Minutes since midnight of a wall-clock `HH:mm` (for comparing wall-clock times on one day).
 * Throws when `value` is not a valid time; `label` names the setting in the error message.
 */
export function getMinutesOfDay({ value, label }: { value: string; label: string }): number {
  const parsed = parseTimeOfDay({ value })
  if (!parsed.ok) {
    throw new Error(`${label}: expected HH:mm (00:00–23:59), got ${JSON.stringify(value)}`)
  }
  return parsed.hours * 60 + parsed.minutes
}
