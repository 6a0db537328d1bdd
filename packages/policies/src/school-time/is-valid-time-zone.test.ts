import { describe, expect, it } from 'vitest'
import { assertTimeZone } from './assert-time-zone'
import { isValidTimeZone } from './is-valid-time-zone'

describe('isValidTimeZone', () => {
  it.each(['Europe/Amsterdam', 'UTC', 'America/New_York', '+01:00'])('accepts %s', (timeZone) => {
    expect(isValidTimeZone({ timeZone })).toBe(true)
  })

  it.each(['', 'Europe/Atlantis', 'Amsterdam', 'CEST+1'])('rejects %j', (timeZone) => {
    expect(isValidTimeZone({ timeZone })).toBe(false)
  })

  it('gives the same answer the second time (valid zones are remembered, unknown ones not)', () => {
    for (let i = 0; i < 2; i++) {
      expect(isValidTimeZone({ timeZone: 'Asia/Tokyo' })).toBe(true)
      expect(isValidTimeZone({ timeZone: 'Asia/Atlantis' })).toBe(false)
    }
  })
})

describe('assertTimeZone', () => {
  it('passes silently for a known zone', () => {
    expect(() => assertTimeZone({ timeZone: 'Europe/Amsterdam' })).not.toThrow()
  })

  it('throws a message naming the bad zone', () => {
    expect(() => assertTimeZone({ timeZone: 'Europe/Atlantis' })).toThrow(
      /Unknown time zone "Europe\/Atlantis"/,
    )
  })
})
