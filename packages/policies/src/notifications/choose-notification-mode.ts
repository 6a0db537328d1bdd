import {
  DEFAULT_NOTIFICATION_PREFERENCE,
  type NotificationKind,
  type NotificationPreference,
} from './types'

export type NotificationPreferences = {
  news?: NotificationPreference | null
  group?: NotificationPreference | null
  messages?: NotificationPreference | null
}

export type ChooseNotificationModeResult =
  | { send: true; mode: 'direct' | 'digest' }
  | { send: false; reason: 'not-active' | 'preference-off' }

/**
 * Does this parent get an email about something new of `kind` (a post, a message), and how (C1)? Only an active account
 * (invitation accepted, not deactivated) gets email; then the parent's own choice for that kind
 * decides, "direct" when they never chose.
 */
export function chooseNotificationMode({
  kind,
  accountStatus,
  preferences,
}: {
  kind: NotificationKind
  accountStatus: 'invited' | 'active' | 'deactivated' | null | undefined
  preferences: NotificationPreferences | null | undefined
}): ChooseNotificationModeResult {
  if (accountStatus !== 'active') return { send: false, reason: 'not-active' }
  const choice = preferences?.[kind] ?? DEFAULT_NOTIFICATION_PREFERENCE
  if (choice === 'off') return { send: false, reason: 'preference-off' }
  return { send: true, mode: choice }
}
