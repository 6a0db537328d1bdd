import {
  VOLUNTEER_PLACES_MAX,
  VOLUNTEER_SLOT_LABEL_MAX,
  VOLUNTEER_SLOTS_MAX,
} from '@schoolpost/policies'
import type { CollectionConfig } from 'payload'

import { refuseForeignAudienceOnDelete } from '../../access/lib/staff-audience'
import { writableFields } from '../../access/lib/writable-fields'
import {
  volunteerRequestsCreate,
  volunteerRequestsRead,
  volunteerRequestsUpdate,
} from '../../access/volunteer-access'
import { audienceFields, createdByField, publishStatusField } from '../shared/audience-fields'
import { calendarDateField, timeOfDayField } from '../shared/school-time-fields'
import { signUpEndpoint } from '../VolunteerSignups/endpoints/sign-up'
import { signupsPerSlotEndpoint } from './endpoints/request-signups'
import { volunteerOverviewEndpoint } from './endpoints/volunteer-overview'
import { checkVolunteerRequest } from './hooks/check-volunteer-request'

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
  hooks: {
    beforeChange: [checkVolunteerRequest],
    beforeDelete: [refuseForeignAudienceOnDelete('volunteer-requests')],
  },
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
    ...audienceFields(),
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
          label: { nl: 'Taak', en: 'Task' },
        },
        {
          type: 'row',
          fields: [
            calendarDateField(
              'date',
              { nl: 'Datum (JJJJ-MM-DD)', en: 'Date (YYYY-MM-DD)' },
              // The overview (upcoming) and the reminders (tomorrow) look requests up by it.
              { index: true },
            ),
            timeOfDayField('from', { nl: 'Van', en: 'From' }),
            timeOfDayField('to', { nl: 'Tot', en: 'To' }, { example: '10:00' }),
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
    publishStatusField(),
    createdByField(),
    {
      // Who comes per slot, with the waitlist and "Afmelden": the signups-per-slot endpoint.
      name: 'signupsPerSlot',
      type: 'ui',
      admin: { components: { Field: '/components/admin/VolunteerSignups#VolunteerSignups' } },
    },
  ]),
}
