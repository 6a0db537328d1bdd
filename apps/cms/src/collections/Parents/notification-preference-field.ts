import {
  DEFAULT_NOTIFICATION_PREFERENCE,
  NOTIFICATION_PREFERENCE_LABELS,
  NOTIFICATION_PREFERENCES_OF_KIND,
  type NotificationKind,
} from '@schoolpost/policies'
import type { Field } from 'payload'

/** One select per kind: direct, daily digest or off (C1); the choices and labels come from policies. */
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
    options: NOTIFICATION_PREFERENCES_OF_KIND[kind].map((value) => ({
      value,
      label: NOTIFICATION_PREFERENCE_LABELS[value],
    })),
  }
}
