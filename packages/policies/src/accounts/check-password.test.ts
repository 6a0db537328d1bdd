import { describe, expect, it } from 'vitest'

import { checkPassword, PASSWORD_MESSAGES } from './check-password'

describe('checkPassword', () => {
  it('accepts a long, uncommon passphrase without composition rules', () => {
    expect(checkPassword({ password: 'fietsen langs de duinen' })).toEqual({ ok: true })
    expect(checkPassword({ password: 'alleenkleineletters' })).toEqual({ ok: true })
  })

  it('refuses fewer than 10 characters, counting characters not bytes', () => {
    expect(checkPassword({ password: 'kort-pw1' })).toEqual({ ok: false, reason: 'too-short' })
    expect(checkPassword({ password: '123456789' })).toEqual({ ok: false, reason: 'too-short' })
    expect(checkPassword({ password: 'ëëëëëëëëë' })).toEqual({ ok: false, reason: 'too-short' })
  })

  it('refuses more than 256 characters', () => {
    expect(checkPassword({ password: 'a b'.repeat(100) })).toEqual({
      ok: false,
      reason: 'too-long',
    })
  })

  it('refuses common passwords from the list, case-insensitively', () => {
    for (const password of ['password123', 'Qwertyuiop', '1234567890', 'iloveyou12']) {
      expect(checkPassword({ password })).toEqual({ ok: false, reason: 'common' })
    }
  })

  it('refuses repeated characters and straight sequences', () => {
    expect(checkPassword({ password: 'aaaaaaaaaaaa' })).toEqual({ ok: false, reason: 'common' })
    expect(checkPassword({ password: 'abcdefghijkl' })).toEqual({ ok: false, reason: 'common' })
    expect(checkPassword({ password: '9876543210' })).toEqual({ ok: false, reason: 'common' })
  })

  it('refuses the own email or name (with a short suffix)', () => {
    const personal = ['fatima.yilmaz@ouders.test', 'Fatima Yilmaz']
    expect(checkPassword({ password: 'fatima.yilmaz', personal })).toEqual({
      ok: false,
      reason: 'personal',
    })
    expect(checkPassword({ password: 'FatimaYilmaz2026', personal })).toEqual({
      ok: false,
      reason: 'personal',
    })
    expect(checkPassword({ password: 'fatima.yilmaz@ouders.test', personal })).toEqual({
      ok: false,
      reason: 'personal',
    })
    expect(checkPassword({ password: 'de tulpen van fatima bloeien', personal })).toEqual({
      ok: true,
    })
  })

  it('has a Dutch message for every reason', () => {
    expect(PASSWORD_MESSAGES['too-short']).toMatch(/minstens 10 tekens/)
    expect(Object.keys(PASSWORD_MESSAGES).sort()).toEqual([
      'common',
      'personal',
      'too-long',
      'too-short',
    ])
  })
})
