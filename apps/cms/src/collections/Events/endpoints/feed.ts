import {
  type Agenda,
  CALENDAR_FEED_SECRET_PATTERN,
  FEED_DAYS_AHEAD,
  FEED_DAYS_BACK,
} from '@schoolpost/contracts'
import { addCalendarDays, getSchoolNow } from '@schoolpost/policies'
import { createLocalReq, type Endpoint, type TypedUser } from 'payload'

import { houseRulesPending, houseRulesRefusal } from '../../../access/lib/house-rules-gate'
import type { ParentUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { jsonError } from '../../../lib/json-body'
import { consume, requestAddress, tooManyRequests } from '../../../lib/rate-limit'
import { hashLinkToken } from '../../../lib/tokens'
import type { Parent } from '../../../payload-types'
import { schoolCalendar } from '../../Absences/hooks/absence-facts'
import { loadAgenda } from '../agenda-data'

const NOT_FOUND = 'Deze agenda-link bestaat niet (meer). Maak een nieuwe in het ouderportaal.'

/**
 * `GET /api/events/feed/<secret>`: the data of a parent's private iCal feed (issue #15), for
 * the portal's `/agenda/<secret>.ics`, which calendar apps fetch without any login — the secret
 * is the only key. Counted per client address first (`feed`), then looked up by the secret's SHA-256
 * (an indexed equality on a hash: nothing about the stored value leaks through timing). An unknown
 * or revoked secret and a deactivated parent get the same 404. The answer is the `agenda` contract
 * from FEED_DAYS_BACK days ago to FEED_DAYS_AHEAD days ahead, built as that parent: the items of
 * the school and their children's groups, the closed periods, their own volunteer slots and their
 * own children's planned absences — exactly what the parent's own session would be given.
 */
export const feedEndpoint: Endpoint = {
  path: '/feed/:secret',
  method: 'get',
  handler: async (req) => {
    const limit = await consume(req, 'feed', requestAddress(req))
    if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds)
    const secret = String(req.routeParams?.secret ?? '')
    if (!CALENDAR_FEED_SECRET_PATTERN.test(secret)) {
      return jsonError(404, 'not-found', NOT_FOUND)
    }
    const found = await req.payload.find({
      collection: 'parents',
      where: { 'calendarFeed.secretHash': { equals: hashLinkToken(secret) } },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: true,
      req,
      // What the access rules read of a parent on `req.user`: their status and children.
      select: { status: true, children: true, houseRules: true },
    })
    const parent = found.docs[0] as
      Pick<Parent, 'id' | 'status' | 'children' | 'houseRules'> | undefined
    if (!parent || parent.status === 'deactivated') return jsonError(404, 'not-found', NOT_FOUND)

    const user = { ...parent, collection: 'parents' } as ParentUser
    const asParent = await createLocalReq({ user: user as unknown as TypedUser }, req.payload)
    // Reached without a session, so the endpoint gate cannot see the parent: the same rule here.
    if (await houseRulesPending(asParent)) return houseRulesRefusal()
    const { timeZone } = (await schoolCalendar(asParent)).settings
    const today = getSchoolNow({ now: now(), timeZone }).date
    const answer: Agenda = await loadAgenda(asParent, {
      from: addCalendarDays(today, -FEED_DAYS_BACK),
      to: addCalendarDays(today, FEED_DAYS_AHEAD),
      absences: true,
    })
    return Response.json(answer, { headers: { 'Cache-Control': 'private, no-store' } })
  },
}
