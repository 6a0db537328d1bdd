import type { APIRoute } from 'astro'

import { checkPortalHealth } from '../features/health/check-health'
import { getPortalEnv } from '../lib/env'

// For the reverse proxy, load balancer and monitoring: no login, nothing about the school.
export const GET: APIRoute = async () => {
  const env = getPortalEnv()
  const health = await checkPortalHealth({
    cmsUrl: env.cmsUrl,
    timeoutMs: Math.min(env.cmsTimeoutMs, 3000),
  })
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
