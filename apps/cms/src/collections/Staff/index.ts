import type { CollectionConfig } from 'payload'

import { isDirector, isDirectorField } from '../../access/is-director'
import { canUseAdmin, isStaff } from '../../access/is-staff'
import { staffUpdate } from '../../access/staff-update'
import { writableFields } from '../../access/lib/writable-fields'
import { env } from '../../lib/env'
import { auditAccountChange, auditAccountDelete } from '../shared/audit-account-change'
import { authOptions, retiredLockoutFields } from '../shared/auth-options'
import { changePasswordEndpoint } from '../shared/change-password-endpoint'
import { forgotPasswordEndpoint } from '../shared/forgot-password-endpoint'
import { guardPasswordWrites } from '../shared/guard-password-writes'
import { notifyEmailChange } from '../shared/notify-email-change'
import { FIRST_DIRECTOR_MESSAGE, refuseFirstRegister } from '../shared/refused-endpoints'
import { staffLogin } from '../shared/staff-login-endpoint'
import { resetPassword } from './endpoints/reset-password'

export const Staff: CollectionConfig = {
  slug: 'staff',
  labels: {
    singular: { nl: 'Medewerker', en: 'Staff member' },
    plural: { nl: 'Medewerkers', en: 'Staff' },
  },
  auth: authOptions(),
  // Custom endpoints are matched before Payload's own: login (throttled), forgot/reset-password
  // (hashed tokens; the link opens the admin's own reset page) and first-register (refused) are
  // replaced; change-password is the only way to change one's own password.
  endpoints: [
    staffLogin,
    forgotPasswordEndpoint({
      collection: 'staff',
      link: (token) => `${env.cmsUrl}/admin/reset/${token}`,
      mayReset: () => true,
    }),
    resetPassword,
    changePasswordEndpoint('staff'),
    refuseFirstRegister(FIRST_DIRECTOR_MESSAGE),
  ],
  hooks: {
    beforeOperation: [
      guardPasswordWrites({
        update:
          'Je wachtwoord wijzig je niet via dit formulier. Log uit en kies op het inlogscherm "Wachtwoord vergeten?": je krijgt een link per e-mail. Een ander zijn wachtwoord kan niemand instellen.',
        create: 'rule',
      }),
    ],
    afterChange: [notifyEmailChange, auditAccountChange],
    afterDelete: [auditAccountDelete],
  },
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
  // What a teacher or office may change on their own record (the name) is listed in
  // access/lib/writable-fields.ts; the director changes the rest.
  fields: writableFields('staff', [
    // Only a director changes a login address (the owner cannot move their account elsewhere).
    { name: 'email', type: 'email', access: { update: isDirectorField } },
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
    ...retiredLockoutFields,
  ]),
}
