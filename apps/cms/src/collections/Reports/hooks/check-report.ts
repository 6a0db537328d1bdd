import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { parentVisibleMediaIds } from '../../../access/lib/parent-visibility'
import { parentUser } from '../../../access/lib/users'

/**
 * A parent reports only what they can see: the post (and the photo, if given) must be readable
 * for them — checked through the same access rules, with their own user.
 */
export const checkReport: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const parent = parentUser(req)
  if (!parent) return data
  const postId = typeof data.post === 'string' ? data.post : data.post?.id
  const post = postId
    ? await req.payload.findByID({
        collection: 'posts',
        id: postId,
        depth: 0,
        overrideAccess: false,
        user: req.user,
        req,
        disableErrors: true,
      })
    : null
  if (!post)
    throw new ValidationError({
      collection: 'reports',
      errors: [{ path: 'post', message: 'Dit bericht bestaat niet of is niet voor u.' }],
    })
  const mediaId = typeof data.media === 'string' ? data.media : data.media?.id
  if (mediaId) {
    // The raw gallery, and the item must be one they can see. Without the parent's req: the
    // posts' afterRead hook trims a parent's gallery (at depth 0 to nothing at all).
    const raw = await req.payload.findByID({
      collection: 'posts',
      id: post.id,
      depth: 0,
      overrideAccess: true,
      select: { gallery: true },
    })
    const inPost = (raw.gallery ?? []).some((m) => (typeof m === 'string' ? m : m.id) === mediaId)
    if (!inPost || !(await parentVisibleMediaIds(req)).includes(mediaId))
      throw new ValidationError({
        collection: 'reports',
        errors: [{ path: 'media', message: 'Deze foto hoort niet bij dit bericht.' }],
      })
  }
  return { ...data, reporter: parent.id, status: 'open' }
}
