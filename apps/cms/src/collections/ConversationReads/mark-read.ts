import type { PayloadRequest } from 'payload'

import { idOf } from '../../access/lib/users'

export type Reader = { collection: 'parents' | 'staff'; id: string; name: string }

export const readKeyOf = (conversationId: string, reader: Pick<Reader, 'collection' | 'id'>) =>
  `${conversationId}:${reader.collection}:${reader.id}`

/**
 * Moves `reader`'s read mark in a conversation forward to `at` (never back). One row per reader
 * and conversation (a unique key): two marks at once end as one row, the later time kept. With
 * `lastMessageAt`, a mark that already covers the last message stays as it is: an open thread
 * (the portal's live update asks every 15 s) writes nothing until a new message arrives.
 */
export async function markRead(
  req: PayloadRequest,
  {
    conversationId,
    reader,
    at,
    lastMessageAt,
  }: { conversationId: string; reader: Reader; at: string; lastMessageAt?: string | null },
): Promise<string> {
  const readKey = readKeyOf(conversationId, reader)
  const existing = async () =>
    (
      await req.payload.find({
        collection: 'conversation-reads',
        where: { readKey: { equals: readKey } },
        depth: 0,
        limit: 1,
        pagination: false,
        overrideAccess: true,
        req,
        select: { readAt: true },
      })
    ).docs[0]
  const moveForward = async (row: { id: string; readAt?: string | null }) => {
    if (row.readAt && row.readAt >= at) return row.readAt
    if (row.readAt && lastMessageAt && row.readAt >= lastMessageAt) return row.readAt
    await req.payload.update({
      collection: 'conversation-reads',
      id: row.id,
      data: { readAt: at, readerName: reader.name },
      overrideAccess: true,
      depth: 0,
      req,
      select: {},
    })
    return at
  }
  const found = await existing()
  if (found) return moveForward(found)
  const facts = await req.payload.findByID({
    collection: 'conversations',
    id: conversationId,
    depth: 0,
    overrideAccess: true,
    req,
    select: { pupil: true, kind: true, startedByParent: true },
  })
  try {
    await req.payload.create({
      collection: 'conversation-reads',
      data: {
        conversation: conversationId,
        pupil: idOf(facts.pupil)!,
        kind: facts.kind,
        starterParent: idOf(facts.startedByParent),
        readerParent: reader.collection === 'parents' ? reader.id : null,
        readerStaff: reader.collection === 'staff' ? reader.id : null,
        readerName: reader.name,
        readAt: at,
        readKey,
      },
      overrideAccess: true,
      depth: 0,
      req,
      select: {},
    })
    return at
  } catch (error) {
    // Someone else's mark for the same reader won the unique key: move theirs instead.
    const raced = await existing()
    if (!raced) throw error
    return moveForward(raced)
  }
}
