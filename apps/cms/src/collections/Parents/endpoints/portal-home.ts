import type { HomeVolunteerRequest, PortalChild, PortalHomeAnswer } from '@schoolpost/contracts'
import {
  HOME_VOLUNTEER_REQUESTS_MAX,
  POSTS_PER_PAGE,
  portalHomeQuery,
  VOLUNTEER_OVERVIEW_MAX,
} from '@schoolpost/contracts'
import type { Endpoint, PayloadRequest } from 'payload'

import { parentChildIds } from '../../../access/lib/scope'
import { idOf } from '../../../access/lib/users'
import { postIdsForGroup, visibleMediaForGroups } from '../../../access/lib/visibility-snapshot'
import { jsonError } from '../../../lib/json-body'
import { audienceLabel } from '../../../lib/join-names'
import { firstUpcomingDate, upcomingRequestsWhere } from '../../VolunteerRequests/upcoming'
import { parentOrRefusal, queryOf, schoolContactOf } from './portal-parent'
import { portalPostsFor } from './portal-posts'

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
  const posts = await portalPostsFor(req, visible, pageIds, { withBody: false })
  return {
    posts,
    totalDocs,
    page,
    totalPages,
    hasNextPage: page < totalPages,
    hasPrevPage: page > 1,
  }
}

/**
 * The start page's volunteer cards (S4): the upcoming requests for the parent, soonest first.
 * One query on the indexed slot date, bounded like `/hulpvragen`; the group names are the
 * children's (already read), a school-wide request says "Alle ouders".
 */
async function volunteerCards(
  req: PayloadRequest,
  children: PortalChild[],
): Promise<HomeVolunteerRequest[]> {
  const upcoming = await upcomingRequestsWhere(req)
  if (!upcoming) return []
  const found = await req.payload.find({
    collection: 'volunteer-requests',
    where: upcoming.where,
    ...rows,
    pagination: true,
    limit: VOLUNTEER_OVERVIEW_MAX,
    sort: '-createdAt',
    select: { title: true, audience: true, groups: true, slots: true },
  })
  const groupName = new Map(
    children.filter((c) => c.groupId && c.groupName).map((c) => [c.groupId!, c.groupName!]),
  )
  return found.docs
    .map((request) => ({
      id: request.id,
      title: request.title,
      audienceLabel: audienceLabel(
        request.audience,
        (request.groups ?? []).map((g) => idOf(g)!).filter((id) => groupName.has(id)),
        groupName,
      ),
      firstDate: firstUpcomingDate(request.slots, upcoming.today).slice(0, 10),
    }))
    .filter((card) => card.firstDate !== '~')
    .sort((a, b) => a.firstDate.localeCompare(b.firstDate))
    .slice(0, HOME_VOLUNTEER_REQUESTS_MAX)
}

export const portalHome: Endpoint = {
  path: '/home',
  method: 'get',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    const query = queryOf(req, portalHomeQuery)
    if (!query) {
      return jsonError(400, 'invalid-input', 'Deze pagina van de berichten bestaat niet.')
    }
    const [children, school] = await Promise.all([childrenOf(req), schoolContactOf(req)])
    const groups = [...new Set(children.map((c) => c.groupId).filter((id): id is string => !!id))]
    // A group that is not one of the children's groups is ignored: everything the parent may see.
    const groupId = query.groep && groups.includes(query.groep) ? query.groep : null
    const [posts, volunteerRequests] = await Promise.all([
      timelinePage(req, groups, groupId, query.pagina),
      query.pagina === 1 && groups.length > 0 ? volunteerCards(req, children) : [],
    ])
    const answer = {
      parent: { id: parent.id, name: parent.name },
      children,
      school,
      groupId,
      posts,
      volunteerRequests,
    } satisfies PortalHomeAnswer
    return Response.json(answer)
  },
}
