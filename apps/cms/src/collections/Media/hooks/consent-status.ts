import type { FieldHook } from 'payload'

import { refusedPupilIds } from '../../../access/lib/media-scope'
import { staffUser } from '../../../access/lib/users'

/** For staff: why parents do (not) see this item, including "hidden for consent" (S16). */
export const consentStatus: FieldHook = async ({ siblingData, req }) => {
  if (!staffUser(req)) return null
  if (siblingData.hidden) return 'Verborgen door school'
  if (!siblingData.publishable)
    return 'Niet deelbaar: tag minstens het minimum aantal leerlingen of markeer "geen herkenbare leerlingen"'
  const refused = await refusedPupilIds(req)
  const tagged = ((siblingData.pupils ?? []) as (string | { id: string })[]).map((p) =>
    typeof p === 'string' ? p : p.id,
  )
  const blocked = tagged.filter((id) => refused.has(id)).length
  return blocked
    ? `Verborgen voor ouders: ${blocked} getagde leerling(en) zonder toestemming`
    : 'Zichtbaar voor ouders van de groep'
}
