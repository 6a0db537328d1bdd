import { describe, expect, it, vi } from 'vitest'

import type { PortalSession } from '../auth/session'
import type {
  ImageConsentChoice,
  Pupil,
  SchoolSetting,
  SetImageConsentResult,
} from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import type { PrivacyData } from './privacy'
import {
  consentInput,
  knownEffective,
  loadPrivacy,
  OTHER_GUARDIAN_REFUSED,
  privacyPageView,
  savedPath,
  schoolDefaultConsent,
  submitConsentForm,
} from './privacy'

const parent: PortalSession = { token: 'tok', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const url = (path: string) => new URL(path, 'http://localhost:4321')
const pupils = [
  { id: 'k1', firstName: 'Noor', lastName: 'Yilmaz', group: { id: 'g3', name: 'Groep 3' } },
  { id: 'k2', firstName: 'Emir', lastName: 'Yilmaz', group: { id: 'g7', name: 'Groep 7' } },
] as Pupil[]
const settings = {
  schoolName: 'De Regenboog',
  phone: '071 123 45 67',
  defaultImageConsent: 'allowed',
} as SchoolSetting
const choice = (
  pupil: string,
  allowed: boolean,
  guardian = 'p1',
  updatedAt = '2026-11-01T10:00:00Z',
): ImageConsentChoice => ({
  id: `${pupil}-${guardian}-${updatedAt}`,
  pupil,
  guardian,
  allowed,
  updatedAt,
})

const data = (over: Partial<PrivacyData> = {}): PrivacyData => ({
  children: [
    { id: 'k1', name: 'Noor Yilmaz', firstName: 'Noor', groupId: 'g3', groupName: 'Groep 3' },
    { id: 'k2', name: 'Emir Yilmaz', firstName: 'Emir', groupId: 'g7', groupName: 'Groep 7' },
  ],
  choices: [],
  schoolDefault: 'allowed',
  school: {
    name: 'De Regenboog',
    phone: '071 123 45 67',
    phoneHref: 'tel:0711234567',
    absenceCutoff: '08:15',
  },
  ...over,
})

const page = (
  d: PrivacyData,
  path = '/account/privacy',
  outcome: Parameters<typeof privacyPageView>[0]['outcome'] = { kind: 'none' },
  form?: { pupil?: unknown; allowed?: unknown },
) => privacyPageView({ url: url(path), parentId: 'p1', data: d, outcome, form })

describe('schoolDefaultConsent', () => {
  it('the school setting, "allowed" when not set', () => {
    expect(schoolDefaultConsent({ defaultImageConsent: 'refused' })).toBe('refused')
    expect(schoolDefaultConsent({ defaultImageConsent: 'allowed' })).toBe('allowed')
    expect(schoolDefaultConsent({})).toBe('allowed')
  })
})

describe('privacyPageView', () => {
  it('no choice yet: the school default is pre-filled and said', () => {
    const [noor] = page(data()).children
    expect(noor).toMatchObject({
      id: 'k1',
      anchor: 'kind-k1',
      title: 'Noor Yilmaz — Groep 3',
      choice: 'ja',
      status: null,
      saved: false,
      error: null,
    })
    expect(noor?.defaultNote).toContain(
      'De school gaat dan uit van: je kind mag op foto’s en video’s',
    )
    const [strict] = page(data({ schoolDefault: 'refused' })).children
    expect(strict?.choice).toBe('nee')
    expect(strict?.defaultNote).toContain('mag níet')
  })

  it('the parent’s own latest choice is pre-filled, whatever the default', () => {
    const view = page(
      data({
        schoolDefault: 'refused',
        choices: [
          choice('k1', false, 'p1', '2026-10-01T10:00:00Z'),
          choice('k1', true, 'p1', '2026-11-01T10:00:00Z'),
          choice('k2', false),
        ],
      }),
    )
    expect(view.children.map((c) => [c.choice, c.defaultNote])).toEqual([
      ['ja', null],
      ['nee', null],
    ])
    expect(view.children[1]?.status?.message).toBe(
      'Je kind staat op geen enkele foto of video in Schoolpost.',
    )
  })

  it('just saved "allowed" but the child counts as refused: another guardian objected', () => {
    const d = data({ choices: [choice('k1', true)] })
    const view = page(d, savedPath('k1', 'refused'))
    const [noor, emir] = view.children
    expect(noor?.saved).toBe(true)
    expect(noor?.status).toEqual({ kind: 'warning', message: OTHER_GUARDIAN_REFUSED })
    expect(emir?.saved).toBe(false)
    expect(emir?.status).toBeNull()
    expect(OTHER_GUARDIAN_REFUSED).toContain(
      'Let op: een andere ouder heeft bezwaar gemaakt, dus uw kind staat op geen enkele foto',
    )
  })

  it('just saved and allowed: the child can be on photos', () => {
    const view = page(data({ choices: [choice('k1', true)] }), savedPath('k1', 'allowed'))
    expect(view.children[0]?.status).toEqual({
      kind: 'info',
      message: "Je kind kan op groepsfoto's en video's in Schoolpost staan.",
    })
  })

  it('another guardian’s refusal, when the CMS shares it, also shows the warning', () => {
    const view = page(data({ choices: [choice('k1', true), choice('k1', false, 'p2')] }))
    expect(view.children[0]?.status?.message).toBe(OTHER_GUARDIAN_REFUSED)
  })

  it('a failed save: the error on that child’s card, the posted choice kept', () => {
    const view = page(data({ choices: [choice('k2', true)] }), '/account/privacy', {
      kind: 'result',
      result: {
        ok: false,
        code: 'unavailable',
        message: 'Niet bereikbaar.',
        pupil: 'k2',
        allowed: false,
      },
    })
    expect(view.status).toBe(503)
    expect(view.headers).toEqual({ 'Retry-After': '30' })
    expect(view.children[1]).toMatchObject({
      choice: 'nee',
      error: 'Niet bereikbaar.',
      saved: false,
    })
    expect(view.children[0]?.error).toBeNull()
    expect(view.notice).toBeUndefined()
  })

  it('a refusal for a child that is not theirs: 403 and a page-level message', () => {
    const view = page(data(), '/account/privacy', {
      kind: 'result',
      result: {
        ok: false,
        code: 'forbidden',
        message: 'Alleen je eigen kinderen.',
        pupil: 'k9',
        allowed: true,
      },
    })
    expect(view.status).toBe(403)
    expect(view.notice).toMatchObject({ kind: 'error', message: 'Alleen je eigen kinderen.' })
  })

  it('an input error (no choice): 400 on the posted child', () => {
    const view = page(
      data(),
      '/account/privacy',
      { kind: 'input-error', fields: { allowed: ["Kies of je kind op foto's en video's mag."] } },
      { pupil: 'k1' },
    )
    expect(view.status).toBe(400)
    expect(view.children[0]?.error).toBe("Kies of je kind op foto's en video's mag.")
  })
})

describe('knownEffective', () => {
  const base = { pupilId: 'k1', parentId: 'p1', justSaved: null }
  it('what the CMS said on saving wins', () => {
    expect(knownEffective({ ...base, choices: [choice('k1', false)], justSaved: 'allowed' })).toBe(
      'allowed',
    )
  })
  it('any refusal it can read: refused', () => {
    expect(knownEffective({ ...base, choices: [choice('k1', false)] })).toBe('refused')
    expect(
      knownEffective({ ...base, choices: [choice('k1', true), choice('k1', false, 'p2')] }),
    ).toBe('refused')
  })
  it('own and other guardians allowed: allowed; only its own "allowed": unknown', () => {
    expect(
      knownEffective({ ...base, choices: [choice('k1', true), choice('k1', true, 'p2')] }),
    ).toBe('allowed')
    expect(knownEffective({ ...base, choices: [choice('k1', true)] })).toBeNull()
    expect(knownEffective({ ...base, choices: [] })).toBeNull()
  })
})

describe('consentInput', () => {
  it('ja/nee for a child id', () => {
    expect(consentInput.parse({ pupil: 'k1', allowed: 'nee' })).toEqual({
      pupil: 'k1',
      allowed: 'nee',
    })
    expect(consentInput.safeParse({ pupil: 'k1', allowed: null }).success).toBe(false)
    expect(consentInput.safeParse({ pupil: 'k 1', allowed: 'ja' }).success).toBe(false)
  })
})

describe('submitConsentForm', () => {
  const cms = (set: () => Promise<SetImageConsentResult>) => ({
    listPupils: vi.fn(async () => pupils),
    setImageConsent: vi.fn(set),
  })

  it('saves and goes back to the child’s card with its resulting status', async () => {
    const client = cms(async () => ({ ok: true, pupil: 'k1', allowed: true, effective: 'refused' }))
    expect(
      await submitConsentForm({ pupil: 'k1', allowed: 'ja' }, { cms: client, parent }),
    ).toEqual({
      ok: true,
      redirectTo: '/account/privacy?opgeslagen=k1&effectief=bezwaar#kind-k1',
    })
    expect(client.setImageConsent).toHaveBeenCalledWith('tok', { pupil: 'k1', allowed: true })
  })

  it('not their child: refused before asking the CMS to change anything', async () => {
    const client = cms(async () => ({
      ok: true,
      pupil: 'k9',
      allowed: false,
      effective: 'refused',
    }))
    expect(
      await submitConsentForm({ pupil: 'k9', allowed: 'nee' }, { cms: client, parent }),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
      pupil: 'k9',
      allowed: false,
    })
    expect(client.setImageConsent).not.toHaveBeenCalled()
  })

  it('the CMS says 403 or 400', async () => {
    expect(
      await submitConsentForm(
        { pupil: 'k1', allowed: 'nee' },
        {
          cms: cms(async () => ({ ok: false, code: 'forbidden', message: '' })),
          parent,
        },
      ),
    ).toMatchObject({ ok: false, code: 'forbidden' })
    expect(
      await submitConsentForm(
        { pupil: 'k1', allowed: 'nee' },
        {
          cms: cms(async () => ({ ok: false, code: 'invalid-input', message: 'Ongeldig.' })),
          parent,
        },
      ),
    ).toMatchObject({ ok: false, code: 'invalid-input', message: 'Ongeldig.' })
  })

  it('signed out, unavailable', async () => {
    expect(
      await submitConsentForm(
        { pupil: 'k1', allowed: 'nee' },
        {
          cms: cms(async () => {
            throw new CmsUnauthorizedError(401, '/api/image-consents/set')
          }),
          parent,
        },
      ),
    ).toEqual({ ok: false, code: 'signed-out' })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(
      await submitConsentForm(
        { pupil: 'k1', allowed: 'nee' },
        {
          cms: cms(async () => {
            throw new CmsUnavailableError('network', 'down')
          }),
          parent,
        },
      ),
    ).toMatchObject({ ok: false, code: 'unavailable', pupil: 'k1', allowed: false })
    spy.mockRestore()
  })
})

describe('loadPrivacy', () => {
  it('children, own choices and the school default at once', async () => {
    const result = await loadPrivacy(parent, {
      listPupils: vi.fn(async () => pupils),
      listImageConsents: vi.fn(async () => [choice('k1', false)]),
      getSchoolSettings: vi.fn(
        async () => ({ ...settings, defaultImageConsent: 'refused' }) as SchoolSetting,
      ),
    })
    expect(result).toMatchObject({
      kind: 'ok',
      data: {
        children: [{ id: 'k1', groupName: 'Groep 3' }, { id: 'k2' }],
        choices: [{ pupil: 'k1', allowed: false }],
        schoolDefault: 'refused',
        school: { phone: '071 123 45 67' },
      },
    })
  })

  it('signed out when a call refuses the token', async () => {
    const result = await loadPrivacy(parent, {
      listPupils: vi.fn(async () => pupils),
      listImageConsents: vi.fn(async (): Promise<ImageConsentChoice[]> => {
        throw new CmsUnauthorizedError(403, '/api/image-consents')
      }),
      getSchoolSettings: vi.fn(async () => settings),
    })
    expect(result).toEqual({ kind: 'signed-out' })
  })
})
