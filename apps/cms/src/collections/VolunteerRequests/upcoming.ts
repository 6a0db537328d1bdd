import { getSchoolNow } from '@schoolpost/policies'
import type { PayloadRequest, Where } from 'payload'

import { volunteerRequestsRead } from '../../access/volunteer-access'
import { now } from '../../lib/clock'
import { schoolCalendar } from '../Absences/hooks/absence-facts'

/**
 * The published volunteer requests a parent may read that still have a slot today or later, and
 * today's date on the school's calendar. The collection's own read rule for this parent, with a
 * filter on the slots' date (indexed) that the parents' REST query allowlist (rightly) does not
 * offer: the overview (`/hulpvragen`) and the start page's cards both ask through here.
 */
export async function upcomingRequestsWhere(
  req: PayloadRequest,
): Promise<{ where: Where; today: string; timeZone: string } | null> {
  const { timeZone } = (await schoolCalendar(req)).settings
  const today = getSchoolNow({ now: now(), timeZone }).date
  const access = await volunteerRequestsRead({ req } as Parameters<typeof volunteerRequestsRead>[0])
  if (access === false) return null
  return {
    today,
    timeZone,
    where: {
      and: [
        ...(access === true ? [] : [access]),
        { status: { equals: 'published' } },
        { 'slots.date': { greater_than_equal: today } },
      ],
    },
  }
}

/** The first slot date of a request on or after `today` (`~` when none: sorts last). */
export const firstUpcomingDate = (
  slots: readonly { date: string; from?: string }[] | null | undefined,
  today: string,
) =>
  (slots ?? [])
    .filter((slot) => slot.date >= today)
    .reduce((min, s) => {
      const at = `${s.date} ${s.from ?? ''}`
      return at < min ? at : min
    }, '~')
