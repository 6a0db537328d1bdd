import {
  FEEDBACK_ANSWER_MAX_LENGTH,
  FEEDBACK_MAX_LENGTH,
  FEEDBACK_STATUSES,
  FEEDBACK_TOPICS,
} from '@schoolpost/policies'
import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import {
  feedbackCreate,
  feedbackRead,
  feedbackSenderRead,
  feedbackUpdate,
} from '../../access/feedback-access'
import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { checkNewFeedback } from './hooks/check-new-feedback'
import { notifyAnswer } from './hooks/notify-answer'
import { recordAnswer } from './hooks/record-answer'

const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }))

/**
 * Feedback from parents about Schoolpost and the school's rules (S20): the school evaluates its
 * agreements over time. Parents send it from the portal's `/feedback` (optionally anonymous to
 * teachers, never to the school: directors always see who), every staff member reads it, directors
 * set the status and answer, and the parent reads the answer in the portal. Never deleted through
 * the API.
 */
export const Feedback: CollectionConfig = {
  slug: 'feedback',
  labels: {
    singular: { nl: 'Feedback', en: 'Feedback' },
    plural: { nl: 'Feedback van ouders', en: 'Feedback from parents' },
  },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'message',
    defaultColumns: ['message', 'topic', 'status', 'parentName', 'createdAt'],
    group: { nl: 'School', en: 'School' },
    description: {
      nl: 'Tips en opmerkingen van ouders over Schoolpost en de afspraken van school. De directie beantwoordt ze; de ouder leest het antwoord in het ouderportaal.',
      en: 'Tips and remarks from parents; directors answer them.',
    },
  },
  access: { read: feedbackRead, create: feedbackCreate, update: feedbackUpdate, delete: deny },
  hooks: { beforeChange: [checkNewFeedback, recordAnswer], afterChange: [notifyAnswer] },
  fields: writableFields('feedback', [
    {
      name: 'topic',
      type: 'select',
      required: true,
      label: { nl: 'Over', en: 'About' },
      options: options(FEEDBACK_TOPICS),
    },
    {
      name: 'message',
      type: 'textarea',
      required: true,
      maxLength: FEEDBACK_MAX_LENGTH * 2,
      label: { nl: 'Feedback', en: 'Feedback' },
      admin: { readOnly: true },
    },
    {
      name: 'anonymous',
      type: 'checkbox',
      defaultValue: false,
      label: { nl: 'Anoniem voor leerkrachten', en: 'Anonymous to teachers' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          nl: 'De ouder vroeg de naam niet aan leerkrachten te tonen. De directie ziet hem wel.',
          en: 'Only directors see the name.',
        },
      },
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'parents',
      required: true,
      index: true,
      label: { nl: 'Ouder', en: 'Parent' },
      access: { read: feedbackSenderRead },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'parentName',
      type: 'text',
      label: { nl: 'Van', en: 'From' },
      access: { read: feedbackSenderRead },
      admin: { readOnly: true, position: 'sidebar' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'nieuw',
      index: true,
      label: { nl: 'Status', en: 'Status' },
      options: options(FEEDBACK_STATUSES),
      admin: { position: 'sidebar' },
    },
    {
      name: 'answer',
      type: 'textarea',
      maxLength: FEEDBACK_ANSWER_MAX_LENGTH,
      label: { nl: 'Antwoord aan de ouder', en: 'Answer to the parent' },
      admin: {
        description: {
          nl: 'De ouder leest dit in het ouderportaal, onder Feedback.',
          en: 'The parent reads this in the portal.',
        },
      },
    },
    {
      name: 'answeredAt',
      type: 'date',
      label: { nl: 'Beantwoord op', en: 'Answered at' },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'answeredBy',
      type: 'relationship',
      relationTo: 'staff',
      label: { nl: 'Beantwoord door', en: 'Answered by' },
      access: { read: isStaffField },
      admin: { readOnly: true, position: 'sidebar' },
    },
  ]),
}
