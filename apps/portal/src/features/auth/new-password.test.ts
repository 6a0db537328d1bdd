import { PASSWORD_MESSAGES } from '@schoolpost/policies'
import { describe, expect, it } from 'vitest'

import {
  isLinkTokenShape,
  NEW_PASSWORD_MESSAGES,
  newPasswordFieldErrors,
  newPasswordForm,
  newPasswordProblems,
  PASSWORD_HINT,
} from './new-password'

const token = 'Q2hvb3NlIGEgcGFzc3dvcmQgZm9yIFNjaG9vbHBvc3Q'
const good = 'wij fietsen elke dag naar school'

/** The field errors of the form as Astro hands them to the page. */
function fieldsOf(input: Record<string, unknown>) {
  const parsed = newPasswordForm.safeParse(input)
  if (parsed.success) return {}
  const fields: Record<string, string[]> = {}
  for (const issue of parsed.error.issues) {
    const key = String(issue.path[0] ?? '')
    ;(fields[key] ??= []).push(issue.message)
  }
  return newPasswordFieldErrors(fields)
}

describe('newPasswordForm', () => {
  it('accepts a long sentence typed twice', () => {
    expect(newPasswordForm.safeParse({ token, password: good, passwordRepeat: good })).toEqual({
      success: true,
      data: { token, password: good, passwordRepeat: good },
    })
  })

  it('a repeat that differs is an error at the repeat field', () => {
    expect(fieldsOf({ token, password: good, passwordRepeat: `${good}.` })).toEqual({
      passwordRepeat: NEW_PASSWORD_MESSAGES.mismatch,
    })
  })

  it('a short password is an error at the password field, with the shared message', () => {
    expect(fieldsOf({ token, password: 'kort', passwordRepeat: 'kort' })).toEqual({
      password: PASSWORD_MESSAGES['too-short'],
    })
  })

  it('a common password is refused at once', () => {
    expect(fieldsOf({ token, password: 'password123', passwordRepeat: 'password123' })).toEqual({
      password: PASSWORD_MESSAGES.common,
    })
  })

  it('empty fields ask to fill them in', () => {
    expect(fieldsOf({ token, password: '', passwordRepeat: '' })).toEqual({
      password: NEW_PASSWORD_MESSAGES.missing,
      passwordRepeat: NEW_PASSWORD_MESSAGES.missingRepeat,
    })
  })

  it('needs a token of a plausible length', () => {
    const parsed = newPasswordForm.safeParse({
      token: 'kort',
      password: good,
      passwordRepeat: good,
    })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ['token'],
      message: NEW_PASSWORD_MESSAGES.linkIncomplete,
    })
  })
})

describe('newPasswordProblems', () => {
  it('also refuses the parent’s own name or email when they are known', () => {
    expect(
      newPasswordProblems({ password: 'fatima.yilmaz', passwordRepeat: 'fatima.yilmaz' }, [
        'fatima.yilmaz@ouders.test',
        'Fatima Yilmaz',
      ]),
    ).toEqual({ password: PASSWORD_MESSAGES.personal })
  })

  it('reports both fields at once', () => {
    expect(newPasswordProblems({ password: 'kort', passwordRepeat: 'anders' })).toEqual({
      password: PASSWORD_MESSAGES['too-short'],
      passwordRepeat: NEW_PASSWORD_MESSAGES.mismatch,
    })
  })
})

describe('isLinkTokenShape', () => {
  it.each([token, 'a'.repeat(20), `${'A'.repeat(100)}-_`])('accepts %s', (value) => {
    expect(isLinkTokenShape(value)).toBe(true)
  })

  it.each([undefined, '', 'a'.repeat(19), 'a'.repeat(201), `${token}/..`, `${token}%20`, 42])(
    'refuses %j',
    (value) => {
      expect(isLinkTokenShape(value)).toBe(false)
    },
  )
})

it('the hint says: 10 characters, a sentence works, no special characters needed', () => {
  expect(PASSWORD_HINT).toMatch(/Minstens 10 tekens/)
  expect(PASSWORD_HINT).toMatch(/zin werkt goed/)
  expect(PASSWORD_HINT).toMatch(/niet nodig/)
})
