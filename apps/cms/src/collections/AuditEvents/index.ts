import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { isDirector } from '../../access/is-director'
import { writableFields } from '../../access/lib/writable-fields'
import { AUDIT_EVENT_TYPES } from './types'

const party = (prefix: 'actor' | 'subject', nl: string, en: string) => [
  {
    name: `${prefix}Type`,
    type: 'select' as const,
    index: true,
    label: { nl: `${nl}: soort`, en: `${en} type` },
    options: [
      { value: 'staff', label: { nl: 'Medewerker', en: 'Staff' } },
      { value: 'parent', label: { nl: 'Ouder', en: 'Parent' } },
      { value: 'pupil', label: { nl: 'Leerling', en: 'Pupil' } },
      { value: 'conversation', label: { nl: 'Gesprek', en: 'Conversation' } },
      { value: 'system', label: { nl: 'Systeem', en: 'System' } },
      { value: 'unknown', label: { nl: 'Onbekend', en: 'Unknown' } },
    ],
  },
  // An id as text, not a relationship: the row outlives what it names (an erased family, a
  // deleted account) and a relation would be emptied or block the delete.
  { name: `${prefix}Id`, type: 'text' as const, index: true, admin: { hidden: true } },
  { name: `${prefix}Name`, type: 'text' as const, label: { nl, en } },
]

/**
 * The security log (issue #16, AVG): logins and failed logins, login throttling, role and account
 * changes, consent changes, data exports, erasures, directors opening a conversation and the
 * retention job's runs. Written only by the CMS (`record.ts`), read by directors, never changed or
 * deleted through the API; the retention job removes rows older than the school's setting.
 */
export const AuditEvents: CollectionConfig = {
  slug: 'audit-events',
  labels: {
    singular: { nl: 'Logregel', en: 'Audit event' },
    plural: { nl: 'Beveiligingslog', en: 'Audit log' },
  },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'type', 'actorName', 'subjectName', 'summary', 'address'],
    group: { nl: 'Systeem', en: 'System' },
    listSearchableFields: ['actorName', 'subjectName', 'summary'],
    description: {
      nl: 'Wie wanneer inlogde, rollen, toestemmingen en accounts wijzigde, gegevens downloadde of wiste. Alleen de directie ziet dit; niemand kan het aanpassen.',
      en: 'Security events. Directors only; nobody can change them.',
    },
  },
  access: { read: isDirector, create: deny, update: deny, delete: deny },
  fields: writableFields('audit-events', [
    {
      name: 'type',
      type: 'select',
      required: true,
      index: true,
      label: { nl: 'Gebeurtenis', en: 'Event' },
      options: AUDIT_EVENT_TYPES.map(({ value, nl, en }) => ({ value, label: { nl, en } })),
    },
    ...party('actor', 'Door', 'Actor'),
    ...party('subject', 'Betreft', 'Subject'),
    {
      name: 'summary',
      type: 'text',
      required: true,
      label: { nl: 'Omschrijving', en: 'Summary' },
    },
    { name: 'address', type: 'text', label: { nl: 'IP-adres', en: 'IP address' } },
    // Unique: an event that must be logged once (a throttled address per window) is inserted
    // once, whatever the number of requests. Otherwise a random value.
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
  ]),
  timestamps: true,
}
