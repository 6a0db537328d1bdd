import { checkLeaveRequest } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'

import { idOf, parentUser, staffUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { Refusal } from '../../../lib/refusal'
import { checkParentFor, schoolCalendar } from '../../Absences/hooks/absence-facts'

/**
 * A new request: only a parent, only for their own child, only for days to come that include a
 * school day (`checkLeaveRequest`); whether it is "te laat" and how many school days it covers
 * are computed here, never taken from the request.
 */
export const checkNewLeaveRequest: CollectionBeforeChangeHook = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const parent = parentUser(req)
  const trusted = !parent && !staffUser(req)
  const pupilId = idOf(data.pupil as string | { id: string } | null)
  if (!pupilId) throw new Refusal('Kies voor welk kind u verlof aanvraagt.', 400)
  if (parent) {
    await checkParentFor(
      req,
      parent,
      pupilId,
      'U kunt alleen voor uw eigen kinderen verlof aanvragen.',
    )
  } else if (!trusted) {
    throw new Refusal('Verlof vraagt een ouder aan.', 403)
  }
  const pupil = await req.payload
    .findByID({ collection: 'pupils', id: pupilId, depth: 0, overrideAccess: true, req })
    .catch(() => null)
  if (!pupil) throw new Refusal('Deze leerling bestaat niet (meer).', 400, { code: 'no-pupil' })

  const from = typeof data.from === 'string' ? data.from : ''
  const to = typeof data.to === 'string' ? data.to : ''
  const { settings } = await schoolCalendar(req)
  const check = checkLeaveRequest({ from, to, now: now(), settings })
  if (!check.ok) throw new Refusal(check.message, 422, { code: check.reason })

  return {
    ...data,
    pupil: pupilId,
    title: `Verlof · ${pupil.firstName} · ${from} t/m ${to}`,
    status: 'requested',
    decisionMessage: null,
    decidedBy: null,
    decidedAt: null,
    late: check.late,
    schoolDays: check.schoolDays,
    beyondDirector: check.beyondDirector,
    group: idOf(pupil.group),
    requestedBy: parent ? parent.id : (data.requestedBy ?? null),
    requesterName: parent ? parent.name : ((data.requesterName as string | undefined) ?? null),
  }
}
