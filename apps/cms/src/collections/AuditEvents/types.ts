/** Every kind of row in the security log, with its Dutch label in the admin. */
export const AUDIT_EVENT_TYPES = [
  { value: 'login', nl: 'Ingelogd', en: 'Logged in' },
  { value: 'login-failed', nl: 'Inloggen mislukt', en: 'Login failed' },
  { value: 'login-throttled', nl: 'Te veel inlogpogingen', en: 'Login throttled' },
  { value: 'role-changed', nl: 'Rol gewijzigd', en: 'Role changed' },
  { value: 'account-changed', nl: 'Account gewijzigd', en: 'Account changed' },
  { value: 'consent-changed', nl: 'Toestemming gewijzigd', en: 'Consent changed' },
  { value: 'data-export', nl: 'Gegevens gedownload', en: 'Data exported' },
  { value: 'erasure', nl: 'Gegevens gewist', en: 'Data erased' },
  { value: 'conversation-opened', nl: 'Gesprek geopend door directie', en: 'Conversation opened' },
  { value: 'retention', nl: 'Bewaartermijnen toegepast', en: 'Retention applied' },
] as const

export type AuditEventType = (typeof AUDIT_EVENT_TYPES)[number]['value']
export type AuditPartyType = 'staff' | 'parent' | 'pupil' | 'conversation' | 'system' | 'unknown'
