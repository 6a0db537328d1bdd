import type { CollectionConfig } from 'payload'

import { isDirector, isDirectorField } from '../../access/is-director'
import { canUseAdmin, isStaff } from '../../access/is-staff'
import { staffUpdate } from '../../access/staff-update'
import { authOptions } from '../shared/auth-options'

export const Staff: CollectionConfig = {
  slug: 'staff',
  labels: {
    singular: { nl: 'Medewerker', en: 'Staff member' },
    plural: { nl: 'Medewerkers', en: 'Staff' },
  },
  auth: authOptions(),
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role'],
    group: { nl: 'Mensen', en: 'People' },
  },
  access: {
    admin: canUseAdmin,
    read: isStaff,
    create: isDirector,
    update: staffUpdate,
    delete: isDirector,
    unlock: isDirector,
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      label: { nl: 'Naam', en: 'Name' },
    },
    {
      name: 'role',
      type: 'select',
      required: true,
      saveToJWT: true,
      label: { nl: 'Rol', en: 'Role' },
      options: [
        { value: 'director', label: { nl: 'Directie', en: 'Director' } },
        { value: 'teacher', label: { nl: 'Leerkracht', en: 'Teacher' } },
        { value: 'office', label: { nl: 'Administratie', en: 'Office' } },
      ],
      access: { update: isDirectorField },
      admin: { position: 'sidebar' },
    },
    {
      name: 'groups',
      type: 'join',
      collection: 'groups',
      on: 'teachers',
      label: { nl: 'Groepen', en: 'Groups' },
      admin: { condition: (data) => data?.role === 'teacher' },
    },
  ],
}
