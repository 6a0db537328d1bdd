import type { Payload, Where } from 'payload'

import { idsOf } from '../../access/lib/users'

/**
 * Which of `ids` a post's gallery or a conversation message still shows (apart from the messages
 * of `exceptConversations`, which are going). Two queries whatever the number of ids: the
 * retention job and the erasure keep such media and delete the rest.
 */
export async function mediaInUse(
  payload: Payload,
  ids: readonly string[],
  { exceptConversations = [] }: { exceptConversations?: readonly string[] } = {},
): Promise<Set<string>> {
  const inUse = new Set<string>()
  if (ids.length === 0) return inUse
  const inMessages: Where = exceptConversations.length
    ? { and: [{ attachments: { in: ids } }, { conversation: { not_in: exceptConversations } }] }
    : { attachments: { in: ids } }
  const [posts, messages] = await Promise.all([
    payload.find({
      collection: 'posts',
      where: { gallery: { in: ids } },
      depth: 0,
      pagination: false,
      select: { gallery: true },
      overrideAccess: true,
    }),
    payload.find({
      collection: 'messages',
      where: inMessages,
      depth: 0,
      pagination: false,
      select: { attachments: true },
      overrideAccess: true,
    }),
  ])
  for (const post of posts.docs) for (const id of idsOf(post.gallery)) inUse.add(id)
  for (const message of messages.docs) for (const id of idsOf(message.attachments)) inUse.add(id)
  return inUse
}
