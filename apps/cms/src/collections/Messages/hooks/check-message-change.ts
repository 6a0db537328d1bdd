import { canEditMessage, checkConduct } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'

import { idOf, parentUser, staffUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { Refusal } from '../../../lib/refusal'
import { conductTermsOf } from './conduct'

/**
 * A change to a message. A parent edits only their own text: a delivered message within five
 * minutes, a held one (to rephrase it) until it passes; the conduct check runs again and decides
 * delivered or held. Staff only hide a delivered message or show a hidden one again; a held
 * message is never delivered by anyone but its writer rephrasing it.
 */
export const checkMessageChange: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  const parent = parentUser(req)
  const staff = staffUser(req)
  if (!parent && !staff) return data

  if (parent) {
    if (idOf(originalDoc.authorParent) !== parent.id) {
      throw new Refusal('U kunt alleen uw eigen berichten aanpassen.', 403, { code: 'not-yours' })
    }
    const editable = canEditMessage({
      status: originalDoc.status,
      sentAt: new Date(originalDoc.sentAt ?? originalDoc.createdAt),
      now: now(),
    })
    if (!editable.ok) {
      throw new Refusal(
        editable.reason === 'hidden'
          ? 'Dit bericht is verborgen door de school.'
          : 'Een bericht kunt u tot 5 minuten na het versturen aanpassen.',
        409,
        { code: editable.reason },
      )
    }
    const body = typeof data.body === 'string' ? data.body.trim() : originalDoc.body
    if (!body) throw new Refusal('Schrijf eerst een bericht.', 400, { code: 'empty' })
    const conduct = checkConduct({ text: body, extraTerms: await conductTermsOf(req) })
    return {
      ...data,
      body,
      status: conduct.ok ? 'delivered' : 'held',
      heldRule: conduct.ok ? null : conduct.rule,
      editedAt: body === originalDoc.body ? originalDoc.editedAt : now().toISOString(),
    }
  }

  // Staff: the status only (writable-fields), and only between delivered and hidden.
  const to = data.status ?? originalDoc.status
  if (to === originalDoc.status) return data
  const allowed =
    (originalDoc.status === 'delivered' && to === 'hidden') ||
    (originalDoc.status === 'hidden' && to === 'delivered')
  if (!allowed) {
    throw new Refusal('Een bericht kan alleen verborgen of weer getoond worden.', 403, {
      code: 'status-not-allowed',
    })
  }
  return {
    ...data,
    status: to,
    hiddenBy: to === 'hidden' ? staff!.id : null,
    hiddenAt: to === 'hidden' ? now().toISOString() : null,
  }
}
