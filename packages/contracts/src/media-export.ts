import { z } from 'zod'

/**
 * The photos and videos download (AVG, issue #16): `GET /api/parents/export/media` streams a zip
 * of every photo and video the parent may see in posts right now; `GET …/summary` says how many
 * files and bytes that is, for the account page (and the zip's exact Content-Length).
 */
export const MEDIA_EXPORT_PATH = '/api/parents/export/media'
export const MEDIA_EXPORT_SUMMARY_PATH = '/api/parents/export/media/summary'

export const mediaExportSummary = z.object({
  files: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
})
export type MediaExportSummary = z.infer<typeof mediaExportSummary>
