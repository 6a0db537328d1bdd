import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { GET, OPTIONS, POST } from '../../src/app/(payload)/api/[...slug]/route'
import type { Media } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { uploadMedia } from './helpers/upload'

/** A request straight into the Next route handler of /api/[...slug], as `next start` runs it. */
function call(
  handler: typeof GET,
  method: string,
  apiPath: string,
  { body, headers = {} }: { body?: BodyInit; headers?: Record<string, string> } = {},
) {
  const request = new Request(`http://localhost:3000/api${apiPath}`, { method, headers, body })
  const slug = apiPath.split('?')[0]!.split('/').filter(Boolean)
  return handler(request as never, { params: Promise.resolve({ slug }) })
}

/** The headers that matter here, with the status, so a failure shows the whole answer. */
const securityOf = (res: Response) => ({
  status: res.status,
  cacheControl: res.headers.get('Cache-Control'),
  csp: res.headers.get('Content-Security-Policy'),
  frameOptions: res.headers.get('X-Frame-Options'),
  nosniff: res.headers.get('X-Content-Type-Options'),
  referrer: res.headers.get('Referrer-Policy'),
  // The tests run with SCHOOLPOST_ENV=test: never HSTS outside production.
  hsts: res.headers.get('Strict-Transport-Security'),
})

const safe = {
  cacheControl: 'private, no-store',
  csp: "default-src 'none'; frame-ancestors 'none'",
  frameOptions: 'DENY',
  nosniff: 'nosniff',
  referrer: 'same-origin',
  hsts: null,
}

describe('every /api answer carries the security headers and is never cached (issue #9 item 9)', () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  let directorToken: string
  let parentToken: string
  let photo: Media

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    directorToken = await fixtureToken(payload, 'staff', f.director.email)
    parentToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    const res = await uploadMedia(teacherToken, await plainPng(1200, 900, '#8ab'), 'klas.png', {
      pupils: [f.pupils.a1.id, f.pupils.a2.id],
    })
    photo = ((await res.json()) as { doc: Media }).doc
  })

  it('a media file of every size, a range of it and a refused file', async () => {
    const asTeacher = { Authorization: `JWT ${teacherToken}` }
    const file = (name: string, headers: Record<string, string> = {}) =>
      call(GET, 'GET', `/media/file/${name}`, { headers })
    const answers = {
      original: await file(photo.filename!, asTeacher),
      thumbnail: await file(photo.sizes!.thumbnail!.filename!, asTeacher),
      feed: await file(photo.sizes!.feed!.filename!, asTeacher),
      full: await file(photo.sizes!.full!.filename!, asTeacher),
      range: await file(photo.sizes!.feed!.filename!, { ...asTeacher, Range: 'bytes=0-99' }),
      // The photo is in no post: a parent may not see it, nor may anyone without a login.
      parent: await file(photo.sizes!.feed!.filename!, { Authorization: `JWT ${parentToken}` }),
      anonymous: await file(photo.filename!),
    }
    expect(
      Object.fromEntries(Object.entries(answers).map(([k, res]) => [k, securityOf(res)])),
    ).toEqual({
      original: { status: 200, ...safe },
      thumbnail: { status: 200, ...safe },
      feed: { status: 200, ...safe },
      full: { status: 200, ...safe },
      range: { status: 206, ...safe },
      parent: { status: 403, ...safe },
      anonymous: { status: 403, ...safe },
    })
    // The file itself still arrives intact.
    expect(answers.original.headers.get('Content-Type')).toBe('image/png')
    expect((await answers.range.arrayBuffer()).byteLength).toBe(100)
  })

  it('a file name that does not exist is a Dutch 404 for a director too (was a 500)', async () => {
    // A director may read every media, so Payload's access check lets any name through.
    const res = await call(GET, 'GET', '/media/file/bestaat-niet-1200x900.webp', {
      headers: { Authorization: `JWT ${directorToken}` },
    })
    expect(securityOf(res)).toEqual({ status: 404, ...safe })
    expect(JSON.stringify(await res.json())).toContain('Dit bestand bestaat niet.')
  })

  it('JSON answers, refusals of the body guard and of a login, and a preflight', async () => {
    const multipart = new FormData()
    multipart.append('file', new Blob([new Uint8Array(await plainPng(8, 8, '#000'))]), 'x.png')
    const answers = {
      list: await call(GET, 'GET', '/posts?limit=1', {
        headers: { Authorization: `JWT ${teacherToken}` },
      }),
      me: await call(GET, 'GET', '/parents/me', {
        headers: { Authorization: `JWT ${parentToken}` },
      }),
      notFound: await call(GET, 'GET', '/bestaat-niet'),
      uploadRefused: await call(POST, 'POST', '/media', { body: multipart }),
      loginRefused: await call(POST, 'POST', '/staff/login', {
        body: JSON.stringify({ email: f.office.email, password: 'fout-wachtwoord-123' }),
        headers: { 'Content-Type': 'application/json' },
      }),
      preflight: await call(OPTIONS, 'OPTIONS', '/posts', {
        headers: { Origin: 'http://localhost:3000', 'Access-Control-Request-Method': 'GET' },
      }),
    }
    const seen = Object.fromEntries(
      Object.entries(answers).map(([k, res]) => {
        const { status, ...headers } = securityOf(res)
        return [k, { refused: status >= 400, ...headers }]
      }),
    )
    expect(seen).toEqual({
      list: { refused: false, ...safe },
      me: { refused: false, ...safe },
      notFound: { refused: true, ...safe },
      uploadRefused: { refused: true, ...safe },
      loginRefused: { refused: true, ...safe },
      preflight: { refused: false, ...safe },
    })
  })
})
