import { promisify } from 'node:util'
import zlib from 'node:zlib'

import Negotiator from 'negotiator'

/**
 * Compressed pages (issue #11: a start page of 25 KB HTML went out as 25 KB): the portal's own
 * HTML, JSON and text answers are sent with brotli or gzip when the browser asks for it, so the
 * portal is light on a phone whether or not a proxy in front compresses. Media files are already
 * compressed and are never touched; neither are pages that carry a secret in their address
 * (invitation, password reset, unsubscribe links): compressing a secret next to reflected input
 * is what BREACH-style attacks measure.
 */

const gzip = promisify(zlib.gzip)
const brotli = promisify(zlib.brotliCompress)

/** Types worth compressing; images and videos are compressed formats already. */
const COMPRESSIBLE = /^(?:text\/(?:html|plain|css)|application\/(?:json|javascript))\s*(?:;|$)/i

/** Below this a compressed answer is hardly smaller and costs a round of CPU. */
export const MIN_COMPRESS_BYTES = 1024

/** Addresses that hold a secret (a link from an email, a private iCal feed): never compressed. */
const SECRET_PATHS = /^\/(?:uitnodiging|wachtwoord-herstellen|afmelden)\/|^\/agenda\/[^/]+\.ics$/

export type ContentCoding = 'br' | 'gzip'

/** The coding to use for an `Accept-Encoding` header (brotli first), or `null` for none. */
export function chooseContentCoding(acceptEncoding: string | null): ContentCoding | null {
  if (!acceptEncoding) return null
  const available = ['br', 'gzip', 'identity']
  // negotiator 1.x breaks ties in the server's order with `preferred` (its types predate it).
  const negotiator = new Negotiator({ headers: { 'accept-encoding': acceptEncoding } }) as {
    encoding(available: string[], options: { preferred: string[] }): string | undefined
  }
  const chosen = negotiator.encoding(available, { preferred: available })
  return chosen === 'br' || chosen === 'gzip' ? chosen : null
}

function withVary(headers: Headers): Headers {
  const vary = headers.get('Vary')
  if (!vary) headers.set('Vary', 'Accept-Encoding')
  else if (!/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary)) {
    headers.set('Vary', `${vary}, Accept-Encoding`)
  }
  return headers
}

/** The answer compressed for this request where that helps and is safe; otherwise as it was. */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
  const type = response.headers.get('Content-Type') ?? ''
  if (
    !response.body ||
    request.method === 'HEAD' ||
    response.status < 200 ||
    response.status === 204 ||
    response.status === 206 ||
    response.headers.has('Content-Encoding') ||
    !COMPRESSIBLE.test(type) ||
    SECRET_PATHS.test(new URL(request.url).pathname)
  ) {
    return response
  }
  // The answer differs with Accept-Encoding from here on, also when this request takes none.
  const headers = withVary(new Headers(response.headers))
  const init = { status: response.status, statusText: response.statusText, headers }
  const coding = chooseContentCoding(request.headers.get('Accept-Encoding'))
  if (!coding) return new Response(response.body, init)
  const body = Buffer.from(await response.arrayBuffer())
  if (body.byteLength < MIN_COMPRESS_BYTES) return new Response(body, init)
  const compressed =
    coding === 'br'
      ? await brotli(body, {
          params: {
            // Quality 5: most of brotli's gain at a fraction of the CPU of its default (11).
            [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
            [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
          },
        })
      : await gzip(body, { level: 6 })
  headers.set('Content-Encoding', coding)
  headers.set('Content-Length', String(compressed.byteLength))
  return new Response(compressed, init)
}
