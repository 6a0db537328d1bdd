import { describe, expect, it } from 'vitest'

import { checkHouseRulesAcceptance, houseRulesIntro } from './check-house-rules-acceptance'

describe('checkHouseRulesAcceptance', () => {
  it('lets a parent through who accepted the version in force', () => {
    expect(checkHouseRulesAcceptance({ acceptedVersion: 3, currentVersion: 3 })).toEqual({
      ok: true,
    })
  })

  it('stops a parent who never accepted', () => {
    for (const acceptedVersion of [null, undefined, 0, -1])
      expect(checkHouseRulesAcceptance({ acceptedVersion, currentVersion: 1 })).toEqual({
        ok: false,
        reason: 'never-accepted',
      })
  })

  it('stops a parent who accepted an older version', () => {
    expect(checkHouseRulesAcceptance({ acceptedVersion: 2, currentVersion: 3 })).toEqual({
      ok: false,
      reason: 'new-version',
    })
  })

  it('fails closed on numbers that cannot be right', () => {
    expect(checkHouseRulesAcceptance({ acceptedVersion: 4, currentVersion: 3 }).ok).toBe(false)
    expect(checkHouseRulesAcceptance({ acceptedVersion: 1.5, currentVersion: 1.5 }).ok).toBe(false)
    expect(checkHouseRulesAcceptance({ acceptedVersion: 2, currentVersion: Number.NaN }).ok).toBe(
      false,
    )
  })

  it('explains each situation in Dutch', () => {
    expect(houseRulesIntro({ reason: 'never-accepted' })).toMatch(/^Welkom bij Schoolpost/)
    expect(houseRulesIntro({ reason: 'new-version' })).toMatch(/aangepast/)
    expect(houseRulesIntro({ reason: 'accepted' })).toMatch(/akkoord bent gegaan/)
  })
})
