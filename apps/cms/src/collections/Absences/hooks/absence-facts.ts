import { toAbsenceSettings } from '@schoolpost/policies'
import type { PayloadRequest } from 'payload'

import { parentChildIds } from '../../../access/lib/scope'
import type { ParentUser } from '../../../access/lib/users'
import { consumeOrRefuse } from '../../../lib/rate-limit'
import { Refusal } from '../../../lib/refusal'

type SchoolCalendar = {
  settings: ReturnType<typeof toAbsenceSettings>
  phone: string
  schoolName: string
  /** "binnen twee werkdagen": what a parent writing to a teacher reads (S8). */
  replyTime: string
}

/**
 * The school's calendar, phone number and name, as the absence rules and emails need them: read
 * once per request (a report's check and its confirmation email share it).
 */
export async function schoolCalendar(req: PayloadRequest): Promise<SchoolCalendar> {
  const cached = req.context.schoolCalendar as SchoolCalendar | undefined
  if (cached) return cached
  const stored = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
  const calendar = {
    settings: toAbsenceSettings(stored),
    phone: stored.phone,
    schoolName: stored.schoolName,
    replyTime: stored.replyTime || 'binnen twee werkdagen',
  }
  req.context.schoolCalendar = calendar
  return calendar
}

// Made once: a formatter costs more to build than to use, and every report uses one.
const DUTCH_DAY = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})

/** 2026-12-07 → "maandag 7 december" (the school's days, no time zone involved). */
export function dutchDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return DUTCH_DAY.format(new Date(Date.UTC(year, month - 1, day)))
}

export const activeKeyOf = (pupilId: string, date: string) => `${pupilId}:${date}`

/**
 * A parent's report or request: counted against their hourly limit (each one queues an email),
 * and only for one of their own children. `refusal` is the Dutch sentence for another's child.
 */
export async function checkParentFor(
  req: PayloadRequest,
  parent: ParentUser,
  pupilId: string,
  refusal: string,
): Promise<void> {
  await consumeOrRefuse(req, 'absence', `parent:${parent.id}`)
  if (!parentChildIds(req).includes(pupilId)) {
    throw new Refusal(refusal, 403, { code: 'not-your-child' })
  }
}
