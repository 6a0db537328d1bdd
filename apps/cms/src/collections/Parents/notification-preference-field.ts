import {
  DEFAULT_NOTIFICATION_PREFERENCE,
  NOTIFICATION_PREFERENCE_LABELS,
  NOTIFICATION_PREFERENCES,
  type NotificationKind,
  type NotificationPreference,
} from '@schoolpost/policies'
import type { Field } from 'payload'

/**
 * What a parent can choose per kind. Messages in conversations come one by one or not at all:
 * the daily digest lists posts, and a reply from the teacher should not wait for the evening.
 */
export const PREFERENCES_OF_KIND: Record<NotificationKind, readonly NotificationPreference[]> = {
  news: NOTIFICATION_PREFERENCES,
  group: NOTIFICATION_PREFERENCES,
  messages: NOTIFICATION_PREFERENCES.filter((p) => p !== 'digest'),
}

/** One select per kind: direct, daily digest or off (C1). The labels come from policies. */
export function notificationPreferenceField(
  kind: NotificationKind,
  label: { nl: string; en: string },
): Field {
  return {
    name: kind,
    type: 'select',
    // Not required: a parent who never chose has no value, and the policies read that as "direct".
    defaultValue: DEFAULT_NOTIFICATION_PREFERENCE,
    label,
    options: PREFERENCES_OF_KIND[kind].map((value) => ({
      value,
      label: NOTIFICATION_PREFERENCE_LABELS[value],
    })),
  }
}
