import type { Endpoint } from 'payload'

import { consume, tooManyRequests } from '../../../lib/rate-limit'
import { recordAuditEvent } from '../../AuditEvents/record'
import { exportChunks } from '../export-data'
import { parentOrRefusal, schoolContactOf } from './portal-parent'

/**
 * `GET /api/parents/export`: the signed-in parent's own data as one JSON file (AVG; issue #16),
 * streamed as it is read (Parents/export-data.ts). Limited per parent (`export`): each one reads
 * the family's whole history.
 */
export const exportEndpoint: Endpoint = {
  path: '/export',
  method: 'get',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    const limit = await consume(req, 'export', parent.id)
    if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds)
    await recordAuditEvent(req, {
      type: 'data-export',
      subject: { type: 'parent', id: parent.id, name: parent.name },
      summary: 'Eigen gegevens gedownload (JSON).',
    })
    const school = await schoolContactOf(req)
    const chunks = exportChunks(req, parent, school.name)
    const encoder = new TextEncoder()
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const next = await chunks.next()
          if (next.done) controller.close()
          else controller.enqueue(encoder.encode(next.value))
        } catch (error) {
          req.payload.logger.error({ err: error }, 'Export of a parent’s data failed')
          controller.error(error)
        }
      },
      async cancel() {
        await chunks.return(undefined)
      },
    })
    return new Response(body, {
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
        'Content-Disposition': 'attachment; filename="schoolpost-gegevens.json"',
      },
    })
  },
}
