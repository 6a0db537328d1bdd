import { describe, expect, it, vi } from 'vitest'

import { allowingLimiter, refusingLimiter } from '../../test/fake-limiter'
import { NEW_PASSWORD_MESSAGES } from '../auth/new-password'
import type { CheckInvitationResult, InvitationProblem } from '../../lib/cms/cms-client'
import { CmsUnavailableError } from '../../lib/cms/cms-client'
import type { InvitationPageInput } from './invitation-page'
import { invitationProblemView, loadInvitationPage } from './invitation-page'

const token = 'Q2hvb3NlIGEgcGFzc3dvcmQgZm9yIFNjaG9vbHBvc3Q'
const usable: CheckInvitationResult = {
  ok: true,
  parentName: 'Fatima Yilmaz',
  email: 'fatima.yilmaz@ouders.test',
  schoolName: 'Basisschool De Regenboog',
}

const answering = (result: CheckInvitationResult) => ({
  checkInvitation: vi.fn(async () => result),
})

function page(overrides: Partial<InvitationPageInput> = {}) {
  const input: InvitationPageInput = {
    token,
    outcome: { kind: 'none' },
    cms: answering(usable),
    limiter: allowingLimiter(),
    clientKey: '203.0.113.7',
    ...overrides,
  }
  return { input, view: loadInvitationPage(input) }
}

describe('loadInvitationPage: opening the link', () => {
  it('a usable invitation: 200, "Welkom, <name>" and the password form', async () => {
    const { input, view } = page()
    expect(await view).toEqual({
      status: 200,
      headers: {},
      title: 'Uitnodiging',
      heading: 'Welkom, Fatima Yilmaz',
      schoolName: 'Basisschool De Regenboog',
      notice: undefined,
      form: { parentName: 'Fatima Yilmaz', email: 'fatima.yilmaz@ouders.test', fieldErrors: {} },
      next: undefined,
      askSchool: false,
    })
    expect(input.cms.checkInvitation).toHaveBeenCalledWith(token)
    expect(input.limiter.consume).toHaveBeenCalledWith('203.0.113.7')
  })

  it.each<[InvitationProblem, number, string | undefined]>([
    ['invalid', 404, 'ask-school'],
    ['used', 410, 'login'],
    ['expired', 410, 'ask-school'],
    ['revoked', 410, 'ask-school'],
  ])('%s: status %i with the CMS message and next step %s, no form', async (code, status, next) => {
    const message = `Bericht voor ${code}.`
    const { view } = page({ cms: answering({ ok: false, code, message }) })
    expect(await view).toMatchObject({
      status,
      form: undefined,
      next,
      notice: { kind: 'error', message },
    })
  })

  it('used: a link to log in; expired: ask the school for a new invitation', () => {
    expect(invitationProblemView('used')).toMatchObject({
      heading: 'Deze uitnodiging is al gebruikt',
      next: 'login',
    })
    // The CMS message already says it: not twice.
    expect(invitationProblemView('expired')).toMatchObject({
      status: 410,
      notice: { message: expect.stringMatching(/Vraag de school om een nieuwe uitnodiging/) },
      next: 'ask-school',
      askSchool: false,
    })
    expect(invitationProblemView('revoked', 'Niet meer geldig.')).toMatchObject({
      next: 'ask-school',
      askSchool: true,
    })
    expect(invitationProblemView('used').askSchool).toBe(false)
  })

  it('a token that cannot be one: 404 without asking the CMS or counting', async () => {
    const { input, view } = page({ token: 'abc' })
    expect(await view).toMatchObject({ status: 404, heading: 'Deze link werkt niet' })
    expect(input.cms.checkInvitation).not.toHaveBeenCalled()
    expect(input.limiter.consume).not.toHaveBeenCalled()
  })

  it('the CMS refuses the token as input: 404 like an unknown link', async () => {
    const { view } = page({ cms: answering({ ok: false, code: 'invalid-input', message: 'x' }) })
    expect(await view).toMatchObject({ status: 404, next: 'ask-school' })
  })

  it('over the limit: 429 with Retry-After, without asking the CMS', async () => {
    const { input, view } = page({ limiter: refusingLimiter(300) })
    expect(await view).toMatchObject({
      status: 429,
      headers: { 'Retry-After': '300' },
      notice: { message: 'Te veel pogingen. Probeer het over 5 minuten opnieuw.' },
      form: undefined,
    })
    expect(input.cms.checkInvitation).not.toHaveBeenCalled()
  })

  it('the CMS limits too: 429', async () => {
    const { view } = page({
      cms: answering({ ok: false, code: 'rate-limited', retryAfterSeconds: 45 }),
    })
    expect(await view).toMatchObject({ status: 429, headers: { 'Retry-After': '45' } })
  })

  it('the CMS cannot be reached: 503, never a throw', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const cms = {
      checkInvitation: vi.fn(async (): Promise<CheckInvitationResult> => {
        throw new CmsUnavailableError('timeout', 'slow')
      }),
    }
    const view = await loadInvitationPage({ ...page().input, cms })
    spy.mockRestore()
    expect(view).toMatchObject({ status: 503, next: 'retry', form: undefined })
  })
})

describe('loadInvitationPage: after sending the form', () => {
  it('passwords that differ: 400 with the error at the repeat field, not counted again', async () => {
    const { input, view } = page({
      outcome: {
        kind: 'input-error',
        fields: { passwordRepeat: [NEW_PASSWORD_MESSAGES.mismatch] },
      },
    })
    expect(await view).toMatchObject({
      status: 400,
      heading: 'Welkom, Fatima Yilmaz',
      notice: { kind: 'error' },
      form: { fieldErrors: { passwordRepeat: NEW_PASSWORD_MESSAGES.mismatch } },
    })
    expect(input.limiter.consume).not.toHaveBeenCalled()
  })

  it('a weak password (CMS): 400 with its message at the password field', async () => {
    const { view } = page({
      outcome: {
        kind: 'result',
        result: { ok: false, code: 'weak-password', message: 'Dit wachtwoord komt te vaak voor.' },
      },
    })
    expect(await view).toMatchObject({
      status: 400,
      form: { fieldErrors: { password: 'Dit wachtwoord komt te vaak voor.' } },
    })
  })

  it('the invitation was used meanwhile: 410 without asking again', async () => {
    const { input, view } = page({
      outcome: { kind: 'result', result: { ok: false, code: 'used', message: 'Al gebruikt.' } },
    })
    expect(await view).toMatchObject({
      status: 410,
      next: 'login',
      notice: { message: 'Al gebruikt.' },
    })
    expect(input.cms.checkInvitation).not.toHaveBeenCalled()
  })

  it('rate limited by the action: 429 with Retry-After', async () => {
    const { view } = page({
      outcome: {
        kind: 'result',
        result: { ok: false, code: 'rate-limited', message: 'm', retryAfterSeconds: 120 },
      },
    })
    expect(await view).toMatchObject({ status: 429, headers: { 'Retry-After': '120' } })
  })

  it('the CMS was unavailable: 503', async () => {
    const { view } = page({
      outcome: { kind: 'result', result: { ok: false, code: 'unavailable', message: 'm' } },
    })
    expect(await view).toMatchObject({ status: 503 })
  })

  it('any other action failure: 400 with the form again', async () => {
    const { view } = page({ outcome: { kind: 'action-error' } })
    expect(await view).toMatchObject({ status: 400, form: { fieldErrors: {} } })
  })
})
