import type { CalendarFeedCreated, CalendarFeedStatus } from '@schoolpost/contracts'
import type { Endpoint, PayloadRequest } from 'payload'

import { now } from '../../../lib/clock'
import { consume, tooManyRequests } from '../../../lib/rate-limit'
import { createLinkToken } from '../../../lib/tokens'
import { parentOrRefusal } from './portal-parent'

/**
 * The owner's side of the private iCal feed (issue #15), for the portal's `/account/agenda`:
 * whether a link exists, a new one (renewing replaces the old, which stops working at once) and
 * revoking it. The secret is 32 random bytes (`createLinkToken`, like invitation and reset links);
 * only its SHA-256 is stored in the parent's hidden `calendarFeed` group, which no one reads or
 * writes over REST — only these endpoints write it, through the Local API. The secret leaves the
 * CMS once, in the answer to the POST that made it.
 */

type StoredFeed = { secretHash?: string | null; createdAt?: string | null } | null | undefined

async function storedFeed(req: PayloadRequest, parentId: string): Promise<StoredFeed> {
  const doc = await req.payload.findByID({
    collection: 'parents',
    id: parentId,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
    req,
    select: { calendarFeed: true },
  })
  return (doc as { calendarFeed?: StoredFeed } | null)?.calendarFeed
}

async function storeFeed(
  req: PayloadRequest,
  parentId: string,
  calendarFeed: { secretHash: string | null; createdAt: string | null },
): Promise<void> {
  await req.payload.update({
    collection: 'parents',
    id: parentId,
    data: { calendarFeed },
    overrideAccess: true,
    depth: 0,
    req,
    select: { status: true },
  })
}

const statusOf = (feed: StoredFeed): CalendarFeedStatus =>
  feed?.secretHash
    ? { active: true, createdAt: feed.createdAt ?? null }
    : { active: false, createdAt: null }

/** `GET /api/parents/calendar-feed`: does the signed-in parent have a feed link, since when. */
export const calendarFeedStatusEndpoint: Endpoint = {
  path: '/calendar-feed',
  method: 'get',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    return Response.json(statusOf(await storedFeed(req, parent.id)) satisfies CalendarFeedStatus)
  },
}

/**
 * `POST /api/parents/calendar-feed`: a new feed secret for the signed-in parent (201), answered
 * once. Any earlier link stops working. Limited per parent (`feedLink`).
 */
export const createCalendarFeedEndpoint: Endpoint = {
  path: '/calendar-feed',
  method: 'post',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    const limit = await consume(req, 'feedLink', parent.id)
    if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds)
    const { token, tokenHash } = createLinkToken()
    const createdAt = now().toISOString()
    await storeFeed(req, parent.id, { secretHash: tokenHash, createdAt })
    return Response.json({ secret: token, createdAt } satisfies CalendarFeedCreated, {
      status: 201,
      headers: { 'Cache-Control': 'no-store' },
    })
  },
}

/** `POST /api/parents/calendar-feed/revoke`: the link stops working (also when there was none). */
export const revokeCalendarFeedEndpoint: Endpoint = {
  path: '/calendar-feed/revoke',
  method: 'post',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    if ((await storedFeed(req, parent.id))?.secretHash) {
      await storeFeed(req, parent.id, { secretHash: null, createdAt: null })
    }
    return Response.json({ active: false, createdAt: null } satisfies CalendarFeedStatus)
  },
}
