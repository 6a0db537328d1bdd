import type {
  ImageSizeName,
  MediaFile,
  PortalMedia,
  PortalPost,
  PostGroup,
} from '@schoolpost/contracts'
import { IMAGE_SIZE_NAMES } from '@schoolpost/contracts'

import { isValidMediaFilename } from '../features/files/filename'
import { isRecord } from '../lib/cms/content'

/** Posts and media as the CMS REST API sends them (depth 1), for tests. */

export const size = (filename: string, width: number, height: number) => ({
  filename,
  width,
  height,
  mimeType: 'image/webp',
  filesize: width * 10,
  url: `/api/media/file/${filename}`,
})

/** An image with the three derived sizes (4:3). */
export const rawImage = (id: string, alt: string | null = null) => ({
  id,
  alt,
  kind: 'image',
  mimeType: 'image/jpeg',
  filename: `${id}.jpg`,
  width: 4000,
  height: 3000,
  sizes: {
    thumbnail: size(`${id}-400x300.webp`, 400, 300),
    feed: size(`${id}-1080x810.webp`, 1080, 810),
    full: size(`${id}-2048x1536.webp`, 2048, 1536),
  },
})

/**
 * The WebP stills the CMS makes of a 1920×1080 video, as the sizes of an image (never enlarged,
 * so `full` is the video's own width).
 */
export const posterSizes = (id: string) => ({
  thumbnail: size(`${id}-poster-400x225.webp`, 400, 225),
  feed: size(`${id}-poster-1080x608.webp`, 1080, 608),
  full: size(`${id}-poster-1920x1080.webp`, 1920, 1080),
})

/** A video as uploaded before the CMS made posters: Payload's empty sizes. */
export const rawVideo = (id: string) => ({
  id,
  alt: null,
  kind: 'video',
  mimeType: 'video/mp4',
  filename: `${id}.mp4`,
  width: 1920,
  height: 1080,
  sizes: {
    thumbnail: { filename: null, width: null, height: null },
    feed: { filename: null, width: null, height: null },
    full: { filename: null, width: null, height: null },
  },
})

/** A video with poster stills. */
export const rawVideoWithPoster = (id: string) => ({ ...rawVideo(id), sizes: posterSizes(id) })

export const rawPost = (over: Record<string, unknown> = {}) => ({
  id: 'post-1',
  title: 'Schoolreisje naar Artis',
  // The CMS sends the Lexical JSON as `body` (the portal ignores it) and computes the other two.
  body: { root: { type: 'root', children: [] } },
  bodyHtml:
    '<p>Wat een <strong>dag</strong>!</p><ul><li>De kinderen zagen de olifanten.</li><li>En de pinguïns.</li></ul>',
  bodyText: 'Wat een dag! De kinderen zagen de olifanten. En de pinguïns.',
  audience: 'groups',
  groups: [{ id: 'g3', name: 'Groep 3' }],
  pinned: false,
  publishedAt: '2026-11-28T09:30:00.000Z',
  authorName: 'Juf Anne',
  gallery: [rawImage('m1', 'Kinderen bij de olifanten'), rawImage('m2')],
  status: 'published',
  createdAt: '2026-11-28T09:00:00.000Z',
  updatedAt: '2026-11-28T09:30:00.000Z',
  ...over,
})

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null

const positiveInt = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : null

/**
 * The fixtures below are written as a CMS document looks (Payload's shape: sizes with nulls,
 * kinds, filenames); these turn them into the contract's shapes, dropping what a parent cannot
 * be shown, as the CMS's `portalMediaOf` does.
 */
function parseMediaFile(value: unknown): MediaFile | null {
  if (!isRecord(value)) return null
  const filename = value.filename
  const width = positiveInt(value.width)
  const height = positiveInt(value.height)
  if (typeof filename !== 'string' || !isValidMediaFilename(filename) || !width || !height) {
    return null
  }
  return { filename, width, height, mimeType: text(value.mimeType) }
}

/** The usable derived sizes in `value` (a media document's `sizes`); the rest is dropped. */
function parseSizes(value: unknown): Partial<Record<ImageSizeName, MediaFile>> {
  const sizes: Partial<Record<ImageSizeName, MediaFile>> = {}
  const raw = isRecord(value) ? value : {}
  for (const name of IMAGE_SIZE_NAMES) {
    const file = parseMediaFile(raw[name])
    if (file) sizes[name] = file
  }
  return sizes
}

/** One gallery entry; `null` for an unpopulated id, an unknown kind or nothing to show. */
export function toPortalMedia(value: unknown): PortalMedia | null {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') return null
  const alt = text(value.alt)?.trim() ?? null
  const mimeType = text(value.mimeType)
  const kind =
    value.kind === 'image' || value.kind === 'video'
      ? value.kind
      : mimeType?.startsWith('video/')
        ? 'video'
        : mimeType?.startsWith('image/')
          ? 'image'
          : null
  if (kind === 'video') {
    const filename = value.filename
    if (typeof filename !== 'string' || !isValidMediaFilename(filename)) return null
    return {
      kind: 'video',
      id: value.id,
      alt,
      filename,
      mimeType: mimeType?.startsWith('video/') ? mimeType : 'video/mp4',
      width: positiveInt(value.width),
      height: positiveInt(value.height),
      poster: parseSizes(value.sizes),
    }
  }
  if (kind !== 'image') return null
  const sizes = parseSizes(value.sizes)
  if (Object.keys(sizes).length === 0) return null
  return { kind: 'image', id: value.id, alt, sizes }
}

/** A post from the CMS, or `null` when it lacks an id or title. */
export function toPortalPost(value: unknown): PortalPost | null {
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') return null
  if (typeof value.title !== 'string') return null
  const groups: PostGroup[] = []
  if (Array.isArray(value.groups)) {
    for (const group of value.groups) {
      if (isRecord(group) && typeof group.id === 'string' && typeof group.name === 'string') {
        groups.push({ id: group.id, name: group.name })
      }
    }
  }
  const gallery: PortalMedia[] = []
  if (Array.isArray(value.gallery)) {
    for (const item of value.gallery) {
      const media = toPortalMedia(item)
      if (media) gallery.push(media)
    }
  }
  return {
    id: value.id,
    title: value.title,
    bodyHtml: typeof value.bodyHtml === 'string' ? value.bodyHtml : '',
    bodyText: typeof value.bodyText === 'string' ? value.bodyText : '',
    audience: value.audience === 'school' ? 'school' : 'groups',
    groups,
    pinned: value.pinned === true,
    publishedAt: text(value.publishedAt),
    authorName: typeof value.authorName === 'string' ? value.authorName.trim() : '',
    gallery,
  }
}
