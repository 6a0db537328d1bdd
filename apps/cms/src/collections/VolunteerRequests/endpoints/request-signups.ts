import type { SignupsPerSlot, SlotSignups } from '@schoolpost/contracts'
import type { Endpoint } from 'payload'

import { idOf, staffUser } from '../../../access/lib/users'
import { jsonError } from '../../../lib/json-body'
import type { VolunteerRequest, VolunteerSignup } from '../../../payload-types'

/**
 * The most sign-ups one request's overview reads: every place of every slot plus a waitlist far
 * longer than a school has parents. One request only, so the answer stays bounded.
 */
export const REQUEST_SIGNUPS_MAX = 2000

type SignupRow = Pick<
  VolunteerSignup,
  'id' | 'slot' | 'parent' | 'comes' | 'status' | 'place' | 'promotedAt' | 'createdAt'
>

const byCreation = (a: SignupRow, b: SignupRow) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id)
const byPlace = (a: SignupRow, b: SignupRow) =>
  (a.place ?? Number.MAX_SAFE_INTEGER) - (b.place ?? Number.MAX_SAFE_INTEGER) || byCreation(a, b)

/**
 * `GET /api/volunteer-requests/:id/signups-per-slot`: who comes per slot of one request, for the
 * request's edit view in the admin (`components/admin/VolunteerSignups.tsx`). Staff only, each
 * with their own access: the request and its sign-ups as `volunteerRequestsRead` and
 * `volunteerSignupsRead` give them (a teacher of another group gets a 404, or no sign-ups).
 * Per slot, in the request's order: those with a place (by place) with their parent's name and
 * phone, then the waitlist in the order it is served (`promoteFirstWaiting`: oldest first).
 * Half-made (`pending`) and cancelled sign-ups are left out.
 */
export const signupsPerSlotEndpoint: Endpoint = {
  path: '/:id/signups-per-slot',
  method: 'get',
  handler: async (req) => {
    if (!staffUser(req)) {
      return req.user
        ? jsonError(403, 'staff-only', 'Alleen medewerkers van de school zien wie zich aanmeldde.')
        : jsonError(401, 'unauthorized', 'Log eerst in.')
    }
    const requestId = String(req.routeParams?.id ?? '')
    const request = (await req.payload.findByID({
      collection: 'volunteer-requests',
      id: requestId,
      depth: 0,
      select: { slots: true },
      overrideAccess: false,
      user: req.user,
      req,
      disableErrors: true,
    })) as Pick<VolunteerRequest, 'id' | 'slots'> | null
    if (!request) return jsonError(404, 'not-found', 'Deze hulpvraag bestaat niet.')

    const found = await req.payload.find({
      collection: 'volunteer-signups',
      where: {
        and: [{ request: { equals: request.id } }, { status: { in: ['confirmed', 'waitlist'] } }],
      },
      select: {
        slot: true,
        parent: true,
        comes: true,
        status: true,
        place: true,
        promotedAt: true,
        createdAt: true,
      },
      sort: 'createdAt',
      depth: 0,
      limit: REQUEST_SIGNUPS_MAX,
      pagination: false,
      overrideAccess: false,
      user: req.user,
      req,
    })
    const signups = found.docs as SignupRow[]

    // The names and phones of the parents behind the sign-ups just read. Directors and office
    // read every parent, but a teacher only the guardians of pupils now in their groups; the
    // sign-up (which the caller's access already allowed) is what lets them see who made it,
    // also after a pupil moved group. So no wider than these ids, and only name and phone.
    const parentIds = [
      ...new Set(
        signups
          .map((s) => idOf(s.parent as string | { id: string }))
          .filter((id): id is string => !!id),
      ),
    ]
    const parents = new Map<string, { name: string; phone: string | null }>()
    if (parentIds.length) {
      const rows = await req.payload.find({
        collection: 'parents',
        where: { id: { in: parentIds } },
        select: { name: true, phone: true },
        depth: 0,
        limit: parentIds.length,
        pagination: false,
        overrideAccess: true,
        req,
      })
      for (const parent of rows.docs) {
        parents.set(parent.id, { name: parent.name, phone: parent.phone?.trim() || null })
      }
    }
    const parentOf = (signup: SignupRow) =>
      parents.get(idOf(signup.parent as string | { id: string }) ?? '') ?? {
        name: 'Onbekende ouder',
        phone: null,
      }

    const slots = (request.slots ?? []).map((slot): SlotSignups => {
      const ofSlot = signups.filter((s) => s.slot === slot.id)
      return {
        id: slot.id!,
        label: slot.label,
        date: slot.date,
        from: slot.from,
        to: slot.to,
        places: slot.places,
        confirmed: ofSlot
          .filter((s) => s.status === 'confirmed')
          .sort(byPlace)
          .map((s) => {
            const parent = parentOf(s)
            return {
              signup: s.id,
              comes: s.comes || parent.name,
              parentName: parent.name,
              phone: parent.phone,
              promotedAt: s.promotedAt ?? null,
            }
          }),
        waitlist: ofSlot
          .filter((s) => s.status === 'waitlist')
          .sort(byCreation)
          .map((s) => {
            const parent = parentOf(s)
            return {
              signup: s.id,
              comes: s.comes || parent.name,
              parentName: parent.name,
              since: s.createdAt,
            }
          }),
      }
    })
    return Response.json({ slots } satisfies SignupsPerSlot)
  },
}
