import type { APIRoute } from 'astro'

import { calendarFeedResponse } from '../../features/agenda/ical'
import { portalUrlOf } from '../../features/agenda/feed-link'
import { withClientAddress } from '../../lib/cms/cms-client'
import { clientKey } from '../../lib/http/rate-limit'
import { getPortalContext } from '../../lib/portal-context'

// The parent's private iCal feed (issue #15). No login and no cookie: calendar apps fetch it on
// their own, and the secret in the address is the only key. Counted per address here and at the
// CMS (which gets the caller's address). The work is in features/agenda/ical.ts.
export const GET: APIRoute = async (context) => {
  const portal = getPortalContext()
  const key = clientKey(context)
  return calendarFeedResponse({
    secret: context.params.secret,
    cms: withClientAddress(portal.cms, key),
    limiter: portal.limiters.feed,
    clientKey: key,
    portalUrl: portalUrlOf(context.url),
    now: portal.now(),
  })
}
