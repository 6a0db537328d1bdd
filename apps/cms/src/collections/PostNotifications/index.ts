import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { isDirectorOrOffice } from '../../access/is-director-or-office'
import { writableFields } from '../../access/lib/writable-fields'

export const NOTIFICATION_STATUSES = [
  {
    value: 'waiting-digest',
    label: { nl: 'Wacht op dagelijks overzicht', en: 'Waiting for digest' },
  },
  { value: 'queued', label: { nl: 'In de wachtrij', en: 'Queued' } },
  { value: 'sent', label: { nl: 'Verzonden', en: 'Sent' } },
  { value: 'captured', label: { nl: 'Vastgelegd (geen e-maildienst)', en: 'Captured' } },
  { value: 'failed', label: { nl: 'Mislukt', en: 'Failed' } },
  { value: 'cancelled', label: { nl: 'Vervallen', en: 'Cancelled' } },
] as const

/**
 * One row per parent per notification round of a post (C1): what the fan-out decided, and what
 * became of it. The unique key makes a repeated fan-out harmless, and the counts per post that
 * staff see are counted here. Written only by the jobs; readable by directors and office.
 */
export const PostNotifications: CollectionConfig = {
  slug: 'post-notifications',
  labels: {
    singular: { nl: 'E-mailmelding', en: 'Notification' },
    plural: { nl: 'E-mailmeldingen', en: 'Notifications' },
  },
  defaultSort: '-createdAt',
  admin: {
    defaultColumns: ['post', 'parent', 'mode', 'status', 'createdAt'],
    group: { nl: 'Systeem', en: 'System' },
  },
  access: { read: isDirectorOrOffice, create: deny, update: deny, delete: deny },
  fields: writableFields('post-notifications', [
    {
      name: 'post',
      type: 'relationship',
      relationTo: 'posts',
      required: true,
      index: true,
      label: { nl: 'Bericht', en: 'Post' },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'parents',
      required: true,
      index: true,
      label: { nl: 'Ouder', en: 'Parent' },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: { nl: 'Soort', en: 'Kind' },
      options: [
        { value: 'news', label: { nl: 'Schoolnieuws', en: 'News' } },
        { value: 'group', label: { nl: 'Groepsbericht', en: 'Group post' } },
      ],
    },
    { name: 'round', type: 'number', required: true, label: { nl: 'Ronde', en: 'Round' } },
    {
      name: 'mode',
      type: 'select',
      required: true,
      label: { nl: 'Wijze', en: 'Mode' },
      options: [
        { value: 'direct', label: { nl: 'Direct', en: 'Direct' } },
        { value: 'digest', label: { nl: 'Dagelijks overzicht', en: 'Digest' } },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      label: { nl: 'Status', en: 'Status' },
      options: NOTIFICATION_STATUSES.map((s) => ({ value: s.value, label: s.label })),
    },
    /** `(post, parent, kind, round)`: one email per parent per round, whatever is retried. */
    { name: 'idempotencyKey', type: 'text', required: true, unique: true, admin: { hidden: true } },
    { name: 'digestDate', type: 'text', label: { nl: 'Overzicht van', en: 'Digest of' } },
    {
      name: 'attempts',
      type: 'number',
      defaultValue: 0,
      label: { nl: 'Pogingen', en: 'Attempts' },
    },
    { name: 'providerId', type: 'text', label: { nl: 'Resend-id', en: 'Resend id' } },
    { name: 'error', type: 'textarea', label: { nl: 'Fout', en: 'Error' } },
    { name: 'sentAt', type: 'date', label: { nl: 'Verzonden op', en: 'Sent at' } },
  ]),
}
