import {
  type OverviewRequest,
  VOLUNTEER_OVERVIEW_MAX,
  type VolunteerOverview,
} from '@schoolpost/contracts'
import { getSchoolNow } from '@schoolpost/policies'
import type { Endpoint, Where } from 'payload'

import { volunteerRequestsRead } from '../../../access/volunteer-access'
import { idOf, idsOf, parentUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { jsonError } from '../../../lib/json-body'
import type { VolunteerRequest } from '../../../payload-types'
import { schoolCalendar } from '../../Absences/hooks/absence-facts'

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

/** "Groep 5a", "Groep 5a en Groep 6", "Groep 3, Groep 4 en Groep 5a". */
function joinNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} en ${names.at(-1)}`
}

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
    const { timeZone } = (await schoolCalendar(req)).settings
    const today = getSchoolNow({ now: now(), timeZone }).date
    // The collection's own read rule for this parent, with a filter on an array field the
    // parents' query allowlist (rightly) does not offer over REST.
    const access = await volunteerRequestsRead({ req } as Parameters<
      typeof volunteerRequestsRead
    >[0])
    if (access === false) return jsonError(403, 'parents-only', 'Dit overzicht is voor ouders.')
    const where: Where = {
      and: [
        ...(access === true ? [] : [access]),
        { status: { equals: 'published' } },
        { 'slots.date': { greater_than_equal: today } },
      ],
    }
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
      audienceLabel:
        request.audience === 'school'
          ? 'Alle ouders'
          : joinNames(
              idsOf(request.groups)
                .map((id) => groupNames.get(id))
                .filter((name): name is string => !!name)
                .sort((a, b) => a.localeCompare(b, 'nl', { numeric: true })),
            ),
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
    const firstSlot = (r: OverviewRequest) =>
      r.slots.reduce((min, s) => (`${s.date} ${s.from}` < min ? `${s.date} ${s.from}` : min), '~')
    answer.sort((a, b) => firstSlot(a).localeCompare(firstSlot(b)))
    return Response.json({ requests: answer, timeZone } satisfies VolunteerOverview)
  },
}
