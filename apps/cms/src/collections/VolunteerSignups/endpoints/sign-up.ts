import { signupBody } from '@schoolpost/contracts'
import { checkConduct, checkSignup, getSlotStart } from '@schoolpost/policies'
import type { Endpoint, PayloadRequest } from 'payload'

import { idsOf, idOf, parentUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { jsonError, parseJsonBody } from '../../../lib/json-body'
import { consume } from '../../../lib/rate-limit'
import { schoolCalendar } from '../../Absences/hooks/absence-facts'
import { conductTermsOf } from '../../Messages/hooks/conduct'
import type { VolunteerRequest } from '../../../payload-types'
import { claimSeat, isUniqueViolation } from '../seats'

/** A sign-up left half-made by a crash (never confirmed or waitlisted) is taken over after this. */
const PENDING_STALE_MS = 60_000

/** Finds the slot of a request the parent may read (their own access); `null` when not theirs. */
export async function readableSlot(req: PayloadRequest, requestId: string, slotId: string) {
  const request = (await req.payload.findByID({
    collection: 'volunteer-requests',
    id: requestId,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
    disableErrors: true,
  })) as VolunteerRequest | null
  const slot = request?.slots?.find((s) => s.id === slotId)
  return request && slot ? { request, slot } : null
}

export const signupWindow = (request: Pick<VolunteerRequest, 'opensAt' | 'closesAt'>) => ({
  opensAt: request.opensAt ? new Date(request.opensAt) : null,
  closesAt: request.closesAt ? new Date(request.closesAt) : null,
})

/**
 * `POST /api/volunteer-requests/:id/signups` `{ slot, comes? }`: a parent signs up for one slot
 * (S4). Within the request's window (`checkSignup`: the opening moment, the closing moment or the
 * slot's start), one sign-up per parent and slot (a unique key), and a place only if one is left
 * (`claimSeat`: a unique row per place) — else the waitlist when the request has one, or 409
 * "vol". Answers `{ status: 'confirmed' | 'waitlist', signup }`.
 */
export const signUpEndpoint: Endpoint = {
  path: '/:id/signups',
  method: 'post',
  handler: async (req) => {
    const parent = parentUser(req)
    if (!parent) {
      return req.user
        ? jsonError(403, 'parents-only', 'Alleen ouders melden zich aan voor een hulpvraag.')
        : jsonError(401, 'unauthorized', 'Log eerst in.')
    }
    const parsed = await parseJsonBody(req, signupBody)
    if (!parsed.ok) return parsed.response
    const limit = await consume(req, 'signup', `parent:${parent.id}`)
    if (!limit.ok) {
      return jsonError(
        429,
        'rate-limited',
        'Te veel aanmeldingen achter elkaar. Probeer het later.',
        {
          'Retry-After': String(limit.retryAfterSeconds),
        },
      )
    }
    const requestId = String(req.routeParams?.id ?? '')
    const found = await readableSlot(req, requestId, parsed.data.slot)
    if (!found) return jsonError(404, 'not-found', 'Deze hulpvraag of dit moment bestaat niet.')
    const { request, slot } = found

    const calendar = await schoolCalendar(req)
    const timeZone = calendar.settings.timeZone
    const check = checkSignup({
      window: signupWindow(request),
      slotStart: getSlotStart({ slot, timeZone }),
      now: now(),
      timeZone,
    })
    if (!check.ok) return jsonError(409, check.reason, check.message)
    // "Wie komt er?" is shown to the teacher: the conduct check (S19) applies as to any text.
    if (parsed.data.comes) {
      const conduct = checkConduct({
        text: parsed.data.comes,
        extraTerms: await conductTermsOf(req),
      })
      if (!conduct.ok) return jsonError(422, 'conduct', conduct.message)
    }

    // Without a waitlist a full slot is answered before anything is written: the common case when
    // 50 parents press at once. Only a hint — the unique place rows below decide.
    if (!request.waitlist) {
      const seats = await req.payload.count({
        collection: 'volunteer-seats',
        where: { and: [{ request: { equals: request.id } }, { slot: { equals: slot.id } }] },
        overrideAccess: true,
        req,
      })
      if (seats.totalDocs >= slot.places) {
        return jsonError(409, 'full', 'Dit moment is vol. Er is geen wachtlijst.')
      }
    }

    const activeKey = `${request.id}:${slot.id}:${parent.id}`
    const create = () =>
      req.payload.create({
        collection: 'volunteer-signups',
        data: {
          request: request.id,
          slot: slot.id!,
          slotLabel: slot.label,
          parent: parent.id,
          comes: parsed.data.comes || parent.name,
          status: 'pending',
          activeKey,
          groups: request.audience === 'groups' ? idsOf(request.groups) : [],
          requestBy: idOf(request.createdBy as string | { id: string } | null | undefined),
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
    let signup: Awaited<ReturnType<typeof create>>
    try {
      signup = await create()
    } catch (error) {
      if (!isUniqueViolation(error, 'activeKey')) throw error
      const existing = await req.payload.find({
        collection: 'volunteer-signups',
        where: { activeKey: { equals: activeKey } },
        depth: 0,
        limit: 1,
        overrideAccess: true,
        req,
      })
      const doc = existing.docs[0]
      const stale =
        doc?.status === 'pending' && Date.now() - Date.parse(doc.createdAt) > PENDING_STALE_MS
      if (!stale) {
        return jsonError(
          409,
          'already-signed-up',
          doc?.status === 'waitlist'
            ? 'U staat voor dit moment al op de wachtlijst.'
            : 'U bent voor dit moment al aangemeld.',
        )
      }
      await req.payload.delete({
        collection: 'volunteer-signups',
        id: doc.id,
        overrideAccess: true,
        req,
      })
      signup = await create()
    }

    // Nobody jumps the queue: while others wait, a new sign-up joins the waitlist.
    const waiting = await req.payload.count({
      collection: 'volunteer-signups',
      where: {
        and: [
          { request: { equals: request.id } },
          { slot: { equals: slot.id } },
          { status: { equals: 'waitlist' } },
        ],
      },
      overrideAccess: true,
      req,
    })
    const place =
      waiting.totalDocs > 0
        ? null
        : await claimSeat(
            req,
            { requestId: request.id, slotId: slot.id!, places: slot.places },
            signup.id,
          )
    if (place === null && !request.waitlist) {
      await req.payload.delete({
        collection: 'volunteer-signups',
        id: signup.id,
        overrideAccess: true,
        req,
      })
      return jsonError(409, 'full', 'Dit moment is vol. Er is geen wachtlijst.')
    }
    const status = place === null ? 'waitlist' : 'confirmed'
    await req.payload.update({
      collection: 'volunteer-signups',
      id: signup.id,
      data: { status, place },
      depth: 0,
      overrideAccess: true,
      req,
    })
    return Response.json(
      {
        ok: true,
        status,
        signup: signup.id,
        message:
          status === 'confirmed'
            ? `U bent aangemeld voor ${slot.label}.`
            : 'Dit moment is vol. U staat op de wachtlijst; komt er een plek vrij, dan krijgt u een e-mail.',
      },
      { status: 201 },
    )
  },
}
