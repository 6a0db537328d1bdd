import type { GlobalConfig } from 'payload'

import { isDirector } from '../../access/is-director'
import { isStaff } from '../../access/is-staff'
import { safeRichTextEditor } from '../../collections/shared/safe-rich-text'
import { DEFAULT_HOUSE_RULES } from './default-text'
import { raiseHouseRulesVersion } from './hooks/raise-version'

/**
 * The school's house rules (S18), edited by the director. Every saved change of the text raises
 * the version, and every parent accepts the new version in the portal before seeing anything
 * else (access/lib/house-rules-gate.ts); the acceptances are kept in `house-rules-acceptances`.
 * Each save is kept as a version (readable by directors), so what version N said stays provable.
 * Parents read the rules through `GET /api/parents/house-rules`, never through this global.
 */
export const HouseRules: GlobalConfig = {
  slug: 'house-rules',
  label: { nl: 'Huisregels', en: 'House rules' },
  admin: {
    group: { nl: 'School', en: 'School' },
    description: {
      nl: 'De afspraken waarmee elke ouder akkoord gaat voordat die Schoolpost gebruikt. Opslaan met een gewijzigde tekst maakt direct een nieuwe versie: alle ouders gaan daar bij hun volgende bezoek opnieuw mee akkoord.',
      en: 'Every parent accepts these before using Schoolpost. Saving a changed text makes a new version at once, which every parent accepts again.',
    },
  },
  access: {
    read: isStaff,
    update: isDirector,
    readVersions: isDirector,
  },
  versions: { max: 100 },
  hooks: { beforeChange: [raiseHouseRulesVersion] },
  fields: [
    {
      name: 'body',
      type: 'richText',
      required: true,
      label: { nl: 'Tekst', en: 'Text' },
      editor: safeRichTextEditor(),
      // A new school has saved nothing yet: the editor opens on the default text (version 1).
      // Not a `defaultValue`, which would copy the whole text into the database schema.
      hooks: { afterRead: [({ value }) => value ?? DEFAULT_HOUSE_RULES] },
    },
    {
      name: 'changeNote',
      type: 'textarea',
      maxLength: 500,
      label: { nl: 'Wat is er veranderd?', en: 'What changed?' },
      admin: {
        description: {
          nl: 'Ouders zien dit boven de nieuwe versie, bijvoorbeeld: "Nieuw: afspraken over de agenda in je telefoon."',
          en: 'Shown to parents above a new version.',
        },
      },
    },
    {
      name: 'version',
      type: 'number',
      label: { nl: 'Versie', en: 'Version' },
      admin: {
        readOnly: true,
        position: 'sidebar',
        description: {
          nl: 'Stijgt bij elke opgeslagen wijziging van de tekst.',
          en: 'Rises with every saved change of the text.',
        },
      },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: { nl: 'Geldig sinds', en: 'In force since' },
      admin: { readOnly: true, position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
