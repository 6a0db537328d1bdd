import { TZDate } from '@date-fns/tz'
import { addDays } from 'date-fns'

import { getInstantAt } from '../school-time/get-instant-at'
import { getSchoolNow } from '../school-time/get-school-now'
import type { SchoolTimeSettings } from '../school-time/types'

/** How many calendar days back the bundle moments are looked for (two school weeks). */
const SEARCH_DAYS = 15

export type MessageBundleWindow = {
  /** The school day (`YYYY-MM-DD`, school's zone) whose bundle this is. */
  date: string
  /** The bundle's moment: the end of that day's school hours. */
  dueAt: Date
  /** The previous bundle's moment: the bundle covers parent messages sent in `[since, dueAt)`. */
  since: Date
}

/**
 * The latest moment at or before `now` at which teachers get their bundled email about new
 * parent messages (S8: during school hours a teacher hardly reads them, so staff get one email
 * after school instead of one per message). Bundles go out when school ends on each school day —
 * 14:30, or 12:15 on a short Wednesday — and cover everything sent since the previous school day's
 * bundle: a message in the evening or the weekend is in the next school day's bundle.
 *
 * DST-correct (the end of school is wall-clock time in the school's zone). `null` when the
 * settings have no school day at all. Holidays are not known here: a bundle on a holiday simply
 * covers less. Throws on malformed hours.
 */
export function getMessageBundleWindow({
  now,
  settings,
}: {
  now: Date
  settings: Pick<SchoolTimeSettings, 'timeZone' | 'schoolHours'>
}): MessageBundleWindow | null {
  const { timeZone } = settings
  const { zoned } = getSchoolNow({ now, timeZone })
  // Step from local noon: noon exists on every day, also on DST switch days.
  const noon = new TZDate(zoned.getFullYear(), zoned.getMonth(), zoned.getDate(), 12, 0, timeZone)

  let current: { date: string; dueAt: Date } | null = null
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    const day = getSchoolNow({ now: addDays(noon, -offset), timeZone })
    const hours = settings.schoolHours[day.weekday]
    if (!hours) continue
    const end = getInstantAt({ date: day.date, time: hours.end, timeZone })
    if (end.getTime() > now.getTime()) continue
    if (!current) {
      current = { date: day.date, dueAt: end }
      continue
    }
    return { ...current, since: end }
  }
  // Only one school day a fortnight (never in practice): the bundle looks back a week.
  return current ? { ...current, since: new Date(current.dueAt.getTime() - 7 * 86_400_000) } : null
}
