/** Days of the week, Monday first (the Dutch school week). */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const

export type Weekday = (typeof WEEKDAYS)[number]

/** School hours for one day as wall-clock `HH:mm` in the school's time zone; `null` = no school. */
export type SchoolDayHours = { start: string; end: string } | null

export type SchoolTimeSettings = {
  /** IANA time zone of the school, e.g. `Europe/Amsterdam`. */
  timeZone: string
  schoolHours: Record<Weekday, SchoolDayHours>
  /** Wall-clock `HH:mm` until which a same-day absence can be reported. Default `08:15`. */
  absenceCutoff: string
}

const REGULAR_DAY = Object.freeze({ start: '08:30', end: '14:30' })

export const DEFAULT_SCHOOL_TIME_SETTINGS: Readonly<SchoolTimeSettings> = Object.freeze({
  timeZone: 'Europe/Amsterdam',
  schoolHours: Object.freeze({
    monday: REGULAR_DAY,
    tuesday: REGULAR_DAY,
    wednesday: Object.freeze({ start: '08:30', end: '12:15' }),
    thursday: REGULAR_DAY,
    friday: REGULAR_DAY,
    saturday: null,
    sunday: null,
  }),
  absenceCutoff: '08:15',
})
