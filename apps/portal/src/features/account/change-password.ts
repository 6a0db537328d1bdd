import { z } from 'zod'

import type { NoticeView } from '../auth/login-page'
import { UNAVAILABLE_MESSAGE } from '../auth/login'
import { NEW_PASSWORD_MESSAGES, newPasswordFields, newPasswordProblems } from '../auth/new-password'
import type { PortalSession } from '../auth/session'
import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'
import { RATE_LIMIT_TITLE, rateLimitMessage, retryAfterHeaders } from '../../lib/http/rate-limit'

/**
 * /account/wachtwoord: a logged-in parent changes their password with the current one. The CMS
 * checks the current password, applies the password rule (with the parent's name and email) and
 * ends the parent's other sessions; the token of this session stays valid, so the portal session
 * goes on as it is. The rule is checked here too, only for quick, clear feedback.
 */

export const CHANGED_PATH = '/account/wachtwoord?gewijzigd=1'

export const CHANGE_PASSWORD_MESSAGES = {
  missingCurrent: 'Vul je huidige wachtwoord in.',
  wrongCurrent: 'Je huidige wachtwoord klopt niet.',
  samePassword: 'Kies een ander wachtwoord dan je huidige.',
  changed: 'Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.',
} as const

const INVALID_INPUT_FALLBACK = 'Controleer wat je hebt ingevuld en probeer het opnieuw.'

export const changePasswordInput = z
  .object({
    currentPassword: z
      .string({ error: CHANGE_PASSWORD_MESSAGES.missingCurrent })
      .min(1, { error: CHANGE_PASSWORD_MESSAGES.missingCurrent })
      .max(1024, { error: NEW_PASSWORD_MESSAGES.tooLong }),
    ...newPasswordFields,
  })
  .superRefine((input, ctx) => {
    const problems = newPasswordProblems(input)
    if (!problems.password && input.password === input.currentPassword) {
      problems.password = CHANGE_PASSWORD_MESSAGES.samePassword
    }
    for (const field of ['password', 'passwordRepeat'] as const) {
      const message = problems[field]
      if (message) ctx.addIssue({ code: 'custom', path: [field], message })
    }
  })

export type ChangePasswordInput = z.infer<typeof changePasswordInput>

export type ChangePasswordFieldErrors = Partial<Record<keyof ChangePasswordInput, string>>

/** What the change-password action hands back to its page (serialisable, no passwords). */
export type ChangePasswordFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code:
        | 'wrong-password'
        | 'same-password'
        | 'weak-password'
        | 'invalid-input'
        | 'rate-limited'
        | 'unavailable'
      message: string
      retryAfterSeconds?: number
    }

export type ChangePasswordFailure = Exclude<
  ChangePasswordFormResult,
  { ok: true } | { code: 'signed-out' }
>

/** Changes the parent's password at the CMS with their own token. Never throws. */
export async function submitChangePasswordForm(
  input: ChangePasswordInput,
  deps: {
    cms: Pick<CmsClient, 'changePassword'>
    /** The parent of this request (the action checked the session). */
    parent: PortalSession
  },
): Promise<ChangePasswordFormResult> {
  try {
    const result = await deps.cms.changePassword(deps.parent.token, {
      currentPassword: input.currentPassword,
      newPassword: input.password,
    })
    if (result.ok) return { ok: true, redirectTo: CHANGED_PATH }
    switch (result.code) {
      case 'rate-limited': {
        const seconds = result.retryAfterSeconds ?? 60
        return {
          ok: false,
          code: 'rate-limited',
          message: rateLimitMessage(seconds),
          retryAfterSeconds: seconds,
        }
      }
      case 'wrong-password':
        return {
          ok: false,
          code: result.code,
          message: result.message || CHANGE_PASSWORD_MESSAGES.wrongCurrent,
        }
      case 'same-password':
        return {
          ok: false,
          code: result.code,
          message: result.message || CHANGE_PASSWORD_MESSAGES.samePassword,
        }
      case 'weak-password':
      case 'invalid-input':
        return { ok: false, code: result.code, message: result.message || INVALID_INPUT_FALLBACK }
    }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Changing a password', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE }
  }
}

export type ChangePasswordPageView = {
  status: number
  headers: Record<string, string>
  notice: NoticeView | undefined
  fieldErrors: ChangePasswordFieldErrors
}

const CHECK_FORM = {
  kind: 'error',
  title: 'Controleer wat je hebt ingevuld',
  message: 'Je wachtwoord is nog niet gewijzigd.',
} as const satisfies NoticeView

/** The change-password page for one request: the form, with what went wrong or went well. */
export function changePasswordPageView(input: {
  url: URL
  outcome: ActionOutcome<ChangePasswordFailure>
}): ChangePasswordPageView {
  const page = (
    status: number,
    notice?: NoticeView,
    fieldErrors: ChangePasswordFieldErrors = {},
  ): ChangePasswordPageView => ({ status, headers: {}, notice, fieldErrors })

  const { outcome } = input
  switch (outcome.kind) {
    case 'none':
      return page(
        200,
        input.url.searchParams.get('gewijzigd') === '1'
          ? { kind: 'success', message: CHANGE_PASSWORD_MESSAGES.changed }
          : undefined,
      )
    case 'input-error': {
      const fieldErrors: ChangePasswordFieldErrors = {}
      for (const key of ['currentPassword', 'password', 'passwordRepeat'] as const) {
        const message = outcome.fields[key]?.[0]
        if (message) fieldErrors[key] = message
      }
      return page(400, CHECK_FORM, fieldErrors)
    }
    case 'action-error':
      return page(400, { ...CHECK_FORM, message: INVALID_INPUT_FALLBACK })
    case 'result': {
      const { result } = outcome
      switch (result.code) {
        case 'wrong-password':
          return page(400, CHECK_FORM, { currentPassword: result.message })
        case 'same-password':
        case 'weak-password':
          return page(400, CHECK_FORM, { password: result.message })
        case 'invalid-input':
          return page(400, { ...CHECK_FORM, message: result.message })
        case 'rate-limited': {
          const seconds = result.retryAfterSeconds ?? 60
          return {
            ...page(429, { kind: 'error', title: RATE_LIMIT_TITLE, message: result.message }),
            headers: retryAfterHeaders(seconds),
          }
        }
        case 'unavailable':
          return {
            ...page(503, {
              kind: 'error',
              title: 'Schoolpost is niet bereikbaar',
              message: result.message,
            }),
            headers: { 'Retry-After': '30' },
          }
      }
    }
  }
}
