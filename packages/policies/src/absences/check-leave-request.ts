import { getSchoolNow } from '../school-time/get-school-now'
import { parseCalendarDate } from '../school-time/parse-calendar-date'
import {
  addCalendarDays,
  checkSchoolDay,
  daysBetween,
  type SchoolDaySettings,
} from './calendar-days'

/** Default notice for extraordinary leave: requests come at least 8 weeks ahead. */
export const DEFAULT_LEAVE_NOTICE_WEEKS = 8
/** Above this many school days the leerplichtambtenaar decides, not the director (Leerplichtwet art. 14). */
export const LEAVE_DIRECTOR_MAX_SCHOOL_DAYS = 10
/** A request covers at most this many calendar days. */
export const LEAVE_MAX_DAYS = 62

export type LeaveRefusalReason =
  'invalid-date' | 'end-before-start' | 'in-the-past' | 'too-long' | 'no-school-days'

export type CheckLeaveRequestResult =
  | {
      ok: true
      /** Requested later than the school's notice: still accepted, shown as "te laat". */
      late: boolean
      /** School days the leave covers (what the pupil misses). */
      schoolDays: number
      /** More than 10 school days: the director passes it to the leerplichtambtenaar. */
      beyondDirector: boolean
    }
  | { ok: false; reason: LeaveRefusalReason; message: string }

export const LEAVE_MESSAGES: Record<LeaveRefusalReason, string> = {
  'invalid-date': 'Kies geldige data.',
  'end-before-start': 'De laatste dag ligt vóór de eerste dag.',
  'in-the-past': 'Verlof vraagt u aan voor een dag die nog komt.',
  'too-long': `Een aanvraag beslaat hooguit ${LEAVE_MAX_DAYS} dagen.`,
  'no-school-days': 'In deze periode zijn geen schooldagen: daarvoor is geen verlof nodig.',
}

const refuse = (reason: LeaveRefusalReason): CheckLeaveRequestResult => ({
  ok: false,
  reason,
  message: LEAVE_MESSAGES[reason],
})

/**
 * A request for extraordinary leave (verlof) from `from` to `to` (inclusive, school's calendar).
 * The director decides; this only refuses what cannot be a request, and says whether it came
 * later than the school's notice (`noticeWeeks`, default 8: "te laat", still accepted).
 */
export function checkLeaveRequest({
  from,
  to,
  now,
  settings,
}: {
  from: string
  to: string
  now: Date
  settings: SchoolDaySettings & { timeZone: string; leaveNoticeWeeks?: number }
}): CheckLeaveRequestResult {
  if (!parseCalendarDate({ value: from }).ok || !parseCalendarDate({ value: to }).ok) {
    return refuse('invalid-date')
  }
  if (to < from) return refuse('end-before-start')
  const today = getSchoolNow({ now, timeZone: settings.timeZone }).date
  if (from <= today) return refuse('in-the-past')
  const length = daysBetween(from, to) + 1
  if (length > LEAVE_MAX_DAYS) return refuse('too-long')
  let schoolDays = 0
  for (let offset = 0; offset < length; offset++) {
    if (checkSchoolDay({ date: addCalendarDays(from, offset), settings }).ok) schoolDays++
  }
  if (schoolDays === 0) return refuse('no-school-days')
  const notice = (settings.leaveNoticeWeeks ?? DEFAULT_LEAVE_NOTICE_WEEKS) * 7
  return {
    ok: true,
    late: daysBetween(today, from) < notice,
    schoolDays,
    beyondDirector: schoolDays > LEAVE_DIRECTOR_MAX_SCHOOL_DAYS,
  }
}
