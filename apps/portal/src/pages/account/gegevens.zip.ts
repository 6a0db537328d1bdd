import type { APIRoute } from 'astro'

import { exportResponse } from '../../features/account/data-export'
import { endSession, requireParent } from '../../features/auth/require-parent'
import { getPortalContext } from '../../lib/portal-context'

// The photos and videos the parent may see, as one zip (AVG), streamed from the CMS with its
// length known ahead. The work is in features/account/data-export.ts.
export const GET: APIRoute = async (context) => {
  const portal = getPortalContext()
  const auth = await requireParent(context, portal)
  if (!auth.ok) return auth.response
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Amsterdam' }).format(
    portal.now(),
  )
  const response = await exportResponse({
    session: auth.session,
    cms: portal.cms,
    today,
    signal: context.request.signal,
    kind: 'zip',
  })
  return response === 'signed-out' ? endSession(context, portal) : response
}
