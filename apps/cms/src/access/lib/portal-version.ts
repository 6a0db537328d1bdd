import type { PayloadRequest } from 'payload'

import { bumpKvVersion, type KvVersion, readKvVersionFresh } from './kv-version'

/**
 * The portal version (issue #11): its token changes with every write that can change an answer
 * the portal keeps for a parent — a page of posts, a post, a file decision, the parent's name,
 * children and session — so the portal may reuse an answer for as long as the token it was
 * fetched under is still the current one (apps/portal/src/lib/cms/answer-cache.ts). Broader than
 * the visibility version (a post's title counts here, not there), and cheaper to move: it only
 * costs the portal a fetch, not a rebuild of the school-wide snapshot.
 */
export const PORTAL_VERSION_KEY = 'portal-version'
const PORTAL: KvVersion = { key: PORTAL_VERSION_KEY, memo: 'portalVersion' }

/** The current token, straight from the database (the portal asks once per batch of requests). */
export function readPortalVersion(payload: PayloadRequest['payload']): Promise<string> {
  return readKvVersionFresh(payload, PORTAL)
}

/** A new token, in the request's transaction. */
export function bumpPortalVersion(req: PayloadRequest): Promise<void> {
  return bumpKvVersion(req, PORTAL)
}
