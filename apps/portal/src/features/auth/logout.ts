import type { AstroCookies } from 'astro'

import type { CmsClient } from '../../lib/cms/cms-client'
import type { PortalSession, SessionConfig } from './session'
import { deleteSessionCookie } from './session'

export const LOGGED_OUT_PATH = '/inloggen?uitgelogd=1'

/**
 * Ends the parent's session: first at the CMS (so the token stops working), then the portal
 * cookie. A CMS that cannot be reached does not keep a parent logged in on this device.
 */
export async function logOut(
  session: PortalSession | null,
  deps: { cms: Pick<CmsClient, 'logout'>; cookies: AstroCookies; session: SessionConfig },
): Promise<void> {
  if (session) {
    try {
      const ended = await deps.cms.logout(session.token)
      if (!ended) console.warn('[portal] The CMS did not confirm the logout.')
    } catch (error) {
      console.warn(
        '[portal] Could not end the CMS session:',
        error instanceof Error ? error.message : error,
      )
    }
  }
  deleteSessionCookie(deps.cookies, deps.session)
}
