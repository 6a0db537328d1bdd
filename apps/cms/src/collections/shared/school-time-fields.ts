import type { TextField } from 'payload'

const DATE = /^\d{4}-\d{2}-\d{2}$/
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/

type Label = { nl: string; en: string }

/**
 * A day on the school's calendar, stored as `YYYY-MM-DD` text (no time zone: the school's own
 * day); whether the day exists is the item's policy check.
 */
export const calendarDateField = (
  name: string,
  label: Label,
  options: { required?: boolean; index?: boolean } = {},
): TextField => ({
  name,
  type: 'text',
  required: options.required ?? true,
  index: options.index,
  label,
  validate: (value: unknown) =>
    (options.required === false && !value) || (typeof value === 'string' && DATE.test(value))
      ? true
      : 'Vul een datum in als 2027-03-09.',
})

/** A time of day on the school's clock, `HH:mm`. */
export const timeOfDayField = (
  name: string,
  label: Label,
  options: { required?: boolean; example?: string } = {},
): TextField => ({
  name,
  type: 'text',
  required: options.required ?? true,
  label,
  validate: (value: unknown) =>
    (options.required === false && !value) || (typeof value === 'string' && TIME.test(value))
      ? true
      : `Vul een tijd in als ${options.example ?? '08:30'}.`,
})
