import type { CollectionBeforeChangeHook } from 'payload'
import { APIError } from 'payload'

import { parentUser } from '../../../access/lib/users'
import { consume, rateLimitMessage, setRetryAfter } from '../../../lib/rate-limit'

/**
 * Every report emails every director and the post's teachers, so a parent may file only so many
 * (CMS_RATE_LIMIT_REPORT, per parent); more is a Dutch 429 with Retry-After. Runs first, before
 * any lookup. Staff are not limited.
 */
export const limitReportRate: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const parent = parentUser(req)
  if (!parent) return data
  const limit = await consume(req, 'report', `parent:${parent.id}`)
  if (!limit.ok) {
    setRetryAfter(req, limit.retryAfterSeconds)
    throw new APIError(
      rateLimitMessage(limit.retryAfterSeconds),
      429,
      { code: 'rate-limited' },
      true,
    )
  }
  return data
}
