import { describe, expect, it } from 'vitest'

import { resolvePupilConsent } from './resolve-pupil-consent'

describe('resolvePupilConsent', () => {
  it('is refused when one of two guardians refuses (most restrictive wins)', () => {
    const choices = [
      { guardianId: 'mother', allowed: true },
      { guardianId: 'father', allowed: false },
    ]
    expect(resolvePupilConsent({ choices, schoolDefault: 'allowed' })).toBe('refused')
    expect(resolvePupilConsent({ choices: [...choices].reverse(), schoolDefault: 'allowed' })).toBe(
      'refused',
    )
  })

  it('follows the school default when no guardian has chosen', () => {
    expect(resolvePupilConsent({ choices: [], schoolDefault: 'refused' })).toBe('refused')
    expect(resolvePupilConsent({ choices: [], schoolDefault: 'allowed' })).toBe('allowed')
  })

  it('is allowed when every recorded guardian allowed, overriding a refusing default', () => {
    expect(
      resolvePupilConsent({
        choices: [
          { guardianId: 'mother', allowed: true },
          { guardianId: 'father', allowed: true },
        ],
        schoolDefault: 'refused',
      }),
    ).toBe('allowed')
    // The other guardian never chose: one explicit "allowed" still overrides the default.
    expect(
      resolvePupilConsent({
        choices: [{ guardianId: 'mother', allowed: true }],
        schoolDefault: 'refused',
      }),
    ).toBe('allowed')
  })

  it('refuses under an allowing default when the only recorded choice refuses', () => {
    expect(
      resolvePupilConsent({
        choices: [{ guardianId: 'father', allowed: false }],
        schoolDefault: 'allowed',
      }),
    ).toBe('refused')
  })

  it('fails closed when a guardian appears twice with different choices', () => {
    expect(
      resolvePupilConsent({
        choices: [
          { guardianId: 'mother', allowed: true },
          { guardianId: 'mother', allowed: false },
        ],
        schoolDefault: 'allowed',
      }),
    ).toBe('refused')
  })
})
