import { PASSWORD_MESSAGES } from '@schoolpost/policies'
import { describe, expect, it, vi } from 'vitest'

import { NEW_PASSWORD_MESSAGES } from '../auth/new-password'
import type { ChangePasswordResult } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import type { ChangePasswordFailure } from './change-password'
import {
  CHANGE_PASSWORD_MESSAGES,
  CHANGED_PATH,
  changePasswordInput,
  changePasswordPageView,
  submitChangePasswordForm,
} from './change-password'

const parent = {
  token: 'tok',
  exp: Math.floor(Date.now() / 1000) + 3600,
  parentId: 'p1',
  parentName: 'Fatima Yilmaz',
}
const input = {
  currentPassword: 'Schoolpost-demo-2026',
  password: 'wij fietsen elke dag naar school',
  passwordRepeat: 'wij fietsen elke dag naar school',
}
const url = (path: string) => new URL(path, 'http://localhost:4321')
const answering = (result: ChangePasswordResult) => ({ changePassword: vi.fn(async () => result) })

describe('changePasswordInput', () => {
  it('accepts the current password and a strong new one typed twice', () => {
    expect(changePasswordInput.parse(input)).toEqual(input)
  })

  it('says per field what is wrong: missing, too weak, not the same twice, unchanged', () => {
    const issues = (value: unknown) =>
      changePasswordInput
        .safeParse(value)
        .error?.issues.map((issue) => [issue.path.join('.'), issue.message])
    expect(issues({ currentPassword: '', password: 'abc', passwordRepeat: 'abd' })).toEqual([
      ['currentPassword', CHANGE_PASSWORD_MESSAGES.missingCurrent],
      ['password', PASSWORD_MESSAGES['too-short']],
      ['passwordRepeat', NEW_PASSWORD_MESSAGES.mismatch],
    ])
    expect(issues({ ...input, password: 'password123', passwordRepeat: 'password123' })).toEqual([
      ['password', PASSWORD_MESSAGES.common],
    ])
    const same = 'wij fietsen elke dag naar school'
    expect(issues({ currentPassword: same, password: same, passwordRepeat: same })).toEqual([
      ['password', CHANGE_PASSWORD_MESSAGES.samePassword],
    ])
  })
})

describe('submitChangePasswordForm', () => {
  it('changes the password at the CMS with the parent’s token and goes back to the page', async () => {
    const cms = answering({ ok: true, message: 'Gewijzigd.' })
    expect(await submitChangePasswordForm(input, { cms, parent })).toEqual({
      ok: true,
      redirectTo: CHANGED_PATH,
    })
    expect(cms.changePassword).toHaveBeenCalledWith('tok', {
      currentPassword: input.currentPassword,
      newPassword: input.password,
    })
  })

  it.each([
    ['wrong-password', 'Je huidige wachtwoord klopt niet.'],
    ['same-password', 'Kies een ander wachtwoord dan je huidige.'],
    ['weak-password', 'Gebruik niet je naam of e-mailadres als wachtwoord.'],
    ['invalid-input', 'Ongeldige invoer.'],
  ] as const)('%s: passed on with the CMS’s Dutch message', async (code, message) => {
    expect(
      await submitChangePasswordForm(input, {
        cms: answering({ ok: false, code, message }),
        parent,
      }),
    ).toEqual({ ok: false, code, message })
  })

  it('a refusal without a message still says what is wrong', async () => {
    const result = await submitChangePasswordForm(input, {
      cms: answering({ ok: false, code: 'wrong-password', message: '' }),
      parent,
    })
    expect(result).toEqual({
      ok: false,
      code: 'wrong-password',
      message: CHANGE_PASSWORD_MESSAGES.wrongCurrent,
    })
  })

  it('429 from the CMS: how long to wait, in minutes', async () => {
    const result = await submitChangePasswordForm(input, {
      cms: answering({ ok: false, code: 'rate-limited', retryAfterSeconds: 840 }),
      parent,
    })
    expect(result).toEqual({
      ok: false,
      code: 'rate-limited',
      message: 'Te veel pogingen. Probeer het over 14 minuten opnieuw.',
      retryAfterSeconds: 840,
    })
  })

  it('a token the CMS no longer accepts: signed out; an outage: unavailable', async () => {
    const refused = {
      changePassword: vi.fn(async () => {
        throw new CmsUnauthorizedError(401, '/api/parents/change-password')
      }),
    }
    expect(await submitChangePasswordForm(input, { cms: refused, parent })).toEqual({
      ok: false,
      code: 'signed-out',
    })
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = {
      changePassword: vi.fn(async () => {
        throw new CmsUnavailableError('network', 'The CMS could not be reached.')
      }),
    }
    expect(await submitChangePasswordForm(input, { cms: down, parent })).toMatchObject({
      ok: false,
      code: 'unavailable',
    })
    error.mockRestore()
  })
})

describe('changePasswordPageView', () => {
  const view = (outcome: Parameters<typeof changePasswordPageView>[0]['outcome'], path = '/') =>
    changePasswordPageView({ url: url(path), outcome })
  const result = (failure: ChangePasswordFailure) => view({ kind: 'result', result: failure })

  it('the empty form; after a change, the confirmation', () => {
    expect(view({ kind: 'none' }, '/account/wachtwoord')).toEqual({
      status: 200,
      headers: {},
      notice: undefined,
      fieldErrors: {},
    })
    expect(view({ kind: 'none' }, CHANGED_PATH).notice).toEqual({
      kind: 'success',
      message: CHANGE_PASSWORD_MESSAGES.changed,
    })
  })

  it('input errors and refusals land on their field, with a 400', () => {
    expect(
      view({
        kind: 'input-error',
        fields: { passwordRepeat: [NEW_PASSWORD_MESSAGES.mismatch], other: ['x'] },
      }),
    ).toMatchObject({
      status: 400,
      fieldErrors: { passwordRepeat: NEW_PASSWORD_MESSAGES.mismatch },
    })
    expect(result({ ok: false, code: 'wrong-password', message: 'Klopt niet.' })).toMatchObject({
      status: 400,
      fieldErrors: { currentPassword: 'Klopt niet.' },
    })
    expect(result({ ok: false, code: 'weak-password', message: 'Te zwak.' })).toMatchObject({
      status: 400,
      fieldErrors: { password: 'Te zwak.' },
    })
  })

  it('429 with Retry-After; 503 when the CMS is down', () => {
    expect(
      result({ ok: false, code: 'rate-limited', message: 'Te veel.', retryAfterSeconds: 120 }),
    ).toEqual({
      status: 429,
      headers: { 'Retry-After': '120' },
      notice: { kind: 'error', title: 'Even wachten', message: 'Te veel.' },
      fieldErrors: {},
    })
    expect(result({ ok: false, code: 'unavailable', message: 'Weg.' })).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '30' },
    })
  })
})
