import { z } from 'zod'

import { postPage } from './posts'

/**
 * `GET /api/parents/home` — everything the portal's start page shows, in one call with the
 * parent's token: who they are, their children and groups, how to reach the school and one page
 * of the timeline. One session check and one visibility decision per page view (issue #11).
 */
export const PORTAL_HOME_PATH = '/api/parents/home'

/** The highest timeline page a parent can ask for. */
export const MAX_TIMELINE_PAGE = 1000

/** Ids are UUIDs (SQLite) or ObjectIds (MongoDB): both fit this. */
export const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)

export const portalHomeQuery = z.object({
  /** Only school news and this group's posts (one of the parent's children's groups). */
  groep: recordId.optional(),
  pagina: z.coerce.number().int().min(1).max(MAX_TIMELINE_PAGE).default(1),
})
export type PortalHomeQuery = z.infer<typeof portalHomeQuery>

export const portalChild = z.object({
  id: z.string().min(1),
  /** "Noor Yilmaz". */
  name: z.string(),
  firstName: z.string(),
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
})
export type PortalChild = z.infer<typeof portalChild>

export const schoolContact = z.object({
  name: z.string(),
  phone: z.string(),
  /** Time of day (HH:mm) after which a sick report has to be phoned in. */
  absenceCutoff: z.string(),
})
export type SchoolContactAnswer = z.infer<typeof schoolContact>

/** A volunteer request on the start page (S4): a card linking to `/hulpvragen`. */
export const homeVolunteerRequest = z.object({
  id: recordId,
  title: z.string(),
  /** "Alle ouders" or the groups' names. */
  audienceLabel: z.string(),
  /** The first slot today or later, `YYYY-MM-DD`. */
  firstDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
})
export type HomeVolunteerRequest = z.infer<typeof homeVolunteerRequest>
/** Cards on the start page at most; the rest is on `/hulpvragen`. */
export const HOME_VOLUNTEER_REQUESTS_MAX = 3

export const portalHomeAnswer = z.object({
  parent: z.object({ id: z.string().min(1), name: z.string() }),
  /** The parent's children, by first name. */
  children: z.array(portalChild),
  school: schoolContact,
  /** The group filter the CMS applied (`null`: everything the parent may see). */
  groupId: z.string().nullable(),
  posts: postPage,
  /** Upcoming volunteer requests for the parent, soonest first (first page only). */
  volunteerRequests: z.array(homeVolunteerRequest).default([]),
})
export type PortalHomeAnswer = z.infer<typeof portalHomeAnswer>

/** A refusal of the home endpoint: Dutch message, machine code. */
export const portalRefusal = z.object({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
})
export type PortalRefusal = z.infer<typeof portalRefusal>
