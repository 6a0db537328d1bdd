import { describe, expect, it, vi } from 'vitest'

import { fakeCookies } from '../../test/fake-cookies'
import { allowingLimiter, refusingLimiter } from '../../test/fake-limiter'
import type { PortalLoginResult } from '../../lib/cms/cms-client'
import { CmsUnavailableError } from '../../lib/cms/cms-client'
import type { LoginErrorCode } from './login'
import { LOGIN_ERROR_STATUS, logIn, loginErrorMessage, loginInput, submitLoginForm } from './login'
import { deriveSessionKey, openSession, SESSION_COOKIE } from './session'

const now = new Date('2026-03-02T08:00:00Z')
const exp = Math.floor(now.getTime() / 1000) + 7200
const credentials = { email: 'fatima.yilmaz@ouders.test', password: 'geheim' }

const answering = (result: PortalLoginResult) => ({ portalLogin: vi.fn(async () => result) })
const failing = (error: unknown) => ({
  portalLogin: vi.fn(async (): Promise<PortalLoginResult> => {
    throw error
  }),
})

describe('loginInput', () => {
  it('trims the address, keeps the password as typed and drops a bad return path', () => {
    const terug = 'x'.repeat(2001)
    expect(
      loginInput.parse({ email: ' Fatima@Ouders.test ', password: ' geheim ', terug }),
    ).toEqual({ email: 'Fatima@Ouders.test', password: ' geheim ', terug: undefined })
  })

  it('refuses a missing or malformed address and an empty password, in Dutch', () => {
    const issues = loginInput.safeParse({ email: 'fatima', password: '' }).error?.issues
    expect(issues?.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['email', 'Vul een geldig e-mailadres in, bv. naam@voorbeeld.nl.'],
      ['password', 'Vul je wachtwoord in.'],
    ])
    expect(loginInput.safeParse({ email: ' ', password: 'x' }).error?.issues[0]?.message).toBe(
      'Vul je e-mailadres in.',
    )
  })
})

describe('logIn: each CMS answer becomes the right Dutch message', () => {
  it.each<[string, PortalLoginResult, LoginErrorCode, RegExp]>([
    [
      'wrong email or password',
      { ok: false, code: 'invalid-credentials', message: 'x' },
      'invalid-credentials',
      /^Het e-mailadres of wachtwoord klopt niet\.$/,
    ],
    [
      'deactivated account',
      { ok: false, code: 'deactivated', message: 'x' },
      'deactivated',
      /niet meer actief.*contact op met de school/,
    ],
    [
      'invalid input',
      { ok: false, code: 'invalid-input', message: 'x' },
      'invalid-input',
      /geldig e-mailadres en je wachtwoord/,
    ],
    [
      'rate limited with Retry-After',
      { ok: false, code: 'rate-limited', retryAfterSeconds: 120 },
      'rate-limited',
      /Probeer het over 2 minuten opnieuw\./,
    ],
    [
      'rate limited without Retry-After',
      { ok: false, code: 'rate-limited', retryAfterSeconds: undefined },
      'rate-limited',
      /Wacht even/,
    ],
  ])('%s', async (_name, answer, code, message) => {
    const outcome = await logIn(credentials, answering(answer), now)
    expect(outcome).toMatchObject({ ok: false, code })
    expect(outcome.ok === false && outcome.message).toMatch(message)
  })

  it.each([
    ['the CMS is unreachable', new CmsUnavailableError('network', 'down')],
    ['the CMS times out', new CmsUnavailableError('timeout', 'slow')],
    ['something unexpected breaks', new Error('boom')],
  ])('%s → "niet bereikbaar"', async (_name, error) => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const outcome = await logIn(credentials, failing(error), now)
    spy.mockRestore()
    expect(outcome).toEqual({
      ok: false,
      code: 'unavailable',
      message: 'Schoolpost is nu even niet bereikbaar. Probeer het later opnieuw.',
    })
  })

  it('turns a good answer into a session', async () => {
    const cms = answering({
      ok: true,
      token: 'tok',
      exp,
      user: { id: 'p1', name: 'Fatima Yilmaz', email: credentials.email },
      houseRulesVersion: 2,
    })
    expect(await logIn(credentials, cms, now)).toEqual({
      ok: true,
      session: {
        token: 'tok',
        exp,
        parentId: 'p1',
        parentName: 'Fatima Yilmaz',
        houseRulesVersion: 2,
      },
    })
    expect(cms.portalLogin).toHaveBeenCalledWith(credentials)
  })

  it('does not accept a token that has already ended', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const outcome = await logIn(
      credentials,
      answering({
        ok: true,
        token: 't',
        exp: 0,
        user: { id: 'p', name: 'n', email: 'e' },
        houseRulesVersion: null,
      }),
      now,
    )
    spy.mockRestore()
    expect(outcome).toMatchObject({ ok: false, code: 'unavailable' })
  })

  it('gives every error a distinct message and a 4xx/503 status, never a 500', () => {
    const codes = Object.keys(LOGIN_ERROR_STATUS) as LoginErrorCode[]
    const messages = codes.map((code) => loginErrorMessage(code))
    expect(new Set(messages).size).toBe(codes.length)
    for (const code of codes) {
      const status = LOGIN_ERROR_STATUS[code]
      expect(status === 503 || (status >= 400 && status < 500)).toBe(true)
    }
  })

  it('says "minuut" for one minute', () => {
    expect(loginErrorMessage('rate-limited', { retryAfterSeconds: 30 })).toMatch(/over 1 minuut /)
  })
})

describe('submitLoginForm', () => {
  const session = { key: deriveSessionKey('s'.repeat(40)), secure: false }
  const good = answering({
    ok: true,
    token: 'tok',
    exp: Math.floor(Date.now() / 1000) + 3600,
    user: { id: 'p1', name: 'Fatima Yilmaz', email: credentials.email },
    houseRulesVersion: 1,
  })

  it('sets the session cookie and goes to a safe ?terug= path', async () => {
    const { cookies, jar } = fakeCookies()
    const result = await submitLoginForm(
      { ...credentials, terug: '/berichten' },
      { cms: good, cookies, session, limiter: allowingLimiter(), clientKey: '203.0.113.7' },
    )
    expect(result).toEqual({ ok: true, redirectTo: '/berichten' })
    expect(await openSession(jar.get(SESSION_COOKIE), session.key)).toMatchObject({
      token: 'tok',
      parentId: 'p1',
      parentName: 'Fatima Yilmaz',
    })
  })

  it('ignores a ?terug= that leaves the portal', async () => {
    const { cookies } = fakeCookies()
    const result = await submitLoginForm(
      { ...credentials, terug: '//evil.test' },
      { cms: good, cookies, session, limiter: allowingLimiter(), clientKey: '203.0.113.7' },
    )
    expect(result).toEqual({ ok: true, redirectTo: '/' })
  })

  it('keeps the typed email and sets no cookie on failure', async () => {
    const { cookies, writes } = fakeCookies()
    const result = await submitLoginForm(
      { email: '  fatima.yilmaz@ouders.test ', password: 'fout' },
      {
        cms: answering({ ok: false, code: 'invalid-credentials', message: 'x' }),
        cookies,
        session,
        limiter: allowingLimiter(),
        clientKey: '203.0.113.7',
      },
    )
    expect(result).toEqual({
      ok: false,
      code: 'invalid-credentials',
      message: 'Het e-mailadres of wachtwoord klopt niet.',
      email: 'fatima.yilmaz@ouders.test',
    })
    expect(writes).toEqual([])
  })

  it('counts the attempt by IP and stops at the portal limit without asking the CMS', async () => {
    const { cookies, writes } = fakeCookies()
    const limiter = refusingLimiter(240)
    const cms = answering({ ok: false, code: 'invalid-credentials', message: 'x' })
    const result = await submitLoginForm(credentials, {
      cms,
      cookies,
      session,
      limiter,
      clientKey: '203.0.113.7',
    })
    expect(result).toEqual({
      ok: false,
      code: 'rate-limited',
      message: 'Er is te vaak geprobeerd in te loggen. Probeer het over 4 minuten opnieuw.',
      email: credentials.email,
      retryAfterSeconds: 240,
    })
    expect(limiter.consume).toHaveBeenCalledWith('203.0.113.7')
    expect(cms.portalLogin).not.toHaveBeenCalled()
    expect(writes).toEqual([])
  })
})
