import { getInstantAt } from '../school-time/get-instant-at'
import type { VolunteerSlot } from './check-volunteer-slots'

export type SignupWindow = {
  /** Sign-up opens at this moment (`null`: as soon as the request is published). */
  opensAt: Date | null
  /** Sign-up and cancelling close at this moment (`null`: when the slot starts). */
  closesAt: Date | null
}

export type CheckSignupResult =
  | { ok: true; until: Date }
  | { ok: false; reason: 'not-open-yet'; opensAt: Date; message: string }
  | { ok: false; reason: 'closed' | 'slot-started'; message: string }

/** When a slot starts, on the school's clock (DST-correct). */
export function getSlotStart({
  slot,
  timeZone,
}: {
  slot: Pick<VolunteerSlot, 'date' | 'from'>
  timeZone: string
}): Date {
  return getInstantAt({ date: slot.date, time: slot.from, timeZone })
}

/** The end of signing up and cancelling for one slot: the closing moment, at the latest its start. */
export function getSignupDeadline({
  window,
  slotStart,
}: {
  window: SignupWindow
  slotStart: Date
}): Date {
  return window.closesAt && window.closesAt.getTime() < slotStart.getTime()
    ? window.closesAt
    : slotStart
}

const timeFormat = (timeZone: string) =>
  new Intl.DateTimeFormat('nl-NL', {
    timeZone,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  })

/**
 * May a parent sign up for this slot now (S4)? Only from the opening moment (so the fastest parent
 * at 21:00 does not always win: everyone knows when it opens), and before the closing moment and
 * the slot's start. Whether a place is left is the database's answer (a conditional write), not
 * this function's.
 */
export function checkSignup({
  window,
  slotStart,
  now,
  timeZone,
}: {
  window: SignupWindow
  slotStart: Date
  now: Date
  timeZone: string
}): CheckSignupResult {
  if (window.opensAt && now.getTime() < window.opensAt.getTime()) {
    return {
      ok: false,
      reason: 'not-open-yet',
      opensAt: window.opensAt,
      message: `Aanmelden kan vanaf ${timeFormat(timeZone).format(window.opensAt)}.`,
    }
  }
  if (now.getTime() >= slotStart.getTime()) {
    return { ok: false, reason: 'slot-started', message: 'Dit moment is al begonnen of voorbij.' }
  }
  const until = getSignupDeadline({ window, slotStart })
  if (now.getTime() >= until.getTime()) {
    return { ok: false, reason: 'closed', message: 'Aanmelden voor deze hulpvraag is gesloten.' }
  }
  return { ok: true, until }
}

/** May a parent still cancel their sign-up (or leave the waitlist)? Until the same deadline. */
export function canCancelSignup({
  window,
  slotStart,
  now,
}: {
  window: SignupWindow
  slotStart: Date
  now: Date
}): { ok: true; until: Date } | { ok: false; reason: 'too-late'; message: string } {
  const until = getSignupDeadline({ window, slotStart })
  if (now.getTime() < until.getTime()) return { ok: true, until }
  return {
    ok: false,
    reason: 'too-late',
    message: 'Afmelden kan niet meer. Bel of mail de leerkracht als u niet kunt komen.',
  }
}

/** "Nog 2 plekken vrij", "Nog 1 plek vrij" or "Vol": what other parents see (never who). */
export function describePlaces({ places, taken }: { places: number; taken: number }): {
  left: number
  full: boolean
  label: string
} {
  const left = Math.max(0, places - taken)
  return {
    left,
    full: left === 0,
    label: left === 0 ? 'Vol' : `Nog ${left} ${left === 1 ? 'plek' : 'plekken'} vrij`,
  }
}
