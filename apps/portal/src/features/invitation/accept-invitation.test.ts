import { UnsecuredJWT } from 'jose'
import { describe, expect, it, vi } from 'vitest'

import { fakeCookies } from '../../test/fake-cookies'
import { allowingLimiter, refusingLimiter } from '../../test/fake-limiter'
import { deriveSessionKey, openSession, SESSION_COOKIE } from '../auth/session'
import type { AcceptInvitationResult } from '../../lib/cms/cms-client'
import { CmsUnavailableError } from '../../lib/cms/cms-client'
import { INVITATION_PROBLEM_MESSAGES, submitInvitationForm } from './accept-invitation'

const input = {
  token: 'Q2hvb3NlIGEgcGFzc3dvcmQgZm9yIFNjaG9vbHBvc3Q',
  password: 'wij fietsen elke dag naar school',
}
const session = { key: deriveSessionKey('s'.repeat(40)), secure: false }
const user = { id: 'p1', name: 'Fatima Yilmaz', email: 'fatima.yilmaz@ouders.test' }

const answering = (result: AcceptInvitationResult) => ({
  acceptInvitation: vi.fn(async () => result),
})

function deps(cms: ReturnType<typeof answering>, limiter = allowingLimiter()) {
  const cookies = fakeCookies()
  return {
    cookies,
    limiter,
    deps: { cms, cookies: cookies.cookies, session, limiter, clientKey: '203.0.113.7' },
  }
}

describe('submitInvitationForm', () => {
  it('accepted: starts the portal session like a login and goes to the start page', async () => {
    const exp = Math.floor(Date.now() / 1000) + 3600
    const token = new UnsecuredJWT({ exp }).encode()
    const cms = answering({ ok: true, token, exp, user })
    const { cookies, limiter, deps: d } = deps(cms)
    expect(await submitInvitationForm(input, d)).toEqual({ ok: true, redirectTo: '/' })
    expect(cms.acceptInvitation).toHaveBeenCalledWith(input)
    expect(limiter.consume).toHaveBeenCalledWith('203.0.113.7')
    expect(await openSession(cookies.jar.get(SESSION_COOKIE), session.key)).toEqual({
      token,
      exp,
      parentId: 'p1',
      parentName: 'Fatima Yilmaz',
      houseRulesVersion: null,
    })
  })

  it('a weak password: the CMS message, no cookie', async () => {
    const cms = answering({ ok: false, code: 'weak-password', message: 'Te zwak.' })
    const { cookies, deps: d } = deps(cms)
    expect(await submitInvitationForm(input, d)).toEqual({
      ok: false,
      code: 'weak-password',
      message: 'Te zwak.',
    })
    expect(cookies.writes).toEqual([])
  })

  it.each(['invalid', 'used', 'expired', 'revoked'] as const)(
    '%s: passes the code on, with a Dutch message even when the CMS gives none',
    async (code) => {
      const { deps: d } = deps(answering({ ok: false, code, message: '' }))
      expect(await submitInvitationForm(input, d)).toEqual({
        ok: false,
        code,
        message: INVITATION_PROBLEM_MESSAGES[code],
      })
    },
  )

  it('over the portal limit: 429 information without asking the CMS', async () => {
    const cms = answering({ ok: false, code: 'used', message: 'm' })
    const { deps: d } = deps(cms, refusingLimiter(600))
    expect(await submitInvitationForm(input, d)).toEqual({
      ok: false,
      code: 'rate-limited',
      message: 'Te veel pogingen. Probeer het over 10 minuten opnieuw.',
      retryAfterSeconds: 600,
    })
    expect(cms.acceptInvitation).not.toHaveBeenCalled()
  })

  it('the CMS cannot be reached: unavailable, never a throw', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const cms = {
      acceptInvitation: vi.fn(async (): Promise<AcceptInvitationResult> => {
        throw new CmsUnavailableError('network', 'down')
      }),
    }
    const { deps: d } = deps(cms as unknown as ReturnType<typeof answering>)
    const result = await submitInvitationForm(input, d)
    spy.mockRestore()
    expect(result).toMatchObject({ ok: false, code: 'unavailable' })
  })
})
