/**
 * What a parent can get email about: school news (S1), a group post (S3), or a new message from
 * the school in one of their conversations (S6, S7).
 */
export type NotificationKind = 'news' | 'group' | 'messages'

/** Every kind, in the order the preferences show them. */
export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['news', 'group', 'messages']

/** How a parent wants to hear about something new of one kind (C1). */
export type NotificationPreference = 'direct' | 'digest' | 'off'

export const NOTIFICATION_PREFERENCES: readonly NotificationPreference[] = [
  'direct',
  'digest',
  'off',
]

/**
 * The choices per kind. Messages in conversations come one by one or not at all: the daily
 * digest lists posts, and a reply from the teacher should not wait for the evening.
 */
export const NOTIFICATION_PREFERENCES_OF_KIND: Record<
  NotificationKind,
  readonly NotificationPreference[]
> = {
  news: NOTIFICATION_PREFERENCES,
  group: NOTIFICATION_PREFERENCES,
  messages: ['direct', 'off'],
}

/** A parent who never chose gets every post straight away. */
export const DEFAULT_NOTIFICATION_PREFERENCE: NotificationPreference = 'direct'

/** The school's default digest time (wall-clock in the school's zone). */
export const DEFAULT_DIGEST_TIME = '18:00'

/** The Dutch labels, one place for the CMS and the portal. */
export const NOTIFICATION_PREFERENCE_LABELS: Record<NotificationPreference, string> = {
  direct: 'Direct',
  digest: 'Dagelijks overzicht',
  off: 'Uit',
}

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  news: 'schoolnieuws',
  group: 'berichten van de groep',
  messages: 'berichten in gesprekken',
}
