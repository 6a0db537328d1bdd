import type { PayloadRequest } from 'payload'

import { directorConversationIds } from '../../../access/conversations-access'
import { idOf, parentUser, staffUser } from '../../../access/lib/users'
import { jsonError } from '../../../lib/json-body'
import { type Reader, readKeyOf } from '../../ConversationReads/mark-read'

/** Who asks, as a reader of conversations: a parent, or staff (teachers and directors). */
export type ConversationCaller = Reader & { role: 'parent' | 'teacher' | 'director' }

/** The caller, or the answer for someone who takes part in no conversation. */
export function conversationCaller(req: PayloadRequest): ConversationCaller | Response {
  const parent = parentUser(req)
  if (parent) return { collection: 'parents', id: parent.id, name: parent.name, role: 'parent' }
  const staff = staffUser(req)
  if (!staff) return jsonError(401, 'signed-out', 'Log opnieuw in om verder te gaan.')
  if (staff.role !== 'teacher' && staff.role !== 'director') {
    return jsonError(403, 'forbidden', 'Alleen leerkrachten en de directie voeren gesprekken.')
  }
  return { collection: 'staff', id: staff.id, name: `${staff.name} (school)`, role: staff.role }
}

const NOT_FOUND = 'Dit gesprek bestaat niet of is niet voor u.'

/**
 * The conversation `:id` of the request as its caller may have it: read with the caller's own
 * access (only participants; a director the list), and for a director only where they started
 * or opened it (the opening is recorded). Otherwise the Dutch 404 or 403.
 */
export async function participantConversation<S extends Record<string, true>>(
  req: PayloadRequest,
  caller: Pick<ConversationCaller, 'role'>,
  select: S,
) {
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
        select,
      })
    : null
  if (!conversation) return jsonError(404, 'not-found', NOT_FOUND)
  if (caller.role === 'director' && !(await directorConversationIds(req)).includes(id)) {
    return jsonError(403, 'not-opened', 'Open het gesprek eerst; dat wordt vastgelegd.')
  }
  return conversation
}

/** A message's writer is the caller. */
export function isWrittenBy(
  message: { authorParent?: unknown; authorStaff?: unknown },
  caller: Pick<Reader, 'collection' | 'id'>,
): boolean {
  const author = caller.collection === 'parents' ? message.authorParent : message.authorStaff
  return idOf(author as string | { id: string } | null | undefined) === caller.id
}

/** The caller's read mark per conversation (one query on the unique key). */
export async function readMarksOf(
  req: PayloadRequest,
  caller: ConversationCaller,
  conversationIds: readonly string[],
): Promise<Map<string, string>> {
  const marks = new Map<string, string>()
  if (conversationIds.length === 0) return marks
  const found = await req.payload.find({
    collection: 'conversation-reads',
    where: { readKey: { in: conversationIds.map((id) => readKeyOf(id, caller)) } },
    depth: 0,
    limit: conversationIds.length,
    pagination: false,
    overrideAccess: true,
    req,
    select: { conversation: true, readAt: true },
  })
  for (const mark of found.docs) {
    const id = idOf(mark.conversation as string | { id: string })
    if (id && mark.readAt) marks.set(id, mark.readAt)
  }
  return marks
}

/** The most messages one count reads; a conversation's count stops above the cap anyway. */
const UNREAD_SCAN_LIMIT = 1000

/**
 * Unread messages per conversation: delivered, written by someone else, sent after the caller's
 * read mark. Only conversations whose last message is newer than the mark are looked at, in one
 * query (the counts are 0 for nearly all of them). The conversations are ones the caller may
 * read (the caller's own access chose them); a director counts only those they started or opened.
 */
export async function unreadCounts(
  req: PayloadRequest,
  caller: ConversationCaller,
  conversations: readonly { id: string; lastMessageAt?: string | null }[],
  cap: number,
): Promise<Map<string, number>> {
  const counts = new Map<string, number>()
  let considered = conversations.filter((c) => c.lastMessageAt)
  if (caller.role === 'director') {
    const mine = new Set(await directorConversationIds(req))
    considered = considered.filter((c) => mine.has(c.id))
  }
  const marks = await readMarksOf(
    req,
    caller,
    considered.map((c) => c.id),
  )
  const behind = considered.filter((c) => {
    const mark = marks.get(c.id)
    return !mark || new Date(c.lastMessageAt!).getTime() > new Date(mark).getTime()
  })
  if (behind.length === 0) return counts
  const oldestMark = behind
    .map((c) => marks.get(c.id) ?? new Date(0).toISOString())
    .reduce((a, b) => (new Date(a).getTime() <= new Date(b).getTime() ? a : b))
  const messages = await req.payload.find({
    collection: 'messages',
    where: {
      and: [
        { conversation: { in: behind.map((c) => c.id) } },
        { status: { equals: 'delivered' } },
        { sentAt: { greater_than: oldestMark } },
      ],
    },
    depth: 0,
    limit: UNREAD_SCAN_LIMIT,
    pagination: false,
    sort: '-sentAt',
    overrideAccess: true,
    req,
    select: { conversation: true, sentAt: true, authorParent: true, authorStaff: true },
  })
  for (const message of messages.docs) {
    const id = idOf(message.conversation as string | { id: string })
    if (!id || !message.sentAt || isWrittenBy(message, caller)) continue
    const mark = marks.get(id)
    if (mark && new Date(message.sentAt).getTime() <= new Date(mark).getTime()) continue
    counts.set(id, Math.min(cap + 1, (counts.get(id) ?? 0) + 1))
  }
  return counts
}
