import { getSchoolNow } from '../school-time/get-school-now'

/**
 * The days the portal's agenda shows at instant `now` (issue #15): from the first day of this
 * month to the last day of the next, on the school's calendar. `YYYY-MM-DD`, both inclusive.
 */
export function getAgendaRange({ now, timeZone }: { now: Date; timeZone: string }): {
  from: string
  to: string
} {
  const today = getSchoolNow({ now, timeZone }).date
  const [year, month] = today.split('-').map(Number) as [number, number]
  // Day 0 of the month after next is the last day of next month.
  const last = new Date(Date.UTC(year, month + 1, 0))
  const pad = (n: number) => String(n).padStart(2, '0')
  return {
    from: `${year}-${pad(month)}-01`,
    to: `${last.getUTCFullYear()}-${pad(last.getUTCMonth() + 1)}-${pad(last.getUTCDate())}`,
  }
}

/** Does an item from `date` to `endDate` (inclusive) touch the days `from`…`to`? */
export function overlapsDays({
  date,
  endDate,
  from,
  to,
}: {
  date: string
  endDate?: string | null
  from: string
  to: string
}): boolean {
  return date <= to && (endDate ?? date) >= from
}
