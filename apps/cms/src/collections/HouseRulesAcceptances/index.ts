import type { CollectionConfig } from 'payload'

import { deny } from '../../access/deny'
import { isDirector } from '../../access/is-director'
import { writableFields } from '../../access/lib/writable-fields'

/**
 * Proof of consent (S18, AVG): one row per parent and house-rules version they accepted, written
 * only by `POST /api/parents/house-rules/accept`, read by directors, never changed or deleted
 * through the API. The parent's name is kept as it was then, beside the link.
 */
export const HouseRulesAcceptances: CollectionConfig = {
  slug: 'house-rules-acceptances',
  labels: {
    singular: { nl: 'Akkoord huisregels', en: 'House rules acceptance' },
    plural: { nl: 'Akkoord huisregels', en: 'House rules acceptances' },
  },
  defaultSort: '-acceptedAt',
  admin: {
    useAsTitle: 'parentName',
    defaultColumns: ['parentName', 'version', 'acceptedAt'],
    group: { nl: 'School', en: 'School' },
    description: {
      nl: 'Wie met welke versie van de huisregels akkoord ging, en wanneer. Alleen de directie ziet dit.',
      en: 'Who accepted which version of the house rules, and when.',
    },
  },
  access: { read: isDirector, create: deny, update: deny, delete: deny },
  fields: writableFields('house-rules-acceptances', [
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'parents',
      required: true,
      index: true,
      label: { nl: 'Ouder', en: 'Parent' },
    },
    { name: 'parentName', type: 'text', required: true, label: { nl: 'Naam', en: 'Name' } },
    {
      name: 'version',
      type: 'number',
      required: true,
      index: true,
      label: { nl: 'Versie', en: 'Version' },
    },
    {
      name: 'acceptedAt',
      type: 'date',
      required: true,
      label: { nl: 'Akkoord op', en: 'Accepted at' },
      admin: { date: { pickerAppearance: 'dayAndTime' } },
    },
    // `<parent>:<version>`, unique: accepting twice (two tabs, a double click) leaves one row.
    { name: 'key', type: 'text', required: true, unique: true, admin: { hidden: true } },
  ]),
}
