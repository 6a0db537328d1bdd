import type { Agenda } from '@schoolpost/contracts'
import { afterEach, describe, expect, it } from 'vitest'

import { closeAllCms, json, startCms } from '../../test/cms-stub'
import {
  CmsRequestError,
  CmsUnauthorizedError,
  CmsUnavailableError,
  createCmsClient,
} from './cms-client'

afterEach(closeAllCms)

const token = 'parent.jwt.token'
const SECRET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJK_-0123'

const agendaAnswer: Agenda = {
  from: '2027-01-29',
  to: '2028-03-01',
  timeZone: 'Europe/Amsterdam',
  schoolName: 'De Regenboog',
  events: [],
  closed: [{ label: 'Kerstvakantie', from: '2027-12-18', to: '2028-01-02' }],
  volunteering: [],
  absences: [
    {
      id: 'a1',
      childName: 'Sam',
      date: '2027-03-12',
      from: null,
      to: null,
      updatedAt: '2027-02-08T08:00:00.000Z',
    },
  ],
}

describe('the calendar feed link (the parent’s own)', () => {
  it('reads the status with the JWT', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { active: true, createdAt: '2027-03-01T09:00:00.000Z' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.getCalendarFeedStatus(token)).toEqual({
      active: true,
      createdAt: '2027-03-01T09:00:00.000Z',
    })
    expect(cms.requests[0]).toMatchObject({ method: 'GET', url: '/api/parents/calendar-feed' })
    expect(cms.requests[0]?.headers.authorization).toBe(`JWT ${token}`)
  })

  it('makes a link (201 with its secret) and revokes it', async () => {
    let answer: [number, unknown] = [201, { secret: SECRET, createdAt: '2027-03-01T09:00:00.000Z' }]
    const cms = await startCms((_req, res) => json(res, ...answer))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.createCalendarFeed(token)).toEqual({
      ok: true,
      secret: SECRET,
      createdAt: '2027-03-01T09:00:00.000Z',
    })
    expect(cms.requests[0]).toMatchObject({ method: 'POST', url: '/api/parents/calendar-feed' })
    expect(cms.requests[0]?.headers.authorization).toBe(`JWT ${token}`)
    answer = [200, { active: false, createdAt: null }]
    expect(await client.revokeCalendarFeed(token)).toEqual({ active: false, createdAt: null })
    expect(cms.requests[1]).toMatchObject({
      method: 'POST',
      url: '/api/parents/calendar-feed/revoke',
    })
  })

  it('a limit is a 429 with Retry-After; an ended session, staff or a bad answer are errors', async () => {
    let answer: [number, unknown, Record<string, string>?] = [
      429,
      { ok: false, code: 'rate-limited', message: 'Te veel.' },
      { 'Retry-After': '600' },
    ]
    const cms = await startCms((_req, res) => json(res, answer[0], answer[1], answer[2]))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.createCalendarFeed(token)).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 600,
    })
    answer = [401, { ok: false, code: 'signed-out', message: 'Log opnieuw in.' }]
    await expect(client.createCalendarFeed(token)).rejects.toBeInstanceOf(CmsUnauthorizedError)
    await expect(client.getCalendarFeedStatus(token)).rejects.toBeInstanceOf(CmsUnauthorizedError)
    answer = [403, { ok: false, code: 'forbidden', message: 'Alleen voor ouders.' }]
    await expect(client.revokeCalendarFeed(token)).rejects.toBeInstanceOf(CmsUnauthorizedError)
    answer = [201, { secret: 'te kort', createdAt: '2027-03-01T09:00:00.000Z' }]
    await expect(client.createCalendarFeed(token)).rejects.toBeInstanceOf(CmsUnavailableError)
    answer = [200, { active: 'ja' }]
    await expect(client.getCalendarFeedStatus(token)).rejects.toBeInstanceOf(CmsUnavailableError)
  })
})

describe('getCalendarFeedData (no login: the secret is the key)', () => {
  it('reads the agenda of the secret’s owner without any token, with the caller’s address', async () => {
    const cms = await startCms((_req, res) => json(res, 200, agendaAnswer))
    const client = createCmsClient({ baseUrl: cms.baseUrl, clientAddress: '192.0.2.7' })
    expect(await client.getCalendarFeedData(SECRET)).toEqual({ ok: true, agenda: agendaAnswer })
    expect(cms.requests[0]).toMatchObject({ method: 'GET', url: `/api/events/feed/${SECRET}` })
    expect(cms.requests[0]?.headers.authorization).toBeUndefined()
    expect(cms.requests[0]?.headers.cookie).toBeUndefined()
    expect(cms.requests[0]?.headers['x-forwarded-for']).toBe('192.0.2.7')
  })

  it('404 is not-found; 429 is rate-limited', async () => {
    let answer: [number, unknown, Record<string, string>?] = [
      404,
      { ok: false, code: 'not-found', message: 'Deze agenda-link bestaat niet (meer).' },
    ]
    const cms = await startCms((_req, res) => json(res, answer[0], answer[1], answer[2]))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.getCalendarFeedData(SECRET)).toEqual({ ok: false, code: 'not-found' })
    answer = [
      429,
      { ok: false, code: 'rate-limited', message: 'Te veel.' },
      { 'Retry-After': '60' },
    ]
    expect(await client.getCalendarFeedData(SECRET)).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 60,
    })
  })

  it('never puts the secret in an error (those are logged)', async () => {
    let answer: [number, unknown] = [200, { ...agendaAnswer, events: 'geen lijst' }]
    const cms = await startCms((_req, res) => json(res, ...answer))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    const messageOf = async () => {
      try {
        await client.getCalendarFeedData(SECRET)
      } catch (error) {
        return error as Error
      }
      throw new Error('expected a failure')
    }
    const invalid = await messageOf()
    expect(invalid).toBeInstanceOf(CmsUnavailableError)
    expect(invalid.message).not.toContain(SECRET)
    answer = [500, { error: 'kapot' }]
    const down = await messageOf()
    expect(down).toBeInstanceOf(CmsUnavailableError)
    expect(down.message).not.toContain(SECRET)
    answer = [400, { ok: false }]
    const odd = await messageOf()
    expect(odd).toBeInstanceOf(CmsRequestError)
    expect(odd.message).not.toContain(SECRET)

    const unreachable = createCmsClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 })
    const network = await unreachable.getCalendarFeedData(SECRET).catch((error: Error) => error)
    expect(network).toBeInstanceOf(CmsUnavailableError)
    expect((network as Error).message).not.toContain(SECRET)
  })
})
