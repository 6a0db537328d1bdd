import type { PortalSession } from '../auth/session'
import type { CmsClient } from '../../lib/cms/cms-client'
import type { KeptFile, PortalCache, VersionStamp } from '../../lib/cms/portal-cache'
import { CmsUnavailableError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { isValidMediaFilename } from './filename'

/**
 * The portal's file route (S11, S12): /bestanden/<filename> streams a media file from the CMS for
 * the logged-in parent. The CMS decides access with the parent's token, and the portal answers
 * "not allowed" and "does not exist" alike with 404. A small file the CMS served to this session
 * is kept in the portal's memory (never on disk, never in the browser: `no-store`) and served
 * again from there for as long as the portal version it was served under is current
 * (lib/cms/portal-cache.ts): a consent refusal, a hidden photo or an ended session moves the
 * version, so the next request asks the CMS again.
 */

/** The types a media file may be served as; anything else is sent as a download-only blob. */
const SERVABLE_TYPES = new Set([
  'image/webp',
  'image/jpeg',
  'image/png',
  'image/avif',
  'video/mp4',
  'video/webm',
  'video/quicktime',
])

/** Answer headers the browser needs for ranges and revalidation, copied when the CMS sent them. */
const PASSED_HEADERS = ['Content-Range', 'Accept-Ranges', 'ETag', 'Last-Modified'] as const

/** The statuses whose body is the file (or the range answer) and is streamed on. */
const PASSED_STATUSES = new Set([200, 206, 416])

/** Headers on every answer of the file route, whatever its status. */
function baseHeaders(): Headers {
  return new Headers({
    'Cache-Control': 'private, no-store',
    'X-Content-Type-Options': 'nosniff',
    // Other sites cannot embed a parent's files, even if a cookie were sent along.
    'Cross-Origin-Resource-Policy': 'same-origin',
  })
}

/** A short Dutch text answer (401, 404, 503…), never cached. */
export function plainAnswer(
  status: number,
  message: string,
  extra: Record<string, string> = {},
): Response {
  const headers = baseHeaders()
  headers.set('Content-Type', 'text/plain; charset=utf-8')
  for (const [name, value] of Object.entries(extra)) headers.set(name, value)
  return new Response(message, { status, headers })
}

export const NOT_FOUND_MESSAGE = 'Dit bestand bestaat niet of is niet (meer) voor jou zichtbaar.'
export const SIGNED_OUT_MESSAGE = 'Log in om dit bestand te bekijken.'
export const UNAVAILABLE_FILE_MESSAGE =
  'Schoolpost is nu even niet bereikbaar. Probeer het later opnieuw.'

/** The content type to serve: the CMS's type when it is an allowed media type, else a blob. */
export function servableContentType(value: string | null): string {
  const type = value?.split(';')[0]?.trim().toLowerCase() ?? ''
  return SERVABLE_TYPES.has(type) ? type : 'application/octet-stream'
}

/** The headers of a streamed file answer, from the CMS's answer headers. */
export function fileResponseHeaders(upstream: Headers, filename: string): Headers {
  const headers = baseHeaders()
  headers.set('Content-Type', servableContentType(upstream.get('content-type')))
  headers.set('Content-Disposition', `inline; filename="${filename}"`)
  // With a content coding the length is of the coded bytes; fetch would have decoded them.
  const length = upstream.get('content-length')
  if (length && /^\d+$/.test(length) && !upstream.has('content-encoding')) {
    headers.set('Content-Length', length)
  }
  for (const name of PASSED_HEADERS) {
    const value = upstream.get(name)
    if (value) headers.set(name, value)
  }
  return headers
}

export type ServeMediaFileInput = {
  request: Request
  /** The route's `filename` parameter, as Astro decoded it. */
  filename: string | undefined
  /** The portal session of this request, or `null`. */
  session: PortalSession | null
  cms: Pick<CmsClient, 'openMediaFile'>
  /** The portal's cache of files it may serve again; without it every request asks the CMS. */
  cache?: Pick<PortalCache, 'lookupFile' | 'keepFile' | 'keepsFileOf' | 'largestKeptFile'>
}

/**
 * Reads a body while it stays within `limit` bytes: all of it when it fits, else a stream that
 * gives what was read and then the rest (the CMS sends files chunked, without a length).
 */
export async function readSmall(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<{ bytes: Uint8Array<ArrayBuffer> } | { stream: ReadableStream<Uint8Array> }> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) {
      const bytes = new Uint8Array(size)
      let offset = 0
      for (const chunk of chunks) {
        bytes.set(chunk, offset)
        offset += chunk.byteLength
      }
      return { bytes }
    }
    chunks.push(value)
    size += value.byteLength
    if (size > limit) {
      return {
        stream: new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(chunk)
          },
          async pull(controller) {
            const next = await reader.read()
            if (next.done) controller.close()
            else controller.enqueue(next.value)
          },
          cancel: (reason) => reader.cancel(reason),
        }),
      }
    }
  }
}

/** The answer of a kept file (HEAD: the headers alone). */
function keptFileAnswer(file: KeptFile, filename: string, method: string): Response {
  const upstream = new Headers({ 'Content-Length': String(file.body.byteLength) })
  if (file.contentType) upstream.set('Content-Type', file.contentType)
  if (file.etag) upstream.set('ETag', file.etag)
  if (file.lastModified) upstream.set('Last-Modified', file.lastModified)
  return new Response(method === 'HEAD' ? null : file.body, {
    status: 200,
    headers: fileResponseHeaders(upstream, filename),
  })
}

/** The CMS could not deliver a file: 503 (reported, unless the browser itself went away). */
function streamFailed(request: Request, filename: string, error: unknown): Response {
  // The browser went away (e.g. skipped ahead in a video): nobody reads this answer.
  if (request.signal.aborted) return plainAnswer(503, UNAVAILABLE_FILE_MESSAGE)
  reportCmsFailure(`Streaming ${filename}`, error)
  return plainAnswer(503, UNAVAILABLE_FILE_MESSAGE, { 'Retry-After': '30' })
}

/** Answers one request of the file route. Never throws. */
export async function serveMediaFile(input: ServeMediaFileInput): Promise<Response> {
  const { request, filename, session, cms, cache } = input
  const method = request.method.toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') {
    return plainAnswer(405, 'Deze methode is niet toegestaan.', { Allow: 'GET, HEAD' })
  }
  if (!session) return plainAnswer(401, SIGNED_OUT_MESSAGE)
  if (!isValidMediaFilename(filename)) return plainAnswer(404, NOT_FOUND_MESSAGE)

  // Ranges (video) always go to the CMS; a whole small file may come from memory.
  let stamp: VersionStamp | null = null
  if (cache && !request.headers.has('range')) {
    const found = await cache.lookupFile(session.token, filename)
    if (found.file) return keptFileAnswer(found.file, filename, method)
    stamp = found.stamp
  }

  let answer: Awaited<ReturnType<CmsClient['openMediaFile']>>
  try {
    answer = await cms.openMediaFile(session.token, filename, {
      method,
      range: request.headers.get('range'),
      ifRange: request.headers.get('if-range'),
      signal: request.signal,
    })
  } catch (error) {
    return streamFailed(request, filename, error)
  }

  const { status, headers, body } = answer
  const declared = headers.get('content-length')
  if (
    cache &&
    stamp &&
    status === 200 &&
    method === 'GET' &&
    body &&
    !headers.has('content-encoding') &&
    (declared === null || cache.keepsFileOf(Number(declared)))
  ) {
    try {
      const read = await readSmall(body, cache.largestKeptFile)
      if ('stream' in read) {
        return new Response(read.stream, {
          status,
          headers: fileResponseHeaders(headers, filename),
        })
      }
      if (declared !== null && read.bytes.byteLength !== Number(declared)) {
        throw new Error(`${filename} ended early.`)
      }
      const file: KeptFile = {
        body: read.bytes,
        contentType: headers.get('content-type'),
        etag: headers.get('etag'),
        lastModified: headers.get('last-modified'),
      }
      cache.keepFile(session.token, filename, stamp, file)
      return keptFileAnswer(file, filename, method)
    } catch (error) {
      return streamFailed(request, filename, error)
    }
  }
  if (PASSED_STATUSES.has(status)) {
    return new Response(method === 'HEAD' ? null : body, {
      status,
      headers: fileResponseHeaders(headers, filename),
    })
  }
  // Nothing else of the CMS's answer is passed on.
  await body?.cancel().catch(() => {})
  if (status === 401) return plainAnswer(401, SIGNED_OUT_MESSAGE)
  if (status >= 500 || (status >= 300 && status < 400)) {
    reportCmsFailure(
      `Streaming ${filename}`,
      new CmsUnavailableError('server-error', `The CMS answered ${status} for a media file.`, {
        status,
      }),
    )
    return plainAnswer(503, UNAVAILABLE_FILE_MESSAGE, { 'Retry-After': '30' })
  }
  // 403 and 404 alike (and any other refusal): the parent cannot tell "not allowed" from "gone".
  return plainAnswer(404, NOT_FOUND_MESSAGE)
}
