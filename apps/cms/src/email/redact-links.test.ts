import { describe, expect, it } from 'vitest'

import { redactLinks } from './redact-links'

describe('redactLinks', () => {
  it('keeps where a link points but drops its token', () => {
    const token = 'dQw4w9WgXcQ-abcdefghijklmnopqrstuvwxyz_0123'
    const text = `Kies een wachtwoord: https://portal.school.nl/uitnodiging/${token}\nGroet`
    const redacted = redactLinks(text)
    expect(redacted).toBe('Kies een wachtwoord: https://portal.school.nl/uitnodiging/…\nGroet')
    expect(redacted).not.toContain(token)
  })

  it('drops query strings and fragments, which may carry secrets too', () => {
    expect(redactLinks('https://x.test/agenda?key=abc#frag')).toBe('https://x.test/agenda…')
  })

  it('leaves readable paths and text without links alone', () => {
    expect(redactLinks('Zie https://portal.test/berichten/ voor meer.')).toBe(
      'Zie https://portal.test/berichten/ voor meer.',
    )
    expect(redactLinks('Geen link hier.')).toBe('Geen link hier.')
  })

  it('keeps a record id (not a secret) but redacts a signed token with dots', () => {
    const post = 'https://p.test/berichten/0b6f1c2e-8d2a-4d7e-9a43-5c3e2f1a0b9c'
    expect(redactLinks(post)).toBe(post)
    expect(redactLinks('https://p.test/afmelden/eyJwIjoiMSJ9.c2lnbmF0dXJlLXZhbHVl')).toBe(
      'https://p.test/afmelden/…',
    )
  })
})
