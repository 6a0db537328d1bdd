import { describe, expect, it } from 'vitest'

import {
  DEFAULT_RETENTION,
  getRetentionCutoffs,
  toRetentionSettings,
} from './get-retention-cutoffs'

const timeZone = 'Europe/Amsterdam'

describe('getRetentionCutoffs', () => {
  it('keeps this school year and the last by default', () => {
    const cutoffs = getRetentionCutoffs({
      now: new Date('2026-12-07T10:00:00Z'),
      timeZone,
      settings: DEFAULT_RETENTION,
    })
    // 1 August 2025 00:00 in Amsterdam is 31 July 22:00Z (summer time).
    expect(cutoffs.postsBefore.toISOString()).toBe('2025-07-31T22:00:00.000Z')
    expect(cutoffs.absencesBefore).toBe('2021-12-07')
  })

  it('counts the school year from 1 August on the school clock, not UTC', () => {
    const settings = { ...DEFAULT_RETENTION, postsSchoolYears: 1 }
    // 31 July 22:30Z is already 1 August 00:30 in Amsterdam: a new school year has begun.
    const justAfter = getRetentionCutoffs({
      now: new Date('2026-07-31T22:30:00Z'),
      timeZone,
      settings,
    })
    expect(justAfter.postsBefore.toISOString()).toBe('2026-07-31T22:00:00.000Z')
    const justBefore = getRetentionCutoffs({
      now: new Date('2026-07-31T21:30:00Z'),
      timeZone,
      settings,
    })
    expect(justBefore.postsBefore.toISOString()).toBe('2025-07-31T22:00:00.000Z')
  })

  it('moves back one school year per extra year kept', () => {
    const now = new Date('2027-03-01T08:00:00Z')
    const years = [1, 2, 3].map((postsSchoolYears) =>
      getRetentionCutoffs({
        now,
        timeZone,
        settings: { ...DEFAULT_RETENTION, postsSchoolYears },
      }).postsBefore.toISOString(),
    )
    expect(years).toEqual([
      '2026-07-31T22:00:00.000Z',
      '2025-07-31T22:00:00.000Z',
      '2024-07-31T22:00:00.000Z',
    ])
  })

  it('counts days on the calendar across a DST change (midnight school time)', () => {
    // 90 days before 2026-12-07 is 2026-09-08, still summer time: midnight is 22:00Z the day before.
    const winter = getRetentionCutoffs({
      now: new Date('2026-12-07T10:00:00Z'),
      timeZone,
      settings: DEFAULT_RETENTION,
    })
    expect(winter.emailLogBefore.toISOString()).toBe('2026-09-07T22:00:00.000Z')
    // 365 days before: 2025-12-07, winter time: 23:00Z the day before.
    expect(winter.auditLogBefore.toISOString()).toBe('2025-12-06T23:00:00.000Z')
  })

  it('turns 29 February into 28 February for whole years back', () => {
    const cutoffs = getRetentionCutoffs({
      now: new Date('2028-02-29T12:00:00Z'),
      timeZone,
      settings: DEFAULT_RETENTION,
    })
    expect(cutoffs.absencesBefore).toBe('2023-02-28')
  })
})

describe('toRetentionSettings', () => {
  it('fills gaps with the defaults and keeps values inside their range', () => {
    expect(toRetentionSettings(null)).toEqual(DEFAULT_RETENTION)
    expect(
      toRetentionSettings({
        postsSchoolYears: 0,
        absenceYears: 99,
        emailLogDays: '30',
        auditLogDays: 400.4,
      }),
    ).toEqual({ postsSchoolYears: 1, absenceYears: 15, emailLogDays: 90, auditLogDays: 400 })
  })
})
