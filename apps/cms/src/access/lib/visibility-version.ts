import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'

/**
 * The visibility version (issue #11): one row in Payload's key-value collection whose token
 * changes with every write that can change what a parent may see — posts, media, pupils, image
 * consents, the school settings. What is derived from those facts (access/lib/visibility-snapshot.ts)
 * is cached under the token, so a cache is only as old as the token it was read with.
 *
 * The token is written through the writing request's `req`, i.e. in the same database transaction
 * as the change, and read from the database by every request: several CMS processes behind a load
 * balancer see a change at the very next request, never only the process that made it. It is a
 * random value, not a counter: two writers can never both produce the same "next" version.
 */

const KV = 'payload-kv' as const
export const VISIBILITY_VERSION_KEY = 'visibility-version'
/** Per-request memo of the token (a string: req.context is copied between operations). */
const MEMO = 'visibilityVersion'

type KvDoc = { data?: { token?: unknown } | null }

/** The current token, read once per request (and again after this request changed it). */
export async function readVisibilityVersion(req: PayloadRequest): Promise<string> {
  const memo = req.context[MEMO]
  if (typeof memo === 'string') return memo
  const doc = (await req.payload.db.findOne({
    collection: KV,
    req,
    select: { data: true },
    where: { key: { equals: VISIBILITY_VERSION_KEY } },
  })) as KvDoc | null
  // No row yet (a fresh database): every process agrees on "initial" until the first write.
  const token = typeof doc?.data?.token === 'string' ? doc.data.token : 'initial'
  req.context[MEMO] = token
  return token
}

/** A new token, in the request's transaction; later reads in this request see it. */
export async function bumpVisibilityVersion(req: PayloadRequest): Promise<void> {
  const token = randomUUID()
  await req.payload.db.upsert({
    collection: KV,
    req,
    where: { key: { equals: VISIBILITY_VERSION_KEY } },
    data: { key: VISIBILITY_VERSION_KEY, data: { token } },
    select: {},
  })
  req.context[MEMO] = token
}
