import type { CollectionConfig } from 'payload'

import { conversationReadsRead } from '../../access/conversations-access'
import { deny } from '../../access/deny'
import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { CONVERSATION_KINDS } from '../Conversations'

/**
 * Who has read a conversation up to when (S6: "each participant sees who has read the latest
 * message"; the unread counts). Written only by `POST /api/conversations/:id/read` and by the
 * writer's own new message (`Messages/hooks/after-message.ts`); read by the participants.
 */
export const ConversationReads: CollectionConfig = {
  slug: 'conversation-reads',
  labels: {
    singular: { nl: 'Gelezen', en: 'Read mark' },
    plural: { nl: 'Gelezen', en: 'Read marks' },
  },
  admin: { hidden: true },
  access: { read: conversationReadsRead, create: deny, update: deny, delete: deny },
  fields: writableFields('conversation-reads', [
    {
      name: 'conversation',
      type: 'relationship',
      relationTo: 'conversations',
      required: true,
      index: true,
    },
    { name: 'readerName', type: 'text' },
    { name: 'readAt', type: 'date', required: true },
    { name: 'readerParent', type: 'relationship', relationTo: 'parents', index: true },
    {
      name: 'readerStaff',
      type: 'relationship',
      relationTo: 'staff',
      index: true,
      access: { read: isStaffField },
    },
    // One row per reader and conversation.
    { name: 'readKey', type: 'text', required: true, unique: true, access: { read: () => false } },
    // Copied from the conversation (never changed): who may read a mark is one query on it.
    {
      name: 'pupil',
      type: 'relationship',
      relationTo: 'pupils',
      required: true,
      index: true,
      access: { read: isStaffField },
    },
    {
      name: 'kind',
      type: 'select',
      options: CONVERSATION_KINDS.map(({ value, nl, en }) => ({ value, label: { nl, en } })),
      access: { read: isStaffField },
    },
    {
      name: 'starterParent',
      type: 'relationship',
      relationTo: 'parents',
      access: { read: isStaffField },
    },
  ]),
}
