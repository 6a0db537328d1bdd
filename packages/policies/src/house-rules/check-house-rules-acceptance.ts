/**
 * S18: a parent sees nothing of Schoolpost before accepting the school's current house rules, at
 * the first login and again after every new version. Versions only rise (the CMS raises the
 * number with every published change of the text), so "accepted an older number" means "has not
 * read this text". Missing or broken numbers count as never accepted: the gate fails closed.
 */
export type CheckHouseRulesAcceptanceResult =
  { ok: true } | { ok: false; reason: 'never-accepted' | 'new-version' }

export function checkHouseRulesAcceptance({
  acceptedVersion,
  currentVersion,
}: {
  /** The version the parent last accepted (`null`: never). */
  acceptedVersion: number | null | undefined
  /** The version in force. */
  currentVersion: number
}): CheckHouseRulesAcceptanceResult {
  if (!Number.isSafeInteger(acceptedVersion) || (acceptedVersion as number) < 1)
    return { ok: false, reason: 'never-accepted' }
  // A number above the current one cannot have been accepted: it counts like an old one.
  return acceptedVersion === currentVersion ? { ok: true } : { ok: false, reason: 'new-version' }
}

/** What the acceptance page says above the text, per reason. */
export function houseRulesIntro({
  reason,
}: {
  reason: 'never-accepted' | 'new-version' | 'accepted'
}): string {
  switch (reason) {
    case 'never-accepted':
      return 'Welkom bij Schoolpost. Lees eerst de huisregels van school. Daarna zie je het nieuws, de foto’s en de berichten van je kinderen.'
    case 'new-version':
      return 'De school heeft de huisregels aangepast. Lees de nieuwe versie en ga akkoord om Schoolpost verder te gebruiken.'
    case 'accepted':
      return 'Dit zijn de huisregels van school waarmee je akkoord bent gegaan.'
  }
}
