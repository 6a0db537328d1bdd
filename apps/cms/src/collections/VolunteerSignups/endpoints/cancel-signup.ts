import { canCancelSignup, getSlotStart } from '@schoolpost/policies'
import type { Endpoint, PayloadRequest } from 'payload'

import { hasRole, idOf, parentUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { jsonError } from '../../../lib/json-body'
import { consume } from '../../../lib/rate-limit'
import type { VolunteerRequest } from '../../../payload-types'
import { queueEmail } from '../../../email/queue-email'
import { volunteerPromotedEmail } from '../../../email/templates/volunteer-emails'
import { env } from '../../../lib/env'
import { dutchDay, schoolCalendar } from '../../Absences/hooks/absence-facts'
import { claimSeat, freeSeat } from '../seats'
import { signupWindow } from './sign-up'

/**
 * The first parent on the waitlist of a slot gets the place that came free (a unique claim like
 * any other: if a place is gone again by then, nobody is promoted) and an email through the
 * outbox. Returns the promoted sign-up.
 */
export async function promoteFirstWaiting(
  req: PayloadRequest,
  request: Pick<VolunteerRequest, 'id' | 'title' | 'slots'>,
  slotId: string,
): Promise<string | null> {
  const slot = request.slots?.find((s) => s.id === slotId)
  if (!slot) return null
  const first = await req.payload.find({
    collection: 'volunteer-signups',
    where: {
      and: [
        { request: { equals: request.id } },
        { slot: { equals: slotId } },
        { status: { equals: 'waitlist' } },
      ],
    },
    sort: 'createdAt',
    depth: 0,
    limit: 1,
    overrideAccess: true,
    req,
  })
  const next = first.docs[0]
  if (!next) return null
  const place = await claimSeat(
    req,
    { requestId: request.id, slotId, places: slot.places },
    next.id,
  )
  if (place === null) return null
  await req.payload.update({
    collection: 'volunteer-signups',
    id: next.id,
    data: { status: 'confirmed', place, promotedAt: now().toISOString() },
    depth: 0,
    overrideAccess: true,
    req,
  })
  const [parent, calendar] = await Promise.all([
    req.payload.findByID({
      collection: 'parents',
      id: idOf(next.parent as string | { id: string })!,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    }),
    schoolCalendar(req),
  ])
  if (parent && parent.status !== 'deactivated') {
    const mail = await volunteerPromotedEmail({
      schoolName: calendar.schoolName,
      title: request.title,
      slot: `${slot.label}, ${dutchDay(slot.date)} ${slot.from}–${slot.to}`,
      link: `${env.portalUrl}/hulpvragen#hulpvraag-${encodeURIComponent(request.id)}`,
    })
    await queueEmail({
      payload: req.payload,
      req,
      email: {
        to: parent.email,
        ...mail,
        kind: 'volunteer-promoted',
        idempotencyKey: `volunteer-promoted:${next.id}`,
      },
    })
  }
  return next.id
}

/**
 * `POST /api/volunteer-signups/:id/cancel`: a parent cancels their sign-up or leaves the waitlist
 * until the request's deadline (`canCancelSignup`); the request's teachers and the directors
 * cancel one at any time (someone called in sick). The place is freed and the first on the
 * waitlist promoted. Cancelling twice answers the same.
 */
export const cancelSignupEndpoint: Endpoint = {
  path: '/:id/cancel',
  method: 'post',
  handler: async (req) => {
    const parent = parentUser(req)
    if (!parent && !hasRole(req, 'teacher', 'director')) {
      return req.user
        ? jsonError(403, 'forbidden', 'Dit kunt u niet afmelden.')
        : jsonError(401, 'unauthorized', 'Log eerst in.')
    }
    if (parent) {
      const limit = await consume(req, 'signup', `parent:${parent.id}`)
      if (!limit.ok) {
        return jsonError(
          429,
          'rate-limited',
          'Te veel pogingen achter elkaar. Probeer het later.',
          {
            'Retry-After': String(limit.retryAfterSeconds),
          },
        )
      }
    }
    const signup = await req.payload.findByID({
      collection: 'volunteer-signups',
      id: String(req.routeParams?.id ?? ''),
      depth: 0,
      overrideAccess: false,
      user: req.user,
      req,
      disableErrors: true,
    })
    if (!signup) return jsonError(404, 'not-found', 'Deze aanmelding bestaat niet.')
    if (signup.status === 'cancelled') {
      return Response.json({ ok: true, status: 'cancelled', promoted: false })
    }
    const request = (await req.payload.findByID({
      collection: 'volunteer-requests',
      id: idOf(signup.request as string | { id: string })!,
      depth: 0,
      overrideAccess: true,
      req,
    })) as VolunteerRequest
    const slot = request.slots?.find((s) => s.id === signup.slot)
    if (parent && slot) {
      const timeZone = (await schoolCalendar(req)).settings.timeZone
      const allowed = canCancelSignup({
        window: signupWindow(request),
        slotStart: getSlotStart({ slot, timeZone }),
        now: now(),
      })
      if (!allowed.ok) return jsonError(409, allowed.reason, allowed.message)
    }

    const hadPlace = signup.status === 'confirmed'
    await req.payload.update({
      collection: 'volunteer-signups',
      id: signup.id,
      data: {
        status: 'cancelled',
        place: null,
        cancelledAt: now().toISOString(),
        activeKey: `afgemeld:${signup.id}`,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await freeSeat(req, signup.id)
    const promoted = hadPlace ? await promoteFirstWaiting(req, request, signup.slot) : null
    return Response.json({ ok: true, status: 'cancelled', promoted: !!promoted })
  },
}
