import {
  VOLUNTEER_PLACES_MAX,
  VOLUNTEER_SLOT_LABEL_MAX,
  VOLUNTEER_SLOTS_MAX,
} from '@schoolpost/policies'
import type { CollectionConfig } from 'payload'

import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import {
  volunteerRequestsCreate,
  volunteerRequestsRead,
  volunteerRequestsUpdate,
} from '../../access/volunteer-access'
import { signUpEndpoint } from '../VolunteerSignups/endpoints/sign-up'
import { signupsPerSlotEndpoint } from './endpoints/request-signups'
import { volunteerOverviewEndpoint } from './endpoints/volunteer-overview'
import { checkVolunteerRequest } from './hooks/check-volunteer-request'

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

/**
 * Volunteer requests (hulpvragen, S4): staff ask parents to help with an excursion or an
 * activity, in slots with a number of places. Sign-up may open at a set moment (so that not
 * always the fastest parent on a weeknight wins) and closes at a set moment or when the slot
 * starts. Places are never overbooked: each place is one unique row (`VolunteerSeats`).
 */
export const VolunteerRequests: CollectionConfig = {
  slug: 'volunteer-requests',
  labels: {
    singular: { nl: 'Hulpvraag', en: 'Volunteer request' },
    plural: { nl: 'Hulpvragen', en: 'Volunteer requests' },
  },
  defaultSort: '-createdAt',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'audience', 'status', 'opensAt', 'createdAt'],
    group: { nl: 'Hulpvragen', en: 'Volunteering' },
  },
  access: {
    read: volunteerRequestsRead,
    create: volunteerRequestsCreate,
    update: volunteerRequestsUpdate,
    delete: volunteerRequestsUpdate,
  },
  endpoints: [volunteerOverviewEndpoint, signupsPerSlotEndpoint, signUpEndpoint],
  hooks: { beforeChange: [checkVolunteerRequest] },
  fields: writableFields('volunteer-requests', [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 120,
      label: { nl: 'Titel', en: 'Title' },
    },
    {
      name: 'description',
      type: 'textarea',
      required: true,
      maxLength: 4000,
      label: { nl: 'Omschrijving', en: 'Description' },
    },
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
    {
      name: 'slots',
      type: 'array',
      required: true,
      minRows: 1,
      maxRows: VOLUNTEER_SLOTS_MAX,
      label: { nl: 'Momenten', en: 'Slots' },
      labels: {
        singular: { nl: 'Moment', en: 'Slot' },
        plural: { nl: 'Momenten', en: 'Slots' },
      },
      fields: [
        {
          name: 'label',
          type: 'text',
          required: true,
          maxLength: VOLUNTEER_SLOT_LABEL_MAX,
          label: { nl: 'Omschrijving', en: 'Label' },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'date',
              type: 'text',
              required: true,
              // The overview (upcoming) and the reminders (tomorrow) look requests up by it.
              index: true,
              label: { nl: 'Datum (JJJJ-MM-DD)', en: 'Date (YYYY-MM-DD)' },
              validate: (value: unknown) =>
                typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
                  ? true
                  : 'Vul een datum in als 2027-03-09.',
            },
            {
              name: 'from',
              type: 'text',
              required: true,
              label: { nl: 'Van', en: 'From' },
              validate: (value: unknown) =>
                typeof value === 'string' && TIME.test(value) ? true : 'Vul een tijd in als 08:30.',
            },
            {
              name: 'to',
              type: 'text',
              required: true,
              label: { nl: 'Tot', en: 'To' },
              validate: (value: unknown) =>
                typeof value === 'string' && TIME.test(value) ? true : 'Vul een tijd in als 10:00.',
            },
            {
              name: 'places',
              type: 'number',
              required: true,
              min: 1,
              max: VOLUNTEER_PLACES_MAX,
              label: { nl: 'Plekken', en: 'Places' },
            },
          ],
        },
      ],
    },
    {
      name: 'opensAt',
      type: 'date',
      label: { nl: 'Aanmelden opent op', en: 'Sign-up opens at' },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: {
          nl: 'Leeg: direct na publiceren. Een vast moment geeft iedereen dezelfde kans.',
          en: 'Empty: when published. A set moment gives everyone the same chance.',
        },
      },
    },
    {
      name: 'closesAt',
      type: 'date',
      label: { nl: 'Aanmelden sluit op', en: 'Sign-up closes at' },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        description: {
          nl: 'Leeg: bij het begin van elk moment. Tot dan kunnen ouders zich ook afmelden.',
          en: 'Empty: when each slot starts. Parents may cancel until then.',
        },
      },
    },
    {
      name: 'waitlist',
      type: 'checkbox',
      defaultValue: true,
      label: { nl: 'Wachtlijst als het vol is', en: 'Waitlist when full' },
      admin: { position: 'sidebar' },
    },
    {
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
    },
    {
      name: 'createdBy',
      type: 'relationship',
      relationTo: 'staff',
      index: true,
      label: { nl: 'Gemaakt door', en: 'Created by' },
      admin: { readOnly: true, position: 'sidebar' },
      access: { read: isStaffField },
    },
    {
      // Who comes per slot, with the waitlist and "Afmelden": the signups-per-slot endpoint.
      name: 'signupsPerSlot',
      type: 'ui',
      admin: { components: { Field: '/components/admin/VolunteerSignups#VolunteerSignups' } },
    },
  ]),
}
