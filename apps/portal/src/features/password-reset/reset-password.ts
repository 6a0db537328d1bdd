import type { AstroCookies } from 'astro'

import type { NoticeView } from '../auth/login-page'
import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { NewPasswordFieldErrors } from '../auth/new-password'
import { isLinkTokenShape, newPasswordFieldErrors } from '../auth/new-password'
import type { SessionConfig } from '../auth/session'
import { startSession } from '../auth/start-session'
import type { CmsClient } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import type { RateLimiter } from '../../lib/http/rate-limit'
import { RATE_LIMIT_TITLE, rateLimitMessage, retryAfterHeaders } from '../../lib/http/rate-limit'

export const RESET_LINK_GONE = 'Deze link is verlopen of al gebruikt. Vraag een nieuwe link aan.'
export const RESET_LINK_INVALID =
  'Deze link werkt niet. Controleer of je de hele link uit de e-mail hebt gebruikt, of vraag een nieuwe link aan.'
const WEAK_PASSWORD_FALLBACK =
  'Dit wachtwoord is niet sterk genoeg. Kies een langer wachtwoord, bijvoorbeeld een zin.'
const INVALID_INPUT_FALLBACK = 'Controleer wat je hebt ingevuld en probeer het opnieuw.'

/** What the reset action hands back to its page (serialisable, no secrets). */
export type ResetFormResult =
  | { ok: true; redirectTo: string }
  | {
      ok: false
      code: 'weak-password' | 'invalid-input' | 'invalid-token' | 'rate-limited' | 'unavailable'
      message: string
      retryAfterSeconds?: number
    }

export type ResetFormFailure = Exclude<ResetFormResult, { ok: true }>

const rateLimited = (seconds: number): ResetFormFailure => ({
  ok: false,
  code: 'rate-limited',
  message: rateLimitMessage(seconds),
  retryAfterSeconds: seconds,
})

const unavailable = (): ResetFormFailure => ({
  ok: false,
  code: 'unavailable',
  message: UNAVAILABLE_MESSAGE,
})

/**
 * The reset form's work: the new password at the CMS, then the parent is logged in with the
 * token it answers (its expiry read from the token) and goes to the start page. Never throws.
 */
export async function submitResetForm(
  input: { token: string; password: string },
  deps: {
    cms: Pick<CmsClient, 'resetPassword'>
    cookies: AstroCookies
    session: SessionConfig
    /** The per-IP limiter of invitation and reset links, and this client's key. */
    limiter: RateLimiter
    clientKey: string
  },
  now: Date = new Date(),
): Promise<ResetFormResult> {
  const limit = await deps.limiter.consume(deps.clientKey)
  if (!limit.ok) return rateLimited(limit.retryAfterSeconds)
  try {
    const result = await deps.cms.resetPassword({ token: input.token, password: input.password })
    if (!result.ok) {
      switch (result.code) {
        case 'rate-limited':
          return rateLimited(result.retryAfterSeconds ?? 60)
        case 'weak-password':
          return { ok: false, code: result.code, message: result.message || WEAK_PASSWORD_FALLBACK }
        case 'invalid-input':
          return { ok: false, code: result.code, message: result.message || INVALID_INPUT_FALLBACK }
        case 'invalid-token':
          return { ok: false, code: result.code, message: result.message || RESET_LINK_GONE }
      }
    }
    const started = await startSession(deps.cookies, result, deps.session, now)
    return started ? { ok: true, redirectTo: '/' } : unavailable()
  } catch (error) {
    reportCmsFailure('Resetting a password', error)
    return unavailable()
  }
}

export type ResetPageView = {
  status: number
  headers: Record<string, string>
  /** The page's <h1>. */
  heading: string
  notice: NoticeView | undefined
  /** The password form, unless the link cannot be used (or the parent must wait). */
  form: { fieldErrors: NewPasswordFieldErrors } | undefined
  /** Offer a new link (the link is gone or broken). */
  offerNewLink: boolean
}

const CHECK_FORM = {
  kind: 'error',
  title: 'Controleer wat je hebt ingevuld',
  message: 'Je nieuwe wachtwoord is nog niet opgeslagen.',
} as const satisfies NoticeView

/**
 * The reset page for one request. There is nothing to ask the CMS before the form is sent: a
 * link that is no longer valid is reported when the new password is saved.
 */
export function resetPageView(input: {
  token: string | undefined
  outcome: ActionOutcome<ResetFormFailure>
}): ResetPageView {
  const form = (
    status: number,
    notice?: NoticeView,
    fieldErrors: NewPasswordFieldErrors = {},
  ): ResetPageView => ({
    status,
    headers: {},
    heading: 'Nieuw wachtwoord kiezen',
    notice,
    form: { fieldErrors },
    offerNewLink: false,
  })
  const gone = (status: number, message: string): ResetPageView => ({
    status,
    headers: {},
    heading: 'Deze link werkt niet meer',
    notice: { kind: 'error', message },
    form: undefined,
    offerNewLink: true,
  })

  const { outcome } = input
  if (outcome.kind === 'result') {
    const { result } = outcome
    switch (result.code) {
      case 'invalid-token':
        return gone(410, result.message)
      case 'rate-limited': {
        const seconds = result.retryAfterSeconds ?? 60
        return {
          status: 429,
          headers: retryAfterHeaders(seconds),
          heading: RATE_LIMIT_TITLE,
          notice: { kind: 'error', message: result.message },
          form: undefined,
          offerNewLink: false,
        }
      }
      default:
        break
    }
  }
  if (!isLinkTokenShape(input.token)) return gone(404, RESET_LINK_INVALID)
  switch (outcome.kind) {
    case 'none':
      return form(200)
    case 'input-error':
      return form(400, CHECK_FORM, newPasswordFieldErrors(outcome.fields))
    case 'action-error':
      return form(400, { ...CHECK_FORM, message: INVALID_INPUT_FALLBACK })
    case 'result': {
      const { result } = outcome
      if (result.code === 'weak-password') {
        return form(400, CHECK_FORM, { password: result.message })
      }
      if (result.code === 'unavailable') {
        const view = form(503, {
          kind: 'error',
          title: 'Schoolpost is niet bereikbaar',
          message: result.message,
        })
        return { ...view, headers: { 'Retry-After': '30' } }
      }
      return form(400, { ...CHECK_FORM, message: result.message || INVALID_INPUT_FALLBACK })
    }
  }
}
