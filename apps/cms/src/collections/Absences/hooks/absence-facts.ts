import type { PayloadRequest } from 'payload'

import { toAbsenceSettings } from '../../../globals/SchoolSettings/to-absence-settings'

/** The school's calendar and phone number, as the absence rules and messages need them. */
export async function schoolCalendar(req: PayloadRequest) {
  const stored = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
  return { settings: toAbsenceSettings(stored), phone: stored.phone, schoolName: stored.schoolName }
}

/** 2026-12-07 → "maandag 7 december" (the school's days, no time zone involved). */
export function dutchDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  return new Intl.DateTimeFormat('nl-NL', {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, month - 1, day)))
}

export const activeKeyOf = (pupilId: string, date: string) => `${pupilId}:${date}`
