import { checkCalendarEvent } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { checkStaffAudience } from '../../../access/lib/staff-audience'
import { idsOf, staffUser } from '../../../access/lib/users'

/**
 * Before a calendar item is saved (issue #15): a teacher puts items in the calendar of their own
 * groups, only a director in the whole school's; a group item names its groups; the dates and
 * times pass `checkCalendarEvent`. An all-day item keeps no times, a timed one no end date.
 */
export const checkEvent: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const event = { ...originalDoc, ...data }
  const groups = idsOf(event.groups)
  const errors: { path: string; message: string }[] = []
  if (event.audience === 'groups' && groups.length === 0) {
    errors.push({ path: 'groups', message: 'Kies minstens één groep.' })
  }
  await checkStaffAudience(req, {
    audience: event.audience,
    groups,
    schoolWide:
      'Een agenda-item voor de hele school zet de directie in de agenda. Kies je eigen groepen.',
  })
  const allDay = event.allDay !== false
  const checked = checkCalendarEvent({
    event: {
      title: event.title,
      date: event.date,
      endDate: allDay ? event.endDate || null : null,
      allDay,
      from: event.from,
      to: event.to,
    },
  })
  if (!checked.ok) {
    for (const problem of checked.problems)
      errors.push({ path: problem.field, message: problem.message })
  }
  if (errors.length) throw new ValidationError({ collection: 'events', errors })

  const next = { ...data }
  if (operation === 'create') next.createdBy = staffUser(req)?.id ?? data.createdBy ?? null
  if (event.audience === 'school') next.groups = []
  if (allDay) {
    next.from = null
    next.to = null
    next.endDate = event.endDate || null
  } else {
    next.endDate = null
  }
  return next
}
