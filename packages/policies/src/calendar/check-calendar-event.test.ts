import { describe, expect, it } from 'vitest'

import { CALENDAR_EVENT_MAX_DAYS, checkCalendarEvent } from './check-calendar-event'

const fields = (result: ReturnType<typeof checkCalendarEvent>) =>
  result.ok ? [] : result.problems.map((p) => p.field)

describe('checkCalendarEvent', () => {
  it('accepts a one-day item, a multi-day item and an item with times', () => {
    expect(
      checkCalendarEvent({ event: { title: 'Sinterklaas', date: '2026-12-04', allDay: true } }),
    ).toEqual({ ok: true })
    expect(
      checkCalendarEvent({
        event: { title: 'Schoolkamp', date: '2027-06-14', endDate: '2027-06-16', allDay: true },
      }),
    ).toEqual({ ok: true })
    expect(
      checkCalendarEvent({
        event: {
          title: 'Kerstdiner',
          date: '2026-12-17',
          allDay: false,
          from: '17:00',
          to: '19:00',
        },
      }),
    ).toEqual({ ok: true })
  })

  it('lists every problem with its field', () => {
    expect(
      fields(checkCalendarEvent({ event: { title: ' ', date: '2026-02-30', allDay: true } })),
    ).toEqual(['title', 'date'])
    expect(
      fields(
        checkCalendarEvent({
          event: { title: 'x', date: '2026-12-04', allDay: false, from: '10:00', to: '09:00' },
        }),
      ),
    ).toEqual(['to'])
    expect(
      fields(checkCalendarEvent({ event: { title: 'x', date: '2026-12-04', allDay: false } })),
    ).toEqual(['from', 'to'])
    expect(
      fields(
        checkCalendarEvent({
          event: { title: 'x', date: '2026-12-04', endDate: '2026-12-03', allDay: true },
        }),
      ),
    ).toEqual(['endDate'])
    expect(
      checkCalendarEvent({ event: { title: 'x'.repeat(121), date: '2026-12-04', allDay: true } }),
    ).toMatchObject({
      ok: false,
      problems: [{ field: 'title', message: expect.stringContaining('120') }],
    })
  })

  it('an all-day item spans at most the maximum number of days', () => {
    const end = (days: number) => {
      const d = new Date(Date.UTC(2027, 0, 1 + days - 1))
      return d.toISOString().slice(0, 10)
    }
    expect(
      checkCalendarEvent({
        event: {
          title: 'x',
          date: '2027-01-01',
          endDate: end(CALENDAR_EVENT_MAX_DAYS),
          allDay: true,
        },
      }),
    ).toEqual({ ok: true })
    expect(
      fields(
        checkCalendarEvent({
          event: {
            title: 'x',
            date: '2027-01-01',
            endDate: end(CALENDAR_EVENT_MAX_DAYS + 1),
            allDay: true,
          },
        }),
      ),
    ).toEqual(['endDate'])
  })
})
