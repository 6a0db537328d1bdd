import type { CollectionAfterChangeHook } from 'payload'

import { refreshTagLabels } from '../../Pupils/hooks/tag-label'

/** Every change of a choice is kept: who, when, old → new (visible to staff). */
export const logConsentChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const from = operation === 'create' ? null : previousDoc?.allowed
  if (operation === 'update' && from === doc.allowed) return doc
  await req.payload.create({
    collection: 'image-consent-changes',
    data: {
      pupil: doc.pupil,
      guardian: doc.guardian,
      from: from === null || from === undefined ? 'none' : from ? 'allowed' : 'refused',
      to: doc.allowed ? 'allowed' : 'refused',
    },
    overrideAccess: true,
    req,
  })
  await refreshTagLabels(req, [typeof doc.pupil === 'string' ? doc.pupil : doc.pupil.id])
  return doc
}
