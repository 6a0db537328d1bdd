import type { PayloadRequest } from 'payload'

import { bumpKvVersion, type KvVersion, readKvVersion } from './kv-version'
import { bumpPortalVersion } from './portal-version'

/**
 * The visibility version (issue #11): its token changes with every write that can change what a
 * parent may see — posts, media, pupils, image consents, the school settings. What is derived
 * from those facts (access/lib/visibility-snapshot.ts) is cached under the token. See
 * kv-version.ts for how the token is stored and why it is read from the database.
 */
export const VISIBILITY_VERSION_KEY = 'visibility-version'
const VISIBILITY: KvVersion = { key: VISIBILITY_VERSION_KEY, memo: 'visibilityVersion' }

/** The current token, read once per request (and again after this request changed it). */
export function readVisibilityVersion(req: PayloadRequest): Promise<string> {
  return readKvVersion(req, VISIBILITY)
}

/**
 * A new token, in the request's transaction. What a parent may see changed, so every answer the
 * portal keeps changes too: the portal version moves with it.
 */
export async function bumpVisibilityVersion(req: PayloadRequest): Promise<void> {
  await bumpKvVersion(req, VISIBILITY)
  await bumpPortalVersion(req)
}
