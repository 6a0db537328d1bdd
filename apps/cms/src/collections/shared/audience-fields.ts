import type { Field } from 'payload'

import { isStaffField } from '../../access/is-staff-field'

/**
 * The fields of a staff-made item for an audience (volunteer requests, calendar events): for
 * the parents of some groups or of the whole school, a draft or published, and who made it.
 * Whom a teacher may address is `access/lib/staff-audience.ts`.
 */
export const audienceFields = (): Field[] => [
  {
    name: 'audience',
    type: 'select',
    required: true,
    defaultValue: 'groups',
    label: { nl: 'Voor', en: 'Audience' },
    options: [
      { value: 'groups', label: { nl: 'Ouders van groepen', en: 'Parents of groups' } },
      { value: 'school', label: { nl: 'Alle ouders', en: 'All parents' } },
    ],
  },
  {
    name: 'groups',
    type: 'relationship',
    relationTo: 'groups',
    hasMany: true,
    index: true,
    label: { nl: 'Groepen', en: 'Groups' },
    admin: { condition: (data) => data?.audience !== 'school' },
  },
]

export const publishStatusField = (): Field => ({
  name: 'status',
  type: 'select',
  required: true,
  defaultValue: 'draft',
  index: true,
  label: { nl: 'Status', en: 'Status' },
  options: [
    { value: 'draft', label: { nl: 'Concept', en: 'Draft' } },
    { value: 'published', label: { nl: 'Gepubliceerd', en: 'Published' } },
  ],
  admin: { position: 'sidebar' },
})

export const createdByField = (): Field => ({
  name: 'createdBy',
  type: 'relationship',
  relationTo: 'staff',
  index: true,
  label: { nl: 'Gemaakt door', en: 'Created by' },
  admin: { readOnly: true, position: 'sidebar' },
  access: { read: isStaffField },
})
