import { z } from 'zod'

import { recordId, schoolContact } from './portal-home'
import { portalPost } from './posts'

/**
 * `GET /api/parents/post?id=<id>` — one post with its body and the gallery items the parent may
 * see, and how to reach the school (for the post page, the photo viewer and the report form): one
 * call, one session check, the decision from the visibility snapshot (issue #11). A post that does
 * not exist and one that is not for this parent are the same 404.
 */
export const PORTAL_POST_PATH = '/api/parents/post'

export const portalPostQuery = z.object({ id: recordId })
export type PortalPostQuery = z.infer<typeof portalPostQuery>

export const portalPostAnswer = z.object({
  school: schoolContact,
  post: portalPost,
})
export type PortalPostAnswer = z.infer<typeof portalPostAnswer>
