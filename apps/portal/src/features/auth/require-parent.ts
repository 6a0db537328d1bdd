import type { AstroCookies } from 'astro'

import type { PortalContext } from '../../lib/portal-context'
import { houseRulesPathFor, mustAcceptHouseRules } from './house-rules-gate'
import { loginPathFor } from './safe-redirect'
import type { PortalSession } from './session'
import { deleteSessionCookie, readSessionCookie, SESSION_COOKIE } from './session'

/** What pages, actions and endpoints share of Astro's context (AstroGlobal and APIContext both fit). */
export type AuthContext = {
  cookies: AstroCookies
  url: URL
  request: Request
  redirect: (path: string, status?: 302 | 303) => Response
}

/**
 * The parent of this request, from the portal's session cookie, or `null`. A cookie that cannot
 * be opened (tampered, expired, other key) is deleted.
 */
export async function currentParent(
  ctx: Pick<AuthContext, 'cookies'>,
  portal: PortalContext,
): Promise<PortalSession | null> {
  const session = await readSessionCookie(ctx.cookies, portal.session)
  if (!session && ctx.cookies.has(SESSION_COOKIE)) deleteSessionCookie(ctx.cookies, portal.session)
  return session
}

export type ParentAuth = { ok: true; session: PortalSession } | { ok: false; response: Response }

/** Redirects to the login page (remembering where the parent wanted to go on a GET). */
export function redirectToLogin(ctx: AuthContext): Response {
  const isGet = ctx.request.method === 'GET' || ctx.request.method === 'HEAD'
  return ctx.redirect(isGet ? loginPathFor(ctx.url) : '/inloggen', isGet ? 302 : 303)
}

/**
 * Every page, action and endpoint that shows or changes a parent's data starts here:
 * `const auth = await requireParent(Astro, portal); if (!auth.ok) return auth.response`.
 * A parent who has not accepted the house rules in force is sent to /huisregels first (S18);
 * only that page (and logging out) pass `{ houseRules: 'not-yet' }`.
 */
export async function requireParent(
  ctx: AuthContext,
  portal: PortalContext,
  options: { houseRules?: 'not-yet' } = {},
): Promise<ParentAuth> {
  const session = await currentParent(ctx, portal)
  if (!session) return { ok: false, response: redirectToLogin(ctx) }
  if (
    options.houseRules !== 'not-yet' &&
    (await mustAcceptHouseRules(ctx.request, session, portal))
  ) {
    const status = ctx.request.method === 'GET' || ctx.request.method === 'HEAD' ? 302 : 303
    return {
      ok: false,
      response: ctx.redirect(houseRulesPathFor(ctx.url, ctx.request.method), status),
    }
  }
  return { ok: true, session }
}

/** The CMS no longer accepts the token: forget the session and log in again. */
export function endSession(ctx: AuthContext, portal: PortalContext): Response {
  deleteSessionCookie(ctx.cookies, portal.session)
  return redirectToLogin(ctx)
}
