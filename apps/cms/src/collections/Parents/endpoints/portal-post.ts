import type { PortalPostAnswer } from '@schoolpost/contracts'
import { portalPostQuery } from '@schoolpost/contracts'
import type { Endpoint } from 'payload'

import { parentGroupIds } from '../../../access/lib/scope'
import { visibleMediaForGroups } from '../../../access/lib/visibility-snapshot'
import { jsonError } from '../../../lib/json-body'
import { parentOrRefusal, queryOf, schoolContactOf } from './portal-parent'
import { portalPostsFor } from './portal-posts'

const NOT_FOUND = 'Dit bericht bestaat niet of is niet (meer) voor jou zichtbaar.'

/**
 * GET /api/parents/post?id=<id> — one post for the post page, the photo viewer and the report
 * form, with its sanitized body and the gallery items the parent may see, and the school's
 * contact details: one call (issue #11). Whether the parent may read it is a lookup in the
 * visibility snapshot (the same posts `postsRead` gives them); not visible and not existing are
 * the same Dutch 404.
 */
export const portalPost: Endpoint = {
  path: '/post',
  method: 'get',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    const query = queryOf(req, portalPostQuery)
    if (!query) return jsonError(404, 'not-found', NOT_FOUND)
    const [visible, school] = await Promise.all([
      parentGroupIds(req).then((groups) => visibleMediaForGroups(req, groups)),
      schoolContactOf(req),
    ])
    if (!visible.audiences.has(query.id)) return jsonError(404, 'not-found', NOT_FOUND)
    const [post] = await portalPostsFor(req, visible, [query.id], { withBody: true })
    if (!post) return jsonError(404, 'not-found', NOT_FOUND)
    return Response.json({ school, post } satisfies PortalPostAnswer)
  },
}
