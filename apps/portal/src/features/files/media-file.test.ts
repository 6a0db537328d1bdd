import type { IncomingMessage, ServerResponse } from 'node:http'

import { portalVersionAnswer } from '@schoolpost/contracts'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { closeAllCms, startCms } from '../../test/cms-stub'
import type { PortalSession } from '../auth/session'
import { createCmsClient } from '../../lib/cms/cms-client'
import { createPortalCache } from '../../lib/cms/portal-cache'
import { isValidMediaFilename, mediaFileUrl } from './filename'
import {
  fileResponseHeaders,
  readSmall,
  NOT_FOUND_MESSAGE,
  servableContentType,
  serveMediaFile,
} from './media-file'

afterEach(async () => {
  vi.restoreAllMocks()
  await closeAllCms()
})

const session: PortalSession = { token: 'tok', exp: 0, parentId: 'p1', parentName: 'Fatima' }
const FILE = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251))

/** The CMS file endpoint: the bytes of clip.mp4 for the right token, with Range support. */
function fileEndpoint(req: IncomingMessage, res: ServerResponse) {
  if (req.headers.authorization !== 'JWT tok') {
    res.writeHead(403, { 'Content-Type': 'application/json' })
    return res.end('{"errors":[{"message":"You are not allowed to perform this action."}]}')
  }
  if (req.url !== '/api/media/file/clip.mp4') {
    res.writeHead(404, { 'Content-Type': 'application/json' })
    return res.end('{"errors":[{"message":"Not Found"}]}')
  }
  const common = {
    'Content-Type': 'video/mp4',
    'Accept-Ranges': 'bytes',
    ETag: '"v1"',
    'Last-Modified': 'Sat, 28 Nov 2026 09:30:00 GMT',
    'Set-Cookie': 'payload-token=secret; Path=/',
    'X-Powered-By': 'Payload',
  }
  const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '')
  if (range) {
    const start = Number(range[1])
    const end = range[2] ? Math.min(Number(range[2]), FILE.length - 1) : FILE.length - 1
    if (start >= FILE.length) {
      res.writeHead(416, { ...common, 'Content-Range': `bytes */${FILE.length}` })
      return res.end()
    }
    res.writeHead(206, {
      ...common,
      'Content-Range': `bytes ${start}-${end}/${FILE.length}`,
      'Content-Length': String(end - start + 1),
    })
    return res.end(req.method === 'HEAD' ? undefined : FILE.subarray(start, end + 1))
  }
  res.writeHead(200, { ...common, 'Content-Length': String(FILE.length) })
  res.end(req.method === 'HEAD' ? undefined : FILE)
}

const get = (path: string, headers: Record<string, string> = {}, init: RequestInit = {}) =>
  new Request(`http://localhost:4321${path}`, { headers, ...init })

async function serve(
  baseUrl: string,
  request: Request,
  options: { session?: PortalSession | null; timeoutMs?: number } = {},
) {
  const cms = createCmsClient({ baseUrl, timeoutMs: options.timeoutMs ?? 2000 })
  const filename = decodeURIComponent(new URL(request.url).pathname.replace(/^\/bestanden\//, ''))
  return serveMediaFile({
    request,
    filename,
    session: options.session === undefined ? session : options.session,
    cms,
  })
}

const expectPrivate = (response: Response) => {
  expect(response.headers.get('Cache-Control')).toBe('private, no-store')
  expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff')
}

describe('isValidMediaFilename', () => {
  it.each(['m1-400x300.webp', 'clip.mp4', 'IMG_0001.JPG', 'a', 'x'.repeat(200)])(
    'accepts %s',
    (name) => {
      expect(isValidMediaFilename(name)).toBe(true)
    },
  )

  it.each([
    '',
    '..',
    '../secret.webp',
    'a..b.webp',
    '.env',
    'a/b.webp',
    'a\\b.webp',
    'foto 1.webp',
    'foto%2F1.webp',
    'fóto.webp',
    'x'.repeat(201),
    'clip.mp4\n',
  ])('refuses %j', (name) => {
    expect(isValidMediaFilename(name)).toBe(false)
  })

  it('builds the portal URL of a file', () => {
    expect(mediaFileUrl('m1-400x300.webp')).toBe('/bestanden/m1-400x300.webp')
  })
})

describe('fileResponseHeaders', () => {
  it('copies the range and revalidation headers, sets the private ones, drops the rest', () => {
    const upstream = new Headers({
      'Content-Type': 'image/webp',
      'Content-Length': '1234',
      'Content-Range': 'bytes 0-1233/5000',
      'Accept-Ranges': 'bytes',
      ETag: '"e"',
      'Last-Modified': 'Sat, 28 Nov 2026 09:30:00 GMT',
      'Set-Cookie': 'payload-token=x',
      'Cache-Control': 'public, max-age=31536000',
      'Access-Control-Allow-Origin': '*',
    })
    expect(Object.fromEntries(fileResponseHeaders(upstream, 'm1-400x300.webp'))).toEqual({
      'accept-ranges': 'bytes',
      'cache-control': 'private, no-store',
      'content-disposition': 'inline; filename="m1-400x300.webp"',
      'content-length': '1234',
      'content-range': 'bytes 0-1233/5000',
      'content-type': 'image/webp',
      'cross-origin-resource-policy': 'same-origin',
      etag: '"e"',
      'last-modified': 'Sat, 28 Nov 2026 09:30:00 GMT',
      'x-content-type-options': 'nosniff',
    })
  })

  it('leaves out a length that belongs to a content coding', () => {
    const upstream = new Headers({ 'Content-Length': '10', 'Content-Encoding': 'gzip' })
    expect(fileResponseHeaders(upstream, 'a.webp').has('Content-Length')).toBe(false)
  })

  it.each([
    ['image/webp', 'image/webp'],
    ['video/mp4; codecs="avc1"', 'video/mp4'],
    ['VIDEO/QUICKTIME', 'video/quicktime'],
    ['text/html; charset=utf-8', 'application/octet-stream'],
    ['image/svg+xml', 'application/octet-stream'],
    [null, 'application/octet-stream'],
  ])('serves %j as %s', (type, served) => {
    expect(servableContentType(type)).toBe(served)
  })
})

describe('serveMediaFile', () => {
  it('200: streams the whole file with the private headers', async () => {
    const cms = await startCms(fileEndpoint)
    const response = await serve(cms.baseUrl, get('/bestanden/clip.mp4'))
    expect(response.status).toBe(200)
    expectPrivate(response)
    expect(response.headers.get('Content-Type')).toBe('video/mp4')
    expect(response.headers.get('Content-Length')).toBe('1000')
    expect(response.headers.get('Accept-Ranges')).toBe('bytes')
    expect(response.headers.get('ETag')).toBe('"v1"')
    expect(response.headers.get('Content-Disposition')).toBe('inline; filename="clip.mp4"')
    expect(response.headers.has('Set-Cookie')).toBe(false)
    expect(response.headers.has('X-Powered-By')).toBe(false)
    expect(Buffer.from(await response.arrayBuffer()).equals(FILE)).toBe(true)
    const [seen] = cms.requests
    expect(seen?.headers.authorization).toBe('JWT tok')
    expect(seen?.headers.cookie).toBeUndefined()
    expect(seen?.headers.range).toBeUndefined()
  })

  it('206: passes the Range (and If-Range) on, and the partial answer back', async () => {
    const cms = await startCms(fileEndpoint)
    const response = await serve(
      cms.baseUrl,
      get('/bestanden/clip.mp4', { Range: 'bytes=100-199', 'If-Range': '"v1"' }),
    )
    expect(response.status).toBe(206)
    expect(response.headers.get('Content-Range')).toBe('bytes 100-199/1000')
    expect(response.headers.get('Content-Length')).toBe('100')
    expectPrivate(response)
    expect(Buffer.from(await response.arrayBuffer()).equals(FILE.subarray(100, 200))).toBe(true)
    expect(cms.requests[0]?.headers.range).toBe('bytes=100-199')
    expect(cms.requests[0]?.headers['if-range']).toBe('"v1"')
  })

  it('416: a range past the end is passed back with its Content-Range', async () => {
    const cms = await startCms(fileEndpoint)
    const response = await serve(cms.baseUrl, get('/bestanden/clip.mp4', { Range: 'bytes=5000-' }))
    expect(response.status).toBe(416)
    expect(response.headers.get('Content-Range')).toBe('bytes */1000')
    expectPrivate(response)
  })

  it('HEAD: asks the CMS with HEAD and sends no body', async () => {
    const cms = await startCms(fileEndpoint)
    const response = await serve(cms.baseUrl, get('/bestanden/clip.mp4', {}, { method: 'HEAD' }))
    expect(response.status).toBe(200)
    expect(response.body).toBeNull()
    expect(cms.requests[0]?.method).toBe('HEAD')
  })

  it('streams: the first bytes arrive before the CMS has sent the rest', async () => {
    let finish: () => void = () => {}
    const finished = new Promise<void>((resolve) => (finish = resolve))
    const cms = await startCms((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': '8' })
      res.write(Buffer.from('head'))
      void finished.then(() => res.end(Buffer.from('tail')))
    })
    const response = await serve(cms.baseUrl, get('/bestanden/clip.mp4'))
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    const first = await reader.read()
    expect(Buffer.from(first.value ?? []).toString()).toBe('head')
    finish()
    let rest = ''
    for (;;) {
      const chunk = await reader.read()
      if (chunk.done) break
      rest += Buffer.from(chunk.value).toString()
    }
    expect(rest).toBe('tail')
  })

  it('a long transfer is not cut off by the CMS timeout (it only covers the headers)', async () => {
    const cms = await startCms((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': '8' })
      res.write(Buffer.from('slow'))
      setTimeout(() => res.end(Buffer.from('body')), 400)
    })
    const response = await serve(cms.baseUrl, get('/bestanden/clip.mp4'), { timeoutMs: 150 })
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe('slowbody')
  })

  it('the browser going away aborts the transfer from the CMS', async () => {
    let upstreamClosed: () => void = () => {}
    const closed = new Promise<void>((resolve) => (upstreamClosed = resolve))
    const cms = await startCms((_req, res) => {
      res.on('close', () => upstreamClosed())
      res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': '1000000' })
      res.write(Buffer.alloc(1000))
    })
    const browser = new AbortController()
    const response = await serve(
      cms.baseUrl,
      get('/bestanden/clip.mp4', {}, { signal: browser.signal }),
    )
    const reader = response.body!.getReader()
    await reader.read()
    browser.abort()
    await closed
  })

  it.each([403, 404])('CMS %i: 404, the same answer either way', async (status) => {
    const cms = await startCms((_req, res) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ETag: '"leak"' })
      res.end('{"errors":[{"message":"details"}]}')
    })
    const response = await serve(cms.baseUrl, get('/bestanden/other-group.webp'))
    expect(response.status).toBe(404)
    expectPrivate(response)
    expect(response.headers.get('Content-Type')).toBe('text/plain; charset=utf-8')
    expect(response.headers.has('ETag')).toBe(false)
    expect(await response.text()).toBe(NOT_FOUND_MESSAGE)
  })

  it('a refused token (403 from the stub for another token) also gives 404', async () => {
    const cms = await startCms(fileEndpoint)
    const other = { ...session, token: 'someone-else' }
    const response = await serve(cms.baseUrl, get('/bestanden/clip.mp4'), { session: other })
    expect(response.status).toBe(404)
  })

  it('CMS 401: 401 (the session is over)', async () => {
    const cms = await startCms((_req, res) => {
      res.writeHead(401)
      res.end()
    })
    expect((await serve(cms.baseUrl, get('/bestanden/clip.mp4'))).status).toBe(401)
  })

  it('no session: 401 without asking the CMS, and no redirect', async () => {
    const cms = await startCms(fileEndpoint)
    const response = await serve(cms.baseUrl, get('/bestanden/clip.mp4'), { session: null })
    expect(response.status).toBe(401)
    expect(response.headers.has('Location')).toBe(false)
    expectPrivate(response)
    expect(cms.requests).toHaveLength(0)
  })

  it.each(['..', '.env', 'a..b.webp', 'foto 1.webp', 'x'.repeat(201)])(
    'a bad file name (%j): 404 without asking the CMS',
    async (name) => {
      const cms = await startCms(fileEndpoint)
      const response = await serveMediaFile({
        request: get('/bestanden/x'),
        filename: name,
        session,
        cms: createCmsClient({ baseUrl: cms.baseUrl }),
      })
      expect(response.status).toBe(404)
      expect(cms.requests).toHaveLength(0)
    },
  )

  it('CMS down, 5xx, a redirect or no answer in time: 503 with Retry-After', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const down = await startCms(() => {})
    await down.close()
    const refused = await serve(down.baseUrl, get('/bestanden/clip.mp4'))
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toBe('30')
    expectPrivate(refused)

    for (const status of [500, 502, 302]) {
      const cms = await startCms((_req, res) => {
        res.writeHead(status, status === 302 ? { Location: 'http://example.org/' } : {})
        res.end()
      })
      expect((await serve(cms.baseUrl, get('/bestanden/clip.mp4'))).status).toBe(503)
    }

    const silent = await startCms(() => {})
    const started = Date.now()
    const late = await serve(silent.baseUrl, get('/bestanden/clip.mp4'), { timeoutMs: 150 })
    expect(late.status).toBe(503)
    expect(Date.now() - started).toBeLessThan(3000)
  })

  it('only GET and HEAD', async () => {
    const cms = await startCms(fileEndpoint)
    const response = await serve(cms.baseUrl, get('/bestanden/clip.mp4', {}, { method: 'DELETE' }))
    expect(response.status).toBe(405)
    expect(response.headers.get('Allow')).toBe('GET, HEAD')
    expect(cms.requests).toHaveLength(0)
  })
})

describe('serveMediaFile with the portal cache (issue #11)', () => {
  /** A CMS whose file answer and portal version the test changes between requests. */
  async function cmsWithVersion() {
    const state = { version: 'v1', allowed: true }
    const cms = await startCms((req, res) => {
      if (req.url === '/api/portal-version') {
        res.writeHead(200, { 'Content-Type': 'application/json' })
        return res.end(JSON.stringify({ version: state.version, validUntil: null, houseRules: 1 }))
      }
      if (!state.allowed) {
        res.writeHead(404, { 'Content-Type': 'application/json' })
        return res.end('{"errors":[{"message":"Not Found"}]}')
      }
      fileEndpoint(req, res)
    })
    const client = createCmsClient({ baseUrl: cms.baseUrl, timeoutMs: 2000 })
    const cache = createPortalCache({
      readVersion: (token) => client.getContract('/api/portal-version', token, portalVersionAnswer),
    })
    const fileRequests = () => cms.requests.filter((r) => r.url.startsWith('/api/media/')).length
    const serveCached = (request: Request) =>
      serveMediaFile({ request, filename: 'clip.mp4', session, cms: client, cache })
    return { state, cms, fileRequests, serveCached }
  }

  it('serves a file the CMS served to this session again from memory while the version holds', async () => {
    const { fileRequests, serveCached } = await cmsWithVersion()
    const first = await serveCached(get('/bestanden/clip.mp4'))
    expect(Buffer.from(await first.arrayBuffer()).equals(FILE)).toBe(true)
    const again = await serveCached(get('/bestanden/clip.mp4'))
    expect(again.status).toBe(200)
    expectPrivate(again)
    expect(again.headers.get('Content-Type')).toBe('video/mp4')
    expect(again.headers.get('Content-Length')).toBe('1000')
    expect(again.headers.get('ETag')).toBe('"v1"')
    expect(Buffer.from(await again.arrayBuffer()).equals(FILE)).toBe(true)
    const head = await serveCached(get('/bestanden/clip.mp4', {}, { method: 'HEAD' }))
    expect(head.status).toBe(200)
    expect((await head.arrayBuffer()).byteLength).toBe(0)
    expect(fileRequests()).toBe(1)
  })

  it('asks the CMS again at the first request after the version moved, and a refusal counts', async () => {
    const { state, fileRequests, serveCached } = await cmsWithVersion()
    await (await serveCached(get('/bestanden/clip.mp4'))).arrayBuffer()
    // A consent refusal in the CMS: the file is refused and the version moves, in one write.
    state.allowed = false
    state.version = 'v2'
    const refused = await serveCached(get('/bestanden/clip.mp4'))
    expect(refused.status).toBe(404)
    expect(await refused.text()).toBe(NOT_FOUND_MESSAGE)
    expect(fileRequests()).toBe(2)
    // And it stays refused: the refusal is not kept as a reason to serve the old bytes.
    expect((await serveCached(get('/bestanden/clip.mp4'))).status).toBe(404)
    expect(fileRequests()).toBe(3)
  })

  it('passes every range request to the CMS', async () => {
    const { fileRequests, serveCached } = await cmsWithVersion()
    await (await serveCached(get('/bestanden/clip.mp4'))).arrayBuffer()
    const partial = await serveCached(get('/bestanden/clip.mp4', { Range: 'bytes=0-9' }))
    expect(partial.status).toBe(206)
    expect((await partial.arrayBuffer()).byteLength).toBe(10)
    expect(fileRequests()).toBe(2)
  })

  it('asks the CMS for every request while the version cannot be read', async () => {
    const cms = await startCms(fileEndpoint)
    const client = createCmsClient({ baseUrl: cms.baseUrl, timeoutMs: 2000 })
    const cache = createPortalCache({
      readVersion: (token) => client.getContract('/api/portal-version', token, portalVersionAnswer),
    })
    for (let i = 0; i < 2; i++) {
      const response = await serveMediaFile({
        request: get('/bestanden/clip.mp4'),
        filename: 'clip.mp4',
        session,
        cms: client,
        cache,
      })
      expect(response.status).toBe(200)
      await response.arrayBuffer()
    }
    expect(cms.requests.filter((r) => r.url.startsWith('/api/media/'))).toHaveLength(2)
  })
})

describe('readSmall', () => {
  const streamOf = (...chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk))
        controller.close()
      },
    })

  it('reads a body that fits into one array', async () => {
    const read = await readSmall(streamOf('abc', 'def'), 6)
    expect('bytes' in read && new TextDecoder().decode(read.bytes)).toBe('abcdef')
  })

  it('gives a body that does not fit back as a stream, nothing lost', async () => {
    const read = await readSmall(streamOf('abc', 'def', 'ghi'), 4)
    expect('stream' in read).toBe(true)
    if ('stream' in read) expect(await new Response(read.stream).text()).toBe('abcdefghi')
  })
})
