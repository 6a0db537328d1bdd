import type { Access, PayloadRequest, Where } from 'payload'

import {
  messagePhotoIds,
  parentSeesMessagePhoto,
  parentVisibleMedia,
  teacherPostsWhere,
} from './lib/parent-visibility'
import { matchNothing, scopeIn } from './lib/scope'
import { hasRole, idOf, parentUser, staffUser } from './lib/users'

/** Where a file name may be: the original or one of the derived sizes (collections/Media/sizes.ts). */
const SIZE_NAMES = ['thumbnail', 'feed', 'full'] as const

/**
 * The one media item a file name belongs to, for the file route: one indexed lookup, so a file
 * request costs the same whatever the school's history holds.
 */
async function mediaForFilename(
  req: PayloadRequest,
  filename: string,
): Promise<{ id: string; mimeType?: string | null; filename?: string | null } | null> {
  return (await req.payload.db.findOne({
    collection: 'media',
    req,
    select: { mimeType: true, filename: true },
    where: {
      or: [
        { filename: { equals: filename } },
        ...SIZE_NAMES.map((size) => ({ [`sizes.${size}.filename`]: { equals: filename } })),
      ],
    },
  })) as { id: string; mimeType?: string | null; filename?: string | null } | null
}

/**
 * Media (S6, S11, S12): directors see all; teachers their own uploads, what is in their posts and
 * the photos of the conversation messages they read; parents exactly the ids the policies allow
 * (posts they read, messages they take part in). For parents the original file of an image is never
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
    ids.push(...(await messagePhotoIds(req)))
    return { or: [{ uploadedBy: { equals: staffUser(req)!.id } }, scopeIn('id', ids)] } as Where
  }
  if (!parentUser(req)) return false
  const visible = await parentVisibleMedia(req)
  const filename = (data as { filename?: string } | undefined)?.filename
  if (isReadingStaticFile && filename) {
    // A set lookup instead of an `id in (every visible id)` query per file.
    const media = await mediaForFilename(req, filename)
    if (!media) return matchNothing()
    if (!visible.set.has(media.id) && !(await parentSeesMessagePhoto(req, media.id))) {
      return matchNothing()
    }
    const isOriginalOfImage = !media.mimeType?.startsWith('video/') && media.filename === filename
    return isOriginalOfImage ? matchNothing() : { id: { equals: media.id } }
  }
  const inMessages = await messagePhotoIds(req)
  return scopeIn(
    'id',
    inMessages.length ? [...new Set([...visible.ids, ...inMessages])] : visible.ids,
  )
}
