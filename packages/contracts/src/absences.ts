import { z } from 'zod'

import type { Absence, LeaveRequest } from './payload-types'
import { recordId } from './portal-home'

/**
 * Absences (S9, S10) and leave requests (verlof, issue #13) as the CMS's REST API gives them to a
 * parent — `GET/POST /api/absences`, `PATCH /api/absences/<id>`, the same for
 * `/api/leave-requests` — and the Dutch refusals it answers with. The CMS is authoritative: it
 * decides what a parent reads (every report of their own children, whichever guardian made it)
 * and checks every rule again. The value lists below are the CMS's select options (its
 * `collections/Absences/reasons.ts` and `collections/LeaveRequests/index.ts`), held to Payload's
 * generated types at compile time, so the two cannot drift apart unnoticed.
 */
export const ABSENCES_PATH = '/api/absences'
export const LEAVE_REQUESTS_PATH = '/api/leave-requests'

export const ABSENCE_KINDS = ['sick', 'planned'] as const
export type AbsenceKindValue = (typeof ABSENCE_KINDS)[number]

/** Why a child is away: a sick report is always "ziek"; a planned absence names its kind. */
export const ABSENCE_REASONS = [
  { value: 'ziek', label: 'Ziek', kinds: ['sick'] },
  { value: 'tandarts', label: 'Tandarts of orthodontist', kinds: ['planned'] },
  { value: 'huisarts', label: 'Huisarts', kinds: ['planned'] },
  { value: 'ziekenhuis', label: 'Ziekenhuis of specialist', kinds: ['planned'] },
  { value: 'therapie', label: 'Therapie (logopedie, fysio …)', kinds: ['planned'] },
  { value: 'overig', label: 'Anders', kinds: ['planned'] },
] as const satisfies readonly {
  value: string
  label: string
  kinds: readonly AbsenceKindValue[]
}[]
export type AbsenceReason = (typeof ABSENCE_REASONS)[number]['value']
export const ABSENCE_REASON_VALUES = ABSENCE_REASONS.map((r) => r.value) as [
  AbsenceReason,
  ...AbsenceReason[],
]
/** The reasons a parent chooses from for an appointment. */
export const PLANNED_ABSENCE_REASONS = ABSENCE_REASONS.filter((r) =>
  (r.kinds as readonly AbsenceKindValue[]).includes('planned'),
)
export type PlannedAbsenceReason = Exclude<AbsenceReason, 'ziek'>

export const ABSENCE_STATUSES = ['reported', 'acknowledged', 'cancelled'] as const
export type AbsenceStatus = (typeof ABSENCE_STATUSES)[number]

export const LEAVE_REASONS = [
  { value: 'familie', label: 'Familie (huwelijk, jubileum, overlijden)' },
  { value: 'vakantie', label: 'Vakantie buiten de schoolvakanties (beroep ouder)' },
  { value: 'religie', label: 'Religieuze feestdag' },
  { value: 'medisch-sociaal', label: 'Medische of sociale redenen' },
  { value: 'overig', label: 'Anders' },
] as const satisfies readonly { value: string; label: string }[]
export type LeaveReason = (typeof LEAVE_REASONS)[number]['value']
export const LEAVE_REASON_VALUES = LEAVE_REASONS.map((r) => r.value) as [
  LeaveReason,
  ...LeaveReason[],
]

export const LEAVE_STATUSES = ['requested', 'approved', 'refused', 'withdrawn'] as const
export type LeaveStatus = (typeof LEAVE_STATUSES)[number]

/** A school day as the CMS stores it: `YYYY-MM-DD` (the school's calendar, no time zone). */
export const calendarDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
/** A time of day, `HH:mm`. */
export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)

/** A relationship at depth 0 (an id), or populated (its id is taken). */
const relation = z.union([recordId, z.object({ id: recordId }).transform((doc) => doc.id)])
const optionalText = z
  .string()
  .nullish()
  .transform((value) => value ?? null)

/** One absence report as a parent reads it (`reportedBy` and staff fields are not theirs to read). */
export const parentAbsence = z.object({
  id: recordId,
  pupil: relation,
  kind: z.enum(ABSENCE_KINDS),
  date: calendarDate,
  fromTime: timeOfDay.nullish().transform((value) => value ?? null),
  toTime: timeOfDay.nullish().transform((value) => value ?? null),
  // A reason the portal does not know yet is shown as none rather than refusing the whole list.
  reason: z
    .enum(ABSENCE_REASON_VALUES)
    .nullish()
    .catch(null)
    .transform((value) => value ?? null),
  note: optionalText,
  status: z.enum(ABSENCE_STATUSES),
  channel: z
    .enum(['portal', 'phone'])
    .nullish()
    .catch(null)
    .transform((value) => value ?? null),
  /** Who reported it: the guardian's name, or "<name> (school)" for a phoned-in report. */
  reporterName: optionalText,
  acknowledgedAt: optionalText,
  cancelledAt: optionalText,
  createdAt: z.string(),
})
export type ParentAbsence = z.infer<typeof parentAbsence>

/** One leave request as a parent reads it. */
export const parentLeaveRequest = z.object({
  id: recordId,
  pupil: relation,
  from: calendarDate,
  to: calendarDate,
  reason: z
    .enum(LEAVE_REASON_VALUES)
    .nullish()
    .catch(null)
    .transform((value) => value ?? null),
  note: optionalText,
  status: z.enum(LEAVE_STATUSES),
  /** The director's message with the decision (always there with a refusal). */
  decisionMessage: optionalText,
  /** Requested later than the school's notice ("te laat"). */
  late: z
    .boolean()
    .nullish()
    .transform((value) => value === true),
  schoolDays: z
    .number()
    .int()
    .nonnegative()
    .nullish()
    .transform((value) => value ?? null),
  /** More than 10 school days: the leerplichtambtenaar decides, not the director. */
  beyondDirector: z
    .boolean()
    .nullish()
    .transform((value) => value === true),
  requesterName: optionalText,
  decidedAt: optionalText,
  createdAt: z.string(),
})
export type ParentLeaveRequest = z.infer<typeof parentLeaveRequest>

/** A page of Payload's list answer (`GET /api/<collection>?limit=&page=`). */
export const listPage = <T extends z.ZodType>(doc: T) =>
  z.object({ docs: z.array(doc), hasNextPage: z.boolean() })

export const absenceListPage = listPage(parentAbsence)
export const leaveRequestListPage = listPage(parentLeaveRequest)

/** Payload's answer to a create or an update: the document as the caller may read it. */
export const absenceSaved = z.object({ doc: parentAbsence })
export const leaveRequestSaved = z.object({ doc: parentLeaveRequest })

/** What a parent sends to report an absence (`POST /api/absences`). */
export const newAbsence = z.object({
  pupil: recordId,
  kind: z.enum(ABSENCE_KINDS),
  date: calendarDate,
  fromTime: timeOfDay.optional(),
  toTime: timeOfDay.optional(),
  reason: z.enum(ABSENCE_REASON_VALUES).optional(),
  note: z.string().max(500).optional(),
})
export type NewAbsence = z.infer<typeof newAbsence>

/** What a parent sends to request leave (`POST /api/leave-requests`). */
export const newLeaveRequest = z.object({
  pupil: recordId,
  from: calendarDate,
  to: calendarDate,
  reason: z.enum(LEAVE_REASON_VALUES),
  note: z.string().min(1).max(1000),
})
export type NewLeaveRequest = z.infer<typeof newLeaveRequest>

/**
 * A refusal as the CMS answers it (a Dutch 4xx): `errors[0].message` is ready to show;
 * `data.code` says why (`checkAbsenceReport`'s reasons, `duplicate`, `not-your-child`,
 * `too-late-to-cancel`, …), `data.existing` is the report a duplicate points at, `data.phone` the
 * school's number after the cutoff. Payload's own validation errors list their fields in
 * `data.errors`.
 */
export const cmsRefusalAnswer = z.object({
  errors: z
    .array(
      z.looseObject({
        message: z.string(),
        data: z
          .looseObject({
            code: z.string().optional().catch(undefined),
            existing: recordId.optional().catch(undefined),
            phone: z.string().optional().catch(undefined),
            errors: z
              .array(
                z.looseObject({
                  path: z.string().optional().catch(undefined),
                  message: z.string().optional().catch(undefined),
                }),
              )
              .optional()
              .catch(undefined),
          })
          .nullish()
          .catch(null),
      }),
    )
    .min(1),
})
export type CmsRefusalAnswer = z.infer<typeof cmsRefusalAnswer>

// Held to the CMS's generated types: a changed option list there fails the typecheck here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const _reasonsMatch: Same<AbsenceReason, NonNullable<Absence['reason']>> = true
const _kindsMatch: Same<AbsenceKindValue, Absence['kind']> = true
const _statusesMatch: Same<AbsenceStatus, Absence['status']> = true
const _channelsMatch: Same<'portal' | 'phone', NonNullable<Absence['channel']>> = true
const _leaveReasonsMatch: Same<LeaveReason, LeaveRequest['reason']> = true
const _leaveStatusesMatch: Same<LeaveStatus, LeaveRequest['status']> = true
void [
  _reasonsMatch,
  _kindsMatch,
  _statusesMatch,
  _channelsMatch,
  _leaveReasonsMatch,
  _leaveStatusesMatch,
]
