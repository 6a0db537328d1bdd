import { describe, expect, it } from 'vitest'

import { fakeCookies } from '../../test/fake-cookies'
import type { PortalSession } from './session'
import {
  deleteSessionCookie,
  deriveSessionKey,
  openSession,
  readSessionCookie,
  sealSession,
  SESSION_COOKIE,
  SessionError,
  sessionCookieOptions,
  writeSessionCookie,
} from './session'

const now = new Date('2026-03-02T08:00:00Z')
const nowSeconds = Math.floor(now.getTime() / 1000)
const key = deriveSessionKey('a-test-secret-that-is-long-enough-1234567890')
const otherKey = deriveSessionKey('another-secret-that-is-also-long-enough-0987654321')

const session: PortalSession = {
  token: 'payload.jwt.token',
  exp: nowSeconds + 8 * 60 * 60,
  parentId: '7f1c2a9e-0000-4000-8000-000000000001',
  parentName: 'Fatima Yilmaz',
  houseRulesVersion: 2,
}

/** Flips one base64url character of the given JWE part (0 header … 4 tag). */
function tamper(value: string, part: number): string {
  const parts = value.split('.')
  const target = parts[part] ?? ''
  const index = Math.floor(target.length / 2)
  const flipped = target[index] === 'A' ? 'B' : 'A'
  parts[part] = `${target.slice(0, index)}${flipped}${target.slice(index + 1)}`
  return parts.join('.')
}

describe('sealSession / openSession', () => {
  it('round-trips a session', async () => {
    const sealed = await sealSession(session, key, now)
    expect(await openSession(sealed, key, now)).toEqual(session)
  })

  it('does not reveal the token or the name in the cookie value', async () => {
    const sealed = await sealSession(session, key, now)
    expect(sealed.split('.')).toHaveLength(5)
    expect(sealed).not.toContain(session.token)
    const decoded = sealed
      .split('.')
      .map((part) => Buffer.from(part, 'base64url').toString('latin1'))
      .join('')
    expect(decoded).not.toContain('Fatima')
    expect(decoded).not.toContain(session.token)
  })

  it('gives a different value each time (random IV)', async () => {
    expect(await sealSession(session, key, now)).not.toBe(await sealSession(session, key, now))
  })

  it.each([
    ['header', 0],
    ['initialisation vector', 2],
    ['ciphertext', 3],
    ['authentication tag', 4],
  ])('rejects a cookie with a changed %s', async (_name, part) => {
    const sealed = await sealSession(session, key, now)
    expect(await openSession(tamper(sealed, part), key, now)).toBeNull()
  })

  it('rejects a cookie sealed with another key', async () => {
    const sealed = await sealSession(session, otherKey, now)
    expect(await openSession(sealed, key, now)).toBeNull()
  })

  it('rejects an expired cookie', async () => {
    const sealed = await sealSession(session, key, now)
    const later = new Date((session.exp + 1) * 1000)
    expect(await openSession(sealed, key, later)).toBeNull()
    const justBefore = new Date((session.exp - 1) * 1000)
    expect(await openSession(sealed, key, justBefore)).toEqual(session)
  })

  it.each([undefined, '', 'not-a-jwe', 'a.b.c.d.e', 'x'.repeat(10_000)])(
    'rejects garbage: %s',
    async (value) => {
      expect(await openSession(value, key, now)).toBeNull()
    },
  )

  it('refuses to seal a session that has already ended', async () => {
    await expect(sealSession({ ...session, exp: nowSeconds }, key, now)).rejects.toThrow(
      SessionError,
    )
    await expect(sealSession({ ...session, exp: nowSeconds - 60 }, key, now)).rejects.toThrow(
      SessionError,
    )
  })

  it('refuses to seal a session longer than a week', async () => {
    await expect(
      sealSession({ ...session, exp: nowSeconds + 8 * 24 * 60 * 60 }, key, now),
    ).rejects.toThrow(SessionError)
  })
})

describe('deriveSessionKey', () => {
  it('derives a stable 256-bit key per secret', () => {
    const secret = 'x'.repeat(40)
    expect(deriveSessionKey(secret)).toHaveLength(32)
    expect(Buffer.from(deriveSessionKey(secret))).toEqual(Buffer.from(deriveSessionKey(secret)))
    expect(Buffer.from(deriveSessionKey(secret))).not.toEqual(
      Buffer.from(deriveSessionKey('y'.repeat(40))),
    )
  })
})

describe('session cookie', () => {
  it('is httpOnly, SameSite=Lax, Path=/ and lives until the token ends', () => {
    expect(sessionCookieOptions(nowSeconds + 3600, { secure: false }, now)).toEqual({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: false,
      maxAge: 3600,
    })
    expect(sessionCookieOptions(nowSeconds + 3600, { secure: true }, now).secure).toBe(true)
  })

  it('writes, reads back and deletes the sp_session cookie', async () => {
    const { cookies, writes, deletes } = fakeCookies()
    await writeSessionCookie(cookies, session, { key, secure: true }, now)
    expect(writes).toHaveLength(1)
    expect(writes[0]?.name).toBe(SESSION_COOKIE)
    expect(writes[0]?.options).toMatchObject({
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: true,
      maxAge: 8 * 60 * 60,
    })
    expect(await readSessionCookie(cookies, { key, secure: true }, now)).toEqual(session)

    deleteSessionCookie(cookies, { secure: true })
    expect(deletes).toEqual([
      { name: SESSION_COOKIE, options: expect.objectContaining({ path: '/', httpOnly: true }) },
    ])
    expect(await readSessionCookie(cookies, { key, secure: true }, now)).toBeNull()
  })
})
