import { parseCalendarDate } from '../school-time/parse-calendar-date'
import { parseTimeOfDay } from '../school-time/parse-time-of-day'

/** One slot of a volunteer request (hulpvraag, S4): "Begeleiden heenreis, 9 maart 8:30–10:00, 3 plekken". */
export type VolunteerSlot = {
  label: string
  /** `YYYY-MM-DD`, school time. */
  date: string
  /** `HH:mm`, school time. */
  from: string
  to: string
  places: number
}

export const VOLUNTEER_SLOTS_MAX = 20
export const VOLUNTEER_PLACES_MAX = 100
export const VOLUNTEER_SLOT_LABEL_MAX = 80

export type VolunteerSlotProblem = {
  /** The slot's position (0-based), or `null` for the request as a whole. */
  index: number | null
  field: 'slots' | 'label' | 'date' | 'from' | 'to' | 'places' | 'closesAt'
  message: string
}

export type CheckVolunteerSlotsResult =
  { ok: true } | { ok: false; problems: VolunteerSlotProblem[] }

const minutesOf = (time: string) => {
  const parsed = parseTimeOfDay({ value: time })
  return parsed.ok ? parsed.hours * 60 + parsed.minutes : null
}

/**
 * Is this a request parents can sign up for? At least one slot and at most
 * `VOLUNTEER_SLOTS_MAX`; each with a label, a real date, a start before its end and 1 to
 * `VOLUNTEER_PLACES_MAX` places; sign-up closing (if set) after it opens (if set). Every problem
 * is listed, each with a Dutch message for the field it is about.
 */
export function checkVolunteerSlots({
  slots,
  opensAt,
  closesAt,
}: {
  slots: readonly Partial<VolunteerSlot>[]
  opensAt?: Date | null
  closesAt?: Date | null
}): CheckVolunteerSlotsResult {
  const problems: VolunteerSlotProblem[] = []
  if (slots.length === 0) {
    problems.push({ index: null, field: 'slots', message: 'Voeg minstens één moment toe.' })
  }
  if (slots.length > VOLUNTEER_SLOTS_MAX) {
    problems.push({
      index: null,
      field: 'slots',
      message: `Een hulpvraag heeft ten hoogste ${VOLUNTEER_SLOTS_MAX} momenten.`,
    })
  }
  slots.forEach((slot, index) => {
    const label = typeof slot.label === 'string' ? slot.label.trim() : ''
    if (!label || label.length > VOLUNTEER_SLOT_LABEL_MAX) {
      problems.push({
        index,
        field: 'label',
        message: `Geef elk moment een korte omschrijving (ten hoogste ${VOLUNTEER_SLOT_LABEL_MAX} tekens).`,
      })
    }
    if (!parseCalendarDate({ value: slot.date ?? '' }).ok) {
      problems.push({ index, field: 'date', message: 'Kies een bestaande datum.' })
    }
    const from = minutesOf(slot.from ?? '')
    const to = minutesOf(slot.to ?? '')
    if (from === null) {
      problems.push({ index, field: 'from', message: 'Vul een begintijd in als 08:30.' })
    }
    if (to === null) {
      problems.push({ index, field: 'to', message: 'Vul een eindtijd in als 10:00.' })
    } else if (from !== null && to <= from) {
      problems.push({ index, field: 'to', message: 'De eindtijd ligt na de begintijd.' })
    }
    const places = slot.places
    if (
      typeof places !== 'number' ||
      !Number.isInteger(places) ||
      places < 1 ||
      places > VOLUNTEER_PLACES_MAX
    ) {
      problems.push({
        index,
        field: 'places',
        message: `Het aantal plekken is een heel getal van 1 tot en met ${VOLUNTEER_PLACES_MAX}.`,
      })
    }
  })
  if (opensAt && closesAt && closesAt.getTime() <= opensAt.getTime()) {
    problems.push({
      index: null,
      field: 'closesAt',
      message: 'Het aanmelden sluit na het moment waarop het opengaat.',
    })
  }
  return problems.length ? { ok: false, problems } : { ok: true }
}
