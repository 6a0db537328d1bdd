import { describe, expect, it } from 'vitest'

import { checkVolunteerSlots, VOLUNTEER_SLOTS_MAX } from './check-volunteer-slots'

const slot = {
  label: 'Begeleiden heenreis',
  date: '2027-03-09',
  from: '08:30',
  to: '10:00',
  places: 3,
}

describe('checkVolunteerSlots', () => {
  it('accepts a request with sensible slots and a window', () => {
    expect(
      checkVolunteerSlots({
        slots: [slot, { ...slot, label: 'Terugreis', from: '14:00', to: '15:30', places: 1 }],
        opensAt: new Date('2027-03-01T19:00:00Z'),
        closesAt: new Date('2027-03-08T12:00:00Z'),
      }),
    ).toEqual({ ok: true })
  })

  it('needs at least one slot and at most the maximum', () => {
    expect(checkVolunteerSlots({ slots: [] })).toMatchObject({
      ok: false,
      problems: [{ index: null, field: 'slots' }],
    })
    const many = Array.from({ length: VOLUNTEER_SLOTS_MAX + 1 }, () => slot)
    expect(checkVolunteerSlots({ slots: many })).toMatchObject({
      ok: false,
      problems: [{ index: null, field: 'slots' }],
    })
  })

  it('lists every problem of every slot, with the field it is about', () => {
    const result = checkVolunteerSlots({
      slots: [
        slot,
        { label: '  ', date: '2027-02-30', from: '8:30', to: '07:00', places: 0 },
        { ...slot, from: '10:00', to: '10:00', places: 2.5 },
      ],
    })
    expect(result.ok).toBe(false)
    const problems = result.ok ? [] : result.problems.map((p) => [p.index, p.field])
    expect(problems).toEqual([
      [1, 'label'],
      [1, 'date'],
      [1, 'from'],
      [1, 'places'],
      [2, 'to'],
      [2, 'places'],
    ])
  })

  it('closes sign-up after it opens', () => {
    const at = new Date('2027-03-01T19:00:00Z')
    expect(checkVolunteerSlots({ slots: [slot], opensAt: at, closesAt: at })).toMatchObject({
      ok: false,
      problems: [{ field: 'closesAt' }],
    })
    expect(checkVolunteerSlots({ slots: [slot], closesAt: at })).toEqual({ ok: true })
  })
})
