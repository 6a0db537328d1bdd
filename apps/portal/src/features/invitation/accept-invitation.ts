import type { AstroCookies } from 'astro'

import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { SessionConfig } from '../auth/session'
import { startSession } from '../auth/start-session'
import type { CmsClient, InvitationProblem } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { RateLimiter } from '../../lib/http/rate-limit'
import { rateLimitMessage } from '../../lib/http/rate-limit'

/** The portal's own words for each unusable invitation, when the CMS gives none. */
export const INVITATION_PROBLEM_MESSAGES: Record<InvitationProblem, string> = {
  invalid:
    'Deze uitnodigingslink bestaat niet. Controleer of je de hele link uit de e-mail hebt gebruikt.',
  used: 'Deze uitnodiging is al gebruikt. Je kunt inloggen met je e-mailadres en wachtwoord.',
  expired: 'Deze uitnodiging is verlopen. Vraag de school om een nieuwe uitnodiging.',
  revoked:
    'Deze uitnodiging is niet meer geldig. Gebruik de nieuwste uitnodiging of vraag de school om hulp.',
}

export const INVITATION_PROBLEMS = Object.keys(INVITATION_PROBLEM_MESSAGES) as InvitationProblem[]

export const isInvitationProblem = (code: string): code is InvitationProblem =>
  (INVITATION_PROBLEMS as string[]).includes(code)

export const WEAK_PASSWORD_FALLBACK =
  'Dit wachtwoord is niet sterk genoeg. Kies een langer wachtwoord, bijvoorbeeld een zin.'

export const INVALID_INPUT_FALLBACK = 'Controleer wat je hebt ingevuld en probeer het opnieuw.'

/** What the invitation action hands back to its page (serialisable, no secrets). */
export type InvitationFormResult =
  | { ok: true; redirectTo: string }
  | {
      ok: false
      code: InvitationProblem | 'weak-password' | 'invalid-input' | 'rate-limited' | 'unavailable'
      message: string
      retryAfterSeconds?: number
    }

export type InvitationFormFailure = Exclude<InvitationFormResult, { ok: true }>

export type InvitationFormDeps = {
  cms: Pick<CmsClient, 'acceptInvitation'>
  cookies: AstroCookies
  session: SessionConfig
  /** The per-IP limiter of invitation and reset links, and this client's key. */
  limiter: RateLimiter
  clientKey: string
}

const unavailable = (): InvitationFormFailure => ({
  ok: false,
  code: 'unavailable',
  message: UNAVAILABLE_MESSAGE,
})

const rateLimited = (seconds: number): InvitationFormFailure => ({
  ok: false,
  code: 'rate-limited',
  message: rateLimitMessage(seconds),
  retryAfterSeconds: seconds,
})

/**
 * The invitation form's work: choose the password at the CMS (which activates and logs in the
 * parent), start the portal session and go to the start page. Never throws.
 */
export async function submitInvitationForm(
  input: { token: string; password: string },
  deps: InvitationFormDeps,
  now: Date = new Date(),
): Promise<InvitationFormResult> {
  const limit = await deps.limiter.consume(deps.clientKey)
  if (!limit.ok) return rateLimited(limit.retryAfterSeconds)
  try {
    const result = await deps.cms.acceptInvitation({
      token: input.token,
      password: input.password,
    })
    if (!result.ok) {
      switch (result.code) {
        case 'rate-limited':
          return rateLimited(result.retryAfterSeconds ?? 60)
        case 'weak-password':
          return { ok: false, code: result.code, message: result.message || WEAK_PASSWORD_FALLBACK }
        case 'invalid-input':
          return { ok: false, code: result.code, message: result.message || INVALID_INPUT_FALLBACK }
        default:
          return {
            ok: false,
            code: result.code,
            message: result.message || INVITATION_PROBLEM_MESSAGES[result.code],
          }
      }
    }
    const started = await startSession(deps.cookies, result, deps.session, now)
    return started ? { ok: true, redirectTo: '/' } : unavailable()
  } catch (error) {
    reportCmsFailure('Accepting an invitation', error)
    return unavailable()
  }
}
