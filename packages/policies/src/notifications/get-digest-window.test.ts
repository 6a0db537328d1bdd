import { describe, expect, it } from 'vitest'

import { getDigestWindow } from './get-digest-window'

const zone = 'Europe/Amsterdam'

describe('getDigestWindow', () => {
  it("is today's digest once 18:00 has passed (winter: 17:00Z)", () => {
    expect(
      getDigestWindow({
        now: new Date('2026-11-28T17:00:00Z'),
        digestTime: '18:00',
        timeZone: zone,
      }),
    ).toEqual({ date: '2026-11-28', dueAt: new Date('2026-11-28T17:00:00Z') })
  })

  it("is yesterday's digest before 18:00", () => {
    expect(
      getDigestWindow({
        now: new Date('2026-11-28T16:59:59Z'),
        digestTime: '18:00',
        timeZone: zone,
      }),
    ).toEqual({ date: '2026-11-27', dueAt: new Date('2026-11-27T17:00:00Z') })
  })

  it('follows summer time (18:00 CEST is 16:00Z)', () => {
    expect(
      getDigestWindow({
        now: new Date('2026-06-15T16:30:00Z'),
        digestTime: '18:00',
        timeZone: zone,
      }),
    ).toEqual({ date: '2026-06-15', dueAt: new Date('2026-06-15T16:00:00Z') })
  })

  it('crosses the DST change: the day after the clocks go back', () => {
    // 2026-10-25 is the autumn change; at 10:00 local on the 26th the last digest was the 25th's.
    expect(
      getDigestWindow({
        now: new Date('2026-10-26T09:00:00Z'),
        digestTime: '18:00',
        timeZone: zone,
      }),
    ).toEqual({ date: '2026-10-25', dueAt: new Date('2026-10-25T17:00:00Z') })
  })

  it('a digest just after midnight local is found on the right calendar day', () => {
    // 23:30Z on the 27th is 00:30 on the 28th in Amsterdam: the 00:15 digest of the 28th is due.
    expect(
      getDigestWindow({
        now: new Date('2026-11-27T23:30:00Z'),
        digestTime: '00:15',
        timeZone: zone,
      }),
    ).toEqual({ date: '2026-11-28', dueAt: new Date('2026-11-27T23:15:00Z') })
  })
})
