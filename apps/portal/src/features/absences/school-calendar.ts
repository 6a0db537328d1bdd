import type { SchoolAbsenceSettings } from '@schoolpost/policies'

/**
 * The school's calendar as the absence and leave rules of @schoolpost/policies take it, from the
 * settings the portal fetches (`GET /api/globals/school-settings`): the same mapping the CMS uses,
 * from the policies.
 */
export { closedDaysOf, toAbsenceSettings } from '@schoolpost/policies'
export type { StoredSchoolSettings } from '@schoolpost/policies'

export type PortalAbsenceSettings = SchoolAbsenceSettings

export type SchoolYear = {
  /** 1 August, `YYYY-MM-DD`. */
  start: string
  /** 31 July of the next calendar year. */
  end: string
  /** "2026–2027". */
  label: string
}

/** The school year (1 August to 31 July) that `today` (`YYYY-MM-DD`, school time) falls in. */
export function schoolYearOf(today: string): SchoolYear {
  const year = Number(today.slice(0, 4))
  const first = today.slice(5) >= '08-01' ? year : year - 1
  return { start: `${first}-08-01`, end: `${first + 1}-07-31`, label: `${first}–${first + 1}` }
}

const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})
const dayWithYearFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})

/**
 * 2026-12-07 → "maandag 7 december" (a school day, no time zone involved), with the year when it
 * is not the year of `today`: "maandag 1 maart 2027".
 */
export function dutchDay(date: string, today?: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const instant = new Date(Date.UTC(year, month - 1, day))
  return today && today.slice(0, 4) !== date.slice(0, 4)
    ? dayWithYearFormat.format(instant)
    : dayFormat.format(instant)
}
