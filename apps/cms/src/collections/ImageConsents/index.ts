import type { CollectionConfig } from 'payload'

import { consentsRead } from '../../access/consents-read'
import { deny } from '../../access/deny'
import { isStaff } from '../../access/is-staff'
import { writableFields } from '../../access/lib/writable-fields'
import { setConsent } from './endpoints/set-consent'
import { logConsentChange } from './hooks/log-consent-change'

const choice = [
  { value: 'none', label: { nl: 'Geen keuze', en: 'No choice' } },
  { value: 'allowed', label: { nl: 'Toestemming', en: 'Allowed' } },
  { value: 'refused', label: { nl: 'Bezwaar', en: 'Refused' } },
]

/** Each guardian's choice per child about images (S16): one record per guardian and pupil. */
export const ImageConsents: CollectionConfig = {
  slug: 'image-consents',
  labels: {
    singular: { nl: 'Privacyvoorkeur', en: 'Image consent' },
    plural: { nl: 'Privacyvoorkeuren', en: 'Image consents' },
  },
  admin: {
    defaultColumns: ['pupil', 'guardian', 'allowed', 'updatedAt'],
    group: { nl: 'School', en: 'School' },
  },
  access: { read: consentsRead, create: deny, update: deny, delete: deny },
  endpoints: [setConsent],
  hooks: { afterChange: [logConsentChange] },
  fields: writableFields('image-consents', [
    {
      name: 'pupil',
      type: 'relationship',
      relationTo: 'pupils',
      required: true,
      index: true,
      label: { nl: 'Leerling', en: 'Pupil' },
    },
    {
      name: 'guardian',
      type: 'relationship',
      relationTo: 'parents',
      required: true,
      index: true,
      label: { nl: 'Ouder', en: 'Guardian' },
    },
    {
      name: 'allowed',
      type: 'checkbox',
      required: true,
      label: { nl: "Mag op foto's en video's", en: 'Allowed in images' },
    },
  ]),
}

/** The history of every change, for staff (who, when, old → new). */
export const ImageConsentChanges: CollectionConfig = {
  slug: 'image-consent-changes',
  labels: {
    singular: { nl: 'Wijziging privacyvoorkeur', en: 'Consent change' },
    plural: { nl: 'Wijzigingen privacyvoorkeuren', en: 'Consent changes' },
  },
  defaultSort: '-createdAt',
  admin: {
    defaultColumns: ['pupil', 'guardian', 'from', 'to', 'createdAt'],
    group: { nl: 'School', en: 'School' },
    description: {
      nl: 'Elke wijziging blijft bewaard als bewijs. Is een gezin gewist, dan blijft de wijziging staan zonder leerling en ouder.',
      en: 'Every change is kept as proof; after an erasure without the persons.',
    },
  },
  access: { read: isStaff, create: deny, update: deny, delete: deny },
  fields: writableFields('image-consent-changes', [
    // Optional, unlike the choice itself: when a pupil or guardian is deleted or a family is
    // erased, the change stays as proof without the person (issue #16).
    {
      name: 'pupil',
      type: 'relationship',
      relationTo: 'pupils',
      index: true,
      label: { nl: 'Leerling', en: 'Pupil' },
    },
    {
      name: 'guardian',
      type: 'relationship',
      relationTo: 'parents',
      index: true,
      label: { nl: 'Ouder', en: 'Guardian' },
    },
    {
      name: 'from',
      type: 'select',
      options: choice,
      required: true,
      label: { nl: 'Van', en: 'From' },
    },
    {
      name: 'to',
      type: 'select',
      options: choice,
      required: true,
      label: { nl: 'Naar', en: 'To' },
    },
  ]),
}
