import { afterEach, describe, expect, it, vi } from 'vitest'

import { closeAllCms, json, startCms } from '../../test/cms-stub'
import { allowingLimiter, refusingLimiter } from '../../test/fake-limiter'
import type { CheckUnsubscribeResult, UnsubscribeResult } from '../../lib/cms/cms-client'
import { CmsUnavailableError, createCmsClient } from '../../lib/cms/cms-client'
import type { UnsubscribeRequest } from './unsubscribe'
import {
  handleUnsubscribeRequest,
  INVALID_UNSUBSCRIBE_MESSAGE,
  isUnsubscribeTokenShape,
  ONE_CLICK_FIELD,
} from './unsubscribe'

afterEach(closeAllCms)

// /afmelden/<token>: the route's behaviour, against a fake CMS and against the real client.

const token = 'bmV3cy5wMQ.c2lnbmF0dXJlLW9mLXRoZS1jbXMtb3Zlci10aGUtYm9keQ'
const confirmation =
  'Je krijgt geen e-mail meer over schoolnieuws. Je kunt dit altijd weer aanzetten in het ouderportaal.'
const cmsInvalid =
  'Deze afmeldlink klopt niet. Log in op het ouderportaal om je e-mailinstellingen te wijzigen.'

function fakeCms(
  check: CheckUnsubscribeResult | Error = {
    ok: true,
    kind: 'news',
    scopeLabel: 'over schoolnieuws',
  },
  post: UnsubscribeResult | Error = { ok: true, kind: 'news', message: confirmation },
) {
  return {
    checkUnsubscribe: vi.fn(async () => {
      if (check instanceof Error) throw check
      return check
    }),
    unsubscribe: vi.fn(async () => {
      if (post instanceof Error) throw post
      return post
    }),
  }
}

function request(overrides: Partial<UnsubscribeRequest> = {}) {
  const input = {
    method: 'GET',
    token,
    cms: fakeCms(),
    limiter: allowingLimiter(),
    clientKey: '203.0.113.7',
    ...overrides,
  }
  return { input, view: handleUnsubscribeRequest(input) }
}

describe('isUnsubscribeTokenShape', () => {
  it('<base64url>.<base64url>, 10–300 characters', () => {
    expect(isUnsubscribeTokenShape(token)).toBe(true)
    for (const bad of [
      undefined,
      '',
      'no-dot-at-all-here',
      'a.b',
      `${token}.extra`,
      'ab cd.ef',
      `${'a'.repeat(300)}.b`,
    ]) {
      expect(isUnsubscribeTokenShape(bad)).toBe(false)
    }
  })
})

describe('GET /afmelden/<token>: only asks, never changes', () => {
  it('a valid link: 200, "Afmelden voor e-mail over schoolnieuws?" and the button', async () => {
    const { input, view } = request()
    expect(await view).toEqual({
      status: 200,
      headers: {},
      title: 'Afmelden voor e-mail',
      heading: 'Afmelden voor e-mail over schoolnieuws?',
      notice: undefined,
      confirm: { scopeLabel: 'over schoolnieuws' },
      done: false,
      next: undefined,
    })
    expect(input.cms.checkUnsubscribe).toHaveBeenCalledWith(token)
    expect(input.cms.unsubscribe).not.toHaveBeenCalled()
    expect(input.limiter.consume).toHaveBeenCalledWith('203.0.113.7')
  })

  it.each(['GET', 'HEAD', 'get'])('%s never calls the CMS’s unsubscribe', async (method) => {
    const { input, view } = request({ method })
    expect((await view).status).toBe(200)
    expect(input.cms.unsubscribe).not.toHaveBeenCalled()
  })

  it('a digest link says so', async () => {
    const { view } = request({
      cms: fakeCms({ ok: true, kind: 'digest', scopeLabel: 'met het dagelijks overzicht' }),
    })
    expect((await view).heading).toBe('Afmelden voor e-mail met het dagelijks overzicht?')
  })

  it('an invalid token: 400 with the CMS’s Dutch message and a way to log in', async () => {
    const { view } = request({
      cms: fakeCms({ ok: false, code: 'invalid-token', message: cmsInvalid }),
    })
    expect(await view).toMatchObject({
      status: 400,
      heading: 'Deze afmeldlink werkt niet',
      notice: { kind: 'error', message: cmsInvalid },
      confirm: undefined,
      next: 'login',
    })
  })

  it('a token that cannot be one: 400 without asking the CMS', async () => {
    const { input, view } = request({ token: 'not-a-token' })
    expect(await view).toMatchObject({
      status: 400,
      notice: { message: INVALID_UNSUBSCRIBE_MESSAGE },
      next: 'login',
    })
    expect(input.cms.checkUnsubscribe).not.toHaveBeenCalled()
    expect(INVALID_UNSUBSCRIBE_MESSAGE).toBe(cmsInvalid)
  })

  it('the CMS down: a Dutch 503 with Retry-After, never a 500', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { view } = request({
      cms: fakeCms(new CmsUnavailableError('network', 'down')),
    })
    expect(await view).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '30' },
      notice: { kind: 'error', title: 'Schoolpost is niet bereikbaar' },
      confirm: undefined,
      next: 'retry',
    })
    error.mockRestore()
  })

  it('even an unexpected error from the client is a 503', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { view } = request({ cms: fakeCms(new TypeError('boom')) })
    expect((await view).status).toBe(503)
    error.mockRestore()
  })

  it('too many attempts from this address: 429 with Retry-After, the CMS not asked', async () => {
    const { input, view } = request({ limiter: refusingLimiter(600) })
    expect(await view).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '600' },
      notice: { message: 'Te veel pogingen. Probeer het over 10 minuten opnieuw.' },
    })
    expect(input.cms.checkUnsubscribe).not.toHaveBeenCalled()
  })

  it('the CMS rate-limits: 429 too', async () => {
    const { view } = request({
      cms: fakeCms({ ok: false, code: 'rate-limited', retryAfterSeconds: 90 }),
    })
    expect(await view).toMatchObject({ status: 429, headers: { 'Retry-After': '90' } })
  })
})

describe('POST /afmelden/<token>: switches off', () => {
  it('the button or a one-click POST: the CMS’s confirmation and a link to the settings', async () => {
    const { input, view } = request({ method: 'POST' })
    expect(await view).toEqual({
      status: 200,
      headers: {},
      title: 'Afgemeld',
      heading: 'Je bent afgemeld',
      notice: { kind: 'success', message: confirmation },
      confirm: undefined,
      done: true,
      next: 'settings',
    })
    expect(input.cms.unsubscribe).toHaveBeenCalledWith(token)
    expect(input.cms.checkUnsubscribe).not.toHaveBeenCalled()
    // One-click POSTs come from a few mail-provider servers: they do not count against the limit.
    expect(input.limiter.consume).not.toHaveBeenCalled()
  })

  it('an invalid token: 400 with the CMS’s message; invalid-input: the portal’s', async () => {
    const { view } = request({
      method: 'POST',
      cms: fakeCms(undefined, { ok: false, code: 'invalid-token', message: cmsInvalid }),
    })
    expect(await view).toMatchObject({ status: 400, done: false, next: 'login' })
    const { view: shape } = request({
      method: 'POST',
      cms: fakeCms(undefined, { ok: false, code: 'invalid-input', message: 'x' }),
    })
    expect(await shape).toMatchObject({
      status: 400,
      notice: { message: INVALID_UNSUBSCRIBE_MESSAGE },
    })
  })

  it('the CMS down: 503 saying nothing changed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { view } = request({
      method: 'POST',
      cms: fakeCms(undefined, new CmsUnavailableError('timeout', 'slow')),
    })
    const page = await view
    expect(page).toMatchObject({ status: 503, done: false, headers: { 'Retry-After': '30' } })
    expect(page.notice?.message).toMatch(/^Je bent nog niet afgemeld\./)
    error.mockRestore()
  })

  it('other methods: 405 with Allow, nothing asked or changed', async () => {
    const { input, view } = request({ method: 'PUT' })
    expect(await view).toMatchObject({ status: 405, headers: { Allow: 'GET, HEAD, POST' } })
    expect(input.cms.unsubscribe).not.toHaveBeenCalled()
    expect(input.cms.checkUnsubscribe).not.toHaveBeenCalled()
  })

  it('the button sends the RFC 8058 body itself', () => {
    expect(`${ONE_CLICK_FIELD.name}=${ONE_CLICK_FIELD.value}`).toBe('List-Unsubscribe=One-Click')
  })
})

describe('against the real CMS client', () => {
  /** A CMS stand-in that keeps one parent's news preference, like the real endpoints. */
  async function cmsWithParent() {
    const state = { news: 'direct' as 'direct' | 'off' }
    const cms = await startCms((req, res, seen) => {
      const url = new URL(req.url ?? '/', 'http://cms')
      if (url.pathname !== '/api/parents/unsubscribe') return json(res, 404, {})
      const given =
        req.method === 'GET'
          ? url.searchParams.get('token')
          : (JSON.parse(seen.body || '{}') as { token?: string }).token
      if (given !== token) {
        return json(res, 400, { ok: false, code: 'invalid-token', message: cmsInvalid })
      }
      if (req.method === 'GET') {
        return json(res, 200, { ok: true, kind: 'news', scopeLabel: 'over schoolnieuws' })
      }
      state.news = 'off'
      return json(res, 200, { ok: true, kind: 'news', message: confirmation })
    })
    return { cms, state, client: createCmsClient({ baseUrl: cms.baseUrl }) }
  }

  it('GET (a mail scanner, twice) changes nothing; the POST switches off', async () => {
    const { cms, state, client } = await cmsWithParent()
    for (let i = 0; i < 2; i++) {
      const page = await handleUnsubscribeRequest({
        method: 'GET',
        token,
        cms: client,
        limiter: allowingLimiter(),
        clientKey: 'scanner',
      })
      expect(page.status).toBe(200)
    }
    expect(state.news).toBe('direct')
    expect(cms.requests.map((r) => r.method)).toEqual(['GET', 'GET'])

    const done = await handleUnsubscribeRequest({
      method: 'POST',
      token,
      cms: client,
      limiter: allowingLimiter(),
      clientKey: 'mail-provider',
    })
    expect(done).toMatchObject({ status: 200, done: true, notice: { message: confirmation } })
    expect(state.news).toBe('off')
    expect(cms.requests.at(-1)).toMatchObject({ method: 'POST', url: '/api/parents/unsubscribe' })
  })

  it('an invalid token: 400 with the CMS’s message (GET and POST)', async () => {
    const { state, client } = await cmsWithParent()
    const other = 'b3RoZXIucDE.c2lnbmF0dXJlLXRoYXQtZG9lcy1ub3QtbWF0Y2gtYXQtYWxs'
    for (const method of ['GET', 'POST']) {
      const page = await handleUnsubscribeRequest({
        method,
        token: other,
        cms: client,
        limiter: allowingLimiter(),
        clientKey: 'x',
      })
      expect(page).toMatchObject({ status: 400, notice: { message: cmsInvalid } })
    }
    expect(state.news).toBe('direct')
  })

  it('the CMS unreachable: 503 (GET and POST)', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = await startCms(() => {})
    await down.close()
    const client = createCmsClient({ baseUrl: down.baseUrl })
    for (const method of ['GET', 'POST']) {
      const page = await handleUnsubscribeRequest({
        method,
        token,
        cms: client,
        limiter: allowingLimiter(),
        clientKey: 'x',
      })
      expect(page.status).toBe(503)
    }
    // The token is not in what was logged.
    expect(JSON.stringify(error.mock.calls)).not.toContain(token)
    error.mockRestore()
  })
})
