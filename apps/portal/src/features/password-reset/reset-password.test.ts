import { UnsecuredJWT } from 'jose'
import { describe, expect, it, vi } from 'vitest'

import { fakeCookies } from '../../test/fake-cookies'
import { allowingLimiter, refusingLimiter } from '../../test/fake-limiter'
import { NEW_PASSWORD_MESSAGES } from '../auth/new-password'
import { deriveSessionKey, openSession, SESSION_COOKIE } from '../auth/session'
import type { ResetPasswordResult } from '../../lib/cms/cms-client'
import { CmsUnavailableError } from '../../lib/cms/cms-client'
import type { ResetFormFailure } from './reset-password'
import { RESET_LINK_GONE, resetPageView, submitResetForm } from './reset-password'

const linkToken = 'Q2hvb3NlIGEgcGFzc3dvcmQgZm9yIFNjaG9vbHBvc3Q'
const input = { token: linkToken, password: 'wij fietsen elke dag naar school' }
const session = { key: deriveSessionKey('s'.repeat(40)), secure: false }
const user = { id: 'p1', name: 'Fatima Yilmaz', email: 'fatima.yilmaz@ouders.test' }
const answering = (result: ResetPasswordResult) => ({ resetPassword: vi.fn(async () => result) })

describe('submitResetForm', () => {
  it('logs the parent in with the new token, its expiry read from the token itself', async () => {
    const exp = Math.floor(Date.now() / 1000) + 7200
    const token = new UnsecuredJWT({ exp, id: 'p1' }).encode()
    const cms = answering({ ok: true, token, user })
    const { cookies, jar } = fakeCookies()
    const limiter = allowingLimiter()
    const result = await submitResetForm(input, {
      cms,
      cookies,
      session,
      limiter,
      clientKey: 'ip',
    })
    expect(result).toEqual({ ok: true, redirectTo: '/' })
    expect(cms.resetPassword).toHaveBeenCalledWith(input)
    expect(limiter.consume).toHaveBeenCalledWith('ip')
    expect(await openSession(jar.get(SESSION_COOKIE), session.key)).toEqual({
      token,
      exp,
      parentId: 'p1',
      parentName: 'Fatima Yilmaz',
      houseRulesVersion: null,
    })
  })

  it('a token without exp: the session lasts 8 hours', async () => {
    const { cookies, writes } = fakeCookies()
    const result = await submitResetForm(input, {
      cms: answering({ ok: true, token: 'opaque-token', user }),
      cookies,
      session,
      limiter: allowingLimiter(),
      clientKey: 'ip',
    })
    expect(result).toEqual({ ok: true, redirectTo: '/' })
    expect(writes[0]?.options?.maxAge).toBeGreaterThan(8 * 3600 - 5)
    expect(writes[0]?.options?.maxAge).toBeLessThanOrEqual(8 * 3600)
  })

  it.each([
    ['weak-password', 'Te zwak.'],
    ['invalid-input', 'De link is onvolledig.'],
    ['invalid-token', 'Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan.'],
  ] as const)('%s: passed on with the CMS message, no cookie', async (code, message) => {
    const { cookies, writes } = fakeCookies()
    const result = await submitResetForm(input, {
      cms: answering({ ok: false, code, message }),
      cookies,
      session,
      limiter: allowingLimiter(),
      clientKey: 'ip',
    })
    expect(result).toEqual({ ok: false, code, message })
    expect(writes).toEqual([])
  })

  it('over the limit: 429 information without asking the CMS', async () => {
    const cms = answering({ ok: true, token: 't', user })
    const { cookies } = fakeCookies()
    const result = await submitResetForm(input, {
      cms,
      cookies,
      session,
      limiter: refusingLimiter(61),
      clientKey: 'ip',
    })
    expect(result).toEqual({
      ok: false,
      code: 'rate-limited',
      message: 'Te veel pogingen. Probeer het over 2 minuten opnieuw.',
      retryAfterSeconds: 61,
    })
    expect(cms.resetPassword).not.toHaveBeenCalled()
  })

  it('the CMS cannot be reached: unavailable, never a throw', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { cookies } = fakeCookies()
    const result = await submitResetForm(input, {
      cms: {
        resetPassword: vi.fn(async (): Promise<ResetPasswordResult> => {
          throw new CmsUnavailableError('timeout', 'slow')
        }),
      },
      cookies,
      session,
      limiter: allowingLimiter(),
      clientKey: 'ip',
    })
    spy.mockRestore()
    expect(result).toMatchObject({ ok: false, code: 'unavailable' })
  })
})

describe('resetPageView', () => {
  const failed = (result: ResetFormFailure) =>
    resetPageView({ token: linkToken, outcome: { kind: 'result', result } })

  it('opening the link: 200 with the form', () => {
    expect(resetPageView({ token: linkToken, outcome: { kind: 'none' } })).toEqual({
      status: 200,
      headers: {},
      heading: 'Nieuw wachtwoord kiezen',
      notice: undefined,
      form: { fieldErrors: {} },
      offerNewLink: false,
    })
  })

  it('a link that cannot be a token: 404 with a way to ask for a new link', () => {
    expect(resetPageView({ token: 'kapot', outcome: { kind: 'none' } })).toMatchObject({
      status: 404,
      form: undefined,
      offerNewLink: true,
    })
  })

  it('expired or used (410): the CMS message and a way to ask for a new link', () => {
    expect(failed({ ok: false, code: 'invalid-token', message: RESET_LINK_GONE })).toMatchObject({
      status: 410,
      notice: { kind: 'error', message: RESET_LINK_GONE },
      form: undefined,
      offerNewLink: true,
    })
  })

  it('passwords that differ: 400 at the repeat field', () => {
    const view = resetPageView({
      token: linkToken,
      outcome: {
        kind: 'input-error',
        fields: { passwordRepeat: [NEW_PASSWORD_MESSAGES.mismatch] },
      },
    })
    expect(view).toMatchObject({
      status: 400,
      form: { fieldErrors: { passwordRepeat: NEW_PASSWORD_MESSAGES.mismatch } },
    })
  })

  it('a weak password: 400 at the password field', () => {
    expect(failed({ ok: false, code: 'weak-password', message: 'Te zwak.' })).toMatchObject({
      status: 400,
      form: { fieldErrors: { password: 'Te zwak.' } },
    })
  })

  it('rate limited: 429 with Retry-After and no form', () => {
    expect(
      failed({ ok: false, code: 'rate-limited', message: 'm', retryAfterSeconds: 90 }),
    ).toMatchObject({ status: 429, headers: { 'Retry-After': '90' }, form: undefined })
  })

  it('unavailable: 503 with the form to try again; other failures 400', () => {
    expect(failed({ ok: false, code: 'unavailable', message: 'm' })).toMatchObject({
      status: 503,
      form: { fieldErrors: {} },
    })
    expect(failed({ ok: false, code: 'invalid-input', message: 'x' }).status).toBe(400)
    expect(resetPageView({ token: linkToken, outcome: { kind: 'action-error' } }).status).toBe(400)
  })
})
