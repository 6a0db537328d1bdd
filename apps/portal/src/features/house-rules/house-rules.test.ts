import type { HouseRulesAnswer } from '@schoolpost/contracts'
import { describe, expect, it, vi } from 'vitest'

import { fakeCookies } from '../../test/fake-cookies'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import { deriveSessionKey, openSession, SESSION_COOKIE } from '../auth/session'
import { houseRulesView, submitAcceptHouseRules } from './house-rules'

const rules = (over: Partial<HouseRulesAnswer> = {}): HouseRulesAnswer => ({
  version: 2,
  html: '<h2>Huisregels</h2><p>Deel niets buiten Schoolpost.</p>',
  publishedAt: '2026-12-07T08:00:00.000Z',
  changeNote: 'Nieuw: de agenda-link.',
  accepted: null,
  status: 'never-accepted',
  ...over,
})
const parent = {
  token: 'tok',
  exp: Math.floor(Date.now() / 1000) + 3600,
  parentId: 'p1',
  parentName: 'Fatima',
  houseRulesVersion: 1,
}
const session = { key: deriveSessionKey('s'.repeat(40)), secure: false }

describe('houseRulesView', () => {
  it('asks a new parent to accept, without a change note', () => {
    const view = houseRulesView({ rules: rules(), back: '/berichten/7' })
    expect(view).toMatchObject({
      version: 2,
      versionLabel: 'Versie 2, geldig sinds 7 december 2026',
      changeNote: null,
      acceptedLabel: null,
      back: '/berichten/7',
    })
    expect(view.intro).toMatch(/^Welkom bij Schoolpost/)
  })

  it('tells a parent of a new version what changed', () => {
    const view = houseRulesView({ rules: rules({ status: 'new-version' }), back: '/' })
    expect(view.changeNote).toBe('Nieuw: de agenda-link.')
    expect(view.intro).toMatch(/aangepast/)
  })

  it('shows what was accepted, and never sends anyone off the portal', () => {
    const view = houseRulesView({
      rules: rules({
        status: 'accepted',
        accepted: { version: 2, acceptedAt: '2026-12-07T07:05:00.000Z' },
        publishedAt: null,
      }),
      back: '//evil.test/',
    })
    expect(view.acceptedLabel).toBe(
      'Je bent op 7 december 2026 om 08:05 akkoord gegaan met versie 2.',
    )
    expect(view.versionLabel).toBe('Versie 2')
    expect(view.back).toBe('/')
  })
})

describe('submitAcceptHouseRules', () => {
  it('accepts at the CMS, remembers the version in the session and goes back', async () => {
    const { cookies, jar } = fakeCookies()
    const cms = {
      acceptHouseRules: vi.fn(async () => ({ ok: true as const, version: 2, acceptedAt: 'x' })),
    }
    const result = await submitAcceptHouseRules(
      { versie: 2, terug: '/agenda' },
      { cms, cookies, parent, session },
    )
    expect(result).toEqual({ ok: true, redirectTo: '/agenda' })
    expect(cms.acceptHouseRules).toHaveBeenCalledWith('tok', 2)
    const stored = await openSession(jar.get(SESSION_COOKIE), session.key)
    expect(stored).toMatchObject({ parentId: 'p1', houseRulesVersion: 2 })
  })

  it('says so when a newer version came in the meantime, and keeps the session as it was', async () => {
    const { cookies, writes } = fakeCookies()
    const cms = {
      acceptHouseRules: vi.fn(async () => ({
        ok: false as const,
        code: 'outdated' as const,
        message: 'Nieuwe versie.',
      })),
    }
    expect(await submitAcceptHouseRules({ versie: 1 }, { cms, cookies, parent, session })).toEqual({
      ok: false,
      code: 'outdated',
      message: 'Nieuwe versie.',
    })
    expect(writes).toEqual([])
  })

  it('ends an ended session and reports an unreachable CMS', async () => {
    const { cookies } = fakeCookies()
    const failing = (error: Error) => ({
      acceptHouseRules: vi.fn(async () => Promise.reject(error)),
    })
    expect(
      await submitAcceptHouseRules(
        { versie: 1 },
        { cms: failing(new CmsUnauthorizedError(401, 'p')), cookies, parent, session },
      ),
    ).toEqual({ ok: false, code: 'signed-out' })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = await submitAcceptHouseRules(
      { versie: 1 },
      { cms: failing(new CmsUnavailableError('network', 'down')), cookies, parent, session },
    )
    spy.mockRestore()
    expect(down).toMatchObject({ ok: false, code: 'unavailable' })
  })
})
