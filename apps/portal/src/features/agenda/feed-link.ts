import { z } from 'zod'

import type { CalendarFeedStatus } from '@schoolpost/contracts'

import type { NoticeView } from '../auth/login-page'
import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { PortalSession } from '../auth/session'
import { SCHOOL_TIME_ZONE } from '../posts/post-view'
import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import { RATE_LIMIT_TITLE, rateLimitMessage, retryAfterHeaders } from '../../lib/http/rate-limit'

/**
 * `/account/agenda` — "Agenda in je telefoon" (issue #15): the parent makes a private link to
 * their calendar (the school's items for their children, their volunteer slots, their children's
 * planned absences) for their phone's or computer's calendar app, renews it (the old one stops
 * working) or revokes it. The CMS keeps only a hash, so the full link can be shown only once: in
 * the answer to the form that made it, rendered on that same response — never in an address, a
 * cookie or a later page, which only say since when a link exists.
 */

export const FEED_PAGE_PATH = '/account/agenda'
export const REVOKED_PATH = `${FEED_PAGE_PATH}?ingetrokken=1`

export const FEED_MESSAGES = {
  created: 'Je agenda-link is klaar. Zet hem nu in je agenda: je ziet hem hier maar één keer.',
  renewed:
    'Je nieuwe agenda-link is klaar. De oude link werkt niet meer. Zet de nieuwe nu in je agenda: je ziet hem hier maar één keer.',
  revoked:
    'De agenda-link werkt niet meer. Je agenda-app laat de afspraken van school niet meer bijwerken; je kunt het abonnement daar ook verwijderen.',
} as const

/**
 * "Maak een agenda-link" carries `vervangt=1` when the page offered a renewal (only for the
 * message); which link is replaced is the CMS's business. "Link intrekken" carries nothing.
 */
export const createCalendarFeedInput = z.object({ vervangt: z.literal('1').optional() })
export const revokeCalendarFeedInput = z.object({})

export type CalendarFeedFormResult =
  /** `secret`: answered by the CMS this once, rendered on this response only. */
  | { ok: true; kind: 'created'; secret: string; createdAt: string; renewed: boolean }
  | { ok: true; kind: 'revoked'; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: 'rate-limited' | 'unavailable'
      message: string
      retryAfterSeconds?: number
    }

export type CalendarFeedFailure = Extract<
  CalendarFeedFormResult,
  { ok: false; code: 'rate-limited' | 'unavailable' }
>

export type CalendarFeedLoad =
  { kind: 'ok'; status: CalendarFeedStatus } | { kind: 'signed-out' } | { kind: 'unavailable' }

/** Whether the parent has a link, and since when. */
export async function loadCalendarFeedStatus(
  session: PortalSession,
  cms: Pick<CmsClient, 'getCalendarFeedStatus'>,
): Promise<CalendarFeedLoad> {
  try {
    return { kind: 'ok', status: await cms.getCalendarFeedStatus(session.token) }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    reportCmsFailure('Loading the calendar feed status', error)
    return { kind: 'unavailable' }
  }
}

/** "Maak een agenda-link" / "Nieuwe link maken": a new secret at the CMS. Never throws. */
export async function submitCreateCalendarFeed(deps: {
  cms: Pick<CmsClient, 'createCalendarFeed'>
  parent: PortalSession
  /** Whether the page offered a renewal (a link existed), for the message only. */
  renewed: boolean
}): Promise<CalendarFeedFormResult> {
  try {
    const result = await deps.cms.createCalendarFeed(deps.parent.token)
    if (result.ok) {
      return {
        ok: true,
        kind: 'created',
        secret: result.secret,
        createdAt: result.createdAt,
        renewed: deps.renewed,
      }
    }
    const seconds = result.retryAfterSeconds ?? 60
    return {
      ok: false,
      code: 'rate-limited',
      message: rateLimitMessage(seconds),
      retryAfterSeconds: seconds,
    }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Making a calendar feed link', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }
  }
}

/** "Link intrekken": the link stops working. Never throws. */
export async function submitRevokeCalendarFeed(deps: {
  cms: Pick<CmsClient, 'revokeCalendarFeed'>
  parent: PortalSession
}): Promise<CalendarFeedFormResult> {
  try {
    await deps.cms.revokeCalendarFeed(deps.parent.token)
    return { ok: true, kind: 'revoked', redirectTo: REVOKED_PATH }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Revoking a calendar feed link', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }
  }
}

/**
 * The portal's public address: PORTAL_URL (read per request, like the rest of the portal's env),
 * or else the address this request came in on. The feed's links and UIDs are built on it.
 */
export function portalUrlOf(requestUrl: URL, configured = process.env.PORTAL_URL): string {
  const value = configured?.trim()
  if (value) {
    try {
      const url = new URL(value)
      if (url.protocol === 'https:' || url.protocol === 'http:') return url.origin
    } catch {
      // Not a URL: the request's own origin below.
    }
  }
  return requestUrl.origin
}

/** The feed's address to copy (https) and to open in a calendar app (webcal). */
export function feedLinks({ portalUrl, secret }: { portalUrl: string; secret: string }): {
  https: string
  webcal: string
} {
  const url = new URL(`/agenda/${encodeURIComponent(secret)}.ics`, portalUrl)
  return { https: url.href, webcal: url.href.replace(/^https?:/, 'webcal:') }
}

const createdFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: SCHOOL_TIME_ZONE,
})

/** "maandag 1 maart 2027 om 10:00" (the school's clock). */
export function createdLabel(createdAt: string): string {
  const parts = createdFormat.formatToParts(new Date(createdAt))
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? ''
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')} om ${part('hour')}:${part('minute')}`
}

export type CalendarFeedPageView = {
  status: number
  headers: Record<string, string>
  notice: NoticeView | undefined
  /** The link right after it was made: on this response only. */
  newLink: { https: string; webcal: string } | null
  /** A link exists (made now or before). */
  active: boolean
  /** "Je agenda-link is aangemaakt op …", when one exists. */
  since: string | null
}

/** The page for one request: the status, and what the form that was just sent did. */
export function calendarFeedPageView(input: {
  url: URL
  portalUrl: string
  /** The status as loaded (after the action ran). */
  status: CalendarFeedStatus
  /** A link the action just made (its secret is never loaded again). */
  created: Extract<CalendarFeedFormResult, { kind: 'created' }> | null
  outcome: ActionOutcome<CalendarFeedFailure>
}): CalendarFeedPageView {
  const { created, outcome } = input
  const active = Boolean(created) || input.status.active
  const madeAt = created?.createdAt ?? input.status.createdAt
  const since = active && madeAt ? `Je agenda-link is aangemaakt op ${createdLabel(madeAt)}.` : null
  const page = (
    status: number,
    notice?: NoticeView,
    headers: Record<string, string> = {},
  ): CalendarFeedPageView => ({
    status,
    headers,
    notice,
    newLink: created ? feedLinks({ portalUrl: input.portalUrl, secret: created.secret }) : null,
    active,
    since,
  })

  if (created) {
    return page(200, {
      kind: 'success',
      message: created.renewed ? FEED_MESSAGES.renewed : FEED_MESSAGES.created,
    })
  }
  switch (outcome.kind) {
    case 'none':
      return page(
        200,
        input.url.searchParams.get('ingetrokken') === '1' && !active
          ? { kind: 'success', message: FEED_MESSAGES.revoked }
          : undefined,
      )
    case 'input-error':
    case 'action-error':
      return page(400, {
        kind: 'error',
        message: 'Dat ging niet goed. Probeer het opnieuw.',
      })
    case 'result': {
      const { result } = outcome
      if (result.code === 'rate-limited') {
        const seconds = result.retryAfterSeconds ?? 60
        return page(
          429,
          { kind: 'error', title: RATE_LIMIT_TITLE, message: result.message },
          retryAfterHeaders(seconds),
        )
      }
      return page(
        503,
        { kind: 'error', title: 'Schoolpost is niet bereikbaar', message: result.message },
        { 'Retry-After': '30' },
      )
    }
  }
}
