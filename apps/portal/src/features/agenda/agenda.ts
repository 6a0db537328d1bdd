import { type Agenda, agenda, AGENDA_PATH } from '@schoolpost/contracts'

import type { PortalSession } from '../auth/session'
import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'

/**
 * The portal's `/agenda` (issue #15): this month and the next — the items of the school and of the
 * children's groups, the days the school is closed, and the parent's own volunteer slots — as an
 * accessible list per month and day (a grid of weeks reads badly on a phone and to a screen
 * reader). The CMS decides what is the parent's; the range is its `getAgendaRange`.
 */

export type LoadedAgenda =
  { kind: 'ok'; data: Agenda } | { kind: 'signed-out' } | { kind: 'unavailable' }

export async function loadAgenda(
  session: PortalSession,
  cms: Pick<CmsClient, 'getContract'>,
): Promise<LoadedAgenda> {
  try {
    return { kind: 'ok', data: await cms.getContract(AGENDA_PATH, session.token, agenda) }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    reportCmsFailure('Loading the agenda', error)
    return { kind: 'unavailable' }
  }
}

export type AgendaItemView = {
  kind: 'event' | 'closed' | 'volunteer'
  title: string
  /** "Hele dag", "17:00–19:00", "t/m vrijdag 18 december". */
  when: string
  details: string[]
  link: { href: string; label: string } | null
}

export type AgendaDayView = {
  date: string
  /** "donderdag 17 december" */
  label: string
  today: boolean
  items: AgendaItemView[]
}

export type AgendaMonthView = { key: string; label: string; days: AgendaDayView[] }

const utcDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d))
}
const iso = (day: Date) => day.toISOString().slice(0, 10)
const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})
const monthFormat = new Intl.DateTimeFormat('nl-NL', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
})
const dayLabel = (date: string) => dayFormat.format(utcDay(date))

/** Each day of `from`…`to` (inclusive) that lies within the agenda's range. */
function daysOf(from: string, to: string, range: { from: string; to: string }): string[] {
  const days: string[] = []
  const start = from < range.from ? range.from : from
  const end = to > range.to ? range.to : to
  for (let d = utcDay(start); iso(d) <= end; d = new Date(d.getTime() + 86_400_000)) {
    days.push(iso(d))
  }
  return days
}

/**
 * The agenda per month and day, `today` marked. A closed period is listed on its first day in the
 * range (with "t/m"), a multi-day item on each of its days — so a parent looking at one day sees
 * what happens that day.
 */
export function agendaView({ data, today }: { data: Agenda; today: string }): AgendaMonthView[] {
  const byDay = new Map<string, AgendaItemView[]>()
  const add = (date: string, item: AgendaItemView) => {
    byDay.set(date, [...(byDay.get(date) ?? []), item])
  }
  const range = { from: data.from, to: data.to }

  for (const closed of data.closed) {
    const first = closed.from < range.from ? range.from : closed.from
    add(first, {
      kind: 'closed',
      title: `Vrij: ${closed.label}`,
      when: closed.from === closed.to ? 'Hele dag' : `t/m ${dayLabel(closed.to)}`,
      details: ['Geen school.'],
      link: null,
    })
  }
  for (const event of data.events) {
    const days = daysOf(event.date, event.endDate ?? event.date, range)
    for (const day of days) {
      add(day, {
        kind: 'event',
        title: event.title,
        when: event.allDay
          ? event.endDate && event.endDate !== event.date
            ? `Hele dag (t/m ${dayLabel(event.endDate)})`
            : 'Hele dag'
          : `${event.from}–${event.to}`,
        details: [
          ...(event.location ? [`Waar: ${event.location}`] : []),
          `Voor: ${event.audienceLabel}`,
          ...(event.description ? [event.description] : []),
        ],
        link: event.volunteerRequest
          ? {
              href: `/hulpvragen#hulpvraag-${encodeURIComponent(event.volunteerRequest)}`,
              label: 'Help mee: bekijk de hulpvraag',
            }
          : null,
      })
    }
  }
  for (const slot of data.volunteering) {
    add(slot.date, {
      kind: 'volunteer',
      title: `Je helpt: ${slot.title}`,
      when: `${slot.from}–${slot.to}`,
      details: [
        slot.label,
        slot.status === 'waitlist' ? 'Je staat op de wachtlijst.' : `Wie komt: ${slot.comes}`,
      ],
      link: {
        href: `/hulpvragen#hulpvraag-${encodeURIComponent(slot.request)}`,
        label: 'Bekijk je aanmelding',
      },
    })
  }

  const order = { closed: 0, event: 1, volunteer: 2 } as const
  const startOf = (item: AgendaItemView) => (/^\d{2}:\d{2}/.test(item.when) ? item.when : '')
  const months = new Map<string, AgendaMonthView>()
  for (const date of [...byDay.keys()].sort()) {
    const key = date.slice(0, 7)
    if (!months.has(key)) {
      months.set(key, { key, label: monthFormat.format(utcDay(`${key}-01`)), days: [] })
    }
    const items = byDay
      .get(date)!
      // The day's all-day items first, then the rest in time order.
      .sort(
        (a, b) =>
          Number(startOf(a) !== '') - Number(startOf(b) !== '') ||
          startOf(a).localeCompare(startOf(b)) ||
          order[a.kind] - order[b.kind],
      )
    months.get(key)!.days.push({ date, label: dayLabel(date), today: date === today, items })
  }
  // Both months are shown, also when one has nothing in it.
  for (const key of [range.from.slice(0, 7), range.to.slice(0, 7)]) {
    if (!months.has(key)) {
      months.set(key, { key, label: monthFormat.format(utcDay(`${key}-01`)), days: [] })
    }
  }
  return [...months.values()].sort((a, b) => a.key.localeCompare(b.key))
}
