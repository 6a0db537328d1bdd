/**
 * Who a photo is shared with must be allowed to see the children on it (S11): the parents a
 * message reaches are parents of certain groups, so every tagged pupil must be in one of those
 * groups. A photo of another group's pupils sent to one family would show them to parents who
 * would never see them in a post of their own group. School-wide audiences reach every parent.
 * Used for photos in conversation messages; group posts do not check it yet.
 */
export type CheckMediaAudienceResult =
  { ok: true } | { ok: false; reason: 'pupil-outside-audience'; pupilIds: string[] }

export function checkMediaAudience({
  taggedPupilIds,
  pupilGroupIds,
  audienceGroupIds,
}: {
  taggedPupilIds: readonly string[]
  /** Each tagged pupil's current group (`null` or missing: in no group, so in no audience). */
  pupilGroupIds: ReadonlyMap<string, string | null>
  /** The groups whose parents it reaches, or `'school'` for every parent. */
  audienceGroupIds: readonly string[] | 'school'
}): CheckMediaAudienceResult {
  if (audienceGroupIds === 'school') return { ok: true }
  const audience = new Set(audienceGroupIds)
  const outside = [...new Set(taggedPupilIds)].filter((pupilId) => {
    const group = pupilGroupIds.get(pupilId)
    return !group || !audience.has(group)
  })
  return outside.length
    ? { ok: false, reason: 'pupil-outside-audience', pupilIds: outside }
    : { ok: true }
}

/** The Dutch explanation for staff. */
export function mediaAudienceMessage({ pupilCount }: { pupilCount: number }): string {
  return pupilCount === 1
    ? 'Op deze foto staat een leerling uit een andere groep. Deel de foto alleen met ouders van de groep van de leerlingen erop.'
    : `Op deze foto staan ${pupilCount} leerlingen uit een andere groep. Deel de foto alleen met ouders van de groep van de leerlingen erop.`
}
