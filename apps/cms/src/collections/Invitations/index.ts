import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { isDirectorOrOffice } from '../../access/is-director-or-office'
import { writableFields } from '../../access/lib/writable-fields'
import { acceptInvitation } from './endpoints/accept-invitation'
import { checkInvitation } from './endpoints/check-invitation'

/**
 * Single-use invitation links (S17). Only the SHA-256 of a token is stored; the token itself
 * exists only in the email. Records are written by the invite/accept endpoints, never by hand.
 */
export const Invitations: CollectionConfig = {
  slug: 'invitations',
  labels: {
    singular: { nl: 'Uitnodiging', en: 'Invitation' },
    plural: { nl: 'Uitnodigingen', en: 'Invitations' },
  },
  defaultSort: '-createdAt',
  admin: {
    defaultColumns: ['parent', 'createdAt', 'expiresAt', 'usedAt', 'revokedAt'],
    group: { nl: 'Mensen', en: 'People' },
  },
  access: {
    read: isDirectorOrOffice,
    create: deny,
    update: deny,
    delete: deny,
  },
  endpoints: [checkInvitation, acceptInvitation],
  fields: writableFields('invitations', [
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'parents',
      required: true,
      index: true,
      label: { nl: 'Ouder', en: 'Parent' },
    },
    {
      name: 'tokenHash',
      type: 'text',
      required: true,
      unique: true,
      index: true,
      access: { read: () => false },
      admin: { hidden: true },
    },
    {
      name: 'expiresAt',
      type: 'date',
      required: true,
      label: { nl: 'Geldig tot', en: 'Expires' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'usedAt',
      type: 'date',
      label: { nl: 'Gebruikt op', en: 'Used' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'revokedAt',
      type: 'date',
      label: { nl: 'Ingetrokken op', en: 'Revoked' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'invitedBy',
      type: 'relationship',
      relationTo: 'staff',
      label: { nl: 'Verstuurd door', en: 'Sent by' },
    },
  ]),
}
