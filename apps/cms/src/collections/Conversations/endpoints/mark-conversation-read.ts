import type { Endpoint } from 'payload'

import { participantConversation } from './conversation-caller'
import { parentUser, staffUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { jsonError } from '../../../lib/json-body'
import { markRead } from '../../ConversationReads/mark-read'

/**
 * `POST /api/conversations/:id/read`: the caller has read the conversation up to now. Only a
 * participant (the same access rules, with their own user); a director only where they started
 * or opened it. Answers the time of the mark.
 */
export const markConversationRead: Endpoint = {
  path: '/:id/read',
  method: 'post',
  handler: async (req) => {
    const parent = parentUser(req)
    const staff = staffUser(req)
    if (!parent && !staff) return jsonError(401, 'unauthorized', 'Log eerst in.')
    const conversation = await participantConversation(
      req,
      { role: staff?.role === 'director' ? 'director' : parent ? 'parent' : 'teacher' },
      { lastMessageAt: true },
    )
    if (conversation instanceof Response) return conversation
    const reader = parent
      ? { collection: 'parents' as const, id: parent.id, name: parent.name }
      : { collection: 'staff' as const, id: staff!.id, name: `${staff!.name} (school)` }
    const readAt = await markRead(req, {
      conversationId: conversation.id,
      reader,
      at: now().toISOString(),
      lastMessageAt: conversation.lastMessageAt,
    })
    return Response.json({ ok: true, readAt })
  },
}
