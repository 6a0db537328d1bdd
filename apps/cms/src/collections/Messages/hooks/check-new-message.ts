import { checkConduct } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'

import { directorConversationIds } from '../../../access/conversations-access'
import { idOf, parentUser, staffUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { consumeOrRefuse } from '../../../lib/rate-limit'
import { Refusal } from '../../../lib/refusal'
import { conductTermsOf } from './conduct'

export const NOT_YOUR_CONVERSATION = 'Dit gesprek bestaat niet of is niet voor u.'

/**
 * A new message: only a participant writes (read through the same access rules, with the
 * writer's own user), and a director only where they started or opened the conversation. The
 * conduct check (S19) holds a parent's message that fails it — stored, not delivered — and
 * refuses a staff message in Dutch (staff rephrase at once). The author, and the conversation's
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
  // The asking parent is not readable for parents: read the conversation's facts as the system.
  const facts = await req.payload.findByID({
    collection: 'conversations',
    id: conversation.id,
    depth: 0,
    overrideAccess: true,
    req,
    select: { pupil: true, kind: true, startedByParent: true },
  })

  const conduct = checkConduct({ text: body, extraTerms: await conductTermsOf(req) })
  if (!conduct.ok && staff) {
    throw new Refusal(conduct.message, 422, { code: 'conduct', rule: conduct.rule })
  }
  return {
    ...data,
    conversation: conversation.id,
    body,
    status: conduct.ok ? 'delivered' : 'held',
    heldRule: conduct.ok ? null : conduct.rule,
    authorParent: parent ? parent.id : null,
    authorStaff: staff ? staff.id : null,
    authorName: parent ? parent.name : `${staff!.name} (school)`,
    sentAt: now().toISOString(),
    editedAt: null,
    hiddenBy: null,
    hiddenAt: null,
    pupil: idOf(facts.pupil),
    kind: facts.kind,
    starterParent: idOf(facts.startedByParent),
  }
}
