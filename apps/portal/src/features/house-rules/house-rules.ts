import type { HouseRulesAnswer } from '@schoolpost/contracts'
import { houseRulesIntro } from '@schoolpost/policies'
import type { AstroCookies } from 'astro'
import { z } from 'zod'

import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { HOUSE_RULES_PAGE } from '../auth/house-rules-gate'
import { safeRedirectPath } from '../auth/safe-redirect'
import type { PortalSession, SessionConfig } from '../auth/session'
import { writeSessionCookie } from '../auth/session'
import { UNAVAILABLE_MESSAGE } from '../auth/login'

/**
 * `/huisregels` (S18): the school's house rules, and the one button that accepts them. A parent
 * who has not accepted the version in force is sent here by every other page (auth/require-parent.ts)
 * and goes back where they were going after accepting. The CMS decides what counts; the session
 * cookie only remembers the accepted version so that other pages need not ask.
 */

export type HouseRulesLoad =
  { kind: 'ok'; rules: HouseRulesAnswer } | { kind: 'signed-out' } | { kind: 'unavailable' }

export async function loadHouseRules(
  session: PortalSession,
  cms: Pick<CmsClient, 'getHouseRules'>,
): Promise<HouseRulesLoad> {
  try {
    return { kind: 'ok', rules: await cms.getHouseRules(session.token) }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    reportCmsFailure('Loading the house rules', error)
    return { kind: 'unavailable' }
  }
}

const dateTime = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
})
const date = new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeZone: 'Europe/Amsterdam' })

export type HouseRulesView = {
  intro: string
  html: string
  version: number
  /** "Versie 2, geldig sinds 7 december 2026" (the default text: "Versie 1"). */
  versionLabel: string
  changeNote: string | null
  /** `null`: the button is shown. */
  acceptedLabel: string | null
  /** Where the form sends the parent after accepting. */
  back: string
}

export function houseRulesView({
  rules,
  back,
}: {
  rules: HouseRulesAnswer
  back: string
}): HouseRulesView {
  const since = rules.publishedAt
    ? `, geldig sinds ${date.format(new Date(rules.publishedAt))}`
    : ''
  return {
    intro: houseRulesIntro({ reason: rules.status }),
    html: rules.html,
    version: rules.version,
    versionLabel: `Versie ${rules.version}${since}`,
    // Only above a new version: the note says what changed since the one the parent knew.
    changeNote: rules.status === 'new-version' ? rules.changeNote : null,
    acceptedLabel:
      rules.status === 'accepted' && rules.accepted
        ? `Je bent op ${dateTime.format(new Date(rules.accepted.acceptedAt))} akkoord gegaan met versie ${rules.accepted.version}.`
        : null,
    back: safeRedirectPath(back, '/'),
  }
}

/** The session cookie says what the CMS says the parent accepted (another device, an old cookie). */
export async function rememberAcceptedVersion(deps: {
  cookies: AstroCookies
  parent: PortalSession
  session: SessionConfig
  version: number | null
}): Promise<void> {
  if (deps.parent.houseRulesVersion === deps.version) return
  await writeSessionCookie(
    deps.cookies,
    { ...deps.parent, houseRulesVersion: deps.version },
    deps.session,
  )
}

export const acceptHouseRulesForm = z.object({
  versie: z.coerce.number().int().min(1).max(1_000_000),
  terug: z.string().max(2000).optional(),
})
export type AcceptHouseRulesForm = z.infer<typeof acceptHouseRulesForm>

export type AcceptHouseRulesFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | { ok: false; code: 'outdated' | 'unavailable'; message: string }

/** "Ik ga akkoord": records the acceptance at the CMS and in the session. Never throws. */
export async function submitAcceptHouseRules(
  input: AcceptHouseRulesForm,
  deps: {
    cms: Pick<CmsClient, 'acceptHouseRules'>
    cookies: AstroCookies
    parent: PortalSession
    session: SessionConfig
  },
): Promise<AcceptHouseRulesFormResult> {
  try {
    const result = await deps.cms.acceptHouseRules(deps.parent.token, input.versie)
    if (!result.ok)
      return {
        ok: false,
        code: 'outdated',
        message:
          result.message || 'Er is intussen een nieuwe versie van de huisregels. Lees die eerst.',
      }
    await rememberAcceptedVersion({ ...deps, version: result.version })
    return { ok: true, redirectTo: safeRedirectPath(input.terug, '/') }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Accepting the house rules', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }
  }
}

export { HOUSE_RULES_PAGE }
