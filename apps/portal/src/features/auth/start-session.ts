import type { AstroCookies } from 'astro'
import { decodeJwt } from 'jose'

import type { CmsUser } from '../../lib/cms/cms-client'
import type { PortalSession, SessionConfig } from './session'
import { MAX_LIFETIME_SECONDS, writeSessionCookie } from './session'

/** How long a session lasts when the CMS says nothing about it (its own token lifetime). */
export const FALLBACK_SESSION_SECONDS = 8 * 60 * 60

/**
 * The `exp` claim of a CMS token, read without verifying it: the token came straight from the
 * CMS over the portal's own request, and only the CMS ever checks it.
 */
export function tokenExpiry(token: string): number | undefined {
  try {
    const { exp } = decodeJwt(token)
    return typeof exp === 'number' && Number.isInteger(exp) && exp > 0 ? exp : undefined
  } catch {
    return undefined
  }
}

/** A CMS answer that logs a parent in: the token, maybe its expiry, and the parent. */
export type CmsLogin = {
  token: string
  exp?: number | undefined
  user: Pick<CmsUser, 'id' | 'name'>
  /** The accepted house-rules version, when the answer says (an invitation's new parent: none). */
  houseRulesVersion?: number | null
}

/**
 * The portal session for a CMS login answer. The expiry is the answer's `exp`, else the token's
 * own `exp` claim, else 8 hours; never longer than a portal session may last. `null` when the
 * token has already ended.
 */
export function sessionFromCmsLogin(login: CmsLogin, now: Date = new Date()): PortalSession | null {
  const nowSeconds = Math.floor(now.getTime() / 1000)
  const exp = login.exp ?? tokenExpiry(login.token) ?? nowSeconds + FALLBACK_SESSION_SECONDS
  if (!Number.isFinite(exp) || exp <= nowSeconds) return null
  return {
    token: login.token,
    exp: Math.min(Math.floor(exp), nowSeconds + MAX_LIFETIME_SECONDS),
    parentId: login.user.id,
    parentName: login.user.name,
    houseRulesVersion: login.houseRulesVersion ?? null,
  }
}

/**
 * Starts the portal session for a parent the CMS has just logged in (invitation accepted,
 * password reset), exactly as the login form does. `false` (logged) when that is not possible.
 */
export async function startSession(
  cookies: AstroCookies,
  login: CmsLogin,
  config: SessionConfig,
  now: Date = new Date(),
): Promise<boolean> {
  const session = sessionFromCmsLogin(login, now)
  if (!session) {
    console.error('[portal] The CMS answered with a token that has already ended.')
    return false
  }
  try {
    await writeSessionCookie(cookies, session, config, now)
    return true
  } catch (error) {
    console.error('[portal] Could not start the portal session:', error)
    return false
  }
}
