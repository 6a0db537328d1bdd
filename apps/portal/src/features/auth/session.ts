import { hkdfSync } from 'node:crypto'

import type { AstroCookies } from 'astro'
import { EncryptJWT, jwtDecrypt } from 'jose'
import { z } from 'zod'

/**
 * The portal's own session: an httpOnly cookie holding the parent's CMS token, its expiry and
 * the parent's id and name, encrypted and authenticated (JWE, dir + A256GCM) with a key derived
 * from PORTAL_SESSION_SECRET. The browser never sees the CMS token, and Payload's own cookie is
 * never set on or forwarded from the portal.
 */

export const SESSION_COOKIE = 'sp_session'

const ISSUER = 'schoolpost-portal'
const AUDIENCE = 'schoolpost-portal'
const KEY_INFO = 'schoolpost portal session cookie v1'
/** Longer than any CMS session: a cookie value claiming more is refused. */
export const MAX_LIFETIME_SECONDS = 7 * 24 * 60 * 60

export type PortalSession = {
  /** The parent's Payload token, sent as `Authorization: JWT <token>`. */
  token: string
  /** When the token ends, in seconds since the epoch (Payload's `exp`). */
  exp: number
  parentId: string
  parentName: string
  /**
   * The house-rules version this parent accepted, as last seen (`null`: not known to be any).
   * Only for the portal's own redirect to /huisregels; the CMS decides on every request itself.
   */
  houseRulesVersion?: number | null
}

export type SessionKey = Uint8Array

const keys = new Map<string, SessionKey>()

/** A 256-bit key for A256GCM, derived from the configured secret with HKDF-SHA256. */
export function deriveSessionKey(secret: string): SessionKey {
  const cached = keys.get(secret)
  if (cached) return cached
  const key = new Uint8Array(hkdfSync('sha256', secret, 'schoolpost', KEY_INFO, 32))
  keys.set(secret, key)
  return key
}

const nowInSeconds = (now: Date) => Math.floor(now.getTime() / 1000)

export class SessionError extends Error {
  override name = 'SessionError'
}

/** Encrypts a session into a cookie value. */
export async function sealSession(
  session: PortalSession,
  key: SessionKey,
  now: Date = new Date(),
): Promise<string> {
  const iat = nowInSeconds(now)
  if (!Number.isInteger(session.exp) || session.exp <= iat) {
    throw new SessionError('The session has already ended.')
  }
  if (session.exp - iat > MAX_LIFETIME_SECONDS) {
    throw new SessionError('The session lasts longer than the portal allows.')
  }
  return new EncryptJWT({
    tok: session.token,
    pid: session.parentId,
    pnm: session.parentName,
    hrv: session.houseRulesVersion ?? null,
  })
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(iat)
    .setExpirationTime(session.exp)
    .encrypt(key)
}

const claims = z.object({
  tok: z.string().min(1),
  pid: z.string().min(1),
  pnm: z.string(),
  // Cookies from before the house rules carry none: such a parent is checked once on /huisregels.
  hrv: z.number().int().nullable().optional(),
  exp: z.number().int(),
})

/**
 * Decrypts a cookie value. Anything not sealed with this key, changed, expired or malformed
 * gives `null`: callers treat that as "not logged in".
 */
export async function openSession(
  value: string | undefined,
  key: SessionKey,
  now: Date = new Date(),
): Promise<PortalSession | null> {
  if (!value || value.length > 8192) return null
  try {
    const { payload } = await jwtDecrypt(value, key, {
      keyManagementAlgorithms: ['dir'],
      contentEncryptionAlgorithms: ['A256GCM'],
      issuer: ISSUER,
      audience: AUDIENCE,
      requiredClaims: ['exp', 'iat'],
      currentDate: now,
      maxTokenAge: MAX_LIFETIME_SECONDS,
    })
    const parsed = claims.safeParse(payload)
    if (!parsed.success) return null
    return {
      token: parsed.data.tok,
      exp: parsed.data.exp,
      parentId: parsed.data.pid,
      parentName: parsed.data.pnm,
      houseRulesVersion: parsed.data.hrv ?? null,
    }
  } catch {
    return null
  }
}

export type SessionCookieSettings = { secure: boolean }

/** Cookie attributes for a session ending at `exp` (seconds). */
export function sessionCookieOptions(
  exp: number,
  settings: SessionCookieSettings,
  now = new Date(),
) {
  return {
    httpOnly: true,
    sameSite: 'lax' as const,
    path: '/',
    secure: settings.secure,
    maxAge: Math.max(0, exp - nowInSeconds(now)),
  }
}

export type SessionConfig = SessionCookieSettings & { key: SessionKey }

export async function writeSessionCookie(
  cookies: AstroCookies,
  session: PortalSession,
  config: SessionConfig,
  now: Date = new Date(),
): Promise<void> {
  const value = await sealSession(session, config.key, now)
  cookies.set(SESSION_COOKIE, value, sessionCookieOptions(session.exp, config, now))
}

export async function readSessionCookie(
  cookies: AstroCookies,
  config: SessionConfig,
  now: Date = new Date(),
): Promise<PortalSession | null> {
  return openSession(cookies.get(SESSION_COOKIE)?.value, config.key, now)
}

export function deleteSessionCookie(cookies: AstroCookies, config: SessionCookieSettings): void {
  cookies.delete(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: config.secure,
  })
}
