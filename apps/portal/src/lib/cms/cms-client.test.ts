import { afterEach, describe, expect, it } from 'vitest'

import { closeAllCms, json, startCms } from '../../test/cms-stub'
import {
  CmsRequestError,
  CmsUnauthorizedError,
  CmsUnavailableError,
  createCmsClient,
  parseRetryAfter,
  withClientAddress,
} from './cms-client'

afterEach(closeAllCms)

const credentials = { email: 'fatima.yilmaz@ouders.test', password: 'Schoolpost-demo-2026' }
const user = { id: 'p1', name: 'Fatima Yilmaz', email: credentials.email }

describe('portalLogin', () => {
  it('200: returns the token and posts the credentials as JSON without cookies', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { ok: true, token: 'tok.en', exp: 1_900_000_000, user, houseRulesVersion: 3 }),
    )
    const client = createCmsClient({ baseUrl: `${cms.baseUrl}/` })
    expect(await client.portalLogin(credentials)).toEqual({
      ok: true,
      token: 'tok.en',
      exp: 1_900_000_000,
      user,
      houseRulesVersion: 3,
    })
    const [seen] = cms.requests
    expect(seen?.method).toBe('POST')
    expect(seen?.url).toBe('/api/parents/portal-login')
    expect(seen?.headers['content-type']).toBe('application/json')
    expect(seen?.headers.cookie).toBeUndefined()
    expect(seen?.headers.authorization).toBeUndefined()
    expect(JSON.parse(seen?.body ?? '')).toEqual(credentials)
  })

  it.each([
    [400, 'invalid-input'],
    [401, 'invalid-credentials'],
    [403, 'deactivated'],
  ] as const)('%i: returns the code %s', async (status, code) => {
    const cms = await startCms((_req, res) => json(res, status, { ok: false, code, message: 'm' }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.portalLogin(credentials)).toEqual({ ok: false, code, message: 'm' })
  })

  it('429: returns rate-limited with Retry-After', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 429, { message: 'Te veel' }, { 'Retry-After': '90' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.portalLogin(credentials)).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 90,
    })
  })

  it('a code that does not match its status is not trusted', async () => {
    const cms = await startCms((_req, res) => json(res, 401, { ok: false, code: 'deactivated' }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.portalLogin(credentials)).rejects.toMatchObject({
      name: 'CmsUnavailableError',
      reason: 'invalid-response',
      status: 401,
    })
  })

  it('500: the CMS is unavailable', async () => {
    const cms = await startCms((_req, res) => json(res, 500, { errors: [{ message: 'x' }] }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    const error = await client.portalLogin(credentials).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CmsUnavailableError)
    expect(error).toMatchObject({ reason: 'server-error', status: 500 })
  })

  it('HTML instead of JSON: the CMS is unavailable', async () => {
    const cms = await startCms((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' })
      res.end('<html>proxy error</html>')
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.portalLogin(credentials)).rejects.toMatchObject({
      name: 'CmsUnavailableError',
      reason: 'invalid-response',
    })
  })

  it('connection refused: CmsUnavailableError (network)', async () => {
    const cms = await startCms(() => {})
    await cms.close()
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    const error = await client.portalLogin(credentials).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CmsUnavailableError)
    expect(error).toMatchObject({ reason: 'network' })
  })

  it('no answer in time: CmsUnavailableError (timeout)', async () => {
    const cms = await startCms(() => {
      // never answers
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl, writeTimeoutMs: 150 })
    const started = Date.now()
    const error = await client.portalLogin(credentials).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CmsUnavailableError)
    expect(error).toMatchObject({ reason: 'timeout' })
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('a write waits for a slow CMS past the read timeout: giving up would not undo it', async () => {
    let answer: (() => void) | undefined
    const cms = await startCms((req, res) => {
      // Answers a write once a read has timed out: only then is the write's wait longer.
      if (req.method === 'POST') {
        answer = () => json(res, 200, { ok: true, token: 'tok.en', exp: 1_900_000_000, user })
      }
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl, timeoutMs: 150, writeTimeoutMs: 10_000 })
    const write = client.portalLogin(credentials)
    await expect(client.listPupils('parent.jwt.token')).rejects.toMatchObject({ reason: 'timeout' })
    answer!()
    await expect(write).resolves.toMatchObject({ ok: true })
  })

  it('a body that stops halfway also times out', async () => {
    const cms = await startCms((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' })
      res.write('{"ok":')
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl, writeTimeoutMs: 150 })
    await expect(client.portalLogin(credentials)).rejects.toMatchObject({
      name: 'CmsUnavailableError',
      reason: 'timeout',
    })
  })
})

describe('authenticated calls', () => {
  const token = 'parent.jwt.token'

  it('send Authorization: JWT <token>, never a cookie, and follow no redirect', async () => {
    const cms = await startCms((req, res) => {
      if (req.url?.startsWith('/api/pupils')) {
        return json(res, 200, {
          docs: [
            {
              id: 'k1',
              firstName: 'Noor',
              lastName: 'Yilmaz',
              group: { id: 'g3', name: 'Groep 3' },
            },
          ],
        })
      }
      if (req.url?.startsWith('/api/globals/school-settings')) {
        return json(res, 200, { schoolName: 'De Regenboog', phone: '071 123 45 67' })
      }
      if (req.url === '/api/parents/me')
        return json(res, 200, { user: { ...user, collection: 'parents' }, exp: 5 })
      if (req.url === '/api/parents/logout') return json(res, 200, { message: 'ok' })
      json(res, 404, {})
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl })

    const pupils = await client.listPupils(token)
    expect(pupils.map((p) => p.firstName)).toEqual(['Noor'])
    expect((await client.getSchoolSettings(token)).phone).toBe('071 123 45 67')
    expect((await client.me(token)).user?.name).toBe('Fatima Yilmaz')
    expect(await client.logout(token)).toBe(true)

    expect(cms.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/pupils?depth=1&limit=100&sort=firstName',
      'GET /api/globals/school-settings?depth=0',
      'GET /api/parents/me',
      'POST /api/parents/logout',
    ])
    for (const seen of cms.requests) {
      expect(seen.headers.authorization).toBe(`JWT ${token}`)
      expect(seen.headers.cookie).toBeUndefined()
    }
  })

  it('me: a token the CMS no longer knows gives user null (200 null, or 401)', async () => {
    let status = 200
    const cms = await startCms((_req, res) =>
      status === 200 ? json(res, 200, { user: null }) : json(res, status, { errors: [] }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.me(token)).toEqual({ user: null })
    status = 401
    expect(await client.me(token)).toEqual({ user: null })
  })

  it('me: a staff token is not a parent', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { user: { id: 's1', name: 'Juf', collection: 'staff' } }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.me(token)).toEqual({ user: null })
  })

  it.each([401, 403])('%i on a data call: CmsUnauthorizedError', async (status) => {
    const cms = await startCms((_req, res) => json(res, status, { errors: [] }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.listPupils(token)).rejects.toBeInstanceOf(CmsUnauthorizedError)
    await expect(client.getSchoolSettings(token)).rejects.toBeInstanceOf(CmsUnauthorizedError)
  })

  it('404 on a data call: CmsRequestError', async () => {
    const cms = await startCms((_req, res) => json(res, 404, { errors: [] }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.listPupils(token)).rejects.toBeInstanceOf(CmsRequestError)
  })

  it('a redirect is not followed (the token stays at the CMS)', async () => {
    const target = await startCms((_req, res) => json(res, 200, { docs: [] }))
    const cms = await startCms((_req, res) => {
      res.writeHead(302, { Location: `${target.baseUrl}/api/pupils` })
      res.end()
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.listPupils(token)).rejects.toBeInstanceOf(CmsUnavailableError)
    expect(target.requests).toHaveLength(0)
  })

  it('logout: connection refused is a CmsUnavailableError', async () => {
    const cms = await startCms(() => {})
    await cms.close()
    await expect(createCmsClient({ baseUrl: cms.baseUrl }).logout(token)).rejects.toBeInstanceOf(
      CmsUnavailableError,
    )
  })
})

const linkToken = 'Q2hvb3NlIGEgcGFzc3dvcmQgZm9yIFNjaG9vbHBvc3Q'
const strongPassword = 'wij fietsen elke dag naar school'

describe('checkInvitation', () => {
  it('200: the invitation is usable; posts only the token, without cookies or a token header', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, {
        ok: true,
        parentName: 'Fatima Yilmaz',
        email: credentials.email,
        schoolName: 'Basisschool De Regenboog',
      }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.checkInvitation(linkToken)).toEqual({
      ok: true,
      parentName: 'Fatima Yilmaz',
      email: credentials.email,
      schoolName: 'Basisschool De Regenboog',
    })
    const [seen] = cms.requests
    expect(`${seen?.method} ${seen?.url}`).toBe('POST /api/invitations/check')
    expect(seen?.headers['content-type']).toBe('application/json')
    expect(seen?.headers.cookie).toBeUndefined()
    expect(seen?.headers.authorization).toBeUndefined()
    expect(JSON.parse(seen?.body ?? '')).toEqual({ token: linkToken })
  })

  it.each([
    [404, 'invalid'],
    [410, 'used'],
    [410, 'expired'],
    [410, 'revoked'],
    [400, 'invalid-input'],
  ] as const)('%i: returns the code %s with the Dutch message', async (status, code) => {
    const cms = await startCms((_req, res) =>
      json(res, status, { ok: false, code, message: 'Bericht van het CMS.' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.checkInvitation(linkToken)).toEqual({
      ok: false,
      code,
      message: 'Bericht van het CMS.',
    })
  })

  it.each([
    [404, { ok: false, code: 'used', message: 'm' }],
    [410, { ok: false, code: 'invalid', message: 'm' }],
    [410, { ok: false, code: 'weak-password', message: 'm' }],
    [404, { errors: [{ message: 'Not Found' }] }],
    [200, { ok: true, parentName: 'Fatima Yilmaz' }],
  ])('%i %j: not trusted (CmsUnavailableError)', async (status, body) => {
    const cms = await startCms((_req, res) => json(res, status, body))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.checkInvitation(linkToken)).rejects.toMatchObject({
      name: 'CmsUnavailableError',
      reason: 'invalid-response',
      status,
    })
  })

  it('429: rate-limited with Retry-After', async () => {
    const cms = await startCms((_req, res) => json(res, 429, {}, { 'Retry-After': '30' }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.checkInvitation(linkToken)).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 30,
    })
  })

  it('connection refused, 5xx and timeouts: CmsUnavailableError', async () => {
    const closed = await startCms(() => {})
    await closed.close()
    await expect(
      createCmsClient({ baseUrl: closed.baseUrl }).checkInvitation(linkToken),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'network' })

    const broken = await startCms((_req, res) => json(res, 503, {}))
    await expect(
      createCmsClient({ baseUrl: broken.baseUrl }).checkInvitation(linkToken),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'server-error' })

    const silent = await startCms(() => {})
    await expect(
      createCmsClient({ baseUrl: silent.baseUrl, writeTimeoutMs: 150 }).checkInvitation(linkToken),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'timeout' })
  })
})

describe('acceptInvitation', () => {
  it('200: the login answer; posts the token and password', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { ok: true, token: 'tok.en', exp: 1_900_000_000, user: { ...user, x: 1 } }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.acceptInvitation({ token: linkToken, password: strongPassword })).toEqual({
      ok: true,
      token: 'tok.en',
      exp: 1_900_000_000,
      user,
    })
    const [seen] = cms.requests
    expect(`${seen?.method} ${seen?.url}`).toBe('POST /api/invitations/accept')
    expect(seen?.headers.cookie).toBeUndefined()
    expect(JSON.parse(seen?.body ?? '')).toEqual({ token: linkToken, password: strongPassword })
  })

  it.each([
    [400, 'weak-password'],
    [400, 'invalid-input'],
    [404, 'invalid'],
    [410, 'used'],
    [410, 'expired'],
    [410, 'revoked'],
  ] as const)('%i: returns the code %s', async (status, code) => {
    const cms = await startCms((_req, res) => json(res, status, { ok: false, code, message: 'm' }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.acceptInvitation({ token: linkToken, password: 'x' })).toEqual({
      ok: false,
      code,
      message: 'm',
    })
  })

  it('an incomplete login answer is not trusted', async () => {
    const cms = await startCms((_req, res) => json(res, 200, { ok: true, token: 'tok.en', user }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(
      client.acceptInvitation({ token: linkToken, password: strongPassword }),
    ).rejects.toBeInstanceOf(CmsUnavailableError)
  })

  it('no answer in time: CmsUnavailableError (timeout)', async () => {
    const cms = await startCms(() => {})
    const client = createCmsClient({ baseUrl: cms.baseUrl, writeTimeoutMs: 150 })
    await expect(
      client.acceptInvitation({ token: linkToken, password: strongPassword }),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'timeout' })
  })
})

describe('forgotPassword', () => {
  it('200: the same message for every address; posts only the email', async () => {
    const message =
      'Als dit e-mailadres bij ons bekend is, ontvang je binnen een paar minuten een e-mail met een link.'
    const cms = await startCms((_req, res) => json(res, 200, { ok: true, message }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.forgotPassword(credentials.email)).toEqual({ ok: true, message })
    const [seen] = cms.requests
    expect(`${seen?.method} ${seen?.url}`).toBe('POST /api/parents/forgot-password')
    expect(seen?.headers.authorization).toBeUndefined()
    expect(JSON.parse(seen?.body ?? '')).toEqual({ email: credentials.email })
  })

  it('400: invalid-input', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 400, {
        ok: false,
        code: 'invalid-input',
        message: 'Vul een geldig e-mailadres in.',
      }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.forgotPassword('geen-email')).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Vul een geldig e-mailadres in.',
    })
  })

  it('429: rate-limited; connection refused: CmsUnavailableError', async () => {
    const cms = await startCms((_req, res) => json(res, 429, {}, { 'Retry-After': '600' }))
    expect(await createCmsClient({ baseUrl: cms.baseUrl }).forgotPassword('a@b.nl')).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 600,
    })
    await cms.close()
    await expect(
      createCmsClient({ baseUrl: cms.baseUrl }).forgotPassword('a@b.nl'),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'network' })
  })
})

describe('resetPassword', () => {
  it('200: the token and the parent (no exp); posts the token and password', async () => {
    const cms = await startCms((_req, res) => json(res, 200, { ok: true, token: 'tok.en', user }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.resetPassword({ token: linkToken, password: strongPassword })).toEqual({
      ok: true,
      token: 'tok.en',
      user,
    })
    const [seen] = cms.requests
    expect(`${seen?.method} ${seen?.url}`).toBe('POST /api/parents/reset-password')
    expect(seen?.headers.cookie).toBeUndefined()
    expect(JSON.parse(seen?.body ?? '')).toEqual({ token: linkToken, password: strongPassword })
  })

  it.each([
    [400, 'weak-password'],
    [400, 'invalid-input'],
    [410, 'invalid-token'],
  ] as const)('%i: returns the code %s', async (status, code) => {
    const cms = await startCms((_req, res) => json(res, status, { ok: false, code, message: 'm' }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.resetPassword({ token: linkToken, password: 'x' })).toEqual({
      ok: false,
      code,
      message: 'm',
    })
  })

  it('a code with the wrong status, or Payload’s own error shape, is not trusted', async () => {
    let answer: [number, unknown] = [400, { ok: false, code: 'invalid-token', message: 'm' }]
    const cms = await startCms((_req, res) => json(res, answer[0], answer[1]))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.resetPassword({ token: linkToken, password: 'x' })).rejects.toMatchObject({
      name: 'CmsUnavailableError',
      reason: 'invalid-response',
    })
    answer = [403, { errors: [{ message: 'Forbidden' }] }]
    await expect(client.resetPassword({ token: linkToken, password: 'x' })).rejects.toMatchObject({
      name: 'CmsUnavailableError',
      reason: 'invalid-response',
    })
  })

  it('500: CmsUnavailableError (server-error)', async () => {
    const cms = await startCms((_req, res) => json(res, 500, {}))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(
      client.resetPassword({ token: linkToken, password: strongPassword }),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'server-error' })
  })
})

describe('changePassword', () => {
  const token = 'parent.jwt.token'
  const input = { currentPassword: 'Schoolpost-demo-2026', newPassword: strongPassword }

  it('200: the CMS’s message; posts both passwords with the parent’s token', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { ok: true, message: 'Je wachtwoord is gewijzigd.' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.changePassword(token, input)).toEqual({
      ok: true,
      message: 'Je wachtwoord is gewijzigd.',
    })
    const [seen] = cms.requests
    expect(`${seen?.method} ${seen?.url}`).toBe('POST /api/parents/change-password')
    expect(seen?.headers.authorization).toBe(`JWT ${token}`)
    expect(seen?.headers.cookie).toBeUndefined()
    expect(JSON.parse(seen?.body ?? '')).toEqual(input)
  })

  it.each(['wrong-password', 'same-password', 'weak-password', 'invalid-input'] as const)(
    '400: returns the code %s with its message',
    async (code) => {
      const cms = await startCms((_req, res) => json(res, 400, { ok: false, code, message: 'm' }))
      const client = createCmsClient({ baseUrl: cms.baseUrl })
      expect(await client.changePassword(token, input)).toEqual({ ok: false, code, message: 'm' })
    },
  )

  it('401: CmsUnauthorizedError; 429: rate-limited with Retry-After; 500: unavailable', async () => {
    let answer: [number, unknown, Record<string, string>] = [401, { code: 'signed-out' }, {}]
    const cms = await startCms((_req, res) => json(res, ...answer))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.changePassword(token, input)).rejects.toBeInstanceOf(CmsUnauthorizedError)
    answer = [429, { code: 'rate-limited' }, { 'Retry-After': '840' }]
    expect(await client.changePassword(token, input)).toEqual({
      ok: false,
      code: 'rate-limited',
      retryAfterSeconds: 840,
    })
    answer = [500, {}, {}]
    await expect(client.changePassword(token, input)).rejects.toMatchObject({
      name: 'CmsUnavailableError',
      reason: 'server-error',
    })
  })

  it('an unknown code is not trusted', async () => {
    const cms = await startCms((_req, res) => json(res, 400, { ok: false, code: 'other' }))
    await expect(
      createCmsClient({ baseUrl: cms.baseUrl }).changePassword(token, input),
    ).rejects.toMatchObject({ name: 'CmsUnavailableError', reason: 'invalid-response' })
  })
})

describe('updateOwnAccount', () => {
  const token = 'parent.jwt.token'
  const data = { name: 'Fatima Yilmaz', phone: '06 12345678', preferredLanguage: 'nl' as const }

  it('PATCHes only the given fields for the given id with Authorization: JWT', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 200, { doc: { ...user, ...data }, message: 'Updated successfully.' }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.updateOwnAccount(token, 'p1', data)).toEqual({
      ok: true,
      parent: { ...user, ...data },
    })
    const [seen] = cms.requests
    expect(`${seen?.method} ${seen?.url}`).toBe('PATCH /api/parents/p1?depth=0')
    expect(seen?.headers.authorization).toBe(`JWT ${token}`)
    expect(seen?.headers.cookie).toBeUndefined()
    expect(JSON.parse(seen?.body ?? '')).toEqual(data)
  })

  it('400: Payload’s validation errors per field', async () => {
    const cms = await startCms((_req, res) =>
      json(res, 400, {
        errors: [
          {
            name: 'ValidationError',
            message: 'Het volgende veld is ongeldig: Telefoon',
            data: { errors: [{ path: 'phone', message: 'Ongeldig nummer' }] },
          },
        ],
      }),
    )
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    expect(await client.updateOwnAccount(token, 'p1', data)).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Het volgende veld is ongeldig: Telefoon',
      fields: { phone: 'Ongeldig nummer' },
    })
  })

  it.each([401, 403, 404])('%i: CmsUnauthorizedError', async (status) => {
    const cms = await startCms((_req, res) => json(res, status, { errors: [] }))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await expect(client.updateOwnAccount(token, 'p1', data)).rejects.toBeInstanceOf(
      CmsUnauthorizedError,
    )
  })

  it('an id is sent as one path segment', async () => {
    const cms = await startCms((_req, res) => json(res, 404, {}))
    const client = createCmsClient({ baseUrl: cms.baseUrl })
    await client.updateOwnAccount(token, '../staff/1', data).catch(() => {})
    expect(cms.requests[0]?.url).toBe('/api/parents/..%2Fstaff%2F1?depth=0')
  })
})

describe('withClientAddress', () => {
  const token = 'parent.jwt.token'
  const linkToken = 'Q2hvb3NlIGEgcGFzc3dvcmQgZm9yIFNjaG9vbHBvc3Q'

  /** Every call the CMS limits per address (and the report, limited per parent), as the portal makes it. */
  const limitedCalls = (client: ReturnType<typeof createCmsClient>) => [
    () => client.portalLogin(credentials),
    () => client.forgotPassword(credentials.email),
    () => client.resetPassword({ token: linkToken, password: 'wij fietsen elke dag' }),
    () => client.checkInvitation(linkToken),
    () => client.acceptInvitation({ token: linkToken, password: 'wij fietsen elke dag' }),
    () => client.createReport(token, { post: 'p1', category: 'privacy', text: 'Foto' }),
  ]

  it('sends the parent’s address as X-Forwarded-For on the calls the CMS limits', async () => {
    const cms = await startCms((_req, res) => json(res, 429, {}, { 'Retry-After': '60' }))
    const client = withClientAddress(createCmsClient({ baseUrl: cms.baseUrl }), '198.51.100.7')
    for (const call of limitedCalls(client)) await call()
    expect(cms.requests.map((seen) => `${seen.method} ${seen.url}`)).toEqual([
      'POST /api/parents/portal-login',
      'POST /api/parents/forgot-password',
      'POST /api/parents/reset-password',
      'POST /api/invitations/check',
      'POST /api/invitations/accept',
      'POST /api/reports?depth=0',
    ])
    expect(cms.requests.map((seen) => seen.headers['x-forwarded-for'])).toEqual(
      Array(6).fill('198.51.100.7'),
    )
  })

  it('sends none without an address, or with the shared key of an unknown one', async () => {
    const cms = await startCms((_req, res) => json(res, 429, {}, { 'Retry-After': '60' }))
    const plain = createCmsClient({ baseUrl: cms.baseUrl })
    for (const call of [
      ...limitedCalls(plain),
      ...limitedCalls(withClientAddress(plain, 'unknown')),
    ]) {
      await call()
    }
    expect(cms.requests).toHaveLength(12)
    expect(cms.requests.every((seen) => seen.headers['x-forwarded-for'] === undefined)).toBe(true)
  })
})

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = new Date('2026-03-02T08:00:00Z')
    expect(parseRetryAfter('120', now)).toBe(120)
    expect(parseRetryAfter('Mon, 02 Mar 2026 08:01:00 GMT', now)).toBe(60)
    expect(parseRetryAfter(null, now)).toBeUndefined()
    expect(parseRetryAfter('soon', now)).toBeUndefined()
  })
})
