import type { CollectionConfig } from 'payload'

import { denyAdmin } from '../../access/deny'
import { isDirectorOrOffice } from '../../access/is-director-or-office'
import { isDirectorOrOfficeField, isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { parentsRead } from '../../access/parents-read'
import { parentsUpdate } from '../../access/parents-update'
import { authOptions, retiredLockoutFields } from '../shared/auth-options'
import { changePasswordEndpoint } from '../shared/change-password-endpoint'
import { guardPasswordWrites } from '../shared/guard-password-writes'
import { notifyEmailChange } from '../shared/notify-email-change'
import { refuseFirstRegister } from '../shared/refused-endpoints'
import {
  calendarFeedStatusEndpoint,
  createCalendarFeedEndpoint,
  revokeCalendarFeedEndpoint,
} from './endpoints/calendar-feed'
import { eraseEndpoint } from './endpoints/erase'
import { exportEndpoint } from './endpoints/export'
import { mediaExportEndpoint, mediaExportSummaryEndpoint } from './endpoints/export-media'
import { acceptHouseRulesEndpoint, houseRulesEndpoint } from './endpoints/house-rules'
import { forgotPassword, resetPassword } from './endpoints/password-reset'
import { notificationPreferenceField } from './notification-preference-field'
import { portalHome } from './endpoints/portal-home'
import { portalPost } from './endpoints/portal-post'
import { portalLogin, refuseParentLogin } from './endpoints/portal-login'
import { sendInvitation } from './endpoints/send-invitation'
import { unsubscribe, unsubscribeStatus } from './endpoints/unsubscribe'
import { auditAccountChange, auditAccountDelete } from '../shared/audit-account-change'
import { endSessionsOnDeactivation } from './hooks/end-sessions-on-deactivation'
import { randomFirstPassword } from './hooks/random-first-password'
import { refuseDeactivatedLogin } from './hooks/refuse-deactivated-login'
import { revokeInvitationsOnDeactivation } from './hooks/revoke-invitations-on-deactivation'

export const Parents: CollectionConfig = {
  slug: 'parents',
  labels: {
    singular: { nl: 'Ouder', en: 'Parent' },
    plural: { nl: 'Ouders', en: 'Parents' },
  },
  // Parents only ever use the portal: `access.admin` below keeps them out of /admin.
  auth: authOptions(),
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'status', 'children'],
    group: { nl: 'Mensen', en: 'People' },
    listSearchableFields: ['name', 'email', 'phone'],
  },
  access: {
    admin: denyAdmin,
    read: parentsRead,
    create: isDirectorOrOffice,
    update: parentsUpdate,
    delete: isDirectorOrOffice,
    unlock: isDirectorOrOffice,
  },
  // Custom endpoints are matched before Payload's own, so login, forgot/reset-password and
  // first-register are replaced; change-password is the only way to change one's own password.
  endpoints: [
    portalLogin,
    refuseParentLogin,
    changePasswordEndpoint('parents'),
    refuseFirstRegister('Ouders krijgen een account via een uitnodiging van de school.'),
    sendInvitation,
    forgotPassword,
    resetPassword,
    unsubscribe,
    unsubscribeStatus,
    portalHome,
    portalPost,
    calendarFeedStatusEndpoint,
    createCalendarFeedEndpoint,
    revokeCalendarFeedEndpoint,
    houseRulesEndpoint,
    acceptHouseRulesEndpoint,
    exportEndpoint,
    mediaExportSummaryEndpoint,
    mediaExportEndpoint,
    eraseEndpoint,
  ],
  hooks: {
    beforeOperation: [
      guardPasswordWrites({
        update:
          'Een wachtwoord wordt hier niet ingesteld. De ouder kiest het zelf: via de uitnodiging, "Wachtwoord vergeten?" of "Wachtwoord wijzigen" in het ouderportaal.',
        create: 'ignored',
      }),
    ],
    beforeLogin: [refuseDeactivatedLogin],
    beforeChange: [randomFirstPassword, endSessionsOnDeactivation],
    afterChange: [revokeInvitationsOnDeactivation, notifyEmailChange, auditAccountChange],
    afterDelete: [auditAccountDelete],
  },
  // What a parent may change about themselves (name, phone, language and email preferences) is
  // listed in access/lib/writable-fields.ts. The login address is changed by the school (director
  // or office), never by the owner: otherwise a stolen session could move the account, and the
  // answer told whether an address was taken.
  fields: writableFields('parents', [
    { name: 'email', type: 'email', access: { update: isDirectorOrOfficeField } },
    {
      // Declared only to close it: staff never know a parent's password (a random one is set,
      // `randomFirstPassword`), and the admin shows no password inputs for a field it may read
      // but not write. Nothing is stored (virtual), so reading yields nothing. Payload's auth
      // takes `password` from the data itself; the Local API (overrideAccess) still may.
      name: 'password',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
    },
    { name: 'name', type: 'text', required: true, label: { nl: 'Naam', en: 'Name' } },
    { name: 'phone', type: 'text', label: { nl: 'Telefoon', en: 'Phone' } },
    {
      name: 'children',
      type: 'relationship',
      relationTo: 'pupils',
      hasMany: true,
      label: { nl: 'Kinderen', en: 'Children' },
      admin: {
        description: {
          nl: 'De groepen van de ouder volgen uit de kinderen.',
          en: 'Groups follow from the children.',
        },
      },
      access: { update: isDirectorOrOfficeField, create: isDirectorOrOfficeField },
    },
    {
      // The private iCal feed (issue #15): only a SHA-256 of its secret is kept, so the database
      // holds no working link. Made, renewed and revoked only through the feed endpoints.
      name: 'calendarFeed',
      type: 'group',
      admin: { hidden: true },
      access: { read: () => false, create: () => false, update: () => false },
      fields: [
        { name: 'secretHash', type: 'text', index: true },
        { name: 'createdAt', type: 'date' },
      ],
    },
    {
      // S18: the house-rules version the parent last accepted (`house-rules-acceptances` keeps
      // every acceptance). Written only by the accept endpoint; the gate compares it with the
      // version in force on every parent request (access/lib/house-rules-gate.ts).
      name: 'houseRules',
      type: 'group',
      label: { nl: 'Huisregels', en: 'House rules' },
      admin: { position: 'sidebar', readOnly: true },
      access: { create: () => false, update: () => false },
      fields: [
        {
          name: 'version',
          type: 'number',
          label: { nl: 'Akkoord met versie', en: 'Accepted version' },
        },
        {
          name: 'acceptedAt',
          type: 'date',
          label: { nl: 'Akkoord op', en: 'Accepted at' },
          admin: { date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    {
      name: 'preferredLanguage',
      type: 'select',
      defaultValue: 'nl',
      label: { nl: 'Voorkeurstaal', en: 'Preferred language' },
      options: [
        { value: 'nl', label: 'Nederlands' },
        { value: 'en', label: 'English' },
      ],
    },
    {
      name: 'notifications',
      type: 'group',
      label: { nl: 'E-mail over nieuwe berichten', en: 'Email about new posts and messages' },
      admin: {
        description: {
          nl: 'De ouder kiest dit zelf in het ouderportaal.',
          en: 'Parents choose this in the portal.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            notificationPreferenceField('news', { nl: 'Schoolnieuws', en: 'School news' }),
            notificationPreferenceField('group', {
              nl: 'Berichten van de groep',
              en: 'Group posts',
            }),
            notificationPreferenceField('messages', {
              nl: 'Berichten in gesprekken',
              en: 'Messages in conversations',
            }),
          ],
        },
      ],
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'invited',
      index: true,
      label: { nl: 'Status', en: 'Status' },
      options: [
        { value: 'invited', label: { nl: 'Uitgenodigd', en: 'Invited' } },
        { value: 'active', label: { nl: 'Actief', en: 'Active' } },
        { value: 'deactivated', label: { nl: 'Gedeactiveerd', en: 'Deactivated' } },
      ],
      // A new account is always "uitgenodigd": it becomes active when the parent accepts the
      // invitation. Afterwards the school (de)activates it; "active" opens nothing by itself, as
      // the password is still the parent's own or the unknown random one.
      access: { update: isDirectorOrOfficeField, create: () => false },
      admin: { position: 'sidebar' },
    },
    {
      name: 'inviteButton',
      type: 'ui',
      admin: {
        position: 'sidebar',
        condition: (data) => data?.status === 'invited',
        components: { Field: '/components/admin/InviteButton#InviteButton' },
      },
    },
    {
      // Directors only (the component checks the role; the endpoint refuses everyone else).
      name: 'eraseFamily',
      type: 'ui',
      admin: {
        position: 'sidebar',
        components: { Field: '/components/admin/EraseFamily#EraseFamily' },
      },
    },
    {
      name: 'invitations',
      type: 'join',
      collection: 'invitations',
      on: 'parent',
      label: { nl: 'Uitnodigingen', en: 'Invitations' },
      access: { read: isStaffField },
      admin: { defaultColumns: ['createdAt', 'expiresAt', 'usedAt', 'revokedAt'] },
    },
    ...retiredLockoutFields,
  ]),
}
