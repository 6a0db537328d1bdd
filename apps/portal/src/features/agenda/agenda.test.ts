import type { Agenda } from '@schoolpost/contracts'
import { describe, expect, it } from 'vitest'

import { agendaView } from './agenda'

const base: Agenda = {
  from: '2026-12-01',
  to: '2027-01-31',
  timeZone: 'Europe/Amsterdam',
  schoolName: 'Basisschool De Regenboog',
  events: [],
  closed: [],
  volunteering: [],
  absences: [],
}
const event = (overrides: Partial<Agenda['events'][number]>): Agenda['events'][number] => ({
  id: 'e1',
  title: 'Kerstdiner',
  description: null,
  location: null,
  audienceLabel: 'Alle ouders',
  date: '2026-12-17',
  endDate: null,
  allDay: true,
  from: null,
  to: null,
  volunteerRequest: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
  ...overrides,
})

describe('agendaView', () => {
  it('lists both months, each day with its items, today marked; an empty month says so', () => {
    const months = agendaView({
      data: { ...base, events: [event({ date: '2026-12-07', title: 'Gym in de grote zaal' })] },
      today: '2026-12-07',
    })
    expect(months.map((m) => m.label)).toEqual(['december 2026', 'januari 2027'])
    expect(months[0]!.days).toEqual([
      {
        date: '2026-12-07',
        label: 'maandag 7 december',
        today: true,
        items: [
          {
            kind: 'event',
            title: 'Gym in de grote zaal',
            when: 'Hele dag',
            details: ['Voor: Alle ouders'],
            link: null,
          },
        ],
      },
    ])
    expect(months[1]!.days).toEqual([])
  })

  it('a closed period shows once, on its first day in the range; a multi-day item on each day', () => {
    const months = agendaView({
      data: {
        ...base,
        closed: [{ label: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' }],
        events: [event({ title: 'Projectweek', date: '2026-11-30', endDate: '2026-12-02' })],
      },
      today: '2026-12-07',
    })
    const december = months[0]!.days
    expect(december.map((d) => [d.date, d.items.map((i) => i.title)])).toEqual([
      ['2026-12-01', ['Projectweek']],
      ['2026-12-02', ['Projectweek']],
      ['2026-12-19', ['Vrij: Kerstvakantie']],
    ])
    expect(december[2]!.items[0]!.when).toBe('t/m zondag 3 januari')
    expect(december[0]!.items[0]!.when).toBe('Hele dag (t/m woensdag 2 december)')
  })

  it('all-day items first, then the rest in time order, with the parent’s own volunteer slot and a link to the request', () => {
    const [december] = agendaView({
      data: {
        ...base,
        events: [
          event({
            id: 'late',
            title: 'Kerstdiner',
            allDay: false,
            from: '17:00',
            to: '19:00',
            volunteerRequest: 'r9',
          }),
          event({
            id: 'early',
            title: 'Kerstviering',
            allDay: false,
            from: '09:00',
            to: '10:00',
            location: 'Aula',
          }),
        ],
        volunteering: [
          {
            signup: 's1',
            request: 'r9',
            title: 'Kerstdiner',
            label: 'Tafels dekken',
            date: '2026-12-17',
            from: '15:30',
            to: '17:00',
            status: 'waitlist',
            comes: 'Eva de Jong',
            updatedAt: '2026-12-01T10:00:00.000Z',
          },
        ],
      },
      today: '2026-12-07',
    })
    const items = december!.days[0]!.items
    expect(items.map((i) => `${i.when} ${i.title}`)).toEqual([
      '09:00–10:00 Kerstviering',
      '15:30–17:00 Je helpt: Kerstdiner',
      '17:00–19:00 Kerstdiner',
    ])
    expect(items[0]!.details).toContain('Waar: Aula')
    expect(items[2]!.link).toEqual({
      href: '/hulpvragen#hulpvraag-r9',
      label: 'Help mee: bekijk de hulpvraag',
    })
    expect(items[1]!.details).toEqual(['Tafels dekken', 'Je staat op de wachtlijst.'])
  })
})
