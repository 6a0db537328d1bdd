import type { CollectionConfig } from 'payload'

import { conversationsCreate, conversationsRead } from '../../access/conversations-access'
import { deny } from '../../access/deny'
import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { conversationOverview } from './endpoints/conversation-overview'
import { conversationThread } from './endpoints/conversation-thread'
import { markConversationRead } from './endpoints/mark-conversation-read'
import { checkNewConversation } from './hooks/check-new-conversation'

export const CONVERSATION_KINDS = [
  { value: 'child', nl: 'Kind-gesprek (gestart door school)', en: 'About a child (school)' },
  { value: 'teacher', nl: 'Vraag aan de leerkracht (gestart door ouder)', en: 'To the teacher' },
] as const

/**
 * Private written conversations between a family and the school (S6, S7). Who takes part is
 * computed from who people are now (`access/conversations-access.ts`), never stored. Nothing is
 * deleted through the API; the subject and the pupil never change after the start.
 */
export const Conversations: CollectionConfig = {
  slug: 'conversations',
  labels: {
    singular: { nl: 'Gesprek', en: 'Conversation' },
    plural: { nl: 'Gesprekken', en: 'Conversations' },
  },
  defaultSort: '-lastMessageAt',
  admin: {
    useAsTitle: 'subject',
    defaultColumns: ['subject', 'pupil', 'kind', 'starterName', 'lastMessageAt'],
    group: { nl: 'Gesprekken', en: 'Conversations' },
    components: {
      beforeList: ['/components/admin/ConversationThread#ConversationUnread'],
    },
  },
  access: { read: conversationsRead, create: conversationsCreate, update: deny, delete: deny },
  endpoints: [conversationOverview, conversationThread, markConversationRead],
  hooks: { beforeChange: [checkNewConversation] },
  // Who writes which field: access/lib/writable-fields.ts (the starter names the pupil and the
  // subject; the hook sets the rest).
  fields: writableFields('conversations', [
    {
      name: 'pupil',
      type: 'relationship',
      relationTo: 'pupils',
      required: true,
      index: true,
      label: { nl: 'Over leerling', en: 'Pupil' },
    },
    {
      name: 'subject',
      type: 'text',
      required: true,
      maxLength: 120,
      label: { nl: 'Onderwerp', en: 'Subject' },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      index: true,
      label: { nl: 'Soort', en: 'Kind' },
      options: CONVERSATION_KINDS.map(({ value, nl, en }) => ({ value, label: { nl, en } })),
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'starterName',
      type: 'text',
      label: { nl: 'Gestart door', en: 'Started by' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      // The parent who asked (kind 'teacher'): the only guardian in that conversation.
      name: 'startedByParent',
      type: 'relationship',
      relationTo: 'parents',
      index: true,
      label: { nl: 'Gestart door ouder', en: 'Started by parent' },
      admin: { readOnly: true, position: 'sidebar' },
      access: { read: isStaffField },
    },
    {
      name: 'startedByStaff',
      type: 'relationship',
      relationTo: 'staff',
      index: true,
      label: { nl: 'Gestart door medewerker', en: 'Started by staff' },
      admin: { readOnly: true, position: 'sidebar' },
      access: { read: isStaffField },
    },
    {
      name: 'lastMessageAt',
      type: 'date',
      index: true,
      label: { nl: 'Laatste bericht', en: 'Last message' },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      // The messages, read status and composer: the thread endpoint and POST /api/messages.
      name: 'thread',
      type: 'ui',
      admin: { components: { Field: '/components/admin/ConversationThread#ConversationThread' } },
    },
  ]),
}
