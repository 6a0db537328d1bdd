import { checkHouseRulesAcceptance } from '@schoolpost/policies'

import type { VersionStamp } from '../../lib/cms/portal-cache'
import type { PortalContext } from '../../lib/portal-context'
import type { PortalSession } from './session'

export const HOUSE_RULES_PAGE = '/huisregels'

/**
 * One portal-version read per request, shared by the page cache (middleware) and the gate below:
 * both ask with the same session, and the second would otherwise wait for a read of its own.
 */
const stamps = new WeakMap<Request, Promise<VersionStamp | null>>()
export function versionStampFor(
  request: Request,
  token: string,
  cache: PortalContext['cache'],
): Promise<VersionStamp | null> {
  let stamp = stamps.get(request)
  if (!stamp) stamps.set(request, (stamp = cache.currentVersion(token)))
  return stamp
}

/**
 * S18 in the portal: whether this session must (re)read the house rules before anything else. The
 * version in force comes with the portal version (read anyway for the caches), the accepted one
 * from the session cookie, so this costs no CMS call of its own. When the version cannot be read
 * the portal lets the request through: the CMS refuses every endpoint to such a parent itself.
 */
export async function mustAcceptHouseRules(
  request: Request,
  session: PortalSession,
  portal: Pick<PortalContext, 'cache'>,
): Promise<boolean> {
  const stamp = await versionStampFor(request, session.token, portal.cache)
  if (!stamp) return false
  return !checkHouseRulesAcceptance({
    acceptedVersion: session.houseRulesVersion,
    currentVersion: stamp.houseRules,
  }).ok
}

/** Where a GET goes back to after accepting: its own path, when it is a portal page. */
export function houseRulesPathFor(url: URL, method: string): string {
  if (method !== 'GET' && method !== 'HEAD') return HOUSE_RULES_PAGE
  const back = `${url.pathname}${url.search}`
  if (url.pathname === '/' || url.pathname === HOUSE_RULES_PAGE) return HOUSE_RULES_PAGE
  return `${HOUSE_RULES_PAGE}?terug=${encodeURIComponent(back)}`
}
