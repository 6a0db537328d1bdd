import type { CollectionBeforeChangeHook } from 'payload'

import { hasRole, parentUser, staffUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { Refusal } from '../../../lib/refusal'

/**
 * A request moves once: the director approves or refuses it (a refusal says why, in a message the
 * parent reads), or the parent withdraws it while it is open. A decision is final here; the
 * director can record a changed decision by asking the parent for a new request.
 */
export const checkLeaveChange: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  const from = originalDoc.status as string
  const to = (data.status as string | undefined) ?? from
  const message =
    typeof data.decisionMessage === 'string'
      ? data.decisionMessage.trim()
      : originalDoc.decisionMessage
  const trusted = !parentUser(req) && !staffUser(req)
  if (to === from) return { ...data, status: from }
  if (from !== 'requested') {
    throw new Refusal('Over deze aanvraag is al besloten; die verandert niet meer.', 409, {
      code: 'already-decided',
    })
  }
  if ((to === 'approved' || to === 'refused') && (trusted || hasRole(req, 'director'))) {
    if (to === 'refused' && !message) {
      throw new Refusal('Schrijf bij een afwijzing waarom: de ouder leest dit bericht.', 400, {
        code: 'message-required',
      })
    }
    return {
      ...data,
      status: to,
      decisionMessage: message || null,
      decidedBy: staffUser(req)?.id ?? data.decidedBy ?? null,
      decidedAt: now().toISOString(),
    }
  }
  if (to === 'withdrawn' && (trusted || parentUser(req))) {
    return { ...data, status: 'withdrawn', decidedAt: now().toISOString() }
  }
  throw new Refusal(
    parentUser(req)
      ? 'U kunt een aanvraag alleen intrekken.'
      : 'Alleen de directeur beslist over verlof.',
    403,
    { code: 'status-not-allowed' },
  )
}
