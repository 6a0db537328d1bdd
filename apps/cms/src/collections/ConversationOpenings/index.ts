import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { isDirector } from '../../access/is-director'
import { writableFields } from '../../access/lib/writable-fields'
import { auditOpening } from './hooks/audit-opening'
import { recordOpening } from './hooks/record-opening'

/**
 * A director opening a conversation they are not in, for safeguarding: who, when and why,
 * recorded before the messages can be read, visible to every director and never changed or
 * deleted through the API.
 */
export const ConversationOpenings: CollectionConfig = {
  slug: 'conversation-openings',
  labels: {
    singular: { nl: 'Geopend gesprek', en: 'Conversation opening' },
    plural: { nl: 'Geopende gesprekken', en: 'Conversation openings' },
  },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'directorName',
    defaultColumns: ['conversation', 'directorName', 'reason', 'createdAt'],
    group: { nl: 'Gesprekken', en: 'Conversations' },
    description: {
      nl: 'Een directielid dat een gesprek opent waar het niet in zit, wordt hier vastgelegd.',
      en: 'Directors opening a conversation they are not in.',
    },
  },
  access: { read: isDirector, create: isDirector, update: deny, delete: deny },
  hooks: { beforeChange: [recordOpening], afterChange: [auditOpening] },
  fields: writableFields('conversation-openings', [
    {
      name: 'conversation',
      type: 'relationship',
      relationTo: 'conversations',
      required: true,
      index: true,
      label: { nl: 'Gesprek', en: 'Conversation' },
    },
    {
      name: 'reason',
      type: 'textarea',
      required: true,
      maxLength: 500,
      label: { nl: 'Waarom opent u dit gesprek?', en: 'Reason' },
    },
    {
      name: 'director',
      type: 'relationship',
      relationTo: 'staff',
      index: true,
      label: { nl: 'Geopend door', en: 'Opened by' },
      admin: { readOnly: true },
    },
    {
      name: 'directorName',
      type: 'text',
      label: { nl: 'Naam', en: 'Name' },
      admin: { readOnly: true },
    },
  ]),
}
