import type { APIRoute } from 'astro'

import { mustAcceptHouseRules } from '../../features/auth/house-rules-gate'
import { currentParent } from '../../features/auth/require-parent'
import { serveMediaFile } from '../../features/files/media-file'
import { getPortalContext } from '../../lib/portal-context'

// A media file for the logged-in parent, streamed from the CMS with their token (or from the
// portal's memory while the CMS's answer still holds). No session:
// 401 (no redirect: this is fetched by <img> and <video>). The work is in features/files.
const serve: APIRoute = async (context) => {
  const portal = getPortalContext()
  const session = await currentParent(context, portal)
  // Not before the house rules (S18); the CMS refuses the file to such a parent too.
  if (session && (await mustAcceptHouseRules(context.request, session, portal)))
    return new Response(null, { status: 403, headers: { 'Cache-Control': 'no-store' } })
  return serveMediaFile({
    request: context.request,
    filename: context.params.filename,
    session,
    cms: portal.cms,
    cache: portal.cache,
  })
}

export const GET = serve
export const HEAD = serve
