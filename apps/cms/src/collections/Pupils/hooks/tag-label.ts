import type { CollectionBeforeChangeHook, PayloadRequest } from 'payload'

import { refusedPupilIds } from '../../../access/lib/parent-visibility'
import { bumpVisibilityVersion } from '../../../access/lib/visibility-version'

export const REFUSED_SUFFIX = ' — geen toestemming voor beeld'

/**
 * The name staff see when they tag pupils on a photo (S13, S16): a pupil whose image consent is
 * refused is marked right in the picker, before a photo is published.
 */
export const setTagLabel: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data }
  const name = `${merged.firstName ?? ''} ${merged.lastName ?? ''}`.trim()
  let refused: boolean
  if (originalDoc?.id) {
    refused = (await refusedPupilIds(req)).has(originalDoc.id)
  } else {
    const settings = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
    refused = settings.defaultImageConsent === 'refused'
  }
  return { ...data, tagLabel: refused ? `${name}${REFUSED_SUFFIX}` : name }
}

/** Recomputes the labels after a consent changed (a choice, or the school's default). */
export async function refreshTagLabels(req: PayloadRequest, pupilIds?: string[]): Promise<void> {
  // The labels are read from the facts of a new visibility version (the consent write bumped it
  // already; bumping again here makes the helper safe to call from anywhere).
  await bumpVisibilityVersion(req)
  const pupils = await req.payload.find({
    collection: 'pupils',
    where: pupilIds ? { id: { in: pupilIds } } : {},
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: {},
  })
  for (const pupil of pupils.docs) {
    await req.payload.update({
      collection: 'pupils',
      id: pupil.id,
      data: {},
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
}
