import { checkConduct } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'

import { directorConversationIds } from '../../../access/conversations-access'
import { idOf, parentUser, staffUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { consumeOrRefuse } from '../../../lib/rate-limit'
import { Refusal } from '../../../lib/refusal'
import { checkAttachments } from './check-attachments'
import { conductTermsOf } from './conduct'

export const NOT_YOUR_CONVERSATION = 'Dit gesprek bestaat niet of is niet voor u.'

/**
 * A new message: only a participant writes (read through the same access rules, with the
 * writer's own user), and a director only where they started or opened the conversation. The
 * conduct check (S19) holds a parent's message that fails it — stored, not delivered — and
 * refuses a staff message in Dutch (staff rephrase at once); staff's photos pass the image rules
 * of posts (`check-attachments.ts`). The author, and the conversation's
 * pupil, kind and asking parent, are copied from who writes and where.
 */
export const checkNewMessage: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const parent = parentUser(req)
  const staff = staffUser(req)
  if (!parent && !staff) return data

  const body = typeof data.body === 'string' ? data.body.trim() : ''
  if (!body) throw new Refusal('Schrijf eerst een bericht.', 400, { code: 'empty' })
  if (parent) await consumeOrRefuse(req, 'message', `parent:${parent.id}`)

  // One read, with the writer's own access: it is the participant check and gives the facts the
  // message carries. The asking parent is not readable for parents, and needs no read: in a
  // question only its asker takes part, in a kind-gesprek there is none.
  const conversationId = idOf(data.conversation as string | { id: string } | null | undefined)
  const conversation = conversationId
    ? await req.payload.findByID({
        collection: 'conversations',
        id: conversationId,
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
        disableErrors: true,
        select: { pupil: true, kind: true, startedByParent: true },
      })
    : null
  if (!conversation) throw new Refusal(NOT_YOUR_CONVERSATION, 404, { code: 'not-found' })
  if (
    staff?.role === 'director' &&
    !(await directorConversationIds(req)).includes(conversation.id)
  ) {
    throw new Refusal(
      'Open het gesprek eerst; dat wordt vastgelegd. Daarna kunt u erin schrijven.',
      403,
      { code: 'not-opened' },
    )
  }
  const starterParent =
    conversation.kind !== 'teacher' ? null : parent ? parent.id : idOf(conversation.startedByParent)

  const conduct = checkConduct({ text: body, extraTerms: await conductTermsOf(req) })
  if (!conduct.ok && staff) {
    throw new Refusal(conduct.message, 422, { code: 'conduct', rule: conduct.rule })
  }
  // Photos are staff's (writable-fields drops a parent's); each passes the image rules now.
  const attachments = staff
    ? await checkAttachments(req, data.attachments, { pupilId: idOf(conversation.pupil) })
    : []
  return {
    ...data,
    conversation: conversation.id,
    body,
    attachments,
    withPhotos: attachments.length > 0,
    status: conduct.ok ? 'delivered' : 'held',
    heldRule: conduct.ok ? null : conduct.rule,
    authorParent: parent ? parent.id : null,
    authorStaff: staff ? staff.id : null,
    authorName: parent ? parent.name : `${staff!.name} (school)`,
    sentAt: now().toISOString(),
    editedAt: null,
    hiddenBy: null,
    hiddenAt: null,
    pupil: idOf(conversation.pupil),
    kind: conversation.kind,
    starterParent,
  }
}
