import { describe, expect, it } from 'vitest'

import {
  canCancelSignup,
  checkSignup,
  describePlaces,
  getSignupDeadline,
  getSlotStart,
} from './check-signup'

const timeZone = 'Europe/Amsterdam'

describe('getSlotStart', () => {
  it('is the slot’s wall-clock start in school time, across the DST change', () => {
    // Winter (CET, UTC+1) and summer (CEST, UTC+2): the same 08:30 is another UTC instant.
    expect(getSlotStart({ slot: { date: '2027-03-26', from: '08:30' }, timeZone })).toEqual(
      new Date('2027-03-26T07:30:00Z'),
    )
    expect(getSlotStart({ slot: { date: '2027-03-29', from: '08:30' }, timeZone })).toEqual(
      new Date('2027-03-29T06:30:00Z'),
    )
  })
})

describe('checkSignup', () => {
  const slotStart = new Date('2027-03-09T07:30:00Z') // Tuesday 9 March, 08:30
  const opensAt = new Date('2027-03-01T19:00:00Z') // Monday 1 March, 20:00
  const closesAt = new Date('2027-03-08T11:00:00Z') // Monday 8 March, 12:00

  it('is refused before the opening moment, saying when it opens (school time)', () => {
    const result = checkSignup({
      window: { opensAt, closesAt },
      slotStart,
      now: new Date('2027-03-01T18:59:59Z'),
      timeZone,
    })
    expect(result).toMatchObject({ ok: false, reason: 'not-open-yet', opensAt })
    expect(result.ok ? '' : result.message).toBe('Aanmelden kan vanaf maandag 1 maart om 20:00.')
  })

  it('is open from the opening moment until the closing moment', () => {
    expect(
      checkSignup({ window: { opensAt, closesAt }, slotStart, now: opensAt, timeZone }),
    ).toEqual({ ok: true, until: closesAt })
    expect(
      checkSignup({ window: { opensAt, closesAt }, slotStart, now: closesAt, timeZone }),
    ).toMatchObject({ ok: false, reason: 'closed' })
  })

  it('without a closing moment, closes when the slot starts', () => {
    const window = { opensAt: null, closesAt: null }
    expect(
      checkSignup({ window, slotStart, now: new Date('2027-03-09T07:29:00Z'), timeZone }),
    ).toEqual({ ok: true, until: slotStart })
    expect(checkSignup({ window, slotStart, now: slotStart, timeZone })).toMatchObject({
      ok: false,
      reason: 'slot-started',
    })
  })

  it('a closing moment after the slot’s start is the start', () => {
    const late = new Date('2027-03-10T00:00:00Z')
    expect(getSignupDeadline({ window: { opensAt: null, closesAt: late }, slotStart })).toEqual(
      slotStart,
    )
  })
})

describe('canCancelSignup', () => {
  const slotStart = new Date('2027-03-09T07:30:00Z')
  const closesAt = new Date('2027-03-08T11:00:00Z')

  it('allows cancelling until the closing moment, then says whom to call', () => {
    const window = { opensAt: null, closesAt }
    expect(canCancelSignup({ window, slotStart, now: new Date('2027-03-08T10:59:00Z') })).toEqual({
      ok: true,
      until: closesAt,
    })
    expect(canCancelSignup({ window, slotStart, now: closesAt })).toMatchObject({
      ok: false,
      reason: 'too-late',
    })
  })
})

describe('describePlaces', () => {
  it('says how many places are left, never who took them', () => {
    expect(describePlaces({ places: 3, taken: 1 })).toEqual({
      left: 2,
      full: false,
      label: 'Nog 2 plekken vrij',
    })
    expect(describePlaces({ places: 3, taken: 2 }).label).toBe('Nog 1 plek vrij')
    expect(describePlaces({ places: 3, taken: 3 })).toEqual({ left: 0, full: true, label: 'Vol' })
    // Staff lowered the places below the sign-ups: still "Vol", never negative.
    expect(describePlaces({ places: 2, taken: 3 })).toMatchObject({ left: 0, full: true })
  })
})
