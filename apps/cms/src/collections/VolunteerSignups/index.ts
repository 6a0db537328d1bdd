import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { writableFields } from '../../access/lib/writable-fields'
import { isStaffField } from '../../access/is-staff-field'
import { volunteerSignupsRead } from '../../access/volunteer-access'
import { cancelSignupEndpoint } from './endpoints/cancel-signup'

export const SIGNUP_STATUSES = [
  { value: 'pending', nl: 'Bezig', en: 'Pending' },
  { value: 'confirmed', nl: 'Aangemeld', en: 'Signed up' },
  { value: 'waitlist', nl: 'Wachtlijst', en: 'Waitlist' },
  { value: 'cancelled', nl: 'Afgemeld', en: 'Cancelled' },
] as const

/**
 * A parent's sign-up for one slot of a volunteer request (S4). Made and cancelled only through
 * the endpoints (`POST /api/volunteer-requests/:id/signups`, `POST /api/volunteer-signups/:id/cancel`),
 * which claim or free a place (`VolunteerSeats`) and promote the first on the waitlist. The
 * request's audience and author are copied, so who reads a sign-up is one query on it.
 */
export const VolunteerSignups: CollectionConfig = {
  slug: 'volunteer-signups',
  labels: {
    singular: { nl: 'Aanmelding', en: 'Sign-up' },
    plural: { nl: 'Aanmeldingen', en: 'Sign-ups' },
  },
  defaultSort: 'createdAt',
  admin: {
    useAsTitle: 'comes',
    defaultColumns: ['request', 'slotLabel', 'comes', 'status', 'createdAt'],
    group: { nl: 'Hulpvragen', en: 'Volunteering' },
  },
  access: { read: volunteerSignupsRead, create: deny, update: deny, delete: deny },
  endpoints: [cancelSignupEndpoint],
  // Written only by the sign-up endpoints (trusted Local API): nobody writes a field over the API.
  fields: writableFields('volunteer-signups', [
    {
      name: 'request',
      type: 'relationship',
      relationTo: 'volunteer-requests',
      required: true,
      index: true,
      label: { nl: 'Hulpvraag', en: 'Request' },
    },
    { name: 'slot', type: 'text', required: true, index: true, admin: { hidden: true } },
    { name: 'slotLabel', type: 'text', label: { nl: 'Moment', en: 'Slot' } },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'parents',
      required: true,
      index: true,
      label: { nl: 'Ouder', en: 'Parent' },
    },
    {
      // Who comes: the parent, or the other guardian they name.
      name: 'comes',
      type: 'text',
      maxLength: 80,
      label: { nl: 'Wie komt', en: 'Who comes' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      label: { nl: 'Status', en: 'Status' },
      options: SIGNUP_STATUSES.map(({ value, nl, en }) => ({ value, label: { nl, en } })),
    },
    { name: 'place', type: 'number', admin: { hidden: true }, access: { read: isStaffField } },
    {
      name: 'promotedAt',
      type: 'date',
      label: { nl: 'Van de wachtlijst op', en: 'Promoted at' },
      admin: { condition: (data) => !!data?.promotedAt },
    },
    { name: 'cancelledAt', type: 'date', label: { nl: 'Afgemeld op', en: 'Cancelled at' } },
    {
      // `<request>:<slot>:<parent>` while signed up or waiting, unique: one sign-up per parent
      // and slot, also when two arrive at once. A cancellation moves it aside.
      name: 'activeKey',
      type: 'text',
      unique: true,
      admin: { hidden: true },
      access: { read: () => false },
    },
    // The request's audience and author, for who may read it (access/volunteer-access.ts).
    {
      name: 'groups',
      type: 'relationship',
      relationTo: 'groups',
      hasMany: true,
      admin: { hidden: true },
      access: { read: isStaffField },
    },
    {
      name: 'requestBy',
      type: 'relationship',
      relationTo: 'staff',
      index: true,
      admin: { hidden: true },
      access: { read: isStaffField },
    },
  ]),
}
