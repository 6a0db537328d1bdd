import type {
  PortalChild,
  PortalHomeAnswer,
  PortalMedia,
  PortalPost,
  MediaSizes,
} from '@schoolpost/contracts'
import { mediaFilename, POSTS_PER_PAGE, portalHomeQuery } from '@schoolpost/contracts'
import type { Endpoint, PayloadRequest } from 'payload'

import { parentChildIds } from '../../../access/lib/scope'
import { idOf, parentUser, staffUser } from '../../../access/lib/users'
import { postIdsForGroup, visibleMediaForGroups } from '../../../access/lib/visibility-snapshot'
import { jsonError } from '../../../lib/json-body'
import type { Media, Post } from '../../../payload-types'
import { postBodyText } from '../../Posts/hooks/body-output'

/**
 * GET /api/parents/home?groep=<id>&pagina=<n> — the portal's start page in one call (issue #11):
 * the parent, their children and groups, the school's contact details and one page of the
 * timeline with exactly the fields the page shows. One session check per page view instead of
 * four, and the media come from the visibility snapshot (access/lib/visibility-snapshot.ts), so
 * the cost does not grow with the school's history. The same rules as the REST API decide: the
 * posts are `postsForGroupsWhere` (what `postsRead` gives a parent), the gallery items are those
 * in `visibleMediaForGroups` (what `mediaRead` gives a parent). The answer `satisfies` the
 * contract in `@schoolpost/contracts`, which the portal parses it with.
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

async function childrenOf(req: PayloadRequest): Promise<PortalChild[]> {
  const childIds = parentChildIds(req)
  if (childIds.length === 0) return []
  const pupils = await req.payload.find({
    collection: 'pupils',
    ...rows,
    where: { id: { in: childIds } },
    sort: 'firstName',
    select: { firstName: true, lastName: true, group: true },
  })
  const groupIds = [...new Set(pupils.docs.map((p) => idOf(p.group)).filter((id) => !!id))]
  const groups = groupIds.length
    ? await req.payload.find({
        collection: 'groups',
        ...rows,
        where: { id: { in: groupIds } },
        select: { name: true },
      })
    : { docs: [] }
  const groupName = new Map(groups.docs.map((g) => [g.id, g.name]))
  return pupils.docs.map((p) => {
    const groupId = idOf(p.group)
    const name = `${p.firstName} ${p.lastName}`.trim()
    return {
      id: p.id,
      name,
      firstName: p.firstName?.trim() || name,
      groupId,
      groupName: (groupId && groupName.get(groupId)) ?? null,
    }
  })
}

/** One timeline page for parents of `groups`, optionally only school news and `groupId`'s posts. */
async function timelinePage(
  req: PayloadRequest,
  groups: string[],
  groupId: string | null,
  page: number,
): Promise<PortalHomeAnswer['posts']> {
  const empty = {
    posts: [],
    totalDocs: 0,
    page,
    totalPages: 0,
    hasNextPage: false,
    hasPrevPage: page > 1,
  }
  if (groups.length === 0) return empty
  // The order and the set of posts come from the snapshot: a page is a slice, and only its ten
  // posts are read, whatever the school's history holds.
  const visible = await visibleMediaForGroups(req, groups)
  const ordered = groupId ? postIdsForGroup(visible, groupId) : visible.postIds
  const pageIds = ordered.slice((page - 1) * POSTS_PER_PAGE, page * POSTS_PER_PAGE)
  const totalDocs = ordered.length
  const totalPages = Math.ceil(totalDocs / POSTS_PER_PAGE)
  // Raw reads of exactly the fields the page shows (no afterRead hooks: no URLs, no virtual
  // fields, no gallery trimming), the gallery filtered below against the visibility snapshot.
  const pagePosts = pageIds.length
    ? await rawRead<PagePost>(req, 'posts', [...pageIds], {
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
  const found = { docs: pageIds.map((id) => byId.get(id)).filter((p) => !!p) }
  const galleryIds = (gallery: unknown): string[] =>
    ((gallery as (string | { id: string })[] | null | undefined) ?? [])
      .map((item) => idOf(item))
      .filter((id): id is string => !!id && visible.set.has(id))
  const mediaIds = [...new Set(found.docs.flatMap((p) => galleryIds(p.gallery)))]
  const authorIds = [
    ...new Set(
      found.docs
        .map((p) => idOf(p.author as string | { id: string } | null))
        .filter((id): id is string => !!id),
    ),
  ]
  const groupIds = [
    ...new Set(
      found.docs.flatMap((p) =>
        (p.groups ?? []).map((g) => idOf(g)).filter((id): id is string => !!id),
      ),
    ),
  ]
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
  const posts: PortalPost[] = found.docs.map((p) => ({
    id: p.id,
    title: p.title,
    bodyHtml: '',
    bodyText: postBodyText(p.body),
    audience: p.audience === 'school' ? 'school' : 'groups',
    groups: (p.groups ?? [])
      .map((g) => idOf(g))
      .filter((id): id is string => !!id && groupName.has(id))
      .map((id) => ({ id, name: groupName.get(id)! })),
    pinned: p.pinned === true,
    publishedAt: p.publishedAt ?? null,
    authorName: (
      authorName.get(idOf(p.author as string | { id: string } | null) ?? '') ?? ''
    ).trim(),
    gallery: galleryIds(p.gallery)
      .map((id) => mediaById.get(id))
      .filter((m): m is PortalMedia => !!m),
  }))
  return {
    posts,
    totalDocs,
    page,
    totalPages,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
  }
}

export const portalHome: Endpoint = {
  path: '/home',
  method: 'get',
  handler: async (req) => {
    const parent = parentUser(req)
    if (!parent) {
      if (staffUser(req)) return jsonError(403, 'forbidden', 'Deze pagina is alleen voor ouders.')
      return jsonError(401, 'signed-out', 'Log opnieuw in om verder te gaan.')
    }
    const url = new URL(req.url ?? 'http://localhost/')
    const query = portalHomeQuery.safeParse(Object.fromEntries(url.searchParams))
    if (!query.success) {
      return jsonError(400, 'invalid-input', 'Deze pagina van de berichten bestaat niet.')
    }
    const [children, settings] = await Promise.all([
      childrenOf(req),
      req.payload.findGlobal({
        slug: 'school-settings',
        depth: 0,
        req,
        select: { schoolName: true, phone: true, absenceCutoff: true },
      }),
    ])
    const groups = [...new Set(children.map((c) => c.groupId).filter((id): id is string => !!id))]
    // A group that is not one of the children's groups is ignored: everything the parent may see.
    const groupId = query.data.groep && groups.includes(query.data.groep) ? query.data.groep : null
    const posts = await timelinePage(req, groups, groupId, query.data.pagina)
    const answer = {
      parent: { id: parent.id, name: parent.name },
      children,
      school: {
        name: settings.schoolName,
        phone: settings.phone,
        absenceCutoff: settings.absenceCutoff || '08:15',
      },
      groupId,
      posts,
    } satisfies PortalHomeAnswer
    return Response.json(answer)
  },
}
