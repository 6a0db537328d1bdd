import {
  daysBetween,
  DEFAULT_DIGEST_TIME,
  DEFAULT_LEAVE_NOTICE_WEEKS,
  DEFAULT_RETENTION,
  RETENTION_LIMITS,
  type RetentionSettings,
} from '@schoolpost/policies'
import type { Field, GlobalConfig } from 'payload'

import { isDirector } from '../../access/is-director'
import { isStaffField } from '../../access/is-staff-field'
import { CONDUCT_RULE_OPTIONS } from '../../collections/Messages/conduct-rules'
import { isLoggedIn } from '../../access/is-logged-in'
import { refreshTagLabels } from '../../collections/Pupils/hooks/tag-label'
import { validateCalendarDate } from './hooks/validate-calendar-date'
import { validateTimeOfDay } from './hooks/validate-time-of-day'
import { validateSchoolHoursHook } from './hooks/validate-school-hours'

export const SCHOOL_WEEKDAYS = [
  { name: 'monday', nl: 'Maandag', en: 'Monday', start: '08:30', end: '14:30' },
  { name: 'tuesday', nl: 'Dinsdag', en: 'Tuesday', start: '08:30', end: '14:30' },
  { name: 'wednesday', nl: 'Woensdag', en: 'Wednesday', start: '08:30', end: '12:15' },
  { name: 'thursday', nl: 'Donderdag', en: 'Thursday', start: '08:30', end: '14:30' },
  { name: 'friday', nl: 'Vrijdag', en: 'Friday', start: '08:30', end: '14:30' },
] as const

const dayFields: Field[] = SCHOOL_WEEKDAYS.map((day) => ({
  name: day.name,
  type: 'group',
  label: { nl: day.nl, en: day.en },
  admin: {
    description: {
      nl: 'Laat beide leeg als er die dag geen school is.',
      en: 'Leave both empty for no school.',
    },
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'start',
          type: 'text',
          label: { nl: 'Begin', en: 'Start' },
          defaultValue: day.start,
          validate: validateTimeOfDay,
          admin: { placeholder: '08:30' },
        },
        {
          name: 'end',
          type: 'text',
          label: { nl: 'Eind', en: 'End' },
          defaultValue: day.end,
          validate: validateTimeOfDay,
          admin: { placeholder: '14:30' },
        },
      ],
    },
  ],
}))

const retentionField = (
  name: keyof RetentionSettings,
  nl: string,
  en: string,
  description: string,
): Field => ({
  name,
  type: 'number',
  required: true,
  defaultValue: DEFAULT_RETENTION[name],
  min: RETENTION_LIMITS[name].min,
  max: RETENTION_LIMITS[name].max,
  label: { nl, en },
  admin: { description: { nl: description, en: description }, step: 1 },
})

export const SchoolSettings: GlobalConfig = {
  slug: 'school-settings',
  label: { nl: 'Schoolinstellingen', en: 'School settings' },
  admin: { group: { nl: 'School', en: 'School' } },
  access: {
    read: isLoggedIn,
    update: isDirector,
    readVersions: isDirector,
  },
  hooks: {
    beforeChange: [validateSchoolHoursHook],
    afterChange: [
      async ({ doc, previousDoc, req }) => {
        // The default decides every pupil without a recorded choice: relabel them for tagging.
        if (doc.defaultImageConsent !== previousDoc?.defaultImageConsent)
          await refreshTagLabels(req)
        return doc
      },
    ],
  },
  fields: [
    {
      name: 'schoolName',
      type: 'text',
      required: true,
      defaultValue: 'Basisschool De Regenboog',
      label: { nl: 'Naam van de school', en: 'School name' },
    },
    {
      name: 'phone',
      type: 'text',
      required: true,
      defaultValue: '071 123 45 67',
      label: { nl: 'Telefoonnummer', en: 'Phone number' },
      admin: {
        description: {
          nl: 'Voor dringende zaken en ziekmeldingen na de deadline.',
          en: 'For urgent matters.',
        },
      },
      validate: (value: string | null | undefined) =>
        /^\+?[0-9 ()-]{8,20}$/.test(value ?? '')
          ? true
          : 'Vul een geldig telefoonnummer in, bv. 071 123 45 67.',
    },
    {
      name: 'timeZone',
      type: 'select',
      required: true,
      defaultValue: 'Europe/Amsterdam',
      label: { nl: 'Tijdzone', en: 'Time zone' },
      options: [{ label: 'Europe/Amsterdam', value: 'Europe/Amsterdam' }],
      // Payload's select check lets a boolean or number through (SQLite then stores "1.0").
      validate: (value: unknown) =>
        value === 'Europe/Amsterdam' || 'Kies een tijdzone uit de lijst.',
    },
    {
      name: 'absenceCutoff',
      type: 'text',
      required: true,
      defaultValue: '08:15',
      label: { nl: 'Ziekmelden uiterlijk om', en: 'Sick report cutoff' },
      validate: validateTimeOfDay,
    },
    {
      name: 'digestTime',
      type: 'text',
      required: true,
      defaultValue: DEFAULT_DIGEST_TIME,
      label: { nl: 'Dagelijks overzicht versturen om', en: 'Daily digest time' },
      admin: {
        description: {
          nl: 'Ouders die voor een dagelijks overzicht kiezen, krijgen dan één e-mail met de nieuwe berichten.',
          en: 'Parents who chose a daily digest get one email at this time.',
        },
      },
      validate: (value: string | null | undefined) =>
        value ? validateTimeOfDay(value) : 'Vul een tijd in, bv. 18:00.',
    },
    {
      name: 'minPupilsPerPhoto',
      type: 'number',
      required: true,
      defaultValue: 2,
      min: 2,
      max: 30,
      label: { nl: 'Minimaal aantal leerlingen op een foto', en: 'Minimum pupils per photo' },
      admin: {
        description: {
          nl: 'Minder leerlingen geldt als portretfoto en wordt niet gedeeld.',
          en: 'Fewer counts as a portrait.',
        },
      },
    },
    {
      name: 'defaultImageConsent',
      type: 'select',
      required: true,
      defaultValue: 'allowed',
      label: {
        nl: 'Zonder keuze van de ouders mag een kind…',
        en: 'Without a choice, a child is…',
      },
      options: [
        {
          value: 'allowed',
          label: { nl: "op foto's (bezwaarmodel)", en: 'allowed in images (objection model)' },
        },
        {
          value: 'refused',
          label: { nl: "niet op foto's (toestemmingsmodel)", en: 'not in images (consent model)' },
        },
      ],
    },
    {
      name: 'schoolHours',
      type: 'group',
      label: { nl: 'Schooltijden', en: 'School hours' },
      fields: dayFields,
    },
    {
      // The school's calendar: absences are refused on these days and later features (calendar,
      // iCal) show them. Expanded to single days by `to-absence-settings.ts`.
      name: 'closedPeriods',
      type: 'array',
      label: { nl: 'Vakanties en vrije dagen', en: 'Holidays and closed days' },
      labels: {
        singular: { nl: 'Periode', en: 'Period' },
        plural: { nl: 'Periodes', en: 'Periods' },
      },
      maxRows: 60,
      admin: {
        description: {
          nl: 'Dagen zonder school (vakanties, studiedagen). Eén dag: vul twee keer dezelfde datum in.',
          en: 'Days without school.',
        },
      },
      fields: [
        {
          name: 'label',
          type: 'text',
          required: true,
          maxLength: 80,
          label: { nl: 'Omschrijving', en: 'Label' },
        },
        {
          type: 'row',
          fields: [
            {
              name: 'from',
              type: 'text',
              required: true,
              label: { nl: 'Van (JJJJ-MM-DD)', en: 'From' },
              validate: validateCalendarDate,
            },
            {
              name: 'to',
              type: 'text',
              required: true,
              label: { nl: 'Tot en met (JJJJ-MM-DD)', en: 'To' },
              validate: (value: unknown, { siblingData }: { siblingData: { from?: unknown } }) => {
                const valid = validateCalendarDate(value)
                if (valid !== true) return valid
                const from = siblingData.from
                if (typeof from === 'string' && typeof value === 'string' && value < from)
                  return 'De laatste dag ligt vóór de eerste dag.'
                if (
                  typeof from === 'string' &&
                  typeof value === 'string' &&
                  daysBetween(from, value) > 92
                )
                  return 'Een periode duurt hooguit 93 dagen; splits een langere periode.'
                return true
              },
            },
          ],
        },
      ],
    },
    {
      name: 'leaveNoticeWeeks',
      type: 'number',
      required: true,
      defaultValue: DEFAULT_LEAVE_NOTICE_WEEKS,
      min: 0,
      max: 26,
      label: { nl: 'Verlof aanvragen minstens … weken vooraf', en: 'Leave notice (weeks)' },
      admin: {
        description: {
          nl: 'Later aangevraagd verlof wordt gemarkeerd als "te laat"; de directeur beslist.',
          en: 'Later requests are marked late.',
        },
      },
    },
    {
      name: 'replyTime',
      type: 'text',
      required: true,
      defaultValue: 'binnen twee werkdagen',
      maxLength: 80,
      label: { nl: 'Gebruikelijke reactietijd op berichten', en: 'Usual reply time' },
      admin: {
        description: {
          nl: 'Ouders lezen dit bij het schrijven van een bericht: "Je krijgt meestal antwoord …".',
          en: 'Shown to parents writing a message.',
        },
      },
    },
    {
      // The school's own words for the conduct check (S19), next to the built-in list.
      name: 'conductTerms',
      type: 'array',
      maxRows: 500,
      // Parents read the settings (hours, phone); the list of held words is the school's.
      access: { read: isStaffField },
      label: { nl: 'Extra woorden voor de gedragscheck', en: 'Extra conduct terms' },
      labels: {
        singular: { nl: 'Woord', en: 'Term' },
        plural: { nl: 'Woorden', en: 'Terms' },
      },
      admin: {
        initCollapsed: true,
        description: {
          nl: 'Berichten van ouders met een van deze woorden worden niet bezorgd; de directie ziet ze met de reden. Hele woorden, ook in samenstellingen.',
          en: 'Messages containing these words are held.',
        },
      },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'term',
              type: 'text',
              required: true,
              maxLength: 60,
              label: { nl: 'Woord', en: 'Term' },
            },
            {
              name: 'rule',
              type: 'select',
              required: true,
              defaultValue: 'abuse',
              label: { nl: 'Afspraak', en: 'Rule' },
              options: CONDUCT_RULE_OPTIONS,
            },
          ],
        },
      ],
    },
    {
      // Read by the retention job (jobs/retention.ts); the rule is getRetentionCutoffs.
      name: 'retention',
      type: 'group',
      label: { nl: 'Bewaartermijnen', en: 'Retention' },
      admin: {
        description: {
          nl: 'Elke nacht verwijdert Schoolpost wat ouder is dan deze termijnen. Elke ronde staat in het beveiligingslog.',
          en: 'Every night Schoolpost removes what is older than these terms.',
        },
      },
      access: { read: isStaffField },
      fields: [
        retentionField(
          'postsSchoolYears',
          "Berichten, foto's en video's (schooljaren)",
          'Posts and media (school years)',
          'Het huidige schooljaar telt mee: bij 2 blijven dit en vorig schooljaar staan. Een schooljaar begint op 1 augustus.',
        ),
        retentionField(
          'absenceYears',
          'Ziekmeldingen en verlofaanvragen (jaren)',
          'Absences and leave requests (years)',
          'Gerekend vanaf de dag van de melding of het verlof.',
        ),
        retentionField(
          'emailLogDays',
          'Log van verzonden e-mail (dagen)',
          'Email log (days)',
          'Alleen het log: de e-mails zelf bewaart Schoolpost niet.',
        ),
        retentionField(
          'auditLogDays',
          'Beveiligingslog (dagen)',
          'Audit log (days)',
          'Inloggen, rollen, toestemmingen, downloads en wissen.',
        ),
      ],
    },
  ],
}
