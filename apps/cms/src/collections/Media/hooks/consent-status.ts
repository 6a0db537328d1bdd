import type { FieldHook } from 'payload'

import { mediaRuleNow } from '../../../access/lib/parent-visibility'
import { staffUser } from '../../../access/lib/users'

/**
 * For staff: why parents do (not) see this item, including "hidden for consent" (S16) — from the
 * same current rule the parents' access uses.
 */
export const consentStatus: FieldHook = async ({ siblingData, req }) => {
  if (!staffUser(req)) return null
  if (siblingData.hidden) return 'Verborgen door school'
  if (!(await mediaRuleNow(req, siblingData, { withConsent: false })).ok)
    return 'Niet deelbaar: tag minstens het minimum aantal leerlingen of markeer "geen herkenbare leerlingen"'
  const result = await mediaRuleNow(req, siblingData)
  return result.ok || result.reason !== 'refused-consent'
    ? 'Zichtbaar voor ouders van de groep'
    : `Verborgen voor ouders: ${result.pupilIds.length} getagde leerling(en) zonder toestemming`
}
