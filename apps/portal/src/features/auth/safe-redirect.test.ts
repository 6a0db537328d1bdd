import { describe, expect, it } from 'vitest'

import { loginPathFor, safeRedirectPath } from './safe-redirect'

describe('safeRedirectPath', () => {
  it.each([
    ['/', '/'],
    ['/berichten', '/berichten'],
    ['/berichten/123?pagina=2#reactie', '/berichten/123?pagina=2#reactie'],
    ['/groep/3/../berichten', '/groep/berichten'],
    ['/%2F%2Fevil.test', '/%2F%2Fevil.test'],
  ])('accepts the same-origin path %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected)
  })

  it.each([
    '//evil.test',
    '//evil.test/berichten',
    'https://evil.test',
    'http://evil.test/berichten',
    'HTTPS://evil.test',
    '/\\evil.test',
    '\\\\evil.test',
    '/\t/evil.test',
    '/\n/evil.test',
    ' /berichten',
    'javascript:alert(1)',
    'data:text/html,hi',
    'berichten',
    '.',
    '',
    '/inloggen',
    '/inloggen?terug=/berichten',
    '/uitloggen',
    '/uitnodiging/Q2hvb3NlIGEgcGFzc3dvcmQ',
    '/wachtwoord-vergeten',
    '/wachtwoord-herstellen/Q2hvb3NlIGEgcGFzc3dvcmQ',
    '/_actions/login',
  ])('rejects %j', (input) => {
    expect(safeRedirectPath(input)).toBe('/')
  })

  it('rejects a very long path', () => {
    expect(safeRedirectPath(`/${'a'.repeat(2001)}`)).toBe('/')
  })

  it('rejects what is not a string', () => {
    expect(safeRedirectPath(undefined)).toBe('/')
    expect(safeRedirectPath(null)).toBe('/')
    expect(safeRedirectPath(['/berichten'])).toBe('/')
  })

  it('uses the given fallback', () => {
    expect(safeRedirectPath('//evil.test', '/start')).toBe('/start')
  })
})

describe('loginPathFor', () => {
  it('remembers where the parent wanted to go', () => {
    expect(loginPathFor(new URL('http://localhost:4321/berichten?pagina=2'))).toBe(
      '/inloggen?terug=%2Fberichten%3Fpagina%3D2',
    )
  })

  it('adds nothing for the start page', () => {
    expect(loginPathFor(new URL('http://localhost:4321/'))).toBe('/inloggen')
  })
})
