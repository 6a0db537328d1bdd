import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { describe, expect, it } from 'vitest'

import { chooseContentCoding, compressResponse, MIN_COMPRESS_BYTES } from './compression'

const html = '<!doctype html><html lang="nl"><body>' + '<p>Schoolreisje naar Artis</p>'.repeat(200)

const page = (body: string | null = html, headers: Record<string, string> = {}, status = 200) =>
  new Response(body, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers },
  })

const request = (acceptEncoding: string | null, path = '/', method = 'GET') =>
  new Request(`http://localhost:4321${path}`, {
    method,
    headers: acceptEncoding === null ? {} : { 'Accept-Encoding': acceptEncoding },
  })

describe('chooseContentCoding', () => {
  it.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip', 'gzip'],
    ['br;q=0, gzip', 'gzip'],
    ['gzip;q=0.5, br;q=0.1', 'gzip'],
    ['identity', null],
    ['*;q=0, identity', null],
    ['deflate', null],
    ['', null],
  ] as const)('%j → %s', (header, coding) => {
    expect(chooseContentCoding(header)).toBe(coding)
  })

  it('nothing without the header', () => {
    expect(chooseContentCoding(null)).toBeNull()
  })
})

describe('compressResponse', () => {
  it('brotli when asked: smaller, decodes to the same page, with Vary and the new length', async () => {
    const answer = await compressResponse(request('gzip, br'), page())
    expect(answer.headers.get('Content-Encoding')).toBe('br')
    expect(answer.headers.get('Vary')).toBe('Accept-Encoding')
    const bytes = Buffer.from(await answer.arrayBuffer())
    expect(answer.headers.get('Content-Length')).toBe(String(bytes.byteLength))
    expect(bytes.byteLength).toBeLessThan(Buffer.byteLength(html) / 5)
    expect(brotliDecompressSync(bytes).toString()).toBe(html)
  })

  it('gzip for a browser without brotli; the status and other headers stay', async () => {
    const answer = await compressResponse(
      request('gzip'),
      page(html, { 'Cache-Control': 'private, no-store', Vary: 'Cookie' }, 503),
    )
    expect(answer.status).toBe(503)
    expect(answer.headers.get('Content-Encoding')).toBe('gzip')
    expect(answer.headers.get('Cache-Control')).toBe('private, no-store')
    expect(answer.headers.get('Vary')).toBe('Cookie, Accept-Encoding')
    expect(gunzipSync(Buffer.from(await answer.arrayBuffer())).toString()).toBe(html)
  })

  it('as it was without Accept-Encoding, but varying on it', async () => {
    const answer = await compressResponse(request(null), page())
    expect(answer.headers.get('Content-Encoding')).toBeNull()
    expect(answer.headers.get('Vary')).toBe('Accept-Encoding')
    expect(await answer.text()).toBe(html)
  })

  it('leaves media, small answers, HEAD, ranges and pages with a secret in the address alone', async () => {
    const image = new Response(new Uint8Array(4096), { headers: { 'Content-Type': 'image/webp' } })
    expect(
      (await compressResponse(request('br'), image)).headers.get('Content-Encoding'),
    ).toBeNull()
    const small = page('<p>kort</p>'.repeat(Math.floor(MIN_COMPRESS_BYTES / 20)))
    expect(
      (await compressResponse(request('br'), small)).headers.get('Content-Encoding'),
    ).toBeNull()
    const head = await compressResponse(request('br', '/', 'HEAD'), page())
    expect(head.headers.get('Content-Encoding')).toBeNull()
    const range = await compressResponse(request('br'), page(html, {}, 206))
    expect(range.headers.get('Content-Encoding')).toBeNull()
    for (const path of ['/uitnodiging/abc', '/wachtwoord-herstellen/abc', '/afmelden/abc']) {
      const secret = await compressResponse(request('br', path), page())
      expect(secret.headers.get('Content-Encoding'), path).toBeNull()
    }
    const done = page(html, { 'Content-Encoding': 'gzip' })
    expect(await compressResponse(request('br'), done)).toBe(done)
  })
})
