import type { GlobalBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { toSchoolTimeSettings, validateSchoolHours } from '@schoolpost/policies'

const DAY_LABELS: Record<string, string> = {
  monday: 'maandag',
  tuesday: 'dinsdag',
  wednesday: 'woensdag',
  thursday: 'donderdag',
  friday: 'vrijdag',
  saturday: 'zaterdag',
  sunday: 'zondag',
}

/** One rule, in policies: each school day needs a start before its end (or neither). */
export const validateSchoolHoursHook: GlobalBeforeChangeHook = ({ data }) => {
  const hours = data.schoolHours as
    Record<string, { start?: string | null; end?: string | null }> | undefined
  for (const [day, value] of Object.entries(hours ?? {})) {
    if (!!value?.start !== !!value?.end) {
      throw new ValidationError({
        global: 'school-settings',
        errors: [
          {
            path: `schoolHours.${day}.end`,
            message: `Vul voor ${DAY_LABELS[day]} zowel begin als eind in, of laat beide leeg.`,
          },
        ],
      })
    }
  }
  const result = validateSchoolHours({ hours: toSchoolTimeSettings(data).schoolHours })
  if (!result.ok) {
    const day = DAY_LABELS[result.weekday] ?? result.weekday
    throw new ValidationError({
      global: 'school-settings',
      errors: [
        {
          path: `schoolHours.${result.weekday}.end`,
          message:
            result.reason === 'end-before-start'
              ? `De eindtijd op ${day} moet na de begintijd liggen.`
              : `Ongeldige tijd op ${day}.`,
        },
      ],
    })
  }
  return data
}
