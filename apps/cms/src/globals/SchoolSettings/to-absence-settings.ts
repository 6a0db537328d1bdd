import { addCalendarDays, type AbsenceSettings, daysBetween } from '@schoolpost/policies'

import { toSchoolTimeSettings } from './to-school-time-settings'

type StoredPeriod = { from?: string | null; to?: string | null }
type StoredSettings = Parameters<typeof toSchoolTimeSettings>[0] & {
  closedPeriods?: StoredPeriod[] | null
  leaveNoticeWeeks?: number | null
}

/** Every single closed day of the stored periods (each period is at most 93 days by validation). */
export function closedDaysOf(periods: StoredPeriod[] | null | undefined): string[] {
  const days = new Set<string>()
  for (const { from, to } of periods ?? []) {
    if (!from || !to || to < from) continue
    const length = Math.min(daysBetween(from, to), 92)
    for (let offset = 0; offset <= length; offset++) days.add(addCalendarDays(from, offset))
  }
  return [...days].sort()
}

/** The stored global as the absence and leave rules take it. */
export function toAbsenceSettings(
  stored: StoredSettings,
): AbsenceSettings & { leaveNoticeWeeks: number } {
  return {
    ...toSchoolTimeSettings(stored),
    closedDays: closedDaysOf(stored.closedPeriods),
    leaveNoticeWeeks: stored.leaveNoticeWeeks ?? 8,
  }
}
