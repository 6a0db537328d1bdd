import { randomUUID } from 'node:crypto'
import type { PayloadRequest } from 'payload'

/**
 * A version token kept in one row of Payload's key-value collection (issue #11). A cache is keyed
 * by the token it was built under, so it is only as old as the token it was read with.
 *
 * The token is written through the writing request's `req`, i.e. in the same database transaction
 * as the change, and read from the database: several CMS and portal processes behind a load
 * balancer see a change at the very next request, never only the process that made it. It is a
 * random value, not a counter: two writers can never both produce the same "next" version.
 */

const KV = 'payload-kv' as const

type KvDoc = { data?: { token?: unknown } | null }

export type KvVersion = {
  /** The row's key in `payload-kv`. */
  key: string
  /** Per-request memo in `req.context` (a string: req.context is copied between operations). */
  memo: string
}

/** The current token, read once per request (and again after this request changed it). */
export async function readKvVersion(req: PayloadRequest, version: KvVersion): Promise<string> {
  const memo = req.context[version.memo]
  if (typeof memo === 'string') return memo
  const token = await readKvVersionFresh(req.payload, version, req)
  req.context[version.memo] = token
  return token
}

/** The current token straight from the database, with no request memo. */
export async function readKvVersionFresh(
  payload: PayloadRequest['payload'],
  version: KvVersion,
  req?: PayloadRequest,
): Promise<string> {
  const doc = (await payload.db.findOne({
    collection: KV,
    ...(req ? { req } : {}),
    select: { data: true },
    where: { key: { equals: version.key } },
  })) as KvDoc | null
  // No row yet (a fresh database): every process agrees on "initial" until the first write.
  return typeof doc?.data?.token === 'string' ? doc.data.token : 'initial'
}

/** A new token, in the request's transaction; later reads in this request see it. */
export async function bumpKvVersion(req: PayloadRequest, version: KvVersion): Promise<void> {
  const token = randomUUID()
  await req.payload.db.upsert({
    collection: KV,
    req,
    where: { key: { equals: version.key } },
    data: { key: version.key, data: { token } },
    select: {},
  })
  req.context[version.memo] = token
}
