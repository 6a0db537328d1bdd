import type { CollectionAfterChangeHook } from 'payload'

import { recordAuditEvent } from '../../AuditEvents/record'
import { refreshTagLabels } from '../../Pupils/hooks/tag-label'

const CHOICE = { none: 'geen keuze', allowed: 'toegestaan', refused: 'geweigerd' } as const

/**
 * Every change of a choice is kept: who, when, old → new (visible to staff), and a row in the
 * security log (directors).
 */
export const logConsentChange: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
}) => {
  const from = operation === 'create' ? null : previousDoc?.allowed
  if (operation === 'update' && from === doc.allowed) return doc
  const change = {
    from: from === null || from === undefined ? 'none' : from ? 'allowed' : 'refused',
    to: doc.allowed ? 'allowed' : 'refused',
  } as const
  await req.payload.create({
    collection: 'image-consent-changes',
    data: { pupil: doc.pupil, guardian: doc.guardian, ...change },
    overrideAccess: true,
    req,
  })
  const pupilId = typeof doc.pupil === 'string' ? doc.pupil : doc.pupil.id
  const pupil = await req.payload.db.findOne<{ id: string; fullName?: string }>({
    collection: 'pupils',
    where: { id: { equals: pupilId } },
    req,
  })
  await recordAuditEvent(req, {
    type: 'consent-changed',
    subject: { type: 'pupil', id: pupilId, name: pupil?.fullName ?? null },
    summary: `Beeldtoestemming van ${CHOICE[change.from]} naar ${CHOICE[change.to]}.`,
  })
  await refreshTagLabels(req, [pupilId])
  return doc
}
