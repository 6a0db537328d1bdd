import { afterEach, describe, expect, it } from 'vitest'

import { closeAllCms, json, startCms } from '../../test/cms-stub'
import { CmsUnauthorizedError, CmsUnavailableError, createCmsClient } from './cms-client'

afterEach(closeAllCms)

const token = 'parent.jwt.token'

describe('signUpForSlot and cancelSignup', () => {
  it('posts the slot (and who comes) with the JWT and reads the place or the waitlist', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 201, { ok: true, status: 'waitlist', signup: 'v1', message: 'Wachtlijst.' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.signUpForSlot(token, 'r1', { slot: 's1', comes: 'Opa Kees' })).toEqual({
      ok: true,
      status: 'waitlist',
      signup: 'v1',
      message: 'Wachtlijst.',
    })
    expect(cms.requests[0]).toMatchObject({
      method: 'POST',
      url: '/api/volunteer-requests/r1/signups',
      body: JSON.stringify({ slot: 's1', comes: 'Opa Kees' }),
    })
    expect(cms.requests[0]?.headers.authorization).toBe(`JWT ${token}`)
  })

  it('gives the CMS’s Dutch refusal with its code; 429 with Retry-After', async () => {
    let answer: [number, unknown, Record<string, string>?] = [
      409,
      { ok: false, code: 'full', message: 'Dit moment is vol. Er is geen wachtlijst.' },
    ]
    const cms = await startCms((_req, res) => {
      if (answer[2]) for (const [k, v] of Object.entries(answer[2])) res.setHeader(k, v)
      json(res, answer[0], answer[1])
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.signUpForSlot(token, 'r1', { slot: 's1' })).toEqual({
      ok: false,
      code: 'full',
      message: 'Dit moment is vol. Er is geen wachtlijst.',
    })
    answer = [
      429,
      { ok: false, code: 'rate-limited', message: 'Te veel.' },
      { 'Retry-After': '90' },
    ]
    expect(await client.cancelSignup(token, 'v1')).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 90,
    })
    expect(cms.requests[1]?.url).toBe('/api/volunteer-signups/v1/cancel')
    answer = [200, { ok: true, status: 'cancelled', promoted: true }]
    expect(await client.cancelSignup(token, 'v1')).toEqual({ ok: true, promoted: true })
  })

  it('a 401 or 403 ends the session; an answer outside the contract is not trusted', async () => {
    let status = 401
    let body: unknown = { ok: false, code: 'unauthorized', message: 'Log eerst in.' }
    const cms = await startCms((_req, res) => json(res, status, body))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.signUpForSlot(token, 'r1', { slot: 's1' })).rejects.toBeInstanceOf(
      CmsUnauthorizedError,
    )
    status = 403
    await expect(client.cancelSignup(token, 'v1')).rejects.toBeInstanceOf(CmsUnauthorizedError)
    status = 201
    body = { ok: true, status: 'maybe', signup: 'v1', message: '' }
    await expect(client.signUpForSlot(token, 'r1', { slot: 's1' })).rejects.toBeInstanceOf(
      CmsUnavailableError,
    )
    status = 409
    body = { error: 'no code' }
    await expect(client.signUpForSlot(token, 'r1', { slot: 's1' })).rejects.toBeInstanceOf(
      CmsUnavailableError,
    )
  })
})
