import type { NotificationKind, NotificationPreference } from '@schoolpost/policies'
import {
  DEFAULT_NOTIFICATION_PREFERENCE,
  NOTIFICATION_PREFERENCE_LABELS,
  NOTIFICATION_PREFERENCES,
  NOTIFICATION_PREFERENCES_OF_KIND,
} from '@schoolpost/policies'
import { z } from 'zod'

import { UNAVAILABLE_MESSAGE } from '../auth/login'
import type { NoticeView } from '../auth/login-page'
import type { PortalSession } from '../auth/session'
import type { CmsClient, OwnNotificationPreferences } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { ActionOutcome } from '../../lib/http/action-outcome'

/**
 * "E-mail over nieuwe berichten" (C1): per kind of post (school news, posts for a child's group)
 * the parent chooses direct, a daily digest at the school's digest time, or no email; for
 * messages from the school in their conversations (S6, S7) direct or no email. The CMS stores it
 * on the parent's own document and decides who gets which email.
 */

export const NOTIFICATIONS_PATH = '/account/meldingen'
export const SAVED_PATH = `${NOTIFICATIONS_PATH}?opgeslagen=1`
export const SAVED_MESSAGE = 'Je e-mailinstellingen zijn opgeslagen.'

/** The choices as a tuple for zod; the test checks they are exactly the policies' list. */
export const PREFERENCE_VALUES = ['direct', 'digest', 'off'] as const satisfies readonly [
  NotificationPreference,
  ...NotificationPreference[],
]

/** Messages in conversations: direct or off (no digest), as the policies say. */
export const MESSAGE_PREFERENCE_VALUES = ['direct', 'off'] as const satisfies readonly [
  NotificationPreference,
  ...NotificationPreference[],
]

/** The three questions of the page, in order. */
export const NOTIFICATION_SECTIONS = [
  {
    kind: 'news',
    legend: 'Schoolnieuws',
    hint: 'Berichten van de school voor alle ouders.',
  },
  {
    kind: 'group',
    legend: 'Berichten van de groep(en) van je kind',
    hint: 'Berichten van de leerkracht voor de groep van je kind.',
  },
  {
    kind: 'messages',
    legend: 'Berichten in gesprekken',
    hint: 'Als de leerkracht of de school je een bericht stuurt in een gesprek over je kind. De e-mail zegt van wie en over wie, de tekst lees je in Schoolpost.',
  },
] as const satisfies readonly { kind: NotificationKind; legend: string; hint: string }[]

export const PREFERENCE_ERRORS: Record<NotificationKind, string> = {
  news: 'Kies hoe je e-mail over schoolnieuws wilt krijgen: direct, een dagelijks overzicht of uit.',
  group:
    'Kies hoe je e-mail over berichten van de groep wilt krijgen: direct, een dagelijks overzicht of uit.',
  messages: 'Kies of je e-mail wilt krijgen over berichten in gesprekken: direct of uit.',
}

export const notificationsInput = z.object({
  news: z.enum(PREFERENCE_VALUES, { error: PREFERENCE_ERRORS.news }),
  group: z.enum(PREFERENCE_VALUES, { error: PREFERENCE_ERRORS.group }),
  messages: z.enum(MESSAGE_PREFERENCE_VALUES, { error: PREFERENCE_ERRORS.messages }),
})

export type NotificationsInput = z.infer<typeof notificationsInput>

export function isNotificationPreference(value: unknown): value is NotificationPreference {
  return (
    typeof value === 'string' && (NOTIFICATION_PREFERENCES as readonly string[]).includes(value)
  )
}

/** A choice that exists for this kind (messages have no digest). */
export function isPreferenceOf(
  kind: NotificationKind,
  value: unknown,
): value is NotificationPreference {
  return (
    typeof value === 'string' &&
    (NOTIFICATION_PREFERENCES_OF_KIND[kind] as readonly string[]).includes(value)
  )
}

/** One kind's choice from stored or posted values, or `fallback`. */
const choiceOf = (
  kind: NotificationKind,
  values: Partial<Record<NotificationKind, unknown>> | undefined,
  fallback: NotificationPreference,
): NotificationPreference => {
  const value = values?.[kind]
  return isPreferenceOf(kind, value) ? value : fallback
}

/** The parent's stored choices; a kind never chosen (null, missing) counts as the default. */
export function preferencesOf(parent: { notifications?: unknown }): OwnNotificationPreferences {
  const stored = (parent.notifications ?? {}) as Partial<Record<NotificationKind, unknown>>
  return {
    news: choiceOf('news', stored, DEFAULT_NOTIFICATION_PREFERENCE),
    group: choiceOf('group', stored, DEFAULT_NOTIFICATION_PREFERENCE),
    messages: choiceOf('messages', stored, DEFAULT_NOTIFICATION_PREFERENCE),
  }
}

/** The school's digest time ("18:00") from the settings; `null` when it is not a valid time. */
export function digestTimeOf(settings: object): string | null {
  const value = (settings as { digestTime?: unknown }).digestTime
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? value : null
}

export type NotificationSettings = {
  preferences: OwnNotificationPreferences
  /** When the daily digest goes out; `null` when unknown (the page then names no time). */
  digestTime: string | null
}

export type NotificationsLoad =
  { kind: 'ok'; settings: NotificationSettings } | { kind: 'signed-out' } | { kind: 'unavailable' }

/**
 * The parent's current choices and the school's digest time, asked at once. Without the digest
 * time the page still works (it just names no time). Never throws.
 */
export async function loadNotificationSettings(
  session: PortalSession,
  cms: Pick<CmsClient, 'me' | 'getSchoolSettings'>,
): Promise<NotificationsLoad> {
  const [me, settings] = await Promise.allSettled([
    cms.me(session.token),
    cms.getSchoolSettings(session.token),
  ] as const)
  if (
    (me.status === 'rejected' && me.reason instanceof CmsUnauthorizedError) ||
    (settings.status === 'rejected' && settings.reason instanceof CmsUnauthorizedError)
  ) {
    return { kind: 'signed-out' }
  }
  if (me.status === 'rejected') {
    reportCmsFailure('Loading the email preferences', me.reason)
    return { kind: 'unavailable' }
  }
  const user = me.value.user
  if (!user || user.id !== session.parentId) return { kind: 'signed-out' }
  let digestTime: string | null = null
  if (settings.status === 'fulfilled') digestTime = digestTimeOf(settings.value)
  else reportCmsFailure('Loading the digest time', settings.reason)
  return { kind: 'ok', settings: { preferences: preferencesOf(user), digestTime } }
}

/** What the notifications action hands back to its page. */
export type NotificationsFormResult =
  | { ok: true; redirectTo: string }
  | { ok: false; code: 'signed-out' }
  | {
      ok: false
      code: 'invalid-input' | 'unavailable'
      message: string
      /** What the parent chose, to show it again. */
      preferences: OwnNotificationPreferences
    }

export type NotificationsFailure = Exclude<
  NotificationsFormResult,
  { ok: true } | { code: 'signed-out' }
>

/**
 * Saves the parent's choices at the CMS (with their token, for their own id only). Never throws.
 */
export async function submitNotificationsForm(
  input: NotificationsInput,
  deps: {
    cms: Pick<CmsClient, 'updateOwnNotifications'>
    /** The parent of this request (the action checked the session). */
    parent: PortalSession
  },
): Promise<NotificationsFormResult> {
  const preferences: OwnNotificationPreferences = {
    news: input.news,
    group: input.group,
    messages: input.messages,
  }
  try {
    const result = await deps.cms.updateOwnNotifications(
      deps.parent.token,
      deps.parent.parentId,
      preferences,
    )
    if (result.ok) return { ok: true, redirectTo: SAVED_PATH }
    return {
      ok: false,
      code: 'invalid-input',
      message: result.message || 'Je keuze kon niet worden opgeslagen. Kies opnieuw.',
      preferences,
    }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { ok: false, code: 'signed-out' }
    reportCmsFailure('Saving the email preferences', error)
    return { ok: false, code: 'unavailable', message: UNAVAILABLE_MESSAGE, preferences }
  }
}

export type PreferenceOptionView = {
  value: NotificationPreference
  /** "Direct", "Dagelijks overzicht om 18:00", "Uit". */
  label: string
  description: string
  checked: boolean
}

export type NotificationSectionView = {
  kind: NotificationKind
  /** The radio group's name (the form field). */
  name: NotificationKind
  legend: string
  hint: string
  error: string | null
  options: PreferenceOptionView[]
}

export type NotificationsPageView = {
  status: number
  headers: Record<string, string>
  notice: NoticeView | undefined
  sections: NotificationSectionView[]
}

/** The options of one question (`kind`: news when not given), with the digest time when known. */
export function preferenceOptions(
  digestTime: string | null,
  selected: NotificationPreference,
  kind: NotificationKind = 'news',
): PreferenceOptionView[] {
  const descriptions: Record<NotificationPreference, string> = {
    direct:
      kind === 'messages'
        ? 'Je krijgt een e-mail zodra de school je een bericht stuurt, zonder de tekst zelf.'
        : 'Je krijgt een e-mail zodra er een nieuw bericht is.',
    digest: digestTime
      ? `Je krijgt één e-mail per dag, om ${digestTime}, met alle nieuwe berichten van die dag.`
      : 'Je krijgt één e-mail per dag met alle nieuwe berichten van die dag.',
    off: 'Je krijgt geen e-mail. De berichten staan wel gewoon in Schoolpost.',
  }
  return NOTIFICATION_PREFERENCES_OF_KIND[kind].map((value) => ({
    value,
    label:
      value === 'digest' && digestTime
        ? `${NOTIFICATION_PREFERENCE_LABELS.digest} om ${digestTime}`
        : NOTIFICATION_PREFERENCE_LABELS[value],
    description: descriptions[value],
    checked: value === selected,
  }))
}

const NOT_SAVED: NoticeView = {
  kind: 'error',
  title: 'Controleer je keuze',
  message: 'Je e-mailinstellingen zijn nog niet opgeslagen.',
}

/** The page for one request: the saved choices, or what was posted with its errors. */
export function notificationsPageView(input: {
  url: URL
  settings: NotificationSettings
  outcome: ActionOutcome<NotificationsFailure>
  /** The posted form, when there was one (to keep a valid choice of a failed save). */
  form: Partial<Record<NotificationKind, unknown>> | undefined
}): NotificationsPageView {
  const { url, settings, outcome, form } = input
  let status = 200
  let headers: Record<string, string> = {}
  let notice: NoticeView | undefined
  let errors: Partial<Record<NotificationKind, string>> = {}
  // What is checked: the stored choice, or what was posted (when it is a valid choice).
  let selected: OwnNotificationPreferences = {
    news: choiceOf('news', form, settings.preferences.news),
    group: choiceOf('group', form, settings.preferences.group),
    messages: choiceOf('messages', form, settings.preferences.messages),
  }

  switch (outcome.kind) {
    case 'none':
      selected = settings.preferences
      if (url.searchParams.get('opgeslagen') === '1') {
        notice = { kind: 'success', message: SAVED_MESSAGE }
      }
      break
    case 'input-error':
      status = 400
      notice = NOT_SAVED
      for (const { kind } of NOTIFICATION_SECTIONS) {
        const message = outcome.fields[kind]?.[0]
        if (message) errors = { ...errors, [kind]: message }
      }
      break
    case 'action-error':
      status = 400
      notice = NOT_SAVED
      break
    case 'result':
      selected = { ...selected, ...outcome.result.preferences }
      if (outcome.result.code === 'unavailable') {
        status = 503
        headers = { 'Retry-After': '30' }
        notice = {
          kind: 'error',
          title: 'Schoolpost is niet bereikbaar',
          message: outcome.result.message,
        }
      } else {
        status = 400
        notice = { ...NOT_SAVED, message: outcome.result.message }
      }
      break
  }

  return {
    status,
    headers,
    notice,
    sections: NOTIFICATION_SECTIONS.map((section) => ({
      kind: section.kind,
      name: section.kind,
      legend: section.legend,
      hint: section.hint,
      error: errors[section.kind] ?? null,
      options: preferenceOptions(settings.digestTime, selected[section.kind], section.kind),
    })),
  }
}
