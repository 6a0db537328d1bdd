import type { Access, Payload, SanitizedConfig } from 'payload'
import { createLocalReq } from 'payload'

/** A JSON (or small form) body never needs more; the pupils CSV import is the one larger body. */
export const JSON_BODY_LIMIT = 1_000_000
const ROUTE_BODY_LIMITS: Record<string, number> = {
  // The endpoint itself refuses a CSV over 2 000 000 characters in Dutch; this leaves room for
  // JSON escaping and multi-byte characters.
  'import-pupils': 8_000_000,
}

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE'])

const refuse = (status: number, code: string, message: string) =>
  Response.json(
    { ok: false, code, message, errors: [{ message }] },
    // The unread body stays on the socket: close the connection instead of draining it.
    { status, headers: { Connection: 'close', 'Cache-Control': 'no-store' } },
  )

const tooLarge = () =>
  refuse(413, 'body-too-large', 'Het verzoek is te groot. Stuur minder gegevens tegelijk.')

/**
 * Reads at most `limit` bytes of a body, while it streams: a larger body (with or without a
 * Content-Length) is cancelled after `limit + 1` bytes, so it is never held in memory.
 */
async function readBounded(
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | null> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      return null
    }
    chunks.push(value)
  }
  const all = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    all.set(chunk, offset)
    offset += chunk.byteLength
  }
  return all
}

/**
 * Guards every request body before Payload reads it (issue #9 item 10). Payload parses a
 * multipart body completely (the file into memory) before any access check runs, so:
 *
 * - a multipart POST/PATCH to an upload collection (`/api/media`, `/api/media/:id`) is only let
 *   through after authenticating from the headers alone and asking the collection's own create /
 *   update access — anyone else gets a Dutch 401/403 and not one byte of the body is read;
 * - every other body (JSON, and the admin's small multipart `_payload` forms, which Payload's
 *   admin sends for every save) is read here up to a limit and refused with 413 beyond it.
 *
 * Returns either the refusal or the request to hand to Payload.
 */
export async function guardRequestBody({
  request,
  slug,
  payload,
}: {
  request: Request
  /** The path segments after /api. */
  slug: string[]
  payload: Payload
}): Promise<Request | Response> {
  if (!BODY_METHODS.has(request.method) || !request.body) return request
  const contentType = request.headers.get('content-type') ?? ''
  const multipart = /^multipart\/form-data/i.test(contentType)
  const [collectionSlug, id, ...rest] = slug
  const upload = payload.config.collections.find((c) => c.slug === collectionSlug && c.upload)

  if (
    multipart &&
    upload &&
    rest.length === 0 &&
    ((request.method === 'POST' && id === undefined) || request.method === 'PATCH')
  ) {
    const refusal = await refuseNonUploader({ payload, request, upload, id })
    // An uploader's file is streamed by Payload's busboy with its own size limit (413).
    return refusal ?? request
  }

  const limit = ROUTE_BODY_LIMITS[slug.join('/')] ?? JSON_BODY_LIMIT
  const declared = Number(request.headers.get('content-length'))
  if (Number.isFinite(declared) && declared > limit) {
    await request.body.cancel().catch(() => undefined)
    return tooLarge()
  }
  const bytes = await readBounded(request.body, limit)
  if (!bytes) return tooLarge()
  const headers = new Headers(request.headers)
  headers.delete('transfer-encoding')
  headers.set('content-length', String(bytes.byteLength))
  return new Request(request.url, {
    method: request.method,
    headers,
    body: bytes,
    signal: request.signal,
  })
}

async function refuseNonUploader({
  payload,
  request,
  upload,
  id,
}: {
  payload: Payload
  request: Request
  upload: SanitizedConfig['collections'][number]
  id: string | undefined
}): Promise<Response | null> {
  const { user } = await payload.auth({ headers: request.headers, canSetHeaders: false })
  if (!user) {
    return refuse(401, 'unauthorized', 'Log in om foto’s of video’s te uploaden.')
  }
  const req = await createLocalReq({ user }, payload)
  const access: Access | undefined =
    request.method === 'POST' ? upload.access.create : upload.access.update
  // `true` or a Where (a teacher's own uploads) may go on: Payload then checks the document.
  const allowed = access ? await access({ req, id }) : false
  if (allowed === false) {
    return refuse(403, 'forbidden', 'Je mag geen foto’s of video’s uploaden.')
  }
  return null
}
