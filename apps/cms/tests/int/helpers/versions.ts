import type { Payload } from 'payload'

/** A version token as stored in `payload-kv` (access/lib/kv-version.ts), `initial` before any. */
export async function storedVersion(payload: Payload, key: string): Promise<string> {
  const doc = (await payload.db.findOne({
    collection: 'payload-kv',
    where: { key: { equals: key } },
  })) as { data?: { token?: string } } | null
  return doc?.data?.token ?? 'initial'
}
