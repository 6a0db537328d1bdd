import { describe, expect, it } from 'vitest'

import { loginPageView } from './login-page'

const url = (path: string) => new URL(path, 'http://localhost:4321')

describe('loginPageView', () => {
  it('a fresh login page: 200, no notice, no return path', () => {
    expect(
      loginPageView({ url: url('/inloggen'), outcome: { kind: 'none' }, form: undefined }),
    ).toEqual({
      status: 200,
      headers: {},
      email: '',
      terug: '',
      notice: undefined,
      fieldErrors: {},
    })
  })

  it('says "Je bent uitgelogd." after logging out', () => {
    const view = loginPageView({
      url: url('/inloggen?uitgelogd=1'),
      outcome: { kind: 'none' },
      form: undefined,
    })
    expect(view.notice).toEqual({ kind: 'success', message: 'Je bent uitgelogd.' })
  })

  it('keeps a safe ?terug= and drops an unsafe one', () => {
    const safe = loginPageView({
      url: url('/inloggen?terug=%2Fberichten'),
      outcome: { kind: 'none' },
      form: undefined,
    })
    expect(safe.terug).toBe('/berichten')
    const unsafe = loginPageView({
      url: url('/inloggen?terug=https%3A%2F%2Fevil.test'),
      outcome: { kind: 'none' },
      form: undefined,
    })
    expect(unsafe.terug).toBe('')
  })

  it('shows a login failure with its status, message and the typed email', () => {
    const view = loginPageView({
      url: url('/inloggen?_action=login'),
      outcome: {
        kind: 'result',
        result: {
          ok: false,
          code: 'invalid-credentials',
          message: 'Het e-mailadres of wachtwoord klopt niet.',
          email: 'fatima.yilmaz@ouders.test',
        },
      },
      form: { email: 'fatima.yilmaz@ouders.test', terug: '/berichten' },
    })
    expect(view).toMatchObject({
      status: 401,
      email: 'fatima.yilmaz@ouders.test',
      terug: '/berichten',
      notice: { kind: 'error', message: 'Het e-mailadres of wachtwoord klopt niet.' },
    })
  })

  it('sets Retry-After when rate limited', () => {
    const view = loginPageView({
      url: url('/inloggen'),
      outcome: {
        kind: 'result',
        result: { ok: false, code: 'rate-limited', message: 'm', email: '', retryAfterSeconds: 60 },
      },
      form: {},
    })
    expect(view.status).toBe(429)
    expect(view.headers).toEqual({ 'Retry-After': '60' })
  })

  it('shows field errors for invalid input and keeps the typed email', () => {
    const view = loginPageView({
      url: url('/inloggen?_action=login'),
      outcome: {
        kind: 'input-error',
        fields: { email: ['Vul een geldig e-mailadres in.'], password: ['Vul je wachtwoord in.'] },
      },
      form: { email: ' geen-email ' },
    })
    expect(view).toMatchObject({
      status: 400,
      email: 'geen-email',
      fieldErrors: { email: 'Vul een geldig e-mailadres in.', password: 'Vul je wachtwoord in.' },
      notice: { kind: 'error' },
    })
  })

  it('any other action failure is a 400 with a message, never a 500', () => {
    const view = loginPageView({
      url: url('/inloggen'),
      outcome: { kind: 'action-error' },
      form: {},
    })
    expect(view.status).toBe(400)
    expect(view.notice?.kind).toBe('error')
  })
})
