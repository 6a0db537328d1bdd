import type { MediaSizes, PortalMedia, PortalPost } from '@schoolpost/contracts'
import { mediaFilename } from '@schoolpost/contracts'
import type { PayloadRequest } from 'payload'

import { idsOf } from '../../../access/lib/users'
import type { GroupVisibility } from '../../../access/lib/visibility-snapshot'
import type { Media, Post } from '../../../payload-types'
import { postBodyHtml, postBodyText } from '../../Posts/hooks/body-output'

/**
 * Posts as the portal shows them (the contract's `PortalPost`), for the endpoints shaped for
 * portal pages (`portal-home.ts`, `portal-post.ts`). Which posts and which gallery items is
 * decided before, by the visibility snapshot (`GroupVisibility`); this reads exactly the columns
 * a page shows — no afterRead hooks, no URLs, never the original file of an image.
 */

const rows = { depth: 0, pagination: false, overrideAccess: true } as const

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null

const positiveInt = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : null

type SizeDoc = {
  filename?: string | null
  width?: number | null
  height?: number | null
  mimeType?: string | null
}

function sizesOf(media: Pick<Media, 'sizes'>): MediaSizes {
  const sizes: MediaSizes = {}
  const raw = (media.sizes ?? {}) as Record<string, SizeDoc | undefined>
  for (const name of ['thumbnail', 'feed', 'full'] as const) {
    const size = raw[name]
    const width = positiveInt(size?.width)
    const height = positiveInt(size?.height)
    if (!size || !width || !height || !mediaFilename.safeParse(size.filename).success) continue
    sizes[name] = { filename: size.filename!, width, height, mimeType: text(size.mimeType) }
  }
  return sizes
}

/** A media document as the portal shows it; `null` when there is nothing a parent can be shown. */
export function portalMediaOf(
  media: Pick<Media, 'id' | 'alt' | 'mimeType' | 'filename' | 'width' | 'height' | 'sizes'>,
): PortalMedia | null {
  const alt = text(media.alt)
  const mimeType = text(media.mimeType)
  if (mimeType?.startsWith('video/')) {
    if (!mediaFilename.safeParse(media.filename).success) return null
    return {
      kind: 'video',
      id: media.id,
      alt,
      filename: media.filename!,
      mimeType,
      width: positiveInt(media.width),
      height: positiveInt(media.height),
      poster: sizesOf(media),
    }
  }
  if (!mimeType?.startsWith('image/')) return null
  const sizes = sizesOf(media)
  if (Object.keys(sizes).length === 0) return null
  return { kind: 'image', id: media.id, alt, sizes }
}

type PagePost = Pick<
  Post,
  'id' | 'title' | 'body' | 'audience' | 'groups' | 'pinned' | 'publishedAt' | 'author' | 'gallery'
>
type PageMedia = Pick<Media, 'id' | 'alt' | 'mimeType' | 'filename' | 'width' | 'height' | 'sizes'>

/**
 * The documents with these ids, straight from the database adapter: only the selected columns,
 * no hooks. For data whose access was already decided (the snapshot, the parent's own scope).
 */
async function rawRead<T>(
  req: PayloadRequest,
  collection: 'posts' | 'media',
  ids: string[],
  select: Record<string, true>,
): Promise<T[]> {
  const found = await req.payload.db.find({
    collection,
    req,
    where: { id: { in: ids } },
    limit: 0,
    pagination: false,
    select,
  })
  return found.docs as unknown as T[]
}

/**
 * The posts with these ids in this order (a post deleted since the snapshot is left out), each
 * with the gallery items in `visible`; `withBody` adds the sanitized HTML body (post page only).
 */
export async function portalPostsFor(
  req: PayloadRequest,
  visible: GroupVisibility,
  ids: readonly string[],
  { withBody }: { withBody: boolean },
): Promise<PortalPost[]> {
  // Raw reads of exactly the fields the page shows (no afterRead hooks: no URLs, no virtual
  // fields, no gallery trimming), the gallery filtered below against the visibility snapshot.
  const pagePosts = ids.length
    ? await rawRead<PagePost>(req, 'posts', [...ids], {
        title: true,
        body: true,
        audience: true,
        groups: true,
        pinned: true,
        publishedAt: true,
        author: true,
        gallery: true,
      })
    : []
  const byId = new Map(pagePosts.map((p) => [p.id, p]))
  // A post deleted since the snapshot was made is left out.
  const found = ids.map((id) => byId.get(id)).filter((p) => !!p)
  const galleryIds = (gallery: unknown) => idsOf(gallery).filter((id) => visible.set.has(id))
  const mediaIds = [...new Set(found.flatMap((p) => galleryIds(p.gallery)))]
  const authorIds = [...new Set(found.flatMap((p) => idsOf([p.author])))]
  const groupIds = [...new Set(found.flatMap((p) => idsOf(p.groups)))]
  const [media, authors, postGroups] = await Promise.all([
    mediaIds.length
      ? rawRead<PageMedia>(req, 'media', mediaIds, {
          alt: true,
          mimeType: true,
          filename: true,
          width: true,
          height: true,
          sizes: true,
        })
      : [],
    authorIds.length
      ? req.payload.find({
          collection: 'staff',
          ...rows,
          where: { id: { in: authorIds } },
          select: { name: true },
        })
      : { docs: [] },
    groupIds.length
      ? req.payload.find({
          collection: 'groups',
          ...rows,
          where: { id: { in: groupIds } },
          select: { name: true },
        })
      : { docs: [] },
  ])
  const mediaById = new Map<string, PortalMedia>()
  for (const m of media) {
    const shown = portalMediaOf(m)
    if (shown) mediaById.set(m.id, shown)
  }
  const authorName = new Map(authors.docs.map((s) => [s.id, s.name ?? '']))
  const groupName = new Map(postGroups.docs.map((g) => [g.id, g.name]))
  return found.map((p) => ({
    id: p.id,
    title: p.title,
    bodyHtml: withBody ? postBodyHtml(p.body) : '',
    bodyText: postBodyText(p.body),
    audience: p.audience === 'school' ? 'school' : 'groups',
    groups: idsOf(p.groups)
      .filter((id) => groupName.has(id))
      .map((id) => ({ id, name: groupName.get(id)! })),
    pinned: p.pinned === true,
    publishedAt: p.publishedAt ?? null,
    authorName: (authorName.get(idsOf([p.author])[0] ?? '') ?? '').trim(),
    gallery: galleryIds(p.gallery)
      .map((id) => mediaById.get(id))
      .filter((m): m is PortalMedia => !!m),
  }))
}
