import { z } from 'zod'

import { portalMedia } from './media'

/** Posts per timeline page. */
export const POSTS_PER_PAGE = 10

export const postGroup = z.object({ id: z.string().min(1), name: z.string() })
export type PostGroup = z.infer<typeof postGroup>

/** A post as a parent sees it on the timeline and on its own page. */
export const portalPost = z.object({
  id: z.string().min(1),
  title: z.string(),
  /**
   * The body as HTML, sanitized by the CMS (an allowlist of p, br, h2, h3, strong, em, u, s, ul,
   * ol, li, blockquote and links to http(s)/mailto only). `''` without a body, and on the
   * timeline, which shows only the excerpt.
   */
  bodyHtml: z.string(),
  /** The body as plain text on one line, for excerpts. */
  bodyText: z.string(),
  audience: z.enum(['school', 'groups']),
  groups: z.array(postGroup),
  pinned: z.boolean(),
  publishedAt: z.string().nullable(),
  authorName: z.string(),
  /** Only the items the parent may see, in the post's order. */
  gallery: z.array(portalMedia),
})
export type PortalPost = z.infer<typeof portalPost>

export const postPage = z.object({
  posts: z.array(portalPost),
  totalDocs: z.number().int().nonnegative(),
  page: z.number().int().positive(),
  totalPages: z.number().int().nonnegative(),
  hasNextPage: z.boolean(),
  hasPrevPage: z.boolean(),
})
export type PostPage = z.infer<typeof postPage>
