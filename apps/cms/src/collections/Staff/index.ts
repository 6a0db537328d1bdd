import type { CollectionConfig } from 'payload'

import { isDirector, isDirectorField } from '../../access/is-director'
import { canUseAdmin, isStaff } from '../../access/is-staff'
import { staffUpdate } from '../../access/staff-update'
import { env } from '../../lib/env'
import { authOptions } from '../shared/auth-options'
import { forgotPasswordEndpoint } from '../shared/forgot-password-endpoint'

export const Staff: CollectionConfig = {
  slug: 'staff',
  labels: {
    singular: { nl: 'Medewerker', en: 'Staff member' },
    plural: { nl: 'Medewerkers', en: 'Staff' },
  },
  auth: authOptions(),
  // Replaces Payload's forgot-password (see forgotPasswordEndpoint); the link opens the admin's
  // own reset page, and Payload's reset-password endpoint sets the new password.
  endpoints: [
    forgotPasswordEndpoint({
      collection: 'staff',
      link: (token) => `${env.cmsUrl}/admin/reset/${token}`,
      mayReset: () => true,
    }),
  ],
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
