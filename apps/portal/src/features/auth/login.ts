import type { AstroCookies } from 'astro'
import { z } from 'zod'

import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnavailableError } from '../../lib/cms/cms-client'
import type { RateLimiter } from '../../lib/http/rate-limit'
import { safeRedirectPath } from './safe-redirect'
import type { PortalSession, SessionConfig } from './session'
import { writeSessionCookie } from './session'

/** An email address as typed into a form (login, forgotten password). */
export const emailField = z
  .string({ error: 'Vul je e-mailadres in.' })
  .trim()
  .min(1, { error: 'Vul je e-mailadres in.' })
  .max(254, { error: 'Dit e-mailadres is te lang.' })
  .pipe(z.email({ error: 'Vul een geldig e-mailadres in, bv. naam@voorbeeld.nl.' }))

/** The login form. */
export const loginInput = z.object({
  email: emailField,
  password: z
    .string({ error: 'Vul je wachtwoord in.' })
    .min(1, { error: 'Vul je wachtwoord in.' })
    .max(1024, { error: 'Dit wachtwoord is te lang.' }),
  /** Where to go after logging in; checked again by safeRedirectPath. */
  terug: z.string().max(2000).optional().catch(undefined),
})

/** Why a login did not work, as the login page shows it. */
export type LoginErrorCode =
  'invalid-input' | 'invalid-credentials' | 'deactivated' | 'rate-limited' | 'unavailable'

/** The HTTP status of the login page that shows each error (never a 500). */
export const LOGIN_ERROR_STATUS: Record<LoginErrorCode, number> = {
  'invalid-input': 400,
  'invalid-credentials': 401,
  deactivated: 403,
  'rate-limited': 429,
  unavailable: 503,
}

export const LOGIN_ERROR_TITLES: Record<LoginErrorCode, string> = {
  'invalid-input': 'Controleer wat je hebt ingevuld',
  'invalid-credentials': 'Inloggen is niet gelukt',
  deactivated: 'Je account is niet actief',
  'rate-limited': 'Even wachten',
  unavailable: 'Schoolpost is niet bereikbaar',
}

export const UNAVAILABLE_MESSAGE =
  'Schoolpost is nu even niet bereikbaar. Probeer het later opnieuw.'

export function loginErrorMessage(
  code: LoginErrorCode,
  details: { retryAfterSeconds?: number | undefined } = {},
): string {
  switch (code) {
    case 'invalid-input':
      return 'Vul een geldig e-mailadres en je wachtwoord in.'
    case 'invalid-credentials':
      return 'Het e-mailadres of wachtwoord klopt niet.'
    case 'deactivated':
      return 'Dit account is niet meer actief. Neem contact op met de school als je denkt dat dit niet klopt.'
    case 'rate-limited': {
      const seconds = details.retryAfterSeconds
      if (seconds === undefined || seconds <= 0) {
        return 'Er is te vaak geprobeerd in te loggen. Wacht even en probeer het daarna opnieuw.'
      }
      const minutes = Math.ceil(seconds / 60)
      return `Er is te vaak geprobeerd in te loggen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`
    }
    case 'unavailable':
      return UNAVAILABLE_MESSAGE
  }
}

export type LoginOutcome =
  | { ok: true; session: PortalSession }
  | { ok: false; code: LoginErrorCode; message: string; retryAfterSeconds?: number }

const failure = (code: LoginErrorCode, retryAfterSeconds?: number): LoginOutcome => ({
  ok: false,
  code,
  message: loginErrorMessage(code, { retryAfterSeconds }),
  ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
})

/**
 * Logs a parent in at the CMS. Never throws: every CMS answer and failure maps to an outcome the
 * login page can show.
 */
export async function logIn(
  credentials: { email: string; password: string },
  cms: Pick<CmsClient, 'portalLogin'>,
  now: Date = new Date(),
): Promise<LoginOutcome> {
  try {
    const result = await cms.portalLogin(credentials)
    if (!result.ok) {
      return result.code === 'rate-limited'
        ? failure('rate-limited', result.retryAfterSeconds)
        : failure(result.code)
    }
    if (result.exp <= Math.floor(now.getTime() / 1000)) {
      console.error('[portal] The CMS login answered with a token that has already ended.')
      return failure('unavailable')
    }
    return {
      ok: true,
      session: {
        token: result.token,
        exp: result.exp,
        parentId: result.user.id,
        parentName: result.user.name,
        houseRulesVersion: result.houseRulesVersion,
      },
    }
  } catch (error) {
    if (!(error instanceof CmsUnavailableError)) {
      console.error('[portal] Unexpected error during login:', error)
    } else {
      console.error(`[portal] Login failed: ${error.message}`)
    }
    return failure('unavailable')
  }
}

/** What the login action hands back to the login page (serialisable, no secrets). */
export type LoginFormResult =
  | { ok: true; redirectTo: string }
  | {
      ok: false
      code: LoginErrorCode
      message: string
      email: string
      retryAfterSeconds?: number
    }

/**
 * The login form's work: count the attempt against the per-IP limit, log in, start the portal
 * session, and say where to go next.
 */
export async function submitLoginForm(
  input: { email: string; password: string; terug?: string | undefined },
  deps: {
    cms: Pick<CmsClient, 'portalLogin'>
    cookies: AstroCookies
    session: SessionConfig
    /** The per-IP login limiter, and this client's key. */
    limiter: RateLimiter
    clientKey: string
  },
): Promise<LoginFormResult> {
  const email = input.email.trim()
  const limit = await deps.limiter.consume(deps.clientKey)
  if (!limit.ok) {
    const { retryAfterSeconds } = limit
    return {
      ok: false,
      code: 'rate-limited',
      message: loginErrorMessage('rate-limited', { retryAfterSeconds }),
      email,
      retryAfterSeconds,
    }
  }
  const outcome = await logIn({ email, password: input.password }, deps.cms)
  if (!outcome.ok) {
    return {
      ok: false,
      code: outcome.code,
      message: outcome.message,
      email,
      ...(outcome.retryAfterSeconds === undefined
        ? {}
        : { retryAfterSeconds: outcome.retryAfterSeconds }),
    }
  }
  try {
    await writeSessionCookie(deps.cookies, outcome.session, deps.session)
  } catch (error) {
    console.error('[portal] Could not start the portal session:', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, email }
  }
  return { ok: true, redirectTo: safeRedirectPath(input.terug) }
}
