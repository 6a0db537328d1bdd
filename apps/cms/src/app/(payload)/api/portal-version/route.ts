import config from '@payload-config'
import { getPayload } from 'payload'

import { answerPortalVersion } from '../../../../collections/Parents/endpoints/portal-version'
import { env } from '../../../../lib/env'
import { apiSecurityHeaders, sendsHsts } from '../../../../lib/security-headers'

// The portal's version check (issue #11), beside Payload's own /api routes: see portal-version.ts.
export const dynamic = 'force-dynamic'

const hsts = sendsHsts({ isProduction: env.isProduction, publicUrl: env.cmsUrl })

export async function GET(request: Request): Promise<Response> {
  return apiSecurityHeaders(await answerPortalVersion(await getPayload({ config }), request), {
    hsts,
  })
}
