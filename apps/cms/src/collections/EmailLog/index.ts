import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { isDirectorOrOffice } from '../../access/is-director-or-office'
import { writableFields } from '../../access/lib/writable-fields'

/**
 * Every outgoing email, one row per message: captured (development without a provider), sent,
 * retrying or failed. No HTML and no working links (`emailLogEntry`); the key is a hash.
 */
export const EmailLog: CollectionConfig = {
  slug: 'email-log',
  labels: {
    singular: { nl: 'Verzonden e-mail', en: 'Sent email' },
    plural: { nl: 'Verzonden e-mail', en: 'Sent email' },
  },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'to', 'kind', 'status', 'createdAt'],
    group: { nl: 'Systeem', en: 'System' },
    listSearchableFields: ['to', 'subject'],
  },
  access: {
    read: isDirectorOrOffice,
    create: deny,
    update: deny,
    delete: deny,
  },
  fields: writableFields('email-log', [
    { name: 'to', type: 'email', required: true, label: { nl: 'Aan', en: 'To' } },
    { name: 'subject', type: 'text', required: true, label: { nl: 'Onderwerp', en: 'Subject' } },
    {
      name: 'kind',
      type: 'text',
      required: true,
      index: true,
      label: { nl: 'Soort', en: 'Kind' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      label: { nl: 'Status', en: 'Status' },
      options: [
        { value: 'captured', label: { nl: 'Vastgelegd (niet verzonden)', en: 'Captured' } },
        { value: 'sent', label: { nl: 'Verzonden', en: 'Sent' } },
        { value: 'retrying', label: { nl: 'Wordt opnieuw geprobeerd', en: 'Retrying' } },
        { value: 'failed', label: { nl: 'Mislukt', en: 'Failed' } },
      ],
    },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      label: { nl: 'Pogingen', en: 'Attempts' },
    },
    { name: 'providerId', type: 'text', label: { nl: 'Resend-id', en: 'Resend id' } },
    { name: 'lastError', type: 'textarea', label: { nl: 'Laatste fout', en: 'Last error' } },
    {
      name: 'idempotencyKey',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      admin: { hidden: true },
    },
    {
      name: 'text',
      type: 'textarea',
      label: { nl: 'Tekst (links zonder code)', en: 'Text (links redacted)' },
      admin: {
        description: {
          nl: 'Links staan hier zonder hun geheime deel: alleen de ontvanger kan ze gebruiken.',
          en: 'Links are shown without their secret part: only the recipient can use them.',
        },
      },
    },
  ]),
}
