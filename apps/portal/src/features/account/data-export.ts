import type { CmsClient } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { retryAfterHeaders } from '../../lib/http/rate-limit'
import type { PortalSession } from '../auth/session'

/** The two downloads: the data as JSON, and the photos and videos as a zip. */
const KINDS = {
  json: {
    open: 'openExport',
    type: 'application/json; charset=utf-8',
    file: (today: string) => `schoolpost-gegevens-${today}.json`,
  },
  zip: {
    open: 'openMediaExport',
    type: 'application/zip',
    file: (today: string) => `schoolpost-fotos-${today}.zip`,
  },
} as const

export type ExportKind = keyof typeof KINDS

/**
 * "Download je gegevens" (AVG, issue #16): `/account/gegevens.json` and `/account/gegevens.zip`
 * pass the CMS's export on to the browser as it arrives — never held in the portal's memory — as a
 * download named after the day. The zip's length is known ahead (the CMS computes it), so the
 * browser shows how far the download is. What is in them is the CMS's (Parents/export-data.ts,
 * Parents/export-media.ts).
 */
export async function exportResponse({
  session,
  cms,
  today,
  signal,
  kind = 'json',
}: {
  session: PortalSession
  cms: Partial<Pick<CmsClient, 'openExport' | 'openMediaExport'>>
  /** The school's date, for the file name: schoolpost-gegevens-2026-12-07.json. */
  today: string
  signal?: AbortSignal
  kind?: ExportKind
}): Promise<Response | 'signed-out'> {
  const how = KINDS[kind]
  const open = cms[how.open]
  if (!open) throw new Error(`exportResponse: the CMS client has no ${how.open}`)
  const text = (status: number, body: string, headers: Record<string, string> = {}) =>
    new Response(body, {
      status,
      headers: {
        'Content-Type': 'text/plain; charset=utf-8',
        'Cache-Control': 'no-store',
        ...headers,
      },
    })
  let answer: Awaited<ReturnType<CmsClient['openExport']>>
  try {
    answer = await open(session.token, signal)
  } catch (error) {
    reportCmsFailure('Opening a data export', error)
    return text(503, 'Je gegevens zijn nu even niet op te halen. Probeer het later opnieuw.\n', {
      'Retry-After': '60',
    })
  }
  if (answer.status === 401) {
    await answer.body?.cancel()
    return 'signed-out'
  }
  if (answer.status === 429) {
    await answer.body?.cancel()
    const seconds = Number.parseInt(answer.headers.get('retry-after') ?? '', 10) || 600
    return text(
      429,
      'Je hebt je gegevens net al een paar keer gedownload. Probeer het over een uur opnieuw.\n',
      retryAfterHeaders(seconds),
    )
  }
  if (answer.status !== 200 || !answer.body) {
    await answer.body?.cancel()
    reportCmsFailure('Opening a data export', new Error(`The CMS answered ${answer.status}.`))
    return text(503, 'Je gegevens zijn nu even niet op te halen. Probeer het later opnieuw.\n', {
      'Retry-After': '60',
    })
  }
  const length = answer.headers.get('content-length')
  return new Response(answer.body, {
    status: 200,
    headers: {
      'Content-Type': how.type,
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="${how.file(today)}"`,
      'X-Content-Type-Options': 'nosniff',
      ...(length && /^\d+$/.test(length) ? { 'Content-Length': length } : {}),
    },
  })
}

/** "123 foto's en video's, samen ongeveer 450 MB" (the account page's line above the link). */
export function describeMediaExport({ files, bytes }: { files: number; bytes: number }): string {
  if (files === 0) return 'Er zijn nu geen foto’s of video’s die je kunt downloaden.'
  const megabytes = bytes / 1_000_000
  const size =
    megabytes >= 1000
      ? `${(megabytes / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} GB`
      : `${Math.max(1, Math.round(megabytes)).toLocaleString('nl-NL')} MB`
  return `${files === 1 ? '1 foto of video' : `${files.toLocaleString('nl-NL')} foto’s en video’s`}, samen ongeveer ${size}.`
}
