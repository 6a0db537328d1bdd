import type { CollectionConfig } from 'payload'

import { absencesCreate, absencesRead, absencesUpdate } from '../../access/absences-access'
import { deny } from '../../access/deny'
import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { validateCalendarDate } from '../../globals/SchoolSettings/hooks/validate-calendar-date'
import { validateTimeOfDay } from '../../globals/SchoolSettings/hooks/validate-time-of-day'
import { acknowledgeAbsences } from './endpoints/acknowledge-absences'
import { checkAbsenceChange } from './hooks/check-absence-change'
import { checkNewAbsence } from './hooks/check-new-absence'
import { confirmAbsence } from './hooks/confirm-absence'
import { duplicateAbsenceError } from './hooks/duplicate-absence-error'
import { ABSENCE_REASONS, ABSENCE_STATUSES } from './reasons'

/**
 * Absence reports (S9, S10): a parent reports a child sick (today before the cutoff, or the next
 * school day) or away for an appointment (at least a day ahead); the office records a phone call.
 * The rules are `checkAbsenceReport` in @schoolpost/policies; nothing is ever deleted through the
 * API — a report is withdrawn ("ingetrokken") instead. At most one active report per child and day.
 */
export const Absences: CollectionConfig = {
  slug: 'absences',
  labels: {
    singular: { nl: 'Afwezigheidsmelding', en: 'Absence' },
    plural: { nl: 'Afwezigheid', en: 'Absences' },
  },
  defaultSort: '-date',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'date', 'kind', 'reason', 'status', 'channel'],
    group: { nl: 'Leerlingen', en: 'Pupils' },
    listSearchableFields: ['title'],
  },
  access: { read: absencesRead, create: absencesCreate, update: absencesUpdate, delete: deny },
  endpoints: [acknowledgeAbsences],
  hooks: {
    beforeChange: [checkNewAbsence, checkAbsenceChange],
    afterChange: [confirmAbsence],
    afterError: [duplicateAbsenceError],
  },
  // Who writes which field: access/lib/writable-fields.ts (parents and office only what a report
  // says; afterwards only the status, through the transitions of check-absence-change.ts).
  fields: writableFields('absences', [
    {
      name: 'title',
      type: 'text',
      label: { nl: 'Melding', en: 'Absence' },
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'pupil',
      type: 'relationship',
      relationTo: 'pupils',
      required: true,
      index: true,
      label: { nl: 'Leerling', en: 'Pupil' },
    },
    {
      name: 'kind',
      type: 'select',
      required: true,
      label: { nl: 'Soort', en: 'Kind' },
      options: [
        { value: 'sick', label: { nl: 'Ziek', en: 'Sick' } },
        { value: 'planned', label: { nl: 'Afspraak (gepland)', en: 'Planned' } },
      ],
    },
    {
      name: 'date',
      type: 'text',
      required: true,
      index: true,
      label: { nl: 'Dag (JJJJ-MM-DD)', en: 'Day' },
      validate: validateCalendarDate,
    },
    {
      type: 'row',
      fields: [
        {
          name: 'fromTime',
          type: 'text',
          label: { nl: 'Van', en: 'From' },
          validate: (value: unknown) => validateTimeOfDay(value),
        },
        {
          name: 'toTime',
          type: 'text',
          label: { nl: 'Tot', en: 'To' },
          validate: (value: unknown) => validateTimeOfDay(value),
        },
      ],
    },
    {
      name: 'reason',
      type: 'select',
      label: { nl: 'Reden', en: 'Reason' },
      options: ABSENCE_REASONS.map(({ value, nl }) => ({ value, label: { nl, en: value } })),
    },
    {
      name: 'note',
      type: 'textarea',
      maxLength: 500,
      label: { nl: 'Toelichting', en: 'Note' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'reported',
      index: true,
      label: { nl: 'Status', en: 'Status' },
      options: ABSENCE_STATUSES.map(({ value, nl }) => ({ value, label: { nl, en: value } })),
      admin: { position: 'sidebar' },
    },
    {
      name: 'channel',
      type: 'select',
      label: { nl: 'Gemeld via', en: 'Channel' },
      options: [
        { value: 'portal', label: { nl: 'Schoolpost (ouder)', en: 'Portal' } },
        { value: 'phone', label: { nl: 'Telefoon (administratie)', en: 'Phone' } },
      ],
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      // The pupil's group when reported: whose "Vandaag" it shows on (teachers read by group).
      name: 'group',
      type: 'relationship',
      relationTo: 'groups',
      index: true,
      label: { nl: 'Groep', en: 'Group' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      // The reporting guardian's name: every guardian sees who reported, without reading the
      // other's account.
      name: 'reporterName',
      type: 'text',
      label: { nl: 'Gemeld door', en: 'Reported by' },
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'reportedBy',
      type: 'relationship',
      relationTo: 'parents',
      label: { nl: 'Ouder', en: 'Parent' },
      admin: { position: 'sidebar', readOnly: true },
      access: { read: isStaffField },
    },
    {
      name: 'recordedBy',
      type: 'relationship',
      relationTo: 'staff',
      label: { nl: 'Vastgelegd door', en: 'Recorded by' },
      admin: { position: 'sidebar', readOnly: true },
      access: { read: isStaffField },
    },
    {
      name: 'acknowledgedBy',
      type: 'relationship',
      relationTo: 'staff',
      label: { nl: 'Gezien door', en: 'Acknowledged by' },
      admin: { position: 'sidebar', readOnly: true },
      access: { read: isStaffField },
    },
    {
      name: 'acknowledgedAt',
      type: 'date',
      label: { nl: 'Gezien op', en: 'Acknowledged at' },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'cancelledAt',
      type: 'date',
      label: { nl: 'Ingetrokken op', en: 'Cancelled at' },
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      // `<pupil>:<date>` while active, unique: two guardians reporting at the same moment end
      // with one report (a unique index, on SQLite and MongoDB alike). A withdrawn report moves
      // its key aside so the day can be reported again.
      name: 'activeKey',
      type: 'text',
      unique: true,
      admin: { hidden: true },
      access: { read: () => false },
    },
  ]),
}
