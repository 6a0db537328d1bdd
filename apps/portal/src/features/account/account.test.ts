import { describe, expect, it, vi } from 'vitest'

import { fakeCookies } from '../../test/fake-cookies'
import { deriveSessionKey, openSession, SESSION_COOKIE } from '../auth/session'
import type { MeResult, Parent, UpdateOwnAccountResult } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import type { AccountDetails } from './account'
import {
  accountInput,
  accountPageView,
  loadAccount,
  SAVED_PATH,
  submitAccountForm,
} from './account'

const parent = {
  token: 'tok',
  exp: Math.floor(Date.now() / 1000) + 3600,
  parentId: 'p1',
  parentName: 'Fatima Yilmaz',
}
const config = { key: deriveSessionKey('s'.repeat(40)), secure: false }
const doc = (over: Partial<Parent> = {}) =>
  ({
    id: 'p1',
    name: 'Fatima Yilmaz',
    email: 'fatima.yilmaz@ouders.test',
    phone: '06 12345678',
    preferredLanguage: 'nl',
    status: 'active',
    updatedAt: '',
    createdAt: '',
    ...over,
  }) as Parent
const input = { name: 'Fatima Yılmaz', phone: '06 12345678', preferredLanguage: 'en' as const }
const account: AccountDetails = {
  name: 'Fatima Yilmaz',
  email: 'fatima.yilmaz@ouders.test',
  phone: '06 12345678',
  preferredLanguage: 'nl',
}
const url = (path: string) => new URL(path, 'http://localhost:4321')

describe('accountInput', () => {
  it('accepts a name, an optional phone and nl/en', () => {
    expect(accountInput.parse({ name: ' Fatima ', preferredLanguage: 'nl' })).toEqual({
      name: 'Fatima',
      phone: '',
      preferredLanguage: 'nl',
    })
    expect(
      accountInput.safeParse({ name: '', phone: 'bel me', preferredLanguage: 'de' }).success,
    ).toBe(false)
  })
})

describe('loadAccount', () => {
  const me = (result: MeResult) => ({ me: vi.fn(async () => result) })

  it('the parent’s own details', async () => {
    expect(await loadAccount(parent, me({ user: doc({ phone: null }) }))).toEqual({
      kind: 'ok',
      account: { ...account, phone: '' },
    })
  })

  it('a token that is no longer valid, or another parent: signed out', async () => {
    expect(await loadAccount(parent, me({ user: null }))).toEqual({ kind: 'signed-out' })
    expect(await loadAccount(parent, me({ user: doc({ id: 'p2' }) }))).toEqual({
      kind: 'signed-out',
    })
  })

  it('the CMS cannot be reached: unavailable', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    const cms = {
      me: vi.fn(async (): Promise<MeResult> => {
        throw new CmsUnavailableError('network', 'down')
      }),
    }
    expect(await loadAccount(parent, cms)).toEqual({ kind: 'unavailable' })
    spy.mockRestore()
  })
})

describe('submitAccountForm', () => {
  const answering = (result: UpdateOwnAccountResult) => ({
    updateOwnAccount: vi.fn(async () => result),
  })

  it('saves only the allowed fields for the parent’s own id and updates the name in the session', async () => {
    const cms = answering({ ok: true, parent: doc({ name: input.name }) })
    const { cookies, jar } = fakeCookies()
    expect(await submitAccountForm(input, { cms, cookies, parent, session: config })).toEqual({
      ok: true,
      redirectTo: SAVED_PATH,
    })
    expect(cms.updateOwnAccount).toHaveBeenCalledWith('tok', 'p1', input)
    expect(await openSession(jar.get(SESSION_COOKIE), config.key)).toMatchObject({
      token: 'tok',
      parentName: input.name,
    })
  })

  it('the same name: the session cookie is left alone', async () => {
    const { cookies, writes } = fakeCookies()
    await submitAccountForm(
      { ...input, name: parent.parentName },
      { cms: answering({ ok: true, parent: doc() }), cookies, parent, session: config },
    )
    expect(writes).toEqual([])
  })

  it('the CMS refuses a value: its message at the field', async () => {
    const { cookies } = fakeCookies()
    const result = await submitAccountForm(input, {
      cms: answering({
        ok: false,
        code: 'invalid-input',
        message: 'Ongeldig veld',
        fields: { phone: 'Ongeldig nummer', email: 'x' },
      }),
      cookies,
      parent,
      session: config,
    })
    expect(result).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Ongeldig veld',
      fields: { phone: 'Ongeldig nummer' },
    })
  })

  it('a refused token: signed out; an outage: unavailable', async () => {
    const failing = (error: Error) => ({
      updateOwnAccount: vi.fn(async (): Promise<UpdateOwnAccountResult> => {
        throw error
      }),
    })
    const { cookies } = fakeCookies()
    const deps = { cookies, parent, session: config }
    expect(
      await submitAccountForm(input, { ...deps, cms: failing(new CmsUnauthorizedError(401, '/')) }),
    ).toEqual({ ok: false, code: 'signed-out' })
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(
      await submitAccountForm(input, {
        ...deps,
        cms: failing(new CmsUnavailableError('timeout', 't')),
      }),
    ).toMatchObject({ ok: false, code: 'unavailable' })
    spy.mockRestore()
  })
})

describe('accountPageView', () => {
  it('the saved details, and "opgeslagen" after saving', () => {
    expect(
      accountPageView({
        url: url('/account'),
        account,
        outcome: { kind: 'none' },
        form: undefined,
      }),
    ).toEqual({ status: 200, headers: {}, notice: undefined, values: account, fieldErrors: {} })
    expect(
      accountPageView({
        url: url(SAVED_PATH),
        account,
        outcome: { kind: 'none' },
        form: undefined,
      }).notice,
    ).toEqual({ kind: 'success', message: 'Je gegevens zijn opgeslagen.' })
  })

  it('invalid input: 400, what was typed and the errors at the fields', () => {
    const view = accountPageView({
      url: url('/account'),
      account,
      outcome: { kind: 'input-error', fields: { phone: ['Gebruik alleen cijfers.'] } },
      form: { name: 'Fatima', phone: 'bel me', preferredLanguage: 'en' },
    })
    expect(view).toMatchObject({
      status: 400,
      values: { name: 'Fatima', phone: 'bel me', preferredLanguage: 'en', email: account.email },
      fieldErrors: { phone: 'Gebruik alleen cijfers.' },
      notice: { kind: 'error' },
    })
  })

  it('unavailable: 503', () => {
    expect(
      accountPageView({
        url: url('/account'),
        account,
        outcome: {
          kind: 'result',
          result: { ok: false, code: 'unavailable', message: 'm', fields: {} },
        },
        form: {},
      }),
    ).toMatchObject({ status: 503, headers: { 'Retry-After': '30' } })
  })
})
