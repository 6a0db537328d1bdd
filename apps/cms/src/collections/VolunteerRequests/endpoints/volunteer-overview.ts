import {
  type OverviewRequest,
  VOLUNTEER_OVERVIEW_MAX,
  type VolunteerOverview,
} from '@schoolpost/contracts'
import type { Endpoint } from 'payload'

import { idOf, idsOf, parentUser } from '../../../access/lib/users'
import { jsonError } from '../../../lib/json-body'
import type { VolunteerRequest } from '../../../payload-types'
import { audienceLabel } from '../../../lib/join-names'
import { firstUpcomingDate, upcomingRequestsWhere } from '../upcoming'

const REQUEST_SELECT = {
  title: true,
  description: true,
  audience: true,
  groups: true,
  slots: true,
  opensAt: true,
  closesAt: true,
  waitlist: true,
} as const

/**
 * `GET /api/volunteer-requests/overview`: the parent's page of volunteer requests (S4) — the
 * published requests for the school or their children's groups that have a slot today or later,
 * with the places taken per slot and the parent's own sign-up (with their place on the waitlist).
 * Who else signed up is never in it. Five queries whatever the school's history: the requests
 * (at most `VOLUNTEER_OVERVIEW_MAX`, only upcoming), their places, the parent's sign-ups, the
 * waitlists the parent is on, and the groups' names.
 */
export const volunteerOverviewEndpoint: Endpoint = {
  path: '/overview',
  method: 'get',
  handler: async (req) => {
    const parent = parentUser(req)
    if (!parent) {
      return req.user
        ? jsonError(403, 'parents-only', 'Dit overzicht is voor ouders.')
        : jsonError(401, 'unauthorized', 'Log eerst in.')
    }
    const upcoming = await upcomingRequestsWhere(req)
    if (!upcoming) return jsonError(403, 'parents-only', 'Dit overzicht is voor ouders.')
    const { where, today, timeZone } = upcoming
    const found = await req.payload.find({
      collection: 'volunteer-requests',
      where,
      depth: 0,
      limit: VOLUNTEER_OVERVIEW_MAX,
      sort: '-createdAt',
      overrideAccess: true,
      req,
      select: REQUEST_SELECT,
    })
    const requests = (found.docs as VolunteerRequest[])
      .map((request) => ({
        request,
        slots: (request.slots ?? []).filter((slot) => slot.date >= today),
      }))
      .filter(({ slots }) => slots.length > 0)
    const ids = requests.map(({ request }) => request.id)
    if (ids.length === 0) {
      return Response.json({ requests: [], timeZone } satisfies VolunteerOverview)
    }

    const groupIds = [...new Set(requests.flatMap(({ request }) => idsOf(request.groups)))]
    const [seats, own, groups] = await Promise.all([
      req.payload.find({
        collection: 'volunteer-seats',
        where: { request: { in: ids } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
        select: { slot: true },
      }),
      req.payload.find({
        collection: 'volunteer-signups',
        where: {
          and: [
            { parent: { equals: parent.id } },
            { request: { in: ids } },
            { status: { in: ['confirmed', 'waitlist'] } },
          ],
        },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
        select: { request: true, slot: true, status: true, comes: true, createdAt: true },
      }),
      groupIds.length
        ? req.payload.find({
            collection: 'groups',
            where: { id: { in: groupIds } },
            depth: 0,
            limit: groupIds.length,
            pagination: false,
            overrideAccess: true,
            req,
            select: { name: true, sortOrder: true },
          })
        : { docs: [] as { id: string; name: string; sortOrder?: number | null }[] },
    ])
    const taken = new Map<string, number>()
    for (const seat of seats.docs) taken.set(seat.slot, (taken.get(seat.slot) ?? 0) + 1)

    // Who waits before the parent, per slot they wait for: one query over those waitlists.
    const waiting = own.docs.filter((s) => s.status === 'waitlist')
    const ahead = new Map<string, number>()
    if (waiting.length > 0) {
      const lists = await req.payload.find({
        collection: 'volunteer-signups',
        where: {
          and: [{ slot: { in: waiting.map((s) => s.slot) } }, { status: { equals: 'waitlist' } }],
        },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
        select: { slot: true, createdAt: true },
      })
      for (const mine of waiting) {
        ahead.set(
          mine.id,
          lists.docs.filter(
            (other) =>
              other.slot === mine.slot &&
              other.id !== mine.id &&
              (other.createdAt < mine.createdAt ||
                (other.createdAt === mine.createdAt && other.id < mine.id)),
          ).length,
        )
      }
    }
    const ownBySlot = new Map(own.docs.map((s) => [`${idOf(s.request)}:${s.slot}`, s]))
    const groupNames = new Map(groups.docs.map((g) => [g.id, g.name]))

    const answer: OverviewRequest[] = requests.map(({ request, slots }) => ({
      id: request.id,
      title: request.title,
      description: request.description,
      audienceLabel: audienceLabel(request.audience, idsOf(request.groups), groupNames),
      opensAt: request.opensAt ?? null,
      closesAt: request.closesAt ?? null,
      waitlist: request.waitlist !== false,
      slots: slots.map((slot) => {
        const mine = ownBySlot.get(`${request.id}:${slot.id}`)
        return {
          id: slot.id!,
          label: slot.label,
          date: slot.date,
          from: slot.from,
          to: slot.to,
          places: slot.places,
          taken: Math.min(slot.places, taken.get(slot.id!) ?? 0),
          own: mine
            ? {
                id: mine.id,
                status: mine.status === 'waitlist' ? ('waitlist' as const) : ('confirmed' as const),
                comes: mine.comes ?? '',
                ahead: ahead.get(mine.id) ?? 0,
              }
            : null,
        }
      }),
    }))
    // The soonest slot first: the request that needs help first is on top.
    answer.sort((a, b) =>
      firstUpcomingDate(a.slots, today).localeCompare(firstUpcomingDate(b.slots, today)),
    )
    return Response.json({ requests: answer, timeZone } satisfies VolunteerOverview)
  },
}
