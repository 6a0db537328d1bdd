import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { writableFields } from '../../access/lib/writable-fields'

/**
 * One taken place of a volunteer slot (S4), internal: `key` is `<request>:<slot>:<n>` for place
 * n = 1…places and unique, so of all parents claiming place n at the same instant exactly one
 * insert succeeds — on SQLite and on every MongoDB-wire server alike (a counter with `$inc` is not
 * atomic on FerretDB; see db/shared-state.ts). A cancellation deletes the row, freeing the place.
 * Only the sign-up endpoints write here (`VolunteerSignups/seats.ts`); nobody reads it over the API.
 */
export const VolunteerSeats: CollectionConfig = {
  slug: 'volunteer-seats',
  labels: {
    singular: { nl: 'Plek', en: 'Seat' },
    plural: { nl: 'Plekken', en: 'Seats' },
  },
  admin: { hidden: true },
  access: { read: deny, create: deny, update: deny, delete: deny },
  // Written only by the sign-up endpoints (trusted Local API): nobody writes a field over the API.
  fields: writableFields('volunteer-seats', [
    { name: 'key', type: 'text', required: true, unique: true },
    {
      name: 'request',
      type: 'relationship',
      relationTo: 'volunteer-requests',
      required: true,
      index: true,
    },
    { name: 'slot', type: 'text', required: true },
    {
      name: 'signup',
      type: 'relationship',
      relationTo: 'volunteer-signups',
      required: true,
      index: true,
    },
  ]),
}
