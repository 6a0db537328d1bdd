import { daysBetween } from '../absences/calendar-days'
import { parseCalendarDate } from '../school-time/parse-calendar-date'
import { parseTimeOfDay } from '../school-time/parse-time-of-day'

/** An item of the school's calendar (issue #15): a day (or days), or a time on one day. */
export type CalendarEventInput = {
  title: string
  /** `YYYY-MM-DD`, school time. */
  date: string
  /** The last day of an all-day event over several days (`null`: one day). */
  endDate?: string | null
  allDay: boolean
  /** `HH:mm`, school time; only when not all-day. */
  from?: string | null
  to?: string | null
}

export const CALENDAR_TITLE_MAX = 120
/** An all-day item spans at most this many days (a school trip week, a holiday is in the settings). */
export const CALENDAR_EVENT_MAX_DAYS = 14

export type CalendarEventProblem = {
  field: 'title' | 'date' | 'endDate' | 'from' | 'to'
  message: string
}

const minutesOf = (time: string | null | undefined) => {
  const parsed = parseTimeOfDay({ value: time ?? '' })
  return parsed.ok ? parsed.hours * 60 + parsed.minutes : null
}

/**
 * Can this item go in the calendar? A title, a real date; all-day items may end on a later day
 * (at most `CALENDAR_EVENT_MAX_DAYS`), items with times start before they end on the same day.
 * Every problem is listed with a Dutch message for its field.
 */
export function checkCalendarEvent({
  event,
}: {
  event: Partial<CalendarEventInput>
}): { ok: true } | { ok: false; problems: CalendarEventProblem[] } {
  const problems: CalendarEventProblem[] = []
  const title = typeof event.title === 'string' ? event.title.trim() : ''
  if (!title || title.length > CALENDAR_TITLE_MAX) {
    problems.push({
      field: 'title',
      message: `Geef het agenda-item een titel (ten hoogste ${CALENDAR_TITLE_MAX} tekens).`,
    })
  }
  const dateOk = parseCalendarDate({ value: event.date ?? '' }).ok
  if (!dateOk) problems.push({ field: 'date', message: 'Kies een bestaande datum.' })
  if (event.allDay !== false) {
    if (event.endDate) {
      if (!parseCalendarDate({ value: event.endDate }).ok) {
        problems.push({ field: 'endDate', message: 'Kies een bestaande einddatum.' })
      } else if (dateOk) {
        const days = daysBetween(event.date!, event.endDate)
        if (days < 0) {
          problems.push({ field: 'endDate', message: 'De einddatum ligt niet voor de begindatum.' })
        } else if (days >= CALENDAR_EVENT_MAX_DAYS) {
          problems.push({
            field: 'endDate',
            message: `Een agenda-item duurt ten hoogste ${CALENDAR_EVENT_MAX_DAYS} dagen. Vakanties staan in de schoolinstellingen.`,
          })
        }
      }
    }
    return problems.length ? { ok: false, problems } : { ok: true }
  }
  const from = minutesOf(event.from)
  const to = minutesOf(event.to)
  if (from === null) problems.push({ field: 'from', message: 'Vul een begintijd in als 08:30.' })
  if (to === null) problems.push({ field: 'to', message: 'Vul een eindtijd in als 10:00.' })
  else if (from !== null && to <= from) {
    problems.push({ field: 'to', message: 'De eindtijd ligt na de begintijd.' })
  }
  return problems.length ? { ok: false, problems } : { ok: true }
}
