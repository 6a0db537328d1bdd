import { z } from 'zod'

/**
 * `GET /api/portal-version` — the token that changes with every write that can change an answer
 * the portal keeps (issue #11). The portal reuses a start page, a post or a file decision it
 * fetched under a token for as long as the token is still current and `validUntil` (the moment
 * the next scheduled post appears, ms since the epoch) has not passed. Asked with any parent's
 * token; the answer says nothing about anyone.
 */
export const PORTAL_VERSION_PATH = '/api/portal-version'

export const portalVersionAnswer = z.object({
  version: z.string().min(1).max(100),
  /** `null`: no scheduled post is waiting. */
  validUntil: z.number().int().nullable(),
  /** The house-rules version in force (S18): a parent who accepted less sees only the rules. */
  houseRules: z.number().int().min(1),
})
export type PortalVersionAnswer = z.infer<typeof portalVersionAnswer>
