import type { AstroCookies } from 'astro'

import { isValidId } from '../../lib/cms/ids'

/**
 * A receipt of the report this browser just made, for the page it is sent to next
 * (`/absentie?gemeld=<id>`): when that page cannot load its overview (the CMS busy with everyone
 * reporting at 08:10), the parent still reads that the report was sent instead of "niet
 * bereikbaar" — and only the browser that made the report does: a link with `?gemeld=` alone,
 * sent by someone else, shows nothing of the kind. The id is no secret; the cookie lives two
 * minutes and only on this page.
 */
export const RECEIPT_COOKIE = 'sp_gemeld'

export function writeReportReceipt(
  cookies: Pick<AstroCookies, 'set'>,
  id: string,
  { secure }: { secure: boolean },
): void {
  cookies.set(RECEIPT_COOKIE, id, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/absentie',
    secure,
    maxAge: 120,
  })
}

/** Whether the page's `?gemeld=` names the report this browser's receipt is for. */
export function hasReportReceipt(cookies: Pick<AstroCookies, 'get'>, url: URL): boolean {
  const id = url.searchParams.get('gemeld')
  return isValidId(id) && cookies.get(RECEIPT_COOKIE)?.value === id
}
