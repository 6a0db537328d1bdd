import type { MediaExportSummary } from '@schoolpost/contracts'
import type { Endpoint } from 'payload'

import { consume, tooManyRequests } from '../../../lib/rate-limit'
import { recordAuditEvent } from '../../AuditEvents/record'
import { mediaExportEntries, mediaZip, zipLength } from '../export-media'
import { parentOrRefusal } from './portal-parent'

/**
 * `GET /api/parents/export/media/summary`: how many photos and videos the parent's zip holds and
 * its size in bytes (the account page shows it before the download). Counts nothing.
 */
export const mediaExportSummaryEndpoint: Endpoint = {
  path: '/export/media/summary',
  method: 'get',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    const entries = await mediaExportEntries(req, parent)
    return Response.json(
      { files: entries.length, bytes: zipLength(entries) } satisfies MediaExportSummary,
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}

/**
 * `GET /api/parents/export/media`: the zip itself (Parents/export-media.ts), streamed with its
 * exact Content-Length so the browser shows progress. Limited with the JSON export (`export`):
 * each one reads every file the parent may see.
 */
export const mediaExportEndpoint: Endpoint = {
  path: '/export/media',
  method: 'get',
  handler: async (req) => {
    const parent = parentOrRefusal(req)
    if (parent instanceof Response) return parent
    const limit = await consume(req, 'export', parent.id)
    if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds)
    const entries = await mediaExportEntries(req, parent)
    await recordAuditEvent(req, {
      type: 'data-export',
      subject: { type: 'parent', id: parent.id, name: parent.name },
      summary: `Foto's en video's gedownload (zip, ${entries.length} bestanden).`,
    })
    return new Response(mediaZip(entries), {
      headers: {
        'Content-Type': 'application/zip',
        'Content-Length': String(zipLength(entries)),
        'Cache-Control': 'no-store',
        'Content-Disposition': 'attachment; filename="schoolpost-fotos.zip"',
      },
    })
  },
}
