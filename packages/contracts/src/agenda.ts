import { z } from 'zod'

import { calendarDate, timeOfDay } from './absences'
import { recordId } from './portal-home'

/**
 * The school's calendar as a parent sees it (issue #15): the calendar items of the school and of
 * their children's groups, the school's closed periods (holidays, study days), their own volunteer
 * slots, and — in the private iCal feed — their own children's planned absences.
 * `GET /api/events/agenda?van=&tot=` answers for the signed-in parent (the portal's `/agenda`);
 * `GET /api/events/feed/<secret>` answers the same shape for the owner of a feed secret.
 */
export const EVENTS_PATH = '/api/events'
export const AGENDA_PATH = `${EVENTS_PATH}/agenda`
export const calendarFeedDataPath = (secret: string) =>
  `${EVENTS_PATH}/feed/${encodeURIComponent(secret)}`

/** Days one agenda answer may span (this month and the next is at most 62). */
export const AGENDA_MAX_DAYS = 62
/** The feed: from this many days back to this many ahead (a calendar app keeps what it saw). */
export const FEED_DAYS_BACK = 31
export const FEED_DAYS_AHEAD = 366
/** Items per answer at most: a school's calendar has a few per week. */
export const AGENDA_ITEMS_MAX = 500

export const agendaQuery = z.object({ van: calendarDate, tot: calendarDate })

export const agendaEvent = z.object({
  id: recordId,
  title: z.string(),
  description: z.string().nullable(),
  location: z.string().nullable(),
  /** "Alle ouders" or the group names. */
  audienceLabel: z.string(),
  date: calendarDate,
  /** The last day of an all-day item over several days. */
  endDate: calendarDate.nullable(),
  allDay: z.boolean(),
  from: timeOfDay.nullable(),
  to: timeOfDay.nullable(),
  /** A volunteer request to sign up for, when the item has one the parent may read. */
  volunteerRequest: recordId.nullable(),
  updatedAt: z.string(),
})
export type AgendaEvent = z.infer<typeof agendaEvent>

/** A closed period of the school settings (a holiday, a study day): all day, no school. */
export const agendaClosed = z.object({
  label: z.string(),
  from: calendarDate,
  to: calendarDate,
})
export type AgendaClosed = z.infer<typeof agendaClosed>

/** The parent's own volunteer slot (signed up, or waiting). */
export const agendaVolunteerSlot = z.object({
  signup: recordId,
  request: recordId,
  title: z.string(),
  label: z.string(),
  date: calendarDate,
  from: timeOfDay,
  to: timeOfDay,
  status: z.enum(['confirmed', 'waitlist']),
  comes: z.string(),
  updatedAt: z.string(),
})
export type AgendaVolunteerSlot = z.infer<typeof agendaVolunteerSlot>

/**
 * A planned absence of one of the parent's children (only in the feed). Without its reason: the
 * feed lands in third-party calendars (Google, Apple, Outlook), and "tandarts" or "ziekenhuis" is
 * health data about a child that the parent's phone does not need to hand them.
 */
export const agendaAbsence = z.object({
  id: recordId,
  childName: z.string(),
  date: calendarDate,
  from: timeOfDay.nullable(),
  to: timeOfDay.nullable(),
  updatedAt: z.string(),
})
export type AgendaAbsence = z.infer<typeof agendaAbsence>

export const agenda = z.object({
  from: calendarDate,
  to: calendarDate,
  timeZone: z.string(),
  schoolName: z.string(),
  events: z.array(agendaEvent),
  closed: z.array(agendaClosed),
  volunteering: z.array(agendaVolunteerSlot),
  absences: z.array(agendaAbsence),
})
export type Agenda = z.infer<typeof agenda>

/**
 * The parent's private iCal feed link (issue #15), managed from the portal's account pages:
 * `GET` says whether one exists (never the link itself), `POST` makes a new one — the secret is
 * answered this once, only its SHA-256 is stored; a second `POST` replaces it, so the old link
 * stops working — and `POST …/revoke` ends it.
 */
export const CALENDAR_FEED_PATH = '/api/parents/calendar-feed'
export const CALENDAR_FEED_REVOKE_PATH = `${CALENDAR_FEED_PATH}/revoke`

/** A feed secret: 32 random bytes as base64url (43 characters, no padding). */
export const CALENDAR_FEED_SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/
export const calendarFeedSecret = z.string().regex(CALENDAR_FEED_SECRET_PATTERN)

export const calendarFeedStatus = z.object({
  active: z.boolean(),
  /** When the current link was made (ISO instant), `null` without one. */
  createdAt: z.string().nullable(),
})
export type CalendarFeedStatus = z.infer<typeof calendarFeedStatus>

/** The answer to making (or renewing) the link: its secret, shown to the parent once. */
export const calendarFeedCreated = z.object({
  secret: calendarFeedSecret,
  createdAt: z.string(),
})
export type CalendarFeedCreated = z.infer<typeof calendarFeedCreated>
