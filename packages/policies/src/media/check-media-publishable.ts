/** The school's default minimum of tagged pupils on a photo (S13); a school may set its own. */
export const DEFAULT_MIN_PUPILS_PER_PHOTO = 2

/** What the tagging rule needs to know about one image or video. */
export type MediaTagging = {
  /** The pupils tagged on the item; duplicates count once. */
  taggedPupilIds: readonly string[]
  /** Staff marked the item explicitly as showing no recognisable pupils. */
  noRecognisablePupils: boolean
}

export type MediaPublishReason = 'untagged' | 'portrait' | 'refused-consent' | 'contradictory'

export type CheckMediaPublishableResult =
  | { ok: true }
  | { ok: false; reason: Exclude<MediaPublishReason, 'refused-consent'> }
  | { ok: false; reason: 'refused-consent'; pupilIds: string[] }

/**
 * The tagging rule (S13, S16): may this image or video be shown to parents?
 *
 * - marked "no recognisable pupils" and no tags → ok;
 * - marked AND tagged → `contradictory` (one of the two is wrong, so neither is trusted);
 * - not marked and no tags → `untagged`;
 * - a tagged pupil whose consent is refused → `refused-consent`, with those pupils (tag order);
 * - fewer unique tagged pupils than `minPupilsPerPhoto` → `portrait`.
 *
 * The order of the checks is deliberate: `contradictory` and `untagged` first, because until the
 * tagging itself is trustworthy nothing else about it means anything. `refused-consent` comes
 * before `portrait` because it is the stronger, unfixable block: tagging more pupils can cure a
 * portrait, but never a refusal, so reporting `portrait` first would send staff down a path that
 * cannot lead to publication. It also names the pupils concerned, so staff know exactly which tag
 * (or photo) to remove.
 */
export function checkMediaPublishable({
  taggedPupilIds,
  noRecognisablePupils,
  minPupilsPerPhoto,
  refusedPupilIds,
}: MediaTagging & {
  /** The school's setting, an integer ≥ 1 (default setting: `DEFAULT_MIN_PUPILS_PER_PHOTO`). */
  minPupilsPerPhoto: number
  /** Pupils whose consent resolves to `refused` (see `resolvePupilConsent`). */
  refusedPupilIds: Iterable<string>
}): CheckMediaPublishableResult {
  if (!Number.isInteger(minPupilsPerPhoto) || minPupilsPerPhoto < 1) {
    throw new RangeError(`minPupilsPerPhoto must be an integer ≥ 1, got ${minPupilsPerPhoto}`)
  }
  const tagged = [...new Set(taggedPupilIds)]
  if (noRecognisablePupils) {
    return tagged.length === 0 ? { ok: true } : { ok: false, reason: 'contradictory' }
  }
  if (tagged.length === 0) return { ok: false, reason: 'untagged' }
  const refused = new Set(refusedPupilIds)
  const refusedTagged = tagged.filter((pupilId) => refused.has(pupilId))
  if (refusedTagged.length > 0) {
    return { ok: false, reason: 'refused-consent', pupilIds: refusedTagged }
  }
  if (tagged.length < minPupilsPerPhoto) return { ok: false, reason: 'portrait' }
  return { ok: true }
}

/** Dutch explanations for staff, per reason; shared by the CMS upload and post screens. */
export const MEDIA_PUBLISH_MESSAGES: Record<
  MediaPublishReason,
  (params: { minPupilsPerPhoto: number; pupilCount: number }) => string
> = {
  untagged: () =>
    'Tag de leerlingen die herkenbaar op deze foto staan, of geef aan dat er geen herkenbare leerlingen op staan. Zonder tags wordt de foto niet gedeeld.',
  contradictory: () =>
    'Deze foto is gemarkeerd als "geen herkenbare leerlingen", maar er zijn wel leerlingen getagd. Verwijder de tags of de markering.',
  'refused-consent': ({ pupilCount }) =>
    pupilCount === 1
      ? 'De ouders van een getagde leerling geven geen toestemming voor het delen van beeldmateriaal. Deze foto wordt niet gedeeld.'
      : `De ouders van ${pupilCount} getagde leerlingen geven geen toestemming voor het delen van beeldmateriaal. Deze foto wordt niet gedeeld.`,
  portrait: ({ minPupilsPerPhoto }) =>
    `Een foto met minder dan ${minPupilsPerPhoto} getagde ${minPupilsPerPhoto === 1 ? 'leerling' : 'leerlingen'} geldt als portretfoto en wordt niet gedeeld.`,
}

/** The Dutch message for a refused check, e.g. for a validation error in the CMS. */
export function mediaPublishMessage({
  result,
  minPupilsPerPhoto,
}: {
  result: Exclude<CheckMediaPublishableResult, { ok: true }>
  minPupilsPerPhoto: number
}): string {
  const pupilCount = result.reason === 'refused-consent' ? result.pupilIds.length : 0
  return MEDIA_PUBLISH_MESSAGES[result.reason]({ minPupilsPerPhoto, pupilCount })
}
