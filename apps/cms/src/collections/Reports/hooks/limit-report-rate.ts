import type { CollectionBeforeChangeHook } from 'payload'

import { parentUser } from '../../../access/lib/users'
import { consumeOrRefuse } from '../../../lib/rate-limit'

/**
 * Every report emails every director and the post's teachers, so a parent may file only so many
 * (CMS_RATE_LIMIT_REPORT, per parent); more is a Dutch 429 with Retry-After. Runs first, before
 * any lookup. Staff are not limited.
 */
export const limitReportRate: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const parent = parentUser(req)
  if (!parent) return data
  await consumeOrRefuse(req, 'report', `parent:${parent.id}`)
  return data
}
