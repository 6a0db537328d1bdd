import { UnsecuredJWT } from 'jose'
import { describe, expect, it, vi } from 'vitest'

import { fakeCookies } from '../../test/fake-cookies'
import { deriveSessionKey, MAX_LIFETIME_SECONDS, openSession, SESSION_COOKIE } from './session'
import {
  FALLBACK_SESSION_SECONDS,
  sessionFromCmsLogin,
  startSession,
  tokenExpiry,
} from './start-session'

const now = new Date('2026-03-02T08:00:00Z')
const nowSeconds = Math.floor(now.getTime() / 1000)
const user = { id: 'p1', name: 'Fatima Yilmaz' }
/** A token shaped like Payload's (only its payload is read). */
const jwtWith = (claims: Record<string, unknown>) => new UnsecuredJWT(claims).encode()

describe('tokenExpiry', () => {
  it('reads the exp claim without verifying the token', () => {
    expect(tokenExpiry(jwtWith({ exp: nowSeconds + 3600, id: 'p1' }))).toBe(nowSeconds + 3600)
  })

  it.each([
    ['not a JWT', 'geen-token'],
    ['no exp claim', jwtWith({ id: 'p1' })],
    ['exp is not a number', jwtWith({ exp: 'morgen' })],
    ['a broken payload', 'eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24.c2ln'],
  ])('%s: undefined', (_name, token) => {
    expect(tokenExpiry(token)).toBeUndefined()
  })
})

describe('sessionFromCmsLogin', () => {
  it('uses the exp of the answer when there is one', () => {
    const token = jwtWith({ exp: nowSeconds + 60 })
    expect(sessionFromCmsLogin({ token, exp: nowSeconds + 7200, user }, now)).toEqual({
      token,
      exp: nowSeconds + 7200,
      parentId: 'p1',
      parentName: 'Fatima Yilmaz',
      houseRulesVersion: null,
    })
  })

  it("else the token's own exp claim", () => {
    const token = jwtWith({ exp: nowSeconds + 5400 })
    expect(sessionFromCmsLogin({ token, user }, now)?.exp).toBe(nowSeconds + 5400)
  })

  it('else 8 hours', () => {
    expect(sessionFromCmsLogin({ token: 'opaque', user }, now)?.exp).toBe(
      nowSeconds + FALLBACK_SESSION_SECONDS,
    )
    expect(FALLBACK_SESSION_SECONDS).toBe(8 * 60 * 60)
  })

  it('refuses a token that has already ended, and caps a very long one', () => {
    expect(sessionFromCmsLogin({ token: jwtWith({ exp: nowSeconds }), user }, now)).toBeNull()
    const long = sessionFromCmsLogin({ token: 't', exp: nowSeconds + 10 ** 8, user }, now)
    expect(long?.exp).toBe(nowSeconds + MAX_LIFETIME_SECONDS)
  })
})

describe('startSession', () => {
  const config = { key: deriveSessionKey('s'.repeat(40)), secure: false }

  it('writes the same encrypted session cookie as the login form', async () => {
    const { cookies, jar, writes } = fakeCookies()
    const token = jwtWith({ exp: Math.floor(Date.now() / 1000) + 3600 })
    expect(await startSession(cookies, { token, user }, config)).toBe(true)
    expect(writes[0]?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/' })
    expect(await openSession(jar.get(SESSION_COOKIE), config.key)).toMatchObject({
      token,
      parentId: 'p1',
      parentName: 'Fatima Yilmaz',
    })
  })

  it('sets no cookie for a token that has ended', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const { cookies, writes } = fakeCookies()
    expect(await startSession(cookies, { token: 't', exp: 1, user }, config)).toBe(false)
    spy.mockRestore()
    expect(writes).toEqual([])
  })
})
