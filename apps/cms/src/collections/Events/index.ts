import { CALENDAR_TITLE_MAX } from '@schoolpost/policies'
import type { CollectionConfig } from 'payload'

import { refuseForeignAudienceOnDelete } from '../../access/lib/staff-audience'
import { writableFields } from '../../access/lib/writable-fields'
import {
  audienceItemsCreate,
  audienceItemsRead,
  audienceItemsUpdate,
} from '../../access/volunteer-access'
import { audienceFields, createdByField, publishStatusField } from '../shared/audience-fields'
import { calendarDateField, timeOfDayField } from '../shared/school-time-fields'
import { agendaEndpoint } from './endpoints/agenda'
import { feedEndpoint } from './endpoints/feed'
import { checkEvent } from './hooks/check-event'

/**
 * The school's calendar (issue #15): items for the whole school or some groups — a day, a few
 * days, or a time on one day — optionally linked to a volunteer request. Parents see them in the
 * portal's `/agenda` and their private iCal feed, with the closed periods of the school settings.
 */
export const Events: CollectionConfig = {
  slug: 'events',
  labels: {
    singular: { nl: 'Agenda-item', en: 'Calendar item' },
    plural: { nl: 'Agenda', en: 'Calendar' },
  },
  defaultSort: 'date',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'date', 'audience', 'status'],
    group: { nl: 'Hulpvragen', en: 'Volunteering' },
  },
  access: {
    read: audienceItemsRead,
    create: audienceItemsCreate,
    update: audienceItemsUpdate,
    delete: audienceItemsUpdate,
  },
  endpoints: [agendaEndpoint, feedEndpoint],
  hooks: {
    beforeChange: [checkEvent],
    beforeDelete: [refuseForeignAudienceOnDelete('events')],
  },
  fields: writableFields('events', [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: CALENDAR_TITLE_MAX,
      label: { nl: 'Titel', en: 'Title' },
    },
    {
      name: 'description',
      type: 'textarea',
      maxLength: 2000,
      label: { nl: 'Toelichting', en: 'Description' },
    },
    { name: 'location', type: 'text', maxLength: 120, label: { nl: 'Waar', en: 'Location' } },
    ...audienceFields(),
    {
      name: 'allDay',
      type: 'checkbox',
      defaultValue: true,
      label: { nl: 'Hele dag', en: 'All day' },
    },
    {
      type: 'row',
      fields: [
        calendarDateField(
          'date',
          { nl: 'Datum (JJJJ-MM-DD)', en: 'Date (YYYY-MM-DD)' },
          { index: true },
        ),
        {
          ...calendarDateField(
            'endDate',
            { nl: 'Tot en met (JJJJ-MM-DD)', en: 'Until (YYYY-MM-DD)' },
            { required: false, index: true },
          ),
          admin: { condition: (data) => data?.allDay !== false },
        },
        {
          ...timeOfDayField('from', { nl: 'Van', en: 'From' }, { required: false }),
          admin: { condition: (data) => data?.allDay === false },
        },
        {
          ...timeOfDayField('to', { nl: 'Tot', en: 'To' }, { required: false, example: '10:00' }),
          admin: { condition: (data) => data?.allDay === false },
        },
      ],
    },
    {
      name: 'volunteerRequest',
      type: 'relationship',
      relationTo: 'volunteer-requests',
      label: { nl: 'Hulpvraag', en: 'Volunteer request' },
      admin: {
        description: {
          nl: 'Ouders zien bij dit agenda-item een link om zich aan te melden.',
          en: 'Parents see a link to sign up with this item.',
        },
      },
    },
    publishStatusField(),
    createdByField(),
  ]),
}
