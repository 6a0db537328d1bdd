import config from '@payload-config'
import { getPayload } from 'payload'

import { checkHealth } from '../../lib/health'

// For the reverse proxy, load balancer and monitoring (docs/production.md): 200 when this process
// reads its database, 503 otherwise; never cached.
export const dynamic = 'force-dynamic'

export async function GET(): Promise<Response> {
  const health = await checkHealth(() => getPayload({ config }))
  return Response.json(health, {
    status: health.status === 'ok' ? 200 : 503,
    headers: { 'Cache-Control': 'no-store' },
  })
}
