import { getInstantAt } from '../school-time/get-instant-at'
import { getMinutesOfDay } from '../school-time/get-minutes-of-day'
import { getSchoolNow } from '../school-time/get-school-now'
import { parseCalendarDate } from '../school-time/parse-calendar-date'
import { parseTimeOfDay } from '../school-time/parse-time-of-day'
import type { SchoolTimeSettings } from '../school-time/types'
import { checkSchoolDay, daysBetween, getNextOpenSchoolDay, weekdayOf } from './calendar-days'

export type AbsenceKind = 'sick' | 'planned'

/** The school's calendar as the absence rules need it. */
export type AbsenceSettings = SchoolTimeSettings & { closedDays: readonly string[] }

/** How far ahead a planned absence can be reported: about a school year. */
export const PLANNED_ABSENCE_MAX_DAYS_AHEAD = 366

export type AbsenceRefusalReason =
  | 'invalid-date'
  | 'in-the-past'
  | 'not-a-school-day'
  | 'school-closed'
  | 'after-cutoff'
  | 'sick-not-next-school-day'
  | 'planned-too-late'
  | 'planned-too-far-ahead'
  | 'invalid-times'
  | 'times-outside-school-hours'
  | 'times-only-for-planned'

export type CheckAbsenceReportResult =
  { ok: true } | { ok: false; reason: AbsenceRefusalReason; message: string }

/** The Dutch sentence a parent (or the office) reads for each refusal. */
export const ABSENCE_MESSAGES: Record<AbsenceRefusalReason, string> = {
  'invalid-date': 'Kies een geldige dag.',
  'in-the-past': 'Deze dag is al voorbij. Afwezigheid meldt u voor vandaag of later.',
  'not-a-school-day': 'Op deze dag is er geen school.',
  'school-closed': 'De school is op deze dag dicht (vakantie of vrije dag).',
  'after-cutoff':
    'Ziekmelden voor vandaag kan via Schoolpost alleen vóór de ochtendgrens. Bel de school.',
  'sick-not-next-school-day':
    'Een ziekmelding doet u voor vandaag of de eerstvolgende schooldag. Weet u het verder vooruit? Meld dan een geplande afwezigheid.',
  'planned-too-late':
    'Een geplande afwezigheid (tandarts, dokter) meldt u uiterlijk de dag ervoor. Is uw kind vandaag ziek? Doe dan een ziekmelding of bel de school.',
  'planned-too-far-ahead': 'Een geplande afwezigheid meldt u hooguit een jaar vooruit.',
  'invalid-times': 'Vul een begin- en eindtijd in als uu:mm, met het begin vóór het einde.',
  'times-outside-school-hours': 'De tijden moeten binnen de schooltijden van die dag vallen.',
  'times-only-for-planned':
    'Tijden horen bij een geplande afwezigheid; een ziekmelding geldt voor de hele dag.',
}

const refuse = (reason: AbsenceRefusalReason): CheckAbsenceReportResult => ({
  ok: false,
  reason,
  message: ABSENCE_MESSAGES[reason],
})

/**
 * May this absence be reported now (S9, S10)? All in the school's time zone, to the second:
 *
 * - only for a school day (school hours that weekday, not a closed day), never a past day;
 * - `sick` for today only before the cutoff (default 08:15:00 — 08:14:59 is in, 08:15:00 out);
 *   for the next school day at any time before (a child ill on Sunday evening, or on Friday
 *   evening for Monday); a later day is a planned absence;
 * - `planned` only on a calendar day before the day (one second before local midnight is in),
 *   with optional `from`/`to` (`HH:mm`, both or neither) within that day's school hours.
 *
 * `channel: 'phone'` is the office recording a phoned-in absence: the cutoff and the day-ahead
 * rule do not apply (the school heard it in time), the calendar rules do.
 */
export function checkAbsenceReport({
  kind,
  date,
  now,
  settings,
  from,
  to,
  channel = 'portal',
}: {
  kind: AbsenceKind
  date: string
  now: Date
  settings: AbsenceSettings
  from?: string | null
  to?: string | null
  channel?: 'portal' | 'phone'
}): CheckAbsenceReportResult {
  if (!parseCalendarDate({ value: date }).ok) return refuse('invalid-date')
  const today = getSchoolNow({ now, timeZone: settings.timeZone }).date
  if (date < today) return refuse('in-the-past')
  const day = checkSchoolDay({ date, settings })
  if (!day.ok) return refuse(day.reason === 'closed' ? 'school-closed' : 'not-a-school-day')

  const hasTimes = Boolean(from) || Boolean(to)
  if (kind === 'sick') {
    if (hasTimes) return refuse('times-only-for-planned')
    if (channel === 'phone') return { ok: true }
    if (date === today) {
      const cutoff = getInstantAt({
        date,
        time: settings.absenceCutoff,
        timeZone: settings.timeZone,
      })
      return now.getTime() < cutoff.getTime() ? { ok: true } : refuse('after-cutoff')
    }
    return date === getNextOpenSchoolDay({ date: today, settings })
      ? { ok: true }
      : refuse('sick-not-next-school-day')
  }

  if (date === today && channel !== 'phone') return refuse('planned-too-late')
  if (daysBetween(today, date) > PLANNED_ABSENCE_MAX_DAYS_AHEAD)
    return refuse('planned-too-far-ahead')
  if (hasTimes) {
    const start = parseTimeOfDay({ value: from ?? '' })
    const end = parseTimeOfDay({ value: to ?? '' })
    if (!start.ok || !end.ok || from! >= to!) return refuse('invalid-times')
    const hours = settings.schoolHours[weekdayOf(date)]!
    const open = getMinutesOfDay({ value: hours.start, label: 'start' })
    const close = getMinutesOfDay({ value: hours.end, label: 'end' })
    const first = start.hours * 60 + start.minutes
    const last = end.hours * 60 + end.minutes
    if (first < open || last > close) return refuse('times-outside-school-hours')
  }
  return { ok: true }
}
