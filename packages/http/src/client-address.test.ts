import { describe, expect, it } from 'vitest'

import {
  clientAddressFromForwardedFor,
  normalizeAddress,
  parseForwardedFor,
  parseTrustedProxies,
  resolveClientAddress,
} from './client-address'

describe('resolveClientAddress', () => {
  it('is the connection’s address when that is not a trusted proxy, whatever is forwarded', () => {
    expect(
      resolveClientAddress({
        peer: '::ffff:198.51.100.7',
        forwardedFor: '203.0.113.1',
        trustedProxies: [],
      }),
    ).toBe('198.51.100.7')
    expect(
      resolveClientAddress({
        peer: '198.51.100.7',
        forwardedFor: '203.0.113.1, 10.0.0.2',
        trustedProxies: ['10.0.0.2'],
      }),
    ).toBe('198.51.100.7')
  })

  it('behind trusted proxies: the right-most entry that is not one of them', () => {
    expect(
      resolveClientAddress({
        peer: '10.0.0.2',
        forwardedFor: '203.0.113.1, 198.51.100.7, 10.0.0.1',
        trustedProxies: ['10.0.0.1', '10.0.0.2'],
      }),
    ).toBe('198.51.100.7')
  })

  it('every hop trusted: the first entry; nothing forwarded: the connection', () => {
    expect(
      resolveClientAddress({
        peer: '127.0.0.1',
        forwardedFor: '127.0.0.1, ::1',
        trustedProxies: ['127.0.0.1', '::1'],
      }),
    ).toBe('127.0.0.1')
    expect(
      resolveClientAddress({
        peer: '127.0.0.1',
        forwardedFor: null,
        trustedProxies: ['127.0.0.1'],
      }),
    ).toBe('127.0.0.1')
  })
})

describe('clientAddressFromForwardedFor (a server that sees no socket: the CMS under next start)', () => {
  it('the right-most entry that is not a trusted proxy; nothing forwarded: unknown', () => {
    expect(clientAddressFromForwardedFor('203.0.113.1', [])).toBe('203.0.113.1')
    // A client that writes its own header cannot choose: the hop after it is what counts.
    expect(clientAddressFromForwardedFor('1.2.3.4, 198.51.100.7, 10.0.0.2', ['10.0.0.2'])).toBe(
      '198.51.100.7',
    )
    expect(clientAddressFromForwardedFor('127.0.0.1, ::1', ['127.0.0.1', '::1'])).toBe('127.0.0.1')
    expect(clientAddressFromForwardedFor(null, [])).toBe('unknown')
    expect(clientAddressFromForwardedFor(' , ', [])).toBe('unknown')
  })
})

describe('parseForwardedFor and normalizeAddress', () => {
  it('splits, trims and normalises the entries', () => {
    expect(parseForwardedFor(' 203.0.113.1:5678 , [2001:DB8::1]:443,, ::ffff:10.0.0.1 ')).toEqual([
      '203.0.113.1',
      '2001:db8::1',
      '10.0.0.1',
    ])
    expect(parseForwardedFor(null)).toEqual([])
    expect(normalizeAddress('x'.repeat(500))).toHaveLength(100)
  })
})

describe('parseTrustedProxies', () => {
  it('reads comma-separated IP addresses; empty is none', () => {
    expect(parseTrustedProxies(undefined)).toEqual({ ok: true, list: [] })
    expect(parseTrustedProxies(' 127.0.0.1, ::1 ,')).toEqual({
      ok: true,
      list: ['127.0.0.1', '::1'],
    })
  })

  it('refuses anything that is not an IP address, in Dutch', () => {
    expect(parseTrustedProxies('127.0.0.1,proxy')).toEqual({
      ok: false,
      message:
        'TRUSTED_PROXIES moet een lijst IP-adressen zijn, gescheiden door komma\'s (bv. "127.0.0.1,::1"); "proxy" is geen IP-adres.',
    })
  })
})
