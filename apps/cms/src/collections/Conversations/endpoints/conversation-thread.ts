import {
  type ConversationThread,
  conversationThreadQuery,
  MESSAGES_PER_PAGE,
  type PortalImage,
} from '@schoolpost/contracts'
import {
  canEditMessage,
  CONDUCT_MESSAGES,
  type ConductRule,
  isSchoolHours,
} from '@schoolpost/policies'
import type { Endpoint, PayloadRequest, Where } from 'payload'

import { mediaPassingRulesNow } from '../../../access/lib/visibility-snapshot'
import { idOf, idsOf } from '../../../access/lib/users'
import type { Media } from '../../../payload-types'
import { now } from '../../../lib/clock'
import { jsonError } from '../../../lib/json-body'
import { schoolCalendar } from '../../Absences/hooks/absence-facts'
import { portalMediaOf } from '../../Parents/endpoints/portal-posts'
import { queryOf } from '../../Parents/endpoints/portal-parent'
import { conversationCaller, isWrittenBy, participantConversation } from './conversation-caller'

type PhotoDoc = Pick<Media, 'id' | 'alt' | 'mimeType' | 'filename' | 'width' | 'height' | 'sizes'>

/**
 * The photos of the messages on the page (whose access the thread's query already decided), as
 * the pages show them: for a parent only those passing the image rules now — the same answer the
 * file route gives (`canParentSeeMedia`), so a withdrawn consent removes a photo at once.
 */
async function photosOf(
  req: PayloadRequest,
  ids: string[],
  forParent: boolean,
): Promise<Map<string, PortalImage>> {
  const shown = new Map<string, PortalImage>()
  let wanted = [...new Set(ids)]
  if (forParent && wanted.length) {
    const ok = await mediaPassingRulesNow(req)
    wanted = wanted.filter((id) => ok.has(id))
  }
  if (wanted.length === 0) return shown
  const found = await req.payload.db.find<PhotoDoc>({
    collection: 'media',
    req,
    where: { id: { in: wanted } },
    limit: 0,
    pagination: false,
    select: { alt: true, mimeType: true, filename: true, width: true, height: true, sizes: true },
  })
  for (const doc of found.docs) {
    const media = portalMediaOf(doc)
    if (media?.kind === 'image') shown.set(doc.id, media)
  }
  return shown
}

/**
 * `GET /api/conversations/:id/thread?voor=`: one conversation as its page shows it — the latest
 * messages (those the caller may read: a parent the delivered ones and their own held ones),
 * everyone's read mark, who has read the latest message, and what the composer says (the school's
 * phone and reply time, whether it is school hours now). Only a participant gets it; a director
 * only where they started or opened the conversation (opening is recorded).
 */
export const conversationThread: Endpoint = {
  path: '/:id/thread',
  method: 'get',
  handler: async (req) => {
    const caller = conversationCaller(req)
    if (caller instanceof Response) return caller
    const query = queryOf(req, conversationThreadQuery)
    if (!query) return jsonError(400, 'invalid-input', 'Deze pagina van het gesprek bestaat niet.')
    const conversation = await participantConversation(req, caller, {
      subject: true,
      kind: true,
      pupil: true,
      starterName: true,
      lastMessageAt: true,
      createdAt: true,
    })
    if (conversation instanceof Response) return conversation
    const id = conversation.id

    const inThread: Where[] = [{ conversation: { equals: id } }]
    if (query.voor) inThread.push({ sentAt: { less_than: query.voor } })
    const pupilId = idOf(conversation.pupil) ?? ''
    const [messages, reads, pupil, calendar] = await Promise.all([
      // With the caller's own access: which statuses they see is the collection's rule.
      req.payload.find({
        collection: 'messages',
        where: { and: inThread },
        depth: 0,
        limit: MESSAGES_PER_PAGE + 1,
        pagination: false,
        sort: '-sentAt',
        overrideAccess: false,
        user: req.user,
        req,
        select: {
          body: true,
          authorName: true,
          authorParent: true,
          authorStaff: true,
          sentAt: true,
          editedAt: true,
          status: true,
          heldRule: true,
          attachments: true,
          createdAt: true,
        },
      }),
      req.payload.find({
        collection: 'conversation-reads',
        where: { conversation: { equals: id } },
        depth: 0,
        limit: 100,
        pagination: false,
        sort: '-readAt',
        overrideAccess: true,
        req,
        select: { readerName: true, readAt: true, readerStaff: true },
      }),
      req.payload.findByID({
        collection: 'pupils',
        id: pupilId,
        depth: 0,
        overrideAccess: true,
        req,
        disableErrors: true,
        select: { firstName: true },
      }),
      schoolCalendar(req),
    ])
    const at = now()
    const page = messages.docs.slice(0, MESSAGES_PER_PAGE).reverse()
    const photos = await photosOf(
      req,
      page.flatMap((m) => idsOf(m.attachments)),
      caller.role === 'parent',
    )
    const thread = page.map((message) => {
      const sentAt = message.sentAt ?? message.createdAt
      const mine = isWrittenBy(message, caller)
      const status = message.status ?? 'delivered'
      const editable =
        mine && caller.role === 'parent'
          ? canEditMessage({ status, sentAt: new Date(sentAt), now: at })
          : null
      const rule = message.heldRule as ConductRule | null | undefined
      return {
        id: message.id,
        body: message.body,
        authorName: message.authorName ?? '',
        mine,
        fromSchool: !idOf(message.authorParent),
        sentAt,
        editedAt: message.editedAt ?? null,
        status,
        heldMessage: status === 'held' && rule ? (CONDUCT_MESSAGES[rule] ?? null) : null,
        editable: editable?.ok === true,
        editableUntil: editable?.ok && editable.until ? editable.until.toISOString() : null,
        attachments: idsOf(message.attachments)
          .map((photo) => photos.get(photo))
          .filter((photo) => !!photo),
      }
    })

    // Read status of the latest delivered message (the one everyone sees).
    const latest = [...page].reverse().find((m) => (m.status ?? 'delivered') === 'delivered')
    const readers = reads.docs.map((mark) => ({
      name: mark.readerName ?? '',
      readAt: mark.readAt,
      fromSchool: !!idOf(mark.readerStaff as string | { id: string } | null | undefined),
    }))
    const latestAt = latest ? new Date(latest.sentAt ?? latest.createdAt).getTime() : null
    const latestReadBy =
      latest && latestAt !== null
        ? readers
            .filter((r) => new Date(r.readAt).getTime() >= latestAt && r.name !== latest.authorName)
            .map((r) => r.name)
        : []

    const answer = {
      conversation: {
        id: conversation.id,
        subject: conversation.subject,
        kind: conversation.kind,
        pupil: { id: pupilId, firstName: pupil?.firstName ?? '' },
        starterName: conversation.starterName ?? '',
        lastMessageAt: conversation.lastMessageAt ?? null,
        createdAt: conversation.createdAt,
      },
      messages: thread,
      hasEarlier: messages.docs.length > MESSAGES_PER_PAGE,
      readers,
      latestReadBy,
      school: {
        phone: calendar.phone,
        replyTime: calendar.replyTime,
        duringSchoolHours: isSchoolHours({ now: at, settings: calendar.settings }),
      },
    } satisfies ConversationThread
    return Response.json(answer)
  },
}
