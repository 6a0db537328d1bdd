import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../../../access/lib/users'
import { markRead } from '../../ConversationReads/mark-read'

/**
 * When a message is delivered (written, or a held one rephrased so it passes): the conversation's
 * last-message time moves (the unread counts compare it with each reader's mark), and the writer
 * has read their own conversation up to here.
 */
export const afterMessage: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const delivered =
    doc.status === 'delivered' && (operation === 'create' || previousDoc?.status === 'held')
  if (!delivered) return doc
  const conversationId = idOf(doc.conversation)!
  const at = new Date(doc.editedAt ?? doc.sentAt ?? doc.createdAt).toISOString()
  await req.payload.update({
    collection: 'conversations',
    id: conversationId,
    data: { lastMessageAt: at },
    overrideAccess: true,
    depth: 0,
    req,
    select: {},
  })
  const reader = idOf(doc.authorParent)
    ? { collection: 'parents' as const, id: idOf(doc.authorParent)!, name: doc.authorName }
    : idOf(doc.authorStaff)
      ? { collection: 'staff' as const, id: idOf(doc.authorStaff)!, name: doc.authorName }
      : null
  if (reader) await markRead(req, { conversationId, reader, at })
  return doc
}
