import { z } from 'zod'

import type { NoticeView } from '../auth/login-page'
import { emailField, UNAVAILABLE_MESSAGE } from '../auth/login'
import type { CmsClient } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import type { RateLimiter } from '../../lib/http/rate-limit'
import { RATE_LIMIT_TITLE, rateLimitMessage, retryAfterHeaders } from '../../lib/http/rate-limit'

/** The same answer for every address, known or not (the CMS's own words when it gives them). */
export const FORGOT_PASSWORD_SENT =
  'Als dit e-mailadres bij ons bekend is, ontvang je binnen een paar minuten een e-mail met een link.'

export const INVALID_EMAIL = 'Vul een geldig e-mailadres in, bv. naam@voorbeeld.nl.'

/** The forgot-password form. */
export const forgotPasswordInput = z.object({ email: emailField })

/** What the forgot-password action hands back to its page. */
export type ForgotPasswordFormResult =
  | { ok: true; message: string; email: string }
  | {
      ok: false
      code: 'invalid-input' | 'rate-limited' | 'unavailable'
      message: string
      email: string
      retryAfterSeconds?: number
    }

/** Asks the CMS to mail a reset link. Never throws and never tells whether the address exists. */
export async function submitForgotPasswordForm(
  input: { email: string },
  deps: {
    cms: Pick<CmsClient, 'forgotPassword'>
    /** The per-IP limiter of reset-link requests, and this client's key. */
    limiter: RateLimiter
    clientKey: string
  },
): Promise<ForgotPasswordFormResult> {
  const email = input.email.trim()
  const limit = await deps.limiter.consume(deps.clientKey)
  if (!limit.ok) {
    return {
      ok: false,
      code: 'rate-limited',
      message: rateLimitMessage(limit.retryAfterSeconds),
      email,
      retryAfterSeconds: limit.retryAfterSeconds,
    }
  }
  try {
    const result = await deps.cms.forgotPassword(email)
    if (result.ok) return { ok: true, message: result.message || FORGOT_PASSWORD_SENT, email }
    if (result.code === 'rate-limited') {
      const seconds = result.retryAfterSeconds ?? 60
      return {
        ok: false,
        code: 'rate-limited',
        message: rateLimitMessage(seconds),
        email,
        retryAfterSeconds: seconds,
      }
    }
    return { ok: false, code: 'invalid-input', message: result.message || INVALID_EMAIL, email }
  } catch (error) {
    reportCmsFailure('Requesting a password reset', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, email }
  }
}

export type ForgotPasswordPageView = {
  status: number
  headers: Record<string, string>
  email: string
  notice: NoticeView | undefined
  fieldErrors: { email?: string }
  /** The request went out: show the confirmation instead of the form. */
  sent: boolean
}

const asText = (value: unknown, max: number) =>
  typeof value === 'string' ? value.trim().slice(0, max) : ''

/** The forgot-password page for one request. */
export function forgotPasswordPageView(input: {
  outcome: ActionOutcome<ForgotPasswordFormResult>
  /** The posted form, when there was one (to keep the typed email). */
  form: { email?: unknown } | undefined
}): ForgotPasswordPageView {
  const view: ForgotPasswordPageView = {
    status: 200,
    headers: {},
    email: asText(input.form?.email, 254),
    notice: undefined,
    fieldErrors: {},
    sent: false,
  }
  const { outcome } = input
  switch (outcome.kind) {
    case 'none':
      return view
    case 'input-error': {
      const email = outcome.fields.email?.[0]
      return { ...view, status: 400, fieldErrors: { email: email ?? INVALID_EMAIL } }
    }
    case 'action-error':
      return {
        ...view,
        status: 400,
        notice: { kind: 'error', message: 'Vul je e-mailadres in en probeer het opnieuw.' },
      }
    case 'result': {
      const { result } = outcome
      const email = asText(result.email, 254) || view.email
      if (result.ok) {
        return {
          ...view,
          email,
          sent: true,
          notice: { kind: 'success', title: 'Kijk in je e-mail', message: result.message },
        }
      }
      switch (result.code) {
        case 'invalid-input':
          return { ...view, email, status: 400, fieldErrors: { email: result.message } }
        case 'rate-limited': {
          const seconds = result.retryAfterSeconds ?? 60
          return {
            ...view,
            email,
            status: 429,
            headers: retryAfterHeaders(seconds),
            notice: { kind: 'error', title: RATE_LIMIT_TITLE, message: result.message },
          }
        }
        case 'unavailable':
          return {
            ...view,
            email,
            status: 503,
            headers: { 'Retry-After': '30' },
            notice: {
              kind: 'error',
              title: 'Schoolpost is niet bereikbaar',
              message: result.message,
            },
          }
      }
    }
  }
}
