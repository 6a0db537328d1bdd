import { afterEach, describe, expect, it } from 'vitest'

import { closeAllCms, json, startCms } from '../../test/cms-stub'
import {
  CmsRequestError,
  CmsUnauthorizedError,
  CmsUnavailableError,
  createCmsClient,
} from '../../lib/cms/cms-client'

afterEach(closeAllCms)

// The CMS client's calls for email preferences and unsubscribe links (C1).

const token = 'bmV3cy5wMQ.c2lnbmF0dXJlLW9mLXRoZS1jbXMtb3Zlci10aGUtYm9keQ'
const invalidToken = {
  ok: false,
  code: 'invalid-token',
  message:
    'Deze afmeldlink klopt niet. Log in op het ouderportaal om je e-mailinstellingen te wijzigen.',
}

describe('updateOwnNotifications', () => {
  it('PATCHes only the notifications of the parent’s own document, with their token', async () => {
    const cms = await startCms((_req, res, seen) => {
      const sent = JSON.parse(seen.body) as { notifications: unknown }
      json(res, 200, { doc: { id: 'p1', name: 'Fatima', notifications: sent.notifications } })
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(
      await client.updateOwnNotifications('parent.jwt', 'p1', {
        news: 'digest',
        group: 'off',
        messages: 'off',
      }),
    ).toEqual({ ok: true, notifications: { news: 'digest', group: 'off', messages: 'off' } })
    const [seen] = cms.requests
    expect(seen?.method).toBe('PATCH')
    expect(seen?.url).toBe('/api/parents/p1?depth=0')
    expect(seen?.headers.authorization).toBe('JWT parent.jwt')
    expect(seen?.headers.cookie).toBeUndefined()
    expect(JSON.parse(seen?.body ?? '')).toEqual({
      notifications: { news: 'digest', group: 'off', messages: 'off' },
    })
  })

  it('what the CMS stored wins over what was sent', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, {
        doc: { id: 'p1', notifications: { news: 'off', group: null, messages: 'direct' } },
      }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(
      await client.updateOwnNotifications('t', 'p1', {
        news: 'direct',
        group: 'digest',
        messages: 'off',
      }),
    ).toEqual({ ok: true, notifications: { news: 'off', group: 'digest', messages: 'direct' } })
  })

  it('400 with Payload errors: invalid-input with the messages per field', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 400, {
        errors: [
          {
            message: 'Het volgende veld is ongeldig: notifications.news',
            data: { errors: [{ path: 'notifications.news', message: 'Ongeldige keuze.' }] },
          },
        ],
      }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(
      await client.updateOwnNotifications('t', 'p1', {
        news: 'direct',
        group: 'direct',
        messages: 'direct',
      }),
    ).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Het volgende veld is ongeldig: notifications.news',
      fields: { 'notifications.news': 'Ongeldige keuze.' },
    })
  })

  it.each([401, 403, 404])('%i: the token is no longer accepted', async (status) => {
    const cms = await startCms((_req, res) => json(res, status, { errors: [] }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(
      client.updateOwnNotifications('t', 'p1', {
        news: 'direct',
        group: 'direct',
        messages: 'direct',
      }),
    ).rejects.toBeInstanceOf(CmsUnauthorizedError)
  })

  it('another 4xx is a request error; a 200 without a doc is not trusted', async () => {
    const conflict = await startCms((_req, res) => json(res, 409, {}))
    await expect(
      createCmsClient({ baseUrl: conflict.baseUrl }).updateOwnNotifications('t', 'p1', {
        news: 'direct',
        group: 'direct',
        messages: 'direct',
      }),
    ).rejects.toBeInstanceOf(CmsRequestError)
    const empty = await startCms((_req, res) => json(res, 200, { message: 'ok' }))
    await expect(
      createCmsClient({ baseUrl: empty.baseUrl }).updateOwnNotifications('t', 'p1', {
        news: 'direct',
        group: 'direct',
        messages: 'direct',
      }),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'invalid-response' })
  })
})

describe('checkUnsubscribe', () => {
  it('GETs the status without any credentials and returns what the link is for', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { ok: true, kind: 'news', scopeLabel: 'over schoolnieuws' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.checkUnsubscribe(token)).toEqual({
      ok: true,
      kind: 'news',
      scopeLabel: 'over schoolnieuws',
    })
    const [seen] = cms.requests
    expect(seen?.method).toBe('GET')
    expect(seen?.url).toBe(`/api/parents/unsubscribe?token=${token}`)
    expect(seen?.headers.authorization).toBeUndefined()
    expect(seen?.headers.cookie).toBeUndefined()
  })

  it('400 invalid-token: the CMS’s Dutch message', async () => {
    const cms = await startCms((_req, res) => json(res, 400, invalidToken))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.checkUnsubscribe(token)).toEqual(invalidToken)
  })

  it('429: rate-limited with Retry-After', async () => {
    const cms = await startCms((_req, res) => json(res, 429, {}, { 'Retry-After': '120' }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.checkUnsubscribe(token)).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 120,
    })
  })

  it('an unknown kind or a code with the wrong status is not trusted', async () => {
    const odd = await startCms((_req, res) =>
      json(res, 200, { ok: true, kind: 'everything', scopeLabel: 'x' }),
    )
    await expect(
      createCmsClient({ baseUrl: odd.baseUrl }).checkUnsubscribe(token),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'invalid-response' })
    const wrong = await startCms((_req, res) => json(res, 404, invalidToken))
    await expect(
      createCmsClient({ baseUrl: wrong.baseUrl }).checkUnsubscribe(token),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'invalid-response' })
  })

  it('an outage never puts the token in the (logged) error message', async () => {
    const down = await startCms(() => {})
    await down.close()
    const error = await createCmsClient({ baseUrl: down.baseUrl })
      .checkUnsubscribe(token)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CmsUnavailableError)
    expect(error).toMatchObject({ reason: 'network' })
    expect((error as Error).message).not.toContain(token)
    const broken = await startCms((_req, res) => json(res, 502, {}))
    const failure = await createCmsClient({ baseUrl: broken.baseUrl })
      .checkUnsubscribe(token)
      .catch((e: unknown) => e)
    expect(failure).toMatchObject({ reason: 'server-error', status: 502 })
    expect((failure as Error).message).not.toContain(token)
  })
})

describe('unsubscribe', () => {
  it('POSTs the token as JSON without credentials and returns the confirmation', async () => {
    const message =
      'Je krijgt geen e-mail meer over schoolnieuws. Je kunt dit altijd weer aanzetten in het ouderportaal.'
    const cms = await startCms((_req, res) => json(res, 200, { ok: true, kind: 'news', message }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.unsubscribe(token)).toEqual({ ok: true, kind: 'news', message })
    const [seen] = cms.requests
    expect(seen?.method).toBe('POST')
    expect(seen?.url).toBe('/api/parents/unsubscribe')
    expect(seen?.headers['content-type']).toBe('application/json')
    expect(seen?.headers.authorization).toBeUndefined()
    expect(JSON.parse(seen?.body ?? '')).toEqual({ token })
  })

  it.each([
    ['invalid-token', invalidToken.message],
    ['invalid-input', 'De afmeldlink is onvolledig.'],
  ])('400 %s: the refusal with its message', async (code, message) => {
    const cms = await startCms((_req, res) => json(res, 400, { ok: false, code, message }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.unsubscribe(token)).toEqual({ ok: false, code, message })
  })

  it('500: the CMS is unavailable', async () => {
    const cms = await startCms((_req, res) => json(res, 500, {}))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.unsubscribe(token)).rejects.toBeInstanceOf(CmsUnavailableError)
  })
})
