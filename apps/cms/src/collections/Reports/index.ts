import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { reportsCreate, reportsRead, reportsUpdate } from '../../access/reports-read'
import { CONDUCT_RULE_OPTIONS } from '../Messages/conduct-rules'
import { handleReport, reportHandlingState } from './endpoints/handle-report'
import { checkReport } from './hooks/check-report'
import { limitReportRate } from './hooks/limit-report-rate'
import { notifyStaffOfReport } from './hooks/notify-staff'

/**
 * "Meld dit bericht" (S15): a parent reports a post or one photo, or a message in a conversation
 * (issue #14: only the directors get those — the teachers take part in the conversation); staff
 * handle it. The text passes the conduct check (S19): a flagged report is kept, shown to the
 * directors only with the reason.
 */
export const Reports: CollectionConfig = {
  slug: 'reports',
  labels: {
    singular: { nl: 'Melding', en: 'Report' },
    plural: { nl: 'Meldingen', en: 'Reports' },
  },
  defaultSort: '-createdAt',
  admin: {
    defaultColumns: ['post', 'message', 'category', 'status', 'createdAt'],
    group: { nl: 'Berichten', en: 'Posts' },
  },
  access: { read: reportsRead, create: reportsCreate, update: reportsUpdate, delete: deny },
  endpoints: [handleReport, reportHandlingState],
  hooks: { beforeChange: [limitReportRate, checkReport], afterChange: [notifyStaffOfReport] },
  // Who may write which field after filing: access/lib/writable-fields.ts.
  fields: writableFields('reports', [
    {
      name: 'post',
      type: 'relationship',
      relationTo: 'posts',
      label: { nl: 'Bericht', en: 'Post' },
      // A report is about a post or a message (hooks/check-report.ts): db/delete-rules.ts.
      custom: { subject: true },
      admin: { condition: (data) => !data?.message },
    },
    {
      name: 'message',
      type: 'relationship',
      relationTo: 'messages',
      index: true,
      custom: { subject: true },
      label: { nl: 'Gespreksbericht', en: 'Conversation message' },
      admin: { readOnly: true, condition: (data) => !!data?.message },
    },
    {
      name: 'media',
      type: 'relationship',
      relationTo: 'media',
      label: { nl: 'Foto of video', en: 'Media' },
    },
    {
      name: 'category',
      type: 'select',
      required: true,
      label: { nl: 'Reden', en: 'Reason' },
      options: [
        { value: 'privacy', label: { nl: 'Privacy van een kind', en: 'Privacy of a child' } },
        { value: 'inappropriate', label: { nl: 'Ongepast', en: 'Inappropriate' } },
        { value: 'incorrect', label: { nl: 'Niet juist', en: 'Incorrect' } },
        { value: 'other', label: { nl: 'Anders', en: 'Other' } },
      ],
    },
    {
      name: 'text',
      type: 'textarea',
      required: true,
      maxLength: 2000,
      label: { nl: 'Toelichting', en: 'Text' },
    },
    {
      // Set by the conduct check of the text (S19): the report goes to the directors only.
      name: 'heldRule',
      type: 'select',
      label: { nl: 'Tekst tegengehouden om', en: 'Text held for' },
      options: CONDUCT_RULE_OPTIONS,
      admin: { readOnly: true, position: 'sidebar', condition: (data) => !!data?.heldRule },
      access: { read: isStaffField },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'open',
      label: { nl: 'Status', en: 'Status' },
      options: [
        { value: 'open', label: { nl: 'Open', en: 'Open' } },
        { value: 'in-behandeling', label: { nl: 'In behandeling', en: 'In progress' } },
        { value: 'afgehandeld', label: { nl: 'Afgehandeld', en: 'Closed' } },
      ],
      admin: { position: 'sidebar' },
    },
    {
      // Hide the post or the photo for parents, close the report: POST /api/reports/:id/handle.
      name: 'handleReport',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/admin/ReportActions#ReportActions' },
      },
    },
    {
      name: 'reporter',
      type: 'relationship',
      relationTo: 'parents',
      label: { nl: 'Gemeld door', en: 'Reporter' },
      admin: { readOnly: true },
      access: { read: isStaffField },
    },
    {
      name: 'staffNote',
      type: 'textarea',
      label: { nl: 'Notitie (alleen school)', en: 'Staff note' },
      access: { read: isStaffField },
    },
  ]),
}
