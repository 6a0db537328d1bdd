/**
 * Image consents and reports as the CMS REST API gives them to a parent, read defensively (unknown
 * values dropped). Posts and media come from the endpoints shaped for portal pages and are parsed
 * with the contract's schemas instead.
 */

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
  /** A message in a conversation (instead of a post). */
  message: string | null
  category: ReportCategory
  status: ReportStatus
  createdAt: string | null
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value : null

/** The id of a relation, populated or not. */
export function relationId(value: unknown): string | null {
  if (typeof value === 'string' && value !== '') return value
  if (isRecord(value) && typeof value.id === 'string' && value.id !== '') return value.id
  return null
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
    message: relationId(value.message),
    category,
    status,
    createdAt: text(value.createdAt),
  }
}
