import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

import { isSchoolHours } from '../school-time/is-school-hours'
import { DEFAULT_SCHOOL_TIME_SETTINGS, type SchoolTimeSettings } from '../school-time/types'
import { getMessageBundleWindow } from './get-message-bundle-window'

// Default hours: 08:30–14:30, Wednesday 08:30–12:15, no school at the weekend.
const settings = DEFAULT_SCHOOL_TIME_SETTINGS
const windowAt = (iso: string, custom: SchoolTimeSettings = settings) =>
  getMessageBundleWindow({ now: new Date(iso), settings: custom })
const iso = (window: ReturnType<typeof windowAt>) =>
  window && {
    date: window.date,
    dueAt: window.dueAt.toISOString(),
    since: window.since.toISOString(),
  }

describe('getMessageBundleWindow', () => {
  it("after school on Monday: Monday's bundle, covering everything since Friday's (the weekend too)", () => {
    // Monday 30 November 2026, 16:00 CET.
    expect(iso(windowAt('2026-11-30T15:00:00Z'))).toEqual({
      date: '2026-11-30',
      dueAt: '2026-11-30T13:30:00.000Z',
      since: '2026-11-27T13:30:00.000Z',
    })
  })

  it('during school hours nothing new is due: the latest bundle is still the previous school day', () => {
    // Monday 10:00 CET: a message written now waits for Monday 14:30.
    expect(iso(windowAt('2026-11-30T09:00:00Z'))).toEqual({
      date: '2026-11-27',
      dueAt: '2026-11-27T13:30:00.000Z',
      since: '2026-11-26T13:30:00.000Z',
    })
  })

  it('is due exactly when school ends (14:30:00 in, 14:29:59 not yet)', () => {
    expect(windowAt('2026-11-30T13:30:00Z')?.date).toBe('2026-11-30')
    expect(windowAt('2026-11-30T13:29:59Z')?.date).toBe('2026-11-27')
  })

  it("a message in the evening or at the weekend is in the next school day's bundle", () => {
    const monday = windowAt('2026-11-30T15:00:00Z')!
    const saturdayEvening = new Date('2026-11-28T19:00:00Z')
    const fridayEvening = new Date('2026-11-27T18:00:00Z')
    for (const sent of [saturdayEvening, fridayEvening]) {
      expect(sent >= monday.since && sent < monday.dueAt).toBe(true)
    }
    // On Saturday and Sunday the latest bundle is Friday's: nothing new goes out.
    expect(windowAt('2026-11-28T19:00:00Z')?.date).toBe('2026-11-27')
    expect(windowAt('2026-11-29T22:59:00Z')?.date).toBe('2026-11-27')
  })

  it('follows the short Wednesday: due at 12:15, and Thursday covers from then', () => {
    expect(iso(windowAt('2026-12-02T11:15:00Z'))).toMatchObject({
      date: '2026-12-02',
      dueAt: '2026-12-02T11:15:00.000Z',
    })
    expect(iso(windowAt('2026-12-03T14:00:00Z'))).toEqual({
      date: '2026-12-03',
      dueAt: '2026-12-03T13:30:00.000Z',
      since: '2026-12-02T11:15:00.000Z',
    })
  })

  it('follows summer time: 14:30 CEST is 12:30Z', () => {
    expect(iso(windowAt('2026-06-15T13:00:00Z'))).toEqual({
      date: '2026-06-15',
      dueAt: '2026-06-15T12:30:00.000Z',
      since: '2026-06-12T12:30:00.000Z',
    })
  })

  it('crosses the autumn DST change (25 October 2026): Friday in summer time, Monday in winter time', () => {
    expect(iso(windowAt('2026-10-26T14:00:00Z'))).toEqual({
      date: '2026-10-26',
      dueAt: '2026-10-26T13:30:00.000Z',
      since: '2026-10-23T12:30:00.000Z',
    })
    // Monday 14:00 CET (13:00Z): school is still in, so Friday's bundle is the latest.
    expect(windowAt('2026-10-26T13:00:00Z')?.date).toBe('2026-10-23')
  })

  it('crosses the spring DST change (29 March 2026): Friday in winter time, Monday in summer time', () => {
    expect(iso(windowAt('2026-03-30T12:30:00Z'))).toEqual({
      date: '2026-03-30',
      dueAt: '2026-03-30T12:30:00.000Z',
      since: '2026-03-27T13:30:00.000Z',
    })
    // 12:29Z is 14:29 CEST: still school.
    expect(windowAt('2026-03-30T12:29:00Z')?.date).toBe('2026-03-27')
  })

  it('is null for a school without any school day', () => {
    const none: SchoolTimeSettings = {
      ...settings,
      schoolHours: {
        monday: null,
        tuesday: null,
        wednesday: null,
        thursday: null,
        friday: null,
        saturday: null,
        sunday: null,
      },
    }
    expect(windowAt('2026-11-30T15:00:00Z', none)).toBeNull()
  })

  it('windows tile time: each starts where the previous one ended, and never during school', () => {
    const from = Date.parse('2026-01-01T00:00:00Z')
    const to = Date.parse('2027-12-31T00:00:00Z')
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), (ms) => {
        const now = new Date(ms)
        const window = getMessageBundleWindow({ now, settings })!
        expect(window.dueAt.getTime()).toBeLessThanOrEqual(ms)
        expect(window.since.getTime()).toBeLessThan(window.dueAt.getTime())
        // The bundle moment is the end of school: school is out from then on.
        expect(isSchoolHours({ now: window.dueAt, settings })).toBe(false)
        const previous = getMessageBundleWindow({
          now: new Date(window.dueAt.getTime() - 1),
          settings,
        })!
        expect(previous.dueAt.getTime()).toBe(window.since.getTime())
        expect(previous.date < window.date).toBe(true)
      }),
      { numRuns: 300 },
    )
  })
})
