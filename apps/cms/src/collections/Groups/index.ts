import type { CollectionConfig } from 'payload'

import { groupsRead } from '../../access/groups-read'
import { teacherNamesAfterRead } from './hooks/teacher-names'
import { isDirectorOrOffice } from '../../access/is-director-or-office'
import { isDirectorOrOfficeField, isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'

export const Groups: CollectionConfig = {
  slug: 'groups',
  labels: {
    singular: { nl: 'Groep', en: 'Group' },
    plural: { nl: 'Groepen', en: 'Groups' },
  },
  defaultSort: 'sortOrder',
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'schoolYear', 'teachers'],
    group: { nl: 'School', en: 'School' },
  },
  access: {
    read: groupsRead,
    create: isDirectorOrOffice,
    update: isDirectorOrOffice,
    delete: isDirectorOrOffice,
  },
  fields: writableFields('groups', [
    { name: 'name', type: 'text', required: true, label: { nl: 'Naam', en: 'Name' } },
    {
      name: 'schoolYear',
      type: 'text',
      required: true,
      label: { nl: 'Schooljaar', en: 'School year' },
      admin: { placeholder: '2026-2027' },
      validate: (value: string | null | undefined) =>
        /^\d{4}-\d{4}$/.test(value ?? '') ? true : 'Gebruik de vorm 2026-2027.',
    },
    {
      name: 'teachers',
      type: 'relationship',
      relationTo: 'staff',
      hasMany: true,
      label: { nl: 'Leerkrachten', en: 'Teachers' },
      filterOptions: { role: { equals: 'teacher' } },
      access: { update: isDirectorOrOfficeField },
    },
    {
      // Parents may know who teaches their child's group — by name only. Staff accounts stay
      // closed to parents on every channel, so the names are copied onto the group when read.
      name: 'teacherNames',
      type: 'text',
      hasMany: true,
      virtual: true,
      label: { nl: 'Namen leerkrachten', en: 'Teacher names' },
      admin: { hidden: true },
      hooks: { afterRead: [teacherNamesAfterRead] },
    },
    {
      name: 'sortOrder',
      type: 'number',
      defaultValue: 0,
      label: { nl: 'Volgorde', en: 'Sort order' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'pupils',
      type: 'join',
      collection: 'pupils',
      on: 'group',
      label: { nl: 'Leerlingen', en: 'Pupils' },
      // Parents see their own children, never the class list.
      access: { read: isStaffField },
    },
  ]),
}
