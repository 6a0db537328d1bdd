import type { Endpoint } from 'payload'

import { directorConversationIds } from '../../../access/conversations-access'
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
    const id = String(req.routeParams?.id ?? '')
    const conversation = id
      ? await req.payload.findByID({
          collection: 'conversations',
          id,
          depth: 0,
          overrideAccess: false,
          user: req.user,
          req,
          disableErrors: true,
          select: {},
        })
      : null
    if (!conversation) {
      return jsonError(404, 'not-found', 'Dit gesprek bestaat niet of is niet voor u.')
    }
    if (staff?.role === 'director' && !(await directorConversationIds(req)).includes(id)) {
      return jsonError(403, 'not-opened', 'Open het gesprek eerst; dat wordt vastgelegd.')
    }
    const reader = parent
      ? { collection: 'parents' as const, id: parent.id, name: parent.name }
      : { collection: 'staff' as const, id: staff!.id, name: `${staff!.name} (school)` }
    const readAt = await markRead(req, { conversationId: id, reader, at: now().toISOString() })
    return Response.json({ ok: true, readAt })
  },
}
