import type { CmsClient } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { retryAfterHeaders } from '../../lib/http/rate-limit'
import type { PortalSession } from '../auth/session'

/**
 * "Download je gegevens" (AVG, issue #16): `/account/gegevens.json` passes the CMS's export on to
 * the browser as it arrives — never held in the portal's memory — as a download named after the
 * day. What is in it is the CMS's (Parents/export-data.ts).
 */
export async function exportResponse({
  session,
  cms,
  today,
  signal,
}: {
  session: PortalSession
  cms: Pick<CmsClient, 'openExport'>
  /** The school's date, for the file name: schoolpost-gegevens-2026-12-07.json. */
  today: string
  signal?: AbortSignal
}): Promise<Response | 'signed-out'> {
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
    answer = await cms.openExport(session.token, signal)
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
  return new Response(answer.body, {
    status: 200,
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Disposition': `attachment; filename="schoolpost-gegevens-${today}.json"`,
      'X-Content-Type-Options': 'nosniff',
    },
  })
}
