/** Whether images showing a pupil may be shared in the closed platform (S16). */
export type PupilConsent = 'allowed' | 'refused'

export type GuardianConsentChoice = {
  guardianId: string
  /** The guardian's latest recorded choice for this pupil. */
  allowed: boolean
}

/**
 * The image consent of ONE pupil from the latest choice of each of their guardians (S16).
 *
 * - Most restrictive wins: if any guardian refuses, the pupil counts as refused.
 * - No recorded choice at all: the school's default decides (objection model: `allowed`; a
 *   stricter school: `refused`).
 * - Every recorded choice is "allowed": the pupil is allowed, even when another guardian never
 *   chose. Decision: an explicit "allowed" by a guardian overrides the school default; a guardian
 *   who has not chosen has not objected, and can still refuse at any time (a refusal takes effect
 *   at once, see `canParentSeeMedia`).
 *
 * Pass only the latest choice per guardian; if a guardian appears twice anyway, any refusal among
 * the entries counts (fail closed).
 */
export function resolvePupilConsent({
  choices,
  schoolDefault,
}: {
  choices: readonly GuardianConsentChoice[]
  schoolDefault: PupilConsent
}): PupilConsent {
  if (choices.some((choice) => !choice.allowed)) return 'refused'
  if (choices.length === 0) return schoolDefault
  return 'allowed'
}
