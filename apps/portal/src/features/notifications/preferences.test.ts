import { NOTIFICATION_PREFERENCE_LABELS, NOTIFICATION_PREFERENCES } from '@schoolpost/policies'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

import type { PortalSession } from '../auth/session'
import type {
  MeResult,
  Parent,
  SchoolSetting,
  UpdateOwnNotificationsResult,
} from '../../lib/cms/cms-client'
import { CmsUnauthorizedError, CmsUnavailableError } from '../../lib/cms/cms-client'
import type { NotificationSettings } from './preferences'
import {
  digestTimeOf,
  loadNotificationSettings,
  notificationsInput,
  notificationsPageView,
  PREFERENCE_ERRORS,
  PREFERENCE_VALUES,
  preferenceOptions,
  preferencesOf,
  SAVED_MESSAGE,
  SAVED_PATH,
  submitNotificationsForm,
} from './preferences'

const session: PortalSession = { token: 'tok', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const url = (path: string) => new URL(path, 'http://localhost:4321')
const parentDoc = (notifications?: Parent['notifications']) =>
  ({
    id: 'p1',
    name: 'Fatima Yilmaz',
    email: 'fatima.yilmaz@ouders.test',
    status: 'active',
    updatedAt: '',
    createdAt: '',
    ...(notifications === undefined ? {} : { notifications }),
  }) as Parent
const schoolSettings = (digestTime: unknown = '18:00') =>
  ({ schoolName: 'De Regenboog', phone: '071 123 45 67', digestTime }) as unknown as SchoolSetting

const settings = (over: Partial<NotificationSettings> = {}): NotificationSettings => ({
  preferences: { news: 'direct', group: 'digest', messages: 'off' },
  digestTime: '18:00',
  ...over,
})

const checkedOf = (view: ReturnType<typeof notificationsPageView>) =>
  Object.fromEntries(
    view.sections.map((s) => [s.name, s.options.find((o) => o.checked)?.value ?? null]),
  )

describe('the choices', () => {
  it('are exactly the policies’ choices, with the policies’ labels', () => {
    expect([...PREFERENCE_VALUES]).toEqual([...NOTIFICATION_PREFERENCES])
    expect(preferenceOptions(null, 'direct').map((o) => o.label)).toEqual(
      NOTIFICATION_PREFERENCES.map((p) => NOTIFICATION_PREFERENCE_LABELS[p]),
    )
  })

  it('the digest option names the school’s time', () => {
    const [direct, digest, off] = preferenceOptions('18:00', 'digest')
    expect(direct).toMatchObject({ value: 'direct', label: 'Direct', checked: false })
    expect(digest).toMatchObject({
      value: 'digest',
      label: 'Dagelijks overzicht om 18:00',
      checked: true,
    })
    expect(digest?.description).toContain('om 18:00')
    expect(off).toMatchObject({ value: 'off', label: 'Uit', checked: false })
    expect(preferenceOptions('07:30', 'off')[1]?.label).toBe('Dagelijks overzicht om 07:30')
  })
})

describe('notificationsInput', () => {
  it('accepts one of direct / digest / off for each kind of post, direct / off for messages', () => {
    expect(notificationsInput.parse({ news: 'digest', group: 'off', messages: 'direct' })).toEqual({
      news: 'digest',
      group: 'off',
      messages: 'direct',
    })
  })

  it('messages have no daily digest', () => {
    const result = notificationsInput.safeParse({
      news: 'direct',
      group: 'direct',
      messages: 'digest',
    })
    expect(result.success).toBe(false)
    const fields = result.error ? z.flattenError(result.error).fieldErrors : undefined
    expect(fields?.messages).toEqual([PREFERENCE_ERRORS.messages])
    expect(PREFERENCE_ERRORS.messages).toMatch(/berichten in gesprekken: direct of uit/)
  })

  it('refuses anything else, with a Dutch message per kind', () => {
    const result = notificationsInput.safeParse({ news: 'weekly', group: undefined, messages: 'x' })
    expect(result.success).toBe(false)
    const fields = result.error ? z.flattenError(result.error).fieldErrors : undefined
    expect(fields?.news).toEqual([PREFERENCE_ERRORS.news])
    expect(fields?.group).toEqual([PREFERENCE_ERRORS.group])
    expect(fields?.messages).toEqual([PREFERENCE_ERRORS.messages])
    expect(PREFERENCE_ERRORS.news).toMatch(/^Kies hoe je e-mail over schoolnieuws/)
  })
})

describe('preferencesOf / digestTimeOf', () => {
  it('a kind never chosen (null or missing) counts as direct', () => {
    expect(preferencesOf(parentDoc())).toEqual({
      news: 'direct',
      group: 'direct',
      messages: 'direct',
    })
    expect(preferencesOf(parentDoc({ news: null, group: 'off', messages: 'off' }))).toEqual({
      news: 'direct',
      group: 'off',
      messages: 'off',
    })
    // Messages have no digest: a stored one (never written by the CMS) counts as the default.
    expect(
      preferencesOf({ notifications: { news: 'digest', group: 'loud', messages: 'digest' } }),
    ).toEqual({ news: 'digest', group: 'direct', messages: 'direct' })
  })

  it('only a valid HH:mm is a digest time', () => {
    expect(digestTimeOf(schoolSettings('18:00'))).toBe('18:00')
    expect(digestTimeOf(schoolSettings('07:05'))).toBe('07:05')
    for (const bad of ['24:00', '8:00', '18:60', '', null, 1800]) {
      expect(digestTimeOf(schoolSettings(bad))).toBeNull()
    }
    expect(digestTimeOf({})).toBeNull()
  })
})

describe('loadNotificationSettings', () => {
  const cms = (me: () => Promise<MeResult>, school: () => Promise<SchoolSetting>) => ({
    me: vi.fn(me),
    getSchoolSettings: vi.fn(school),
  })

  it('the parent’s own choices and the digest time, asked with their token', async () => {
    const fake = cms(
      async () => ({ user: parentDoc({ news: 'off', group: 'digest', messages: 'off' }) }),
      async () => schoolSettings('17:30'),
    )
    expect(await loadNotificationSettings(session, fake)).toEqual({
      kind: 'ok',
      settings: {
        preferences: { news: 'off', group: 'digest', messages: 'off' },
        digestTime: '17:30',
      },
    })
    expect(fake.me).toHaveBeenCalledWith('tok')
    expect(fake.getSchoolSettings).toHaveBeenCalledWith('tok')
  })

  it('without the settings the page still works, naming no time', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const fake = cms(
      async () => ({ user: parentDoc() }),
      async () => {
        throw new CmsUnavailableError('timeout', 'slow')
      },
    )
    expect(await loadNotificationSettings(session, fake)).toEqual({
      kind: 'ok',
      settings: {
        preferences: { news: 'direct', group: 'direct', messages: 'direct' },
        digestTime: null,
      },
    })
    expect(error).toHaveBeenCalled()
    error.mockRestore()
  })

  it('a refused token, no user or another parent: signed out', async () => {
    const ok = async () => schoolSettings()
    const refused = async (): Promise<never> => {
      throw new CmsUnauthorizedError(401, '/api/x')
    }
    expect(
      await loadNotificationSettings(
        session,
        cms(async () => ({ user: null }), ok),
      ),
    ).toEqual({ kind: 'signed-out' })
    expect(
      await loadNotificationSettings(
        session,
        cms(async () => ({ user: { ...parentDoc(), id: 'p2' } }), ok),
      ),
    ).toEqual({ kind: 'signed-out' })
    expect(await loadNotificationSettings(session, cms(refused, ok))).toEqual({
      kind: 'signed-out',
    })
    expect(
      await loadNotificationSettings(
        session,
        cms(async () => ({ user: parentDoc() }), refused),
      ),
    ).toEqual({ kind: 'signed-out' })
  })

  it('the CMS down: unavailable', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = async (): Promise<never> => {
      throw new CmsUnavailableError('network', 'down')
    }
    expect(await loadNotificationSettings(session, cms(down, down))).toEqual({
      kind: 'unavailable',
    })
    error.mockRestore()
  })
})

describe('submitNotificationsForm', () => {
  const saving = (result: () => Promise<UpdateOwnNotificationsResult>) => ({
    updateOwnNotifications: vi.fn(result),
  })

  it('saves for the parent’s own id with their token, then back to the page with a notice', async () => {
    const cms = saving(async () => ({
      ok: true,
      notifications: { news: 'digest', group: 'off', messages: 'off' },
    }))
    expect(
      await submitNotificationsForm(
        { news: 'digest', group: 'off', messages: 'off' },
        { cms, parent: session },
      ),
    ).toEqual({ ok: true, redirectTo: SAVED_PATH })
    expect(cms.updateOwnNotifications).toHaveBeenCalledWith('tok', 'p1', {
      news: 'digest',
      group: 'off',
      messages: 'off',
    })
    expect(SAVED_PATH).toBe('/account/meldingen?opgeslagen=1')
  })

  it('the CMS refuses the values: invalid-input with its message, keeping the choice', async () => {
    const cms = saving(async () => ({
      ok: false,
      code: 'invalid-input',
      message: 'Ongeldige keuze.',
      fields: {},
    }))
    expect(
      await submitNotificationsForm(
        { news: 'off', group: 'off', messages: 'off' },
        { cms, parent: session },
      ),
    ).toEqual({
      ok: false,
      code: 'invalid-input',
      message: 'Ongeldige keuze.',
      preferences: { news: 'off', group: 'off', messages: 'off' },
    })
  })

  it('a refused token: signed-out; the CMS down: unavailable (never throws)', async () => {
    const refused = saving(async () => {
      throw new CmsUnauthorizedError(403, '/api/parents/p1')
    })
    expect(
      await submitNotificationsForm(
        { news: 'off', group: 'off', messages: 'off' },
        { cms: refused, parent: session },
      ),
    ).toEqual({ ok: false, code: 'signed-out' })

    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = saving(async () => {
      throw new CmsUnavailableError('network', 'down')
    })
    expect(
      await submitNotificationsForm(
        { news: 'direct', group: 'off', messages: 'direct' },
        { cms: down, parent: session },
      ),
    ).toMatchObject({
      ok: false,
      code: 'unavailable',
      message: expect.stringContaining('niet bereikbaar'),
      preferences: { news: 'direct', group: 'off', messages: 'direct' },
    })
    error.mockRestore()
  })
})

describe('notificationsPageView', () => {
  const view = (
    outcome: Parameters<typeof notificationsPageView>[0]['outcome'] = { kind: 'none' },
    path = '/account/meldingen',
    form?: { news?: unknown; group?: unknown; messages?: unknown },
  ) => notificationsPageView({ url: url(path), settings: settings(), outcome, form })

  it('three accessible questions with the current choices preselected', () => {
    const page = view()
    expect(page.status).toBe(200)
    expect(page.notice).toBeUndefined()
    expect(page.sections.map((s) => [s.name, s.legend])).toEqual([
      ['news', 'Schoolnieuws'],
      ['group', 'Berichten van de groep(en) van je kind'],
      ['messages', 'Berichten in gesprekken'],
    ])
    expect(checkedOf(page)).toEqual({ news: 'direct', group: 'digest', messages: 'off' })
    expect(page.sections[0]?.options.map((o) => o.label)).toEqual([
      'Direct',
      'Dagelijks overzicht om 18:00',
      'Uit',
    ])
    // A message from the school comes straight away or not at all, and never with its text.
    const messages = page.sections[2]!
    expect(messages.options.map((o) => [o.value, o.label])).toEqual([
      ['direct', 'Direct'],
      ['off', 'Uit'],
    ])
    expect(messages.options[0]?.description).toMatch(/zonder de tekst/)
  })

  it('without a known digest time, no time is named', () => {
    const page = notificationsPageView({
      url: url('/account/meldingen'),
      settings: settings({ digestTime: null }),
      outcome: { kind: 'none' },
      form: undefined,
    })
    expect(page.sections[0]?.options[1]?.label).toBe('Dagelijks overzicht')
  })

  it('after saving: "Je e-mailinstellingen zijn opgeslagen."', () => {
    const page = view({ kind: 'none' }, SAVED_PATH)
    expect(page.notice).toEqual({ kind: 'success', message: SAVED_MESSAGE })
    expect(SAVED_MESSAGE).toBe('Je e-mailinstellingen zijn opgeslagen.')
  })

  it('a refused choice: 400, the message at its question, a valid other choice kept', () => {
    const page = view(
      { kind: 'input-error', fields: { news: [PREFERENCE_ERRORS.news] } },
      '/account/meldingen?_action=setNotificationPreferences',
      { news: 'weekly', group: 'off', messages: 'direct' },
    )
    expect(page.status).toBe(400)
    expect(page.notice).toMatchObject({ kind: 'error', title: 'Controleer je keuze' })
    expect(page.sections.map((s) => s.error)).toEqual([PREFERENCE_ERRORS.news, null, null])
    // The invalid value falls back to what is stored; the valid one is kept.
    expect(checkedOf(page)).toEqual({ news: 'direct', group: 'off', messages: 'direct' })
    // A digest posted for messages is no choice there: the stored one stays checked.
    const digest = view(
      { kind: 'input-error', fields: { messages: [PREFERENCE_ERRORS.messages] } },
      '/account/meldingen?_action=setNotificationPreferences',
      { news: 'direct', group: 'off', messages: 'digest' },
    )
    expect(digest.sections.map((s) => s.error)).toEqual([null, null, PREFERENCE_ERRORS.messages])
    expect(checkedOf(digest)).toEqual({ news: 'direct', group: 'off', messages: 'off' })
  })

  it('any other action failure: 400, nothing saved', () => {
    const page = view({ kind: 'action-error' })
    expect(page.status).toBe(400)
    expect(page.notice?.message).toBe('Je e-mailinstellingen zijn nog niet opgeslagen.')
  })

  it('the CMS refused the values: 400 with its message; the CMS down: 503 with Retry-After', () => {
    const refused = view({
      kind: 'result',
      result: {
        ok: false,
        code: 'invalid-input',
        message: 'Ongeldige keuze.',
        preferences: { news: 'off', group: 'off', messages: 'off' },
      },
    })
    expect(refused.status).toBe(400)
    expect(refused.notice?.message).toBe('Ongeldige keuze.')
    expect(checkedOf(refused)).toEqual({ news: 'off', group: 'off', messages: 'off' })

    const down = view({
      kind: 'result',
      result: {
        ok: false,
        code: 'unavailable',
        message: 'Schoolpost is nu even niet bereikbaar. Probeer het later opnieuw.',
        preferences: { news: 'digest', group: 'direct', messages: 'direct' },
      },
    })
    expect(down.status).toBe(503)
    expect(down.headers).toEqual({ 'Retry-After': '30' })
    expect(down.notice).toMatchObject({ kind: 'error', title: 'Schoolpost is niet bereikbaar' })
    expect(checkedOf(down)).toEqual({ news: 'digest', group: 'direct', messages: 'direct' })
  })
})
