import { checkMediaPublishable } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '../../../access/lib/users'

const ids = (values: unknown): string[] =>
  ((values as (string | { id: string })[] | null | undefined) ?? []).map((v) =>
    typeof v === 'string' ? v : v.id,
  )

/**
 * Stores whether the tagging rule (S13) allows sharing: tagged with enough pupils, or explicitly
 * without recognisable pupils. Consent is not stored here — it can change at any moment and is
 * checked on every read.
 */
export const derivePublishable: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const settings = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
  const merged = { ...originalDoc, ...data }
  const result = checkMediaPublishable({
    taggedPupilIds: ids(merged.pupils),
    noRecognisablePupils: !!merged.noRecognisablePupils,
    minPupilsPerPhoto: settings.minPupilsPerPhoto,
    refusedPupilIds: [],
  })
  const next: Record<string, unknown> = { ...data, publishable: result.ok }
  if (operation === 'create' && !next.uploadedBy) next.uploadedBy = staffUser(req)?.id ?? null
  return next
}
