import { getInstantAt } from '../school-time/get-instant-at'
import { getSchoolNow } from '../school-time/get-school-now'

/**
 * The latest daily digest moment at or before `now` (C1): today's `digestTime` in the school's
 * zone if it has passed, otherwise yesterday's. Everything waiting for a digest that arrived before
 * `dueAt` belongs in the digest of `date`; anything later waits for the next one. DST-correct:
 * 18:00 in Amsterdam is 17:00Z in winter and 16:00Z in summer.
 */
export function getDigestWindow({
  now,
  digestTime,
  timeZone,
}: {
  now: Date
  digestTime: string
  timeZone: string
}): { date: string; dueAt: Date } {
  const today = getSchoolNow({ now, timeZone }).date
  const todayAt = getInstantAt({ date: today, time: digestTime, timeZone })
  if (todayAt.getTime() <= now.getTime()) return { date: today, dueAt: todayAt }
  // Noon of the previous calendar day is always on that day, whatever DST does overnight.
  const yesterday = getSchoolNow({
    now: new Date(getInstantAt({ date: today, time: '12:00', timeZone }).getTime() - 86_400_000),
    timeZone,
  }).date
  return { date: yesterday, dueAt: getInstantAt({ date: yesterday, time: digestTime, timeZone }) }
}
