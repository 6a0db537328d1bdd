import type { FieldHook } from 'payload'

import { mediaRuleNow } from '../../../access/lib/parent-visibility'
import { staffUser } from '../../../access/lib/users'

/**
 * For staff: does the tagging rule (S13) allow sharing, under the *current* minimum and tags?
 * Computed on every read instead of stored, so it cannot drift from what parents get.
 */
export const publishable: FieldHook = async ({ siblingData, req }) => {
  if (!staffUser(req)) return null
  return (await mediaRuleNow(req, siblingData, { withConsent: false })).ok
}
