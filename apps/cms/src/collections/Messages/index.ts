import { MESSAGE_PHOTOS_MAX } from '@schoolpost/contracts'
import type { CollectionConfig } from 'payload'

import { messagesCreate, messagesRead, messagesUpdate } from '../../access/conversations-access'
import { deny } from '../../access/deny'
import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { CONVERSATION_KINDS } from '../Conversations'
import { CONDUCT_RULE_OPTIONS } from './conduct-rules'
import { afterMessage } from './hooks/after-message'
import { checkMessageChange } from './hooks/check-message-change'
import { checkNewMessage } from './hooks/check-new-message'
import { notifyParticipants } from './hooks/notify-participants'

export const MESSAGE_STATUSES = [
  { value: 'delivered', nl: 'Bezorgd', en: 'Delivered' },
  { value: 'held', nl: 'Tegengehouden (gedragscheck)', en: 'Held (conduct)' },
  { value: 'hidden', nl: 'Verborgen door school', en: 'Hidden by staff' },
] as const

/**
 * The messages of a conversation: plain text (the apps make links clickable, never HTML). A
 * parent's message that fails the conduct check (S19) is stored as held, never delivered: its
 * writer reads the reason and may rephrase, directors see it with the reason. A parent may edit
 * within five minutes; staff hide, nobody deletes.
 */
export const Messages: CollectionConfig = {
  slug: 'messages',
  labels: {
    // Not "Berichten …": that is the posts' name, and the dashboard's links must stay distinct.
    singular: { nl: 'Gespreksbericht', en: 'Message' },
    plural: { nl: 'Gespreksberichten', en: 'Messages' },
  },
  defaultSort: 'createdAt',
  admin: {
    useAsTitle: 'authorName',
    defaultColumns: ['conversation', 'authorName', 'status', 'createdAt'],
    group: { nl: 'Gesprekken', en: 'Conversations' },
  },
  access: { read: messagesRead, create: messagesCreate, update: messagesUpdate, delete: deny },
  hooks: {
    beforeChange: [checkNewMessage, checkMessageChange],
    afterChange: [afterMessage, notifyParticipants],
  },
  // Who writes which field: access/lib/writable-fields.ts (the writer the text, staff the status).
  fields: writableFields('messages', [
    {
      name: 'conversation',
      type: 'relationship',
      relationTo: 'conversations',
      required: true,
      index: true,
      label: { nl: 'Gesprek', en: 'Conversation' },
    },
    {
      name: 'body',
      type: 'textarea',
      required: true,
      maxLength: 4000,
      label: { nl: 'Bericht', en: 'Message' },
    },
    {
      // Staff attach photos under exactly the image rules of posts, checked when sending
      // (hooks/check-new-message.ts); a parent sees one only while they take part and it passes
      // the rules now (access/media-read.ts). Fixed once sent, like the text of staff.
      name: 'attachments',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      maxRows: MESSAGE_PHOTOS_MAX,
      label: { nl: "Foto's", en: 'Photos' },
      filterOptions: { mimeType: { like: 'image/' } },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'delivered',
      index: true,
      label: { nl: 'Status', en: 'Status' },
      options: MESSAGE_STATUSES.map(({ value, nl, en }) => ({ value, label: { nl, en } })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'heldRule',
      type: 'select',
      label: { nl: 'Tegengehouden om', en: 'Held for' },
      options: CONDUCT_RULE_OPTIONS,
      admin: { readOnly: true, position: 'sidebar', condition: (data) => !!data?.heldRule },
    },
    {
      name: 'authorName',
      type: 'text',
      label: { nl: 'Van', en: 'From' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'authorParent',
      type: 'relationship',
      relationTo: 'parents',
      index: true,
      label: { nl: 'Van ouder', en: 'From parent' },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'authorStaff',
      type: 'relationship',
      relationTo: 'staff',
      index: true,
      label: { nl: 'Van medewerker', en: 'From staff' },
      admin: { readOnly: true, position: 'sidebar' },
      access: { read: isStaffField },
    },
    {
      // The school's clock at sending (lib/clock.ts): the edit window and the unread marks
      // count from it.
      name: 'sentAt',
      type: 'date',
      index: true,
      label: { nl: 'Verstuurd op', en: 'Sent at' },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'editedAt',
      type: 'date',
      label: { nl: 'Aangepast op', en: 'Edited at' },
      admin: { readOnly: true, position: 'sidebar', condition: (data) => !!data?.editedAt },
    },
    {
      name: 'hiddenBy',
      type: 'relationship',
      relationTo: 'staff',
      label: { nl: 'Verborgen door', en: 'Hidden by' },
      admin: { readOnly: true, position: 'sidebar', condition: (data) => !!data?.hiddenBy },
      access: { read: isStaffField },
    },
    {
      name: 'hiddenAt',
      type: 'date',
      label: { nl: 'Verborgen op', en: 'Hidden at' },
      admin: { readOnly: true, position: 'sidebar', condition: (data) => !!data?.hiddenAt },
      access: { read: isStaffField },
    },
    // The conversation's pupil, kind and asking parent (never changed after its start): who may
    // read a message is one query on the message itself (access/conversations-access.ts).
    {
      name: 'pupil',
      type: 'relationship',
      relationTo: 'pupils',
      index: true,
      admin: { hidden: true },
      access: { read: isStaffField },
    },
    {
      name: 'kind',
      type: 'select',
      options: CONVERSATION_KINDS.map(({ value, nl, en }) => ({ value, label: { nl, en } })),
      admin: { hidden: true },
      access: { read: isStaffField },
    },
    {
      // Set with the photos: which messages to look at when a file is asked for (media-read.ts).
      name: 'withPhotos',
      type: 'checkbox',
      index: true,
      admin: { hidden: true },
      access: { read: isStaffField },
    },
    {
      name: 'starterParent',
      type: 'relationship',
      relationTo: 'parents',
      index: true,
      admin: { hidden: true },
      access: { read: isStaffField },
    },
  ]),
}
