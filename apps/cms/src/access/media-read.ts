import type { Access, Where } from 'payload'

import { parentVisibleMediaIds, teacherPostsWhere } from './lib/parent-visibility'
import { scopeIn } from './lib/scope'
import { hasRole, idOf, parentUser, staffUser } from './lib/users'

/**
 * Media (S11, S12): directors see all; teachers their own uploads and what is in their posts;
 * parents exactly the ids the policies allow. For parents the original file of an image is never
 * served — only the derived, metadata-free sizes (a video has only its original).
 */
export const mediaRead: Access = async ({
  req,
  data,
  isReadingStaticFile,
}): Promise<boolean | Where> => {
  if (hasRole(req, 'director')) return true
  if (hasRole(req, 'teacher')) {
    const posts = await req.payload.find({
      collection: 'posts',
      where: await teacherPostsWhere(req),
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { gallery: true },
    })
    const ids = posts.docs
      .flatMap((p) => (p.gallery ?? []).map((m) => idOf(m as string | { id: string })))
      .filter((id): id is string => !!id)
    return { or: [{ uploadedBy: { equals: staffUser(req)!.id } }, scopeIn('id', ids)] } as Where
  }
  if (!parentUser(req)) return false
  const visible: Where = scopeIn('id', await parentVisibleMediaIds(req))
  const filename = (data as { filename?: string } | undefined)?.filename
  if (isReadingStaticFile && filename) {
    return {
      and: [
        visible,
        { or: [{ mimeType: { like: 'video/' } }, { filename: { not_equals: filename } }] },
      ],
    }
  }
  return visible
}
