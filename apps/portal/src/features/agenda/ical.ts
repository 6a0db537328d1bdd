import { type Agenda, CALENDAR_FEED_SECRET_PATTERN } from '@schoolpost/contracts'
import { addCalendarDays, getInstantAt } from '@schoolpost/policies'
import ical, { ICalEventTransparency, type ICalEventData } from 'ical-generator'

import type { CmsClient } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { RateLimiter } from '../../lib/http/rate-limit'
import { rateLimitMessage, retryAfterHeaders } from '../../lib/http/rate-limit'

/**
 * The parent's private iCal feed (issue #15): `/agenda/<secret>.ics`, which calendar apps fetch on
 * their own, without cookies — the secret in the address is the only key (made, renewed and
 * revoked on `/account/agenda`). The CMS answers the data as the secret's owner; this writes it as
 * one VCALENDAR with ical-generator:
 *
 * - times of day are the school's wall clock, turned into UTC instants with `getInstantAt` (so a
 *   DST change cannot shift them, and no VTIMEZONE is needed: every app shows them in its own
 *   zone). No `X-WR-TIMEZONE` either: ical-generator writes calendar X-properties after the
 *   events, where RFC 5545 allows none, and with only UTC instants and dates it would change
 *   nothing;
 * - whole days are DATE values, the end exclusive (the day after the last day);
 * - every item has a UID that stays the same as long as the item exists
 *   (`event-<id>@<portal>`, `vrij-<first day>@…`, `hulpvraag-<sign-up>@…`, `afwezig-<absence>@…`),
 *   with LAST-MODIFIED and SEQUENCE from its `updatedAt`, so a calendar app replaces a changed
 *   item instead of adding it again, and drops what is gone.
 */

/** How often calendar apps are asked to fetch again, and how long an answer may be kept. */
export const FEED_REFRESH_SECONDS = 60 * 60
export const FEED_CACHE_CONTROL = 'private, max-age=900'

const NOT_FOUND_TEXT =
  'Deze agenda-link bestaat niet (meer). Maak een nieuwe link in het ouderportaal, bij Account → Agenda in je telefoon.\n'
const UNAVAILABLE_TEXT = 'De agenda is nu even niet bereikbaar. Probeer het later opnieuw.\n'

const CALENDAR_HEADERS = {
  'Content-Type': 'text/calendar; charset=utf-8',
  'Content-Disposition': 'inline; filename="agenda.ics"',
  'X-Robots-Tag': 'noindex, nofollow',
}

/** SEQUENCE counts seconds since this instant: it grows with every change and fits 32 bits. */
const SEQUENCE_EPOCH_MS = Date.UTC(2026, 0, 1)

/** LAST-MODIFIED and SEQUENCE from an item's `updatedAt` (nothing for an unreadable one). */
function revisionOf(updatedAt: string): Pick<ICalEventData, 'lastModified' | 'sequence'> {
  const ms = Date.parse(updatedAt)
  if (Number.isNaN(ms)) return {}
  return {
    lastModified: new Date(ms),
    sequence: Math.max(0, Math.floor((ms - SEQUENCE_EPOCH_MS) / 1000)),
  }
}

/** A school day as an all-day value: midnight UTC, which ical-generator writes as that DATE. */
const dayValue = (date: string) => new Date(`${date}T00:00:00Z`)

/** Whole days `from`…`to` (inclusive): DTSTART the first, DTEND the day after the last. */
const wholeDays = (from: string, to: string): Pick<ICalEventData, 'start' | 'end' | 'allDay'> => ({
  allDay: true,
  start: dayValue(from),
  end: dayValue(addCalendarDays(to, 1)),
})

/** A time on one school day, as instants. Without an end time the item has no length. */
function timeOnDay(
  date: string,
  from: string,
  to: string | null,
  timeZone: string,
): Pick<ICalEventData, 'start' | 'end'> {
  return {
    start: getInstantAt({ date, time: from, timeZone }),
    ...(to ? { end: getInstantAt({ date, time: to, timeZone }) } : {}),
  }
}

/** The portal's origin for links in the feed, and its host for the UIDs. */
function portalOf(portalUrl: string): { origin: string; host: string } {
  const url = new URL(portalUrl)
  return { origin: url.origin, host: url.host }
}

/**
 * The ICS text of a parent's feed. `now` is the DTSTAMP (when this copy was written); the rest
 * depends only on the data, so the same data gives the same items.
 */
export function buildCalendarFeed({
  data,
  portalUrl,
  now,
}: {
  data: Agenda
  /** The portal's public address, e.g. https://ouders.school.nl. */
  portalUrl: string
  now: Date
}): string {
  const { origin, host } = portalOf(portalUrl)
  const { timeZone } = data
  const volunteerUrl = (request: string) =>
    `${origin}/hulpvragen#hulpvraag-${encodeURIComponent(request)}`
  const calendar = ical({
    name: data.schoolName,
    description: `De agenda van ${data.schoolName} in Schoolpost: voor jou en je kinderen.`,
    prodId: { company: 'Schoolpost', product: 'Agenda', language: 'NL' },
    ttl: FEED_REFRESH_SECONDS,
  })
  const add = (item: ICalEventData) => calendar.createEvent({ stamp: now, ...item })

  for (const closed of data.closed) {
    add({
      id: `vrij-${closed.from}@${host}`,
      summary: `Vrij: ${closed.label}`,
      description: 'Geen school.',
      ...wholeDays(closed.from, closed.to),
      transparency: ICalEventTransparency.TRANSPARENT,
    })
  }

  for (const event of data.events) {
    const details = [
      event.description,
      `Voor: ${event.audienceLabel}`,
      event.volunteerRequest
        ? `Help mee: ${volunteerUrl(event.volunteerRequest)}`
        : `In Schoolpost: ${origin}/agenda`,
    ].filter((line): line is string => !!line)
    const when =
      event.allDay || !event.from
        ? {
            ...wholeDays(event.date, event.endDate ?? event.date),
            transparency: ICalEventTransparency.TRANSPARENT,
          }
        : timeOnDay(event.date, event.from, event.to, timeZone)
    add({
      id: `event-${event.id}@${host}`,
      summary: event.title,
      description: details.join('\n\n'),
      location: event.location,
      url: event.volunteerRequest ? volunteerUrl(event.volunteerRequest) : `${origin}/agenda`,
      ...when,
      ...revisionOf(event.updatedAt),
    })
  }

  for (const slot of data.volunteering) {
    const waiting = slot.status === 'waitlist'
    add({
      id: `hulpvraag-${slot.signup}@${host}`,
      summary: `Hulpvraag: ${slot.title} — ${slot.label}${waiting ? ' (wachtlijst)' : ''}`,
      description: [
        waiting ? 'Je staat op de wachtlijst.' : `Wie komt: ${slot.comes}`,
        `Je aanmelding: ${volunteerUrl(slot.request)}`,
      ].join('\n\n'),
      url: volunteerUrl(slot.request),
      ...timeOnDay(slot.date, slot.from, slot.to, timeZone),
      ...(waiting ? { transparency: ICalEventTransparency.TRANSPARENT } : {}),
      ...revisionOf(slot.updatedAt),
    })
  }

  for (const absence of data.absences) {
    add({
      id: `afwezig-${absence.id}@${host}`,
      summary: `${absence.childName} afwezig (afspraak)`,
      description: `Gemeld bij school. Intrekken of bekijken: ${origin}/absentie`,
      url: `${origin}/absentie`,
      ...(absence.from
        ? timeOnDay(absence.date, absence.from, absence.to, timeZone)
        : wholeDays(absence.date, absence.date)),
      transparency: ICalEventTransparency.TRANSPARENT,
      ...revisionOf(absence.updatedAt),
    })
  }

  return calendar.toString()
}

/**
 * The feed of a parent who has not accepted the house rules in force (S18: nothing before that):
 * one all-day item today that says so and links to the rules, instead of an error a calendar app
 * would show nowhere. Its UID stays the same, so it replaces itself every day until accepted.
 */
export function buildHouseRulesReminderFeed({
  portalUrl,
  now,
}: {
  portalUrl: string
  now: Date
}): string {
  const { origin, host } = portalOf(portalUrl)
  const calendar = ical({
    name: 'Schoolpost',
    prodId: { company: 'Schoolpost', product: 'Agenda', language: 'NL' },
    ttl: FEED_REFRESH_SECONDS,
  })
  const today = now.toISOString().slice(0, 10)
  calendar.createEvent({
    id: `huisregels@${host}`,
    stamp: now,
    summary: 'Schoolpost: ga akkoord met de huisregels',
    description: `De school vraagt je akkoord te gaan met de huisregels. Daarna toont deze agenda weer alles.\n\n${origin}/huisregels`,
    url: `${origin}/huisregels`,
    ...wholeDays(today, today),
    transparency: ICalEventTransparency.TRANSPARENT,
  })
  return calendar.toString()
}

/** A plain-text answer (a calendar app shows nothing of it; a browser shows the sentence). */
const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  new Response(body, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
      ...headers,
    },
  })

/**
 * The answer of `/agenda/<secret>.ics`: the feed (200, `text/calendar`, kept privately for 15
 * minutes), 404 for a secret of the wrong shape or one the CMS does not know (any more), 429 when
 * this address (here, or at the CMS) asks too often, 503 when the CMS cannot answer. The secret
 * is never logged.
 */
export async function calendarFeedResponse({
  secret,
  cms,
  limiter,
  clientKey,
  portalUrl,
  now,
}: {
  secret: string | undefined
  cms: Pick<CmsClient, 'getCalendarFeedData'>
  limiter: RateLimiter
  clientKey: string
  portalUrl: string
  now: Date
}): Promise<Response> {
  const limit = await limiter.consume(clientKey)
  if (!limit.ok) {
    return text(
      429,
      `${rateLimitMessage(limit.retryAfterSeconds)}\n`,
      retryAfterHeaders(limit.retryAfterSeconds),
    )
  }
  if (!secret || !CALENDAR_FEED_SECRET_PATTERN.test(secret)) return text(404, NOT_FOUND_TEXT)
  let result: Awaited<ReturnType<CmsClient['getCalendarFeedData']>>
  try {
    result = await cms.getCalendarFeedData(secret)
  } catch (error) {
    reportCmsFailure('Loading a calendar feed', error)
    return text(503, UNAVAILABLE_TEXT, { 'Retry-After': '300' })
  }
  if (!result.ok) {
    if (result.code === 'not-found') return text(404, NOT_FOUND_TEXT)
    if (result.code === 'house-rules')
      return new Response(buildHouseRulesReminderFeed({ portalUrl, now }), {
        status: 200,
        headers: { ...CALENDAR_HEADERS, 'Cache-Control': 'no-store' },
      })
    const seconds = (result.code === 'rate-limited' && result.retryAfterSeconds) || 60
    return text(429, `${rateLimitMessage(seconds)}\n`, retryAfterHeaders(seconds))
  }
  let body: string
  try {
    body = buildCalendarFeed({ data: result.agenda, portalUrl, now })
  } catch (error) {
    console.error('[portal] Writing a calendar feed failed:', error)
    return text(500, UNAVAILABLE_TEXT)
  }
  return new Response(body, {
    status: 200,
    headers: { ...CALENDAR_HEADERS, 'Cache-Control': FEED_CACHE_CONTROL },
  })
}
