import { describe, expect, it, vi } from 'vitest'

import { allowingLimiter, refusingLimiter } from '../../test/fake-limiter'
import type { ForgotPasswordResult } from '../../lib/cms/cms-client'
import { CmsUnavailableError } from '../../lib/cms/cms-client'
import type { ForgotPasswordFormResult } from './forgot-password'
import {
  FORGOT_PASSWORD_SENT,
  forgotPasswordPageView,
  submitForgotPasswordForm,
} from './forgot-password'

const email = 'fatima.yilmaz@ouders.test'
const answering = (result: ForgotPasswordResult) => ({ forgotPassword: vi.fn(async () => result) })

describe('submitForgotPasswordForm', () => {
  it('passes the CMS confirmation on, the same for every address', async () => {
    const cms = answering({ ok: true, message: FORGOT_PASSWORD_SENT })
    const limiter = allowingLimiter()
    expect(
      await submitForgotPasswordForm({ email: ` ${email} ` }, { cms, limiter, clientKey: 'ip' }),
    ).toEqual({ ok: true, message: FORGOT_PASSWORD_SENT, email })
    expect(cms.forgotPassword).toHaveBeenCalledWith(email)
    expect(limiter.consume).toHaveBeenCalledWith('ip')
  })

  it('uses its own words when the CMS gives none', async () => {
    const result = await submitForgotPasswordForm(
      { email },
      { cms: answering({ ok: true, message: '' }), limiter: allowingLimiter(), clientKey: 'ip' },
    )
    expect(result).toMatchObject({ ok: true, message: FORGOT_PASSWORD_SENT })
  })

  it('over the limit: rate-limited without asking the CMS', async () => {
    const cms = answering({ ok: true, message: 'm' })
    const result = await submitForgotPasswordForm(
      { email },
      { cms, limiter: refusingLimiter(900), clientKey: 'ip' },
    )
    expect(result).toEqual({
      ok: false,
      code: 'rate-limited',
      message: 'Te veel pogingen. Probeer het over 15 minuten opnieuw.',
      email,
      retryAfterSeconds: 900,
    })
    expect(cms.forgotPassword).not.toHaveBeenCalled()
  })

  it('the CMS refuses the address: invalid-input with its message', async () => {
    const result = await submitForgotPasswordForm(
      { email },
      {
        cms: answering({
          ok: false,
          code: 'invalid-input',
          message: 'Vul een geldig e-mailadres in.',
        }),
        limiter: allowingLimiter(),
        clientKey: 'ip',
      },
    )
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid-input',
      message: 'Vul een geldig e-mailadres in.',
    })
  })

  it('the CMS cannot be reached: unavailable, never a throw', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const cms = {
      forgotPassword: vi.fn(async (): Promise<ForgotPasswordResult> => {
        throw new CmsUnavailableError('network', 'down')
      }),
    }
    const result = await submitForgotPasswordForm(
      { email },
      { cms, limiter: allowingLimiter(), clientKey: 'ip' },
    )
    spy.mockRestore()
    expect(result).toMatchObject({ ok: false, code: 'unavailable', email })
  })
})

describe('forgotPasswordPageView', () => {
  const result = (r: ForgotPasswordFormResult) => ({ kind: 'result' as const, result: r })

  it('a fresh page: 200 with the form', () => {
    expect(forgotPasswordPageView({ outcome: { kind: 'none' }, form: undefined })).toEqual({
      status: 200,
      headers: {},
      email: '',
      notice: undefined,
      fieldErrors: {},
      sent: false,
    })
  })

  it('sent: 200 with the confirmation from the CMS instead of the form', () => {
    const view = forgotPasswordPageView({
      outcome: result({ ok: true, message: FORGOT_PASSWORD_SENT, email }),
      form: { email },
    })
    expect(view).toMatchObject({
      status: 200,
      sent: true,
      notice: { kind: 'success', message: FORGOT_PASSWORD_SENT },
    })
  })

  it('an invalid address: 400 at the field, keeping what was typed', () => {
    const view = forgotPasswordPageView({
      outcome: { kind: 'input-error', fields: { email: ['Vul een geldig e-mailadres in.'] } },
      form: { email: ' geen-email ' },
    })
    expect(view).toMatchObject({
      status: 400,
      email: 'geen-email',
      fieldErrors: { email: 'Vul een geldig e-mailadres in.' },
      sent: false,
    })
  })

  it('rate limited: 429 with Retry-After', () => {
    const view = forgotPasswordPageView({
      outcome: result({
        ok: false,
        code: 'rate-limited',
        message: 'm',
        email,
        retryAfterSeconds: 300,
      }),
      form: { email },
    })
    expect(view).toMatchObject({ status: 429, headers: { 'Retry-After': '300' }, email })
  })

  it('unavailable: 503; any other action failure: 400', () => {
    expect(
      forgotPasswordPageView({
        outcome: result({ ok: false, code: 'unavailable', message: 'm', email }),
        form: { email },
      }).status,
    ).toBe(503)
    expect(forgotPasswordPageView({ outcome: { kind: 'action-error' }, form: {} }).status).toBe(400)
  })
})
