import { checkPassword, PASSWORD_MESSAGES, PASSWORD_MIN_LENGTH } from '@schoolpost/policies'
import { z } from 'zod'

/**
 * Choosing a new password (invitation, reset link): the password twice, checked at once with the
 * school's password rule from @schoolpost/policies. The CMS applies the same rule again (with the
 * parent's name and email), so this check is only for quick, clear feedback.
 */

export const PASSWORD_HINT = `Minstens ${PASSWORD_MIN_LENGTH} tekens. Een zin werkt goed, bijvoorbeeld "wij fietsen elke dag naar school". Speciale tekens of cijfers zijn niet nodig.`

export const NEW_PASSWORD_MESSAGES = {
  missing: 'Kies een wachtwoord.',
  missingRepeat: 'Typ je nieuwe wachtwoord nog een keer.',
  mismatch: 'De twee wachtwoorden zijn niet hetzelfde. Typ twee keer hetzelfde wachtwoord.',
  tooLong: PASSWORD_MESSAGES['too-long'],
  linkIncomplete: 'De link is onvolledig. Gebruik de hele link uit de e-mail.',
} as const

export type NewPasswordFieldErrors = { password?: string; passwordRepeat?: string }

/** What is wrong with a chosen password and its repeat, per field (empty when nothing). */
export function newPasswordProblems(
  input: { password: string; passwordRepeat: string },
  personal: string[] = [],
): NewPasswordFieldErrors {
  const problems: NewPasswordFieldErrors = {}
  const strength = checkPassword({ password: input.password, personal })
  if (!strength.ok) problems.password = PASSWORD_MESSAGES[strength.reason]
  if (input.password !== input.passwordRepeat)
    problems.passwordRepeat = NEW_PASSWORD_MESSAGES.mismatch
  return problems
}

/** The token from a link in an email (the CMS checks it; this only keeps nonsense out). */
export const linkToken = z
  .string({ error: NEW_PASSWORD_MESSAGES.linkIncomplete })
  .trim()
  .min(20, { error: NEW_PASSWORD_MESSAGES.linkIncomplete })
  .max(200, { error: NEW_PASSWORD_MESSAGES.linkIncomplete })

/** Looks like a link token (URL-safe base64, as the CMS makes them); anything else is not one. */
export function isLinkTokenShape(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{20,200}$/.test(value)
}

/** The new password and its repeat, as every form that sets a password asks for them. */
export const newPasswordFields = {
  password: z
    .string({ error: NEW_PASSWORD_MESSAGES.missing })
    .min(1, { error: NEW_PASSWORD_MESSAGES.missing })
    .max(1024, { error: NEW_PASSWORD_MESSAGES.tooLong }),
  passwordRepeat: z
    .string({ error: NEW_PASSWORD_MESSAGES.missingRepeat })
    .min(1, { error: NEW_PASSWORD_MESSAGES.missingRepeat })
    .max(1024, { error: NEW_PASSWORD_MESSAGES.tooLong }),
}

/** The form of a link page: the token (hidden field), the password and its repeat. */
export const newPasswordForm = z
  .object({ token: linkToken, ...newPasswordFields })
  .superRefine((input, ctx) => {
    const problems = newPasswordProblems(input)
    for (const field of ['password', 'passwordRepeat'] as const) {
      const message = problems[field]
      if (message) ctx.addIssue({ code: 'custom', path: [field], message })
    }
  })

export type NewPasswordInput = z.infer<typeof newPasswordForm>

/** The first message per field of an action's input error, for the password fields. */
export function newPasswordFieldErrors(
  fields: Record<string, string[] | undefined>,
): NewPasswordFieldErrors {
  const password = fields.password?.[0]
  const passwordRepeat = fields.passwordRepeat?.[0]
  return {
    ...(password ? { password } : {}),
    ...(passwordRepeat ? { passwordRepeat } : {}),
  }
}
