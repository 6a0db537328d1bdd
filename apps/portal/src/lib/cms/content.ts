import type {
  ImageSizeName,
  MediaFile,
  PortalMedia,
  PortalPost,
  PostGroup,
} from '@schoolpost/contracts'
import { IMAGE_SIZE_NAMES } from '@schoolpost/contracts'

import { isValidMediaFilename } from '../../features/files/filename'

// The shapes of posts and media are the contract's (packages/contracts), shared with the CMS.
export type {
  ImageSizeName,
  MediaFile,
  PortalImage,
  PortalMedia,
  PortalPost,
  PortalVideo,
  PostGroup,
  PostPage,
} from '@schoolpost/contracts'
export { IMAGE_SIZE_NAMES }

export type ImageConsentChoice = {
  id: string
  pupil: string
  guardian: string
  allowed: boolean
  updatedAt: string | null
}

export type ConsentStatus = 'allowed' | 'refused'

export const REPORT_CATEGORIES = ['privacy', 'inappropriate', 'incorrect', 'other'] as const
export type ReportCategory = (typeof REPORT_CATEGORIES)[number]

export const REPORT_STATUSES = ['open', 'in-behandeling', 'afgehandeld'] as const
export type ReportStatus = (typeof REPORT_STATUSES)[number]

export type ParentReport = {
  id: string
  post: string | null
  /** The post's title, when the CMS populated it. */
  postTitle: string | null
  media: string | null
  category: ReportCategory
  status: ReportStatus
  createdAt: string | null
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null

const positiveInt = (value: unknown): number | null =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.round(value) : null

/** The id of a relation, populated or not. */
export function relationId(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value
  if (isRecord(value) && typeof value.id === 'string' && value.id !== '') return value.id
  return null
}

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
export function parseMedia(value: unknown): PortalMedia | null {
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
export function parsePost(value: unknown): PortalPost | null {
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
      const media = parseMedia(item)
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

export function parseImageConsent(value: unknown): ImageConsentChoice | null {
  if (!isRecord(value) || typeof value.id !== 'string') return null
  const pupil = relationId(value.pupil)
  const guardian = relationId(value.guardian)
  if (!pupil || !guardian || typeof value.allowed !== 'boolean') return null
  return { id: value.id, pupil, guardian, allowed: value.allowed, updatedAt: text(value.updatedAt) }
}

export function parseReport(value: unknown): ParentReport | null {
  if (!isRecord(value) || typeof value.id !== 'string') return null
  const category = REPORT_CATEGORIES.find((c) => c === value.category) ?? 'other'
  const status = REPORT_STATUSES.find((s) => s === value.status) ?? 'open'
  const post = value.post
  return {
    id: value.id,
    post: relationId(post),
    postTitle: isRecord(post) ? text(post.title) : null,
    media: relationId(value.media),
    category,
    status,
    createdAt: text(value.createdAt),
  }
}
