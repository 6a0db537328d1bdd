import type { CollectionConfig } from 'payload'

import { isDirectorOrOffice } from '../../access/is-director-or-office'
import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { pupilsRead } from '../../access/pupils-read'
import { setTagLabel } from './hooks/tag-label'

export const Pupils: CollectionConfig = {
  slug: 'pupils',
  labels: {
    singular: { nl: 'Leerling', en: 'Pupil' },
    plural: { nl: 'Leerlingen', en: 'Pupils' },
  },
  defaultSort: 'lastName',
  admin: {
    // The tagging picker shows this label: refused pupils are marked there (S16).
    useAsTitle: 'tagLabel',
    defaultColumns: ['fullName', 'group'],
    group: { nl: 'School', en: 'School' },
    listSearchableFields: ['firstName', 'lastName'],
  },
  access: {
    read: pupilsRead,
    create: isDirectorOrOffice,
    update: isDirectorOrOffice,
    delete: isDirectorOrOffice,
  },
  hooks: { beforeChange: [setTagLabel] },
  // `fullName` and `tagLabel` come from the hooks: access/lib/writable-fields.ts.
  fields: writableFields('pupils', [
    {
      name: 'firstName',
      type: 'text',
      required: true,
      label: { nl: 'Voornaam', en: 'First name' },
    },
    {
      name: 'lastName',
      type: 'text',
      required: true,
      label: { nl: 'Achternaam', en: 'Last name' },
    },
    {
      name: 'fullName',
      type: 'text',
      label: { nl: 'Naam', en: 'Name' },
      admin: { hidden: true },
      hooks: {
        beforeChange: [
          ({ siblingData }) =>
            `${siblingData.firstName ?? ''} ${siblingData.lastName ?? ''}`.trim(),
        ],
      },
    },
    {
      name: 'tagLabel',
      type: 'text',
      label: { nl: 'Naam bij taggen', en: 'Tag label' },
      admin: { hidden: true },
      // Always recomputed by the hook.
      access: { read: isStaffField },
    },
    {
      name: 'group',
      type: 'relationship',
      relationTo: 'groups',
      required: true,
      label: { nl: 'Groep', en: 'Group' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'externalId',
      type: 'text',
      unique: true,
      index: true,
      label: { nl: 'Leerlingnummer', en: 'Student number' },
      admin: {
        position: 'sidebar',
        description: {
          nl: 'Uit de leerlingadministratie; gebruikt bij de import.',
          en: 'From the student administration.',
        },
      },
    },
    {
      name: 'dateOfBirth',
      type: 'date',
      label: { nl: 'Geboortedatum', en: 'Date of birth' },
      admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'd-M-yyyy' } },
    },
    {
      name: 'guardians',
      type: 'join',
      collection: 'parents',
      on: 'children',
      label: { nl: 'Ouders/verzorgers', en: 'Guardians' },
      // Contact data of guardians is for staff; a parent reads only their own account.
      access: { read: isStaffField },
    },
  ]),
}
