import { describe, expect, it, vi } from 'vitest'

import type { PortalSession } from '../auth/session'
import {
  CmsUnauthorizedError,
  CmsUnavailableError,
  type CreateCalendarFeedResult,
} from '../../lib/cms/cms-client'
import {
  calendarFeedPageView,
  createdLabel,
  FEED_MESSAGES,
  feedLinks,
  loadCalendarFeedStatus,
  portalUrlOf,
  REVOKED_PATH,
  submitCreateCalendarFeed,
  submitRevokeCalendarFeed,
} from './feed-link'

const parent = { token: 'jwt', parentId: 'p1', parentName: 'Eva' } as PortalSession
const SECRET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJK_-0123'
const PORTAL = 'https://ouders.school.test'
const none = { kind: 'none' } as const

describe('portalUrlOf and feedLinks', () => {
  it('builds the feed’s address on PORTAL_URL, or on the request’s origin without it', () => {
    const request = new URL('http://10.0.0.5:4321/account/agenda')
    expect(portalUrlOf(request, 'https://ouders.school.test/')).toBe(PORTAL)
    expect(portalUrlOf(request, undefined)).toBe('http://10.0.0.5:4321')
    expect(portalUrlOf(request, 'geen url')).toBe('http://10.0.0.5:4321')
    expect(feedLinks({ portalUrl: PORTAL, secret: SECRET })).toEqual({
      https: `${PORTAL}/agenda/${SECRET}.ics`,
      webcal: `webcal://ouders.school.test/agenda/${SECRET}.ics`,
    })
  })
})

describe('createdLabel', () => {
  it('says when on the school’s clock (winter and summer time)', () => {
    expect(createdLabel('2027-03-01T09:00:00.000Z')).toBe('maandag 1 maart 2027 om 10:00')
    expect(createdLabel('2027-06-01T09:05:00.000Z')).toBe('dinsdag 1 juni 2027 om 11:05')
  })
})

describe('loadCalendarFeedStatus', () => {
  it('gives the status, or signed-out, or unavailable', async () => {
    const status = { active: true, createdAt: '2027-03-01T09:00:00.000Z' }
    expect(
      await loadCalendarFeedStatus(parent, { getCalendarFeedStatus: async () => status }),
    ).toEqual({ kind: 'ok', status })
    expect(
      await loadCalendarFeedStatus(parent, {
        getCalendarFeedStatus: async () => {
          throw new CmsUnauthorizedError(401, '/api/parents/calendar-feed')
        },
      }),
    ).toEqual({ kind: 'signed-out' })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    expect(
      await loadCalendarFeedStatus(parent, {
        getCalendarFeedStatus: async () => {
          throw new CmsUnavailableError('timeout', 'slow')
        },
      }),
    ).toEqual({ kind: 'unavailable' })
    spy.mockRestore()
  })
})

describe('submitCreateCalendarFeed and submitRevokeCalendarFeed', () => {
  it('hands the new secret to the page (never elsewhere) with the parent’s token', async () => {
    const createCalendarFeed = vi.fn(async (): Promise<CreateCalendarFeedResult> => ({
      ok: true,
      secret: SECRET,
      createdAt: '2027-03-01T09:00:00.000Z',
    }))
    expect(
      await submitCreateCalendarFeed({ cms: { createCalendarFeed }, parent, renewed: true }),
    ).toEqual({
      ok: true,
      kind: 'created',
      secret: SECRET,
      createdAt: '2027-03-01T09:00:00.000Z',
      renewed: true,
    })
    expect(createCalendarFeed).toHaveBeenCalledWith('jwt')
  })

  it('says when the CMS limits new links, ends an ended session, and survives an outage', async () => {
    const limited = async (): Promise<CreateCalendarFeedResult> => ({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 600,
    })
    expect(
      await submitCreateCalendarFeed({
        cms: { createCalendarFeed: limited },
        parent,
        renewed: false,
      }),
    ).toMatchObject({ ok: false, code: 'rate-limited', retryAfterSeconds: 600 })
    const ended = async () => {
      throw new CmsUnauthorizedError(403, '/api/parents/calendar-feed')
    }
    expect(
      await submitCreateCalendarFeed({
        cms: { createCalendarFeed: ended },
        parent,
        renewed: false,
      }),
    ).toEqual({ ok: false, code: 'signed-out' })
    expect(await submitRevokeCalendarFeed({ cms: { revokeCalendarFeed: ended }, parent })).toEqual({
      ok: false,
      code: 'signed-out',
    })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const down = async () => {
      throw new CmsUnavailableError('network', 'down')
    }
    expect(
      await submitRevokeCalendarFeed({ cms: { revokeCalendarFeed: down }, parent }),
    ).toMatchObject({ ok: false, code: 'unavailable' })
    spy.mockRestore()
  })

  it('revoking sends the parent back to the page with a notice in the address (no secret)', async () => {
    const revokeCalendarFeed = vi.fn(async () => ({ active: false, createdAt: null }))
    expect(await submitRevokeCalendarFeed({ cms: { revokeCalendarFeed }, parent })).toEqual({
      ok: true,
      kind: 'revoked',
      redirectTo: REVOKED_PATH,
    })
  })
})

describe('calendarFeedPageView', () => {
  const url = new URL(`${PORTAL}/account/agenda`)
  const inactive = { active: false, createdAt: null }
  const active = { active: true, createdAt: '2027-03-01T09:00:00.000Z' }

  it('without a link: offers to make one', () => {
    expect(
      calendarFeedPageView({
        url,
        portalUrl: PORTAL,
        status: inactive,
        created: null,
        outcome: none,
      }),
    ).toEqual({
      status: 200,
      headers: {},
      notice: undefined,
      newLink: null,
      active: false,
      since: null,
    })
  })

  it('shows a new link once, on the answer that made it', () => {
    const created = {
      ok: true as const,
      kind: 'created' as const,
      secret: SECRET,
      createdAt: '2027-03-01T09:00:00.000Z',
      renewed: false,
    }
    const view = calendarFeedPageView({
      url,
      portalUrl: PORTAL,
      status: active,
      created,
      outcome: none,
    })
    expect(view.newLink).toEqual(feedLinks({ portalUrl: PORTAL, secret: SECRET }))
    expect(view.notice).toEqual({ kind: 'success', message: FEED_MESSAGES.created })
    expect(view.since).toBe('Je agenda-link is aangemaakt op maandag 1 maart 2027 om 10:00.')
    expect(
      calendarFeedPageView({
        url,
        portalUrl: PORTAL,
        status: active,
        created: { ...created, renewed: true },
        outcome: none,
      }).notice?.message,
    ).toBe(FEED_MESSAGES.renewed)

    // Any later view of the page: only since when, never the link.
    const later = calendarFeedPageView({
      url,
      portalUrl: PORTAL,
      status: active,
      created: null,
      outcome: none,
    })
    expect(later.newLink).toBeNull()
    expect(later.active).toBe(true)
    expect(later.since).toBe('Je agenda-link is aangemaakt op maandag 1 maart 2027 om 10:00.')
    expect(JSON.stringify(later)).not.toContain(SECRET)
  })

  it('confirms a revoked link; shows a limit or an outage with its status', () => {
    const revoked = calendarFeedPageView({
      url: new URL(`${PORTAL}${REVOKED_PATH}`),
      portalUrl: PORTAL,
      status: inactive,
      created: null,
      outcome: none,
    })
    expect(revoked.notice).toEqual({ kind: 'success', message: FEED_MESSAGES.revoked })

    const limited = calendarFeedPageView({
      url,
      portalUrl: PORTAL,
      status: active,
      created: null,
      outcome: {
        kind: 'result',
        result: { ok: false, code: 'rate-limited', message: 'Te veel.', retryAfterSeconds: 90 },
      },
    })
    expect(limited).toMatchObject({ status: 429, headers: { 'Retry-After': '90' } })
    expect(limited.notice).toMatchObject({ kind: 'error', message: 'Te veel.' })

    const down = calendarFeedPageView({
      url,
      portalUrl: PORTAL,
      status: active,
      created: null,
      outcome: { kind: 'result', result: { ok: false, code: 'unavailable', message: 'Weg.' } },
    })
    expect(down).toMatchObject({ status: 503, headers: { 'Retry-After': '30' } })
  })
})
