import type { CollectionBeforeChangeHook } from 'payload'

import { idOf, staffUser } from '../../../access/lib/users'
import { Refusal } from '../../../lib/refusal'

/** The opening is the director's own: who they are is taken from the login, never the request. */
export const recordOpening: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const staff = staffUser(req)
  if (!staff) return data
  const reason = typeof data.reason === 'string' ? data.reason.trim() : ''
  if (!reason)
    throw new Refusal('Schrijf op waarom u dit gesprek opent.', 400, { code: 'no-reason' })
  const conversationId = idOf(data.conversation as string | { id: string } | null | undefined)
  const conversation = conversationId
    ? await req.payload.findByID({
        collection: 'conversations',
        id: conversationId,
        depth: 0,
        overrideAccess: true,
        req,
        disableErrors: true,
        select: {},
      })
    : null
  if (!conversation) throw new Refusal('Dit gesprek bestaat niet.', 404, { code: 'not-found' })
  return {
    ...data,
    conversation: conversation.id,
    reason,
    director: staff.id,
    directorName: staff.name,
  }
}
