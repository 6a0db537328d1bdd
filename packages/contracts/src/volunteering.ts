import { z } from 'zod'

import { calendarDate, timeOfDay } from './absences'
import { recordId } from './portal-home'

/**
 * Volunteer requests (hulpvragen, S4, issue #15) as the CMS shapes them for the portal's
 * `/hulpvragen`: the upcoming requests of the parent's groups, how many places each slot has
 * left, and the parent's own sign-up — never who else signed up
 * (`GET /api/volunteer-requests/overview`). Signing up and cancelling are the CMS's endpoints
 * `POST /api/volunteer-requests/<id>/signups` and `POST /api/volunteer-signups/<id>/cancel`,
 * whose answers are below. Staff see who comes per slot at
 * `GET /api/volunteer-requests/<id>/signups-per-slot` (admin only).
 */
export const VOLUNTEER_REQUESTS_PATH = '/api/volunteer-requests'
export const VOLUNTEER_SIGNUPS_PATH = '/api/volunteer-signups'
export const VOLUNTEER_OVERVIEW_PATH = `${VOLUNTEER_REQUESTS_PATH}/overview`
export const volunteerSignUpPath = (requestId: string) =>
  `${VOLUNTEER_REQUESTS_PATH}/${encodeURIComponent(requestId)}/signups`
export const volunteerCancelPath = (signupId: string) =>
  `${VOLUNTEER_SIGNUPS_PATH}/${encodeURIComponent(signupId)}/cancel`
export const volunteerSignupsPerSlotPath = (requestId: string) =>
  `${VOLUNTEER_REQUESTS_PATH}/${encodeURIComponent(requestId)}/signups-per-slot`

/** Upcoming requests the overview lists at most (a school has a handful at a time). */
export const VOLUNTEER_OVERVIEW_MAX = 50
/** "Wie komt er?": the other guardian or a grandparent, by name. */
export const VOLUNTEER_COMES_MAX = 80

/** The parent's own sign-up for a slot: signed up, or waiting with `ahead` parents before them. */
export const ownSignup = z.object({
  id: recordId,
  status: z.enum(['confirmed', 'waitlist']),
  comes: z.string(),
  /** On the waitlist: how many wait before this parent (0: next in line). */
  ahead: z.number().int().nonnegative(),
})
export type OwnSignup = z.infer<typeof ownSignup>

export const overviewSlot = z.object({
  id: recordId,
  label: z.string(),
  date: calendarDate,
  from: timeOfDay,
  to: timeOfDay,
  places: z.number().int().positive(),
  taken: z.number().int().nonnegative(),
  own: ownSignup.nullable(),
})
export type OverviewSlot = z.infer<typeof overviewSlot>

export const overviewRequest = z.object({
  id: recordId,
  title: z.string(),
  description: z.string(),
  /** "Groep 5a", "Groep 5a en Groep 6", or "Alle ouders". */
  audienceLabel: z.string(),
  opensAt: z.string().nullable(),
  closesAt: z.string().nullable(),
  waitlist: z.boolean(),
  slots: z.array(overviewSlot),
})
export type OverviewRequest = z.infer<typeof overviewRequest>

export const volunteerOverview = z.object({
  /** Requests with a slot today or later, the soonest slot first. */
  requests: z.array(overviewRequest),
  /** The school's time zone: slot times and the opening moment are on its clock. */
  timeZone: z.string(),
})
export type VolunteerOverview = z.infer<typeof volunteerOverview>

export const signupBody = z.object({
  slot: recordId,
  comes: z.string().trim().max(VOLUNTEER_COMES_MAX).optional(),
})
export type SignupBody = z.infer<typeof signupBody>

/** `201` on a sign-up: a place, or the waitlist. */
export const signupAnswer = z.object({
  ok: z.literal(true),
  status: z.enum(['confirmed', 'waitlist']),
  signup: recordId,
  message: z.string(),
})
export type SignupAnswer = z.infer<typeof signupAnswer>

export const cancelAnswer = z.object({
  ok: z.literal(true),
  status: z.literal('cancelled'),
  promoted: z.boolean(),
})

/** The endpoints' refusals: `{ ok: false, code, message }` with a Dutch message. */
export const volunteerRefusal = z.object({
  ok: z.literal(false),
  code: z.string(),
  message: z.string(),
})

/** Who comes per slot, for the request's teachers and the directors and office (admin). */
export const slotSignups = z.object({
  id: recordId,
  label: z.string(),
  date: calendarDate,
  from: timeOfDay,
  to: timeOfDay,
  places: z.number().int().positive(),
  confirmed: z.array(
    z.object({
      signup: recordId,
      comes: z.string(),
      parentName: z.string(),
      phone: z.string().nullable(),
      promotedAt: z.string().nullable(),
    }),
  ),
  waitlist: z.array(
    z.object({ signup: recordId, comes: z.string(), parentName: z.string(), since: z.string() }),
  ),
})
export type SlotSignups = z.infer<typeof slotSignups>
export const signupsPerSlot = z.object({ slots: z.array(slotSignups) })
export type SignupsPerSlot = z.infer<typeof signupsPerSlot>
