import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { isDirectorOrOfficeField, isNotTeacherField } from '../../access/is-staff-field'
import {
  leaveRequestsCreate,
  leaveRequestsRead,
  leaveRequestsUpdate,
} from '../../access/leave-requests-access'
import { writableFields } from '../../access/lib/writable-fields'
import { validateCalendarDate } from '../../globals/SchoolSettings/hooks/validate-calendar-date'
import { checkLeaveChange } from './hooks/check-leave-change'
import { checkNewLeaveRequest } from './hooks/check-new-leave-request'
import { notifyLeaveRequest } from './hooks/notify-leave-request'

export const LEAVE_REASONS = [
  { value: 'familie', nl: 'Familie (huwelijk, jubileum, overlijden)' },
  { value: 'vakantie', nl: 'Vakantie buiten de schoolvakanties (beroep ouder)' },
  { value: 'religie', nl: 'Religieuze feestdag' },
  { value: 'medisch-sociaal', nl: 'Medische of sociale redenen' },
  { value: 'overig', nl: 'Anders' },
] as const

/**
 * Extraordinary leave (verlof, Leerplichtwet art. 11/14): a parent requests it for a child, the
 * director approves or refuses with a message, the parent sees the decision; approved leave shows
 * on the teachers' overview. Requests later than the school's notice are marked "te laat".
 */
export const LeaveRequests: CollectionConfig = {
  slug: 'leave-requests',
  labels: {
    singular: { nl: 'Verlofaanvraag', en: 'Leave request' },
    plural: { nl: 'Verlofaanvragen', en: 'Leave requests' },
  },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'from', 'to', 'schoolDays', 'late', 'status'],
    group: { nl: 'Leerlingen', en: 'Pupils' },
  },
  access: {
    read: leaveRequestsRead,
    create: leaveRequestsCreate,
    update: leaveRequestsUpdate,
    delete: deny,
  },
  hooks: {
    beforeChange: [checkNewLeaveRequest, checkLeaveChange],
    afterChange: [notifyLeaveRequest],
  },
  fields: writableFields('leave-requests', [
    { name: 'title', type: 'text', admin: { hidden: true, readOnly: true } },
    {
      name: 'pupil',
      type: 'relationship',
      relationTo: 'pupils',
      required: true,
      index: true,
      label: { nl: 'Leerling', en: 'Pupil' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'from',
          type: 'text',
          required: true,
          label: { nl: 'Eerste dag', en: 'From' },
          validate: validateCalendarDate,
        },
        {
          name: 'to',
          type: 'text',
          required: true,
          label: { nl: 'Laatste dag', en: 'To' },
          validate: validateCalendarDate,
        },
      ],
    },
    {
      name: 'reason',
      type: 'select',
      required: true,
      label: { nl: 'Reden', en: 'Reason' },
      // Teachers see that leave was granted, not why (nor the note or the decision's message).
      access: { read: isNotTeacherField },
      options: LEAVE_REASONS.map(({ value, nl }) => ({ value, label: { nl, en: value } })),
    },
    {
      name: 'note',
      type: 'textarea',
      required: true,
      maxLength: 1000,
      label: { nl: 'Toelichting van de ouder', en: 'Note' },
      access: { read: isNotTeacherField },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'requested',
      index: true,
      label: { nl: 'Besluit', en: 'Decision' },
      options: [
        { value: 'requested', label: { nl: 'Aangevraagd', en: 'Requested' } },
        { value: 'approved', label: { nl: 'Toegekend', en: 'Approved' } },
        { value: 'refused', label: { nl: 'Afgewezen', en: 'Refused' } },
        { value: 'withdrawn', label: { nl: 'Ingetrokken', en: 'Withdrawn' } },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'decisionMessage',
      type: 'textarea',
      maxLength: 1000,
      label: { nl: 'Bericht bij het besluit (de ouder leest dit)', en: 'Decision message' },
      access: { read: isNotTeacherField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'late',
      type: 'checkbox',
      label: { nl: 'Te laat aangevraagd', en: 'Late' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'schoolDays',
      type: 'number',
      label: { nl: 'Schooldagen', en: 'School days' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'beyondDirector',
      type: 'checkbox',
      label: {
        nl: 'Meer dan 10 schooldagen: de leerplichtambtenaar beslist',
        en: 'Beyond the director',
      },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'group',
      type: 'relationship',
      relationTo: 'groups',
      index: true,
      label: { nl: 'Groep', en: 'Group' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'requesterName',
      type: 'text',
      label: { nl: 'Aangevraagd door', en: 'Requested by' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'requestedBy',
      type: 'relationship',
      relationTo: 'parents',
      label: { nl: 'Ouder', en: 'Parent' },
      admin: { position: 'sidebar', readOnly: true },
      access: { read: isDirectorOrOfficeField },
    },
    {
      name: 'decidedBy',
      type: 'relationship',
      relationTo: 'staff',
      label: { nl: 'Besloten door', en: 'Decided by' },
      admin: { position: 'sidebar', readOnly: true },
      access: { read: isDirectorOrOfficeField },
    },
    {
      name: 'decidedAt',
      type: 'date',
      label: { nl: 'Besloten op', en: 'Decided at' },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
  ]),
}
