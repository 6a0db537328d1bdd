import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { DELETE, PATCH, POST } from '../../src/app/(payload)/api/[...slug]/route'
import type { Media } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { uploadMedia } from './helpers/upload'

const CHUNK = 64 * 1024
const BOUNDARY = '----schoolpost-guard-test'

/**
 * A streamed body of `total` bytes that counts how much of it the server pulled. The first chunk
 * (the multipart head) is always there; every later one is made only when someone reads it.
 */
function countingBody(total: number, head = '') {
  const counter = { bytesPulled: 0, cancelled: false }
  let sent = 0
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (sent >= total) return controller.close()
        const chunk =
          sent === 0 && head
            ? new TextEncoder().encode(head)
            : new Uint8Array(Math.min(CHUNK, total - sent)).fill(0x61)
        sent += chunk.byteLength
        counter.bytesPulled += chunk.byteLength
        controller.enqueue(chunk)
      },
      cancel() {
        counter.cancelled = true
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, counter }
}

const multipartHead = (name = 'big.jpg') =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: image/jpeg\r\n\r\n`

/** A request straight into the Next route handler of /api/[...slug], as `next start` runs it. */
function call(
  handler: typeof POST,
  method: string,
  apiPath: string,
  { body, headers = {} }: { body?: BodyInit; headers?: Record<string, string> },
) {
  const request = new Request(`http://localhost:3000/api${apiPath}`, {
    method,
    headers,
    body,
    duplex: 'half',
  } as RequestInit)
  const slug = apiPath.split('?')[0]!.split('/').filter(Boolean)
  return handler(request as never, { params: Promise.resolve({ slug }) })
}

describe('upload bodies are refused before they are read (issue #9 item 10)', () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  let parentToken: string
  let officeToken: string
  let photo: Media

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    officeToken = await fixtureToken(payload, 'staff', f.office.email)
    parentToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    const res = await uploadMedia(teacherToken, await plainPng(64, 64, '#abc'), 'klein.png', {
      pupils: [f.pupils.a1.id, f.pupils.a2.id],
    })
    photo = ((await res.json()) as { doc: Media }).doc
  })

  const multipart = { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` }
  const TWENTY_MB = 20 * 1024 * 1024

  it('an anonymous 20 MB multipart POST to /api/media gets a Dutch 401 after reading nothing but the head', async () => {
    const { stream, counter } = countingBody(TWENTY_MB, multipartHead())
    const res = await call(POST, 'POST', '/media', { body: stream, headers: multipart })
    expect(res.status).toBe(401)
    expect(((await res.json()) as { message: string }).message).toMatch(/Log in/)
    expect(counter.bytesPulled).toBeLessThanOrEqual(CHUNK)
  })

  it('a parent’s and the office’s multipart POST and PATCH get a Dutch 403 without the body being read', async () => {
    for (const token of [parentToken, officeToken]) {
      for (const [handler, method, path] of [
        [POST, 'POST', '/media'],
        [PATCH, 'PATCH', `/media/${photo.id}`],
      ] as const) {
        const { stream, counter } = countingBody(TWENTY_MB, multipartHead())
        const res = await call(handler, method, path, {
          body: stream,
          headers: { ...multipart, Authorization: `JWT ${token}` },
        })
        expect(res.status).toBe(403)
        expect(((await res.json()) as { message: string }).message).toMatch(/Je mag geen/)
        expect(counter.bytesPulled).toBeLessThanOrEqual(CHUNK)
      }
    }
  })

  it('a JSON body over 1 MB is refused with 413 while streaming, with or without Content-Length', async () => {
    const streamed = countingBody(TWENTY_MB, '{"title":"')
    const res = await call(POST, 'POST', '/posts', {
      body: streamed.stream,
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${teacherToken}` },
    })
    expect(res.status).toBe(413)
    expect(((await res.json()) as { message: string }).message).toMatch(/te groot/)
    expect(streamed.counter.bytesPulled).toBeLessThanOrEqual(1_000_000 + CHUNK)

    const declared = countingBody(TWENTY_MB, '{"title":"')
    const withLength = await call(POST, 'POST', '/posts', {
      body: declared.stream,
      headers: { 'Content-Type': 'application/json', 'Content-Length': String(TWENTY_MB) },
    })
    expect(withLength.status).toBe(413)
    expect(declared.counter.bytesPulled).toBeLessThanOrEqual(CHUNK)
  })

  it('a multipart body to a route that takes no uploads is held to the same 1 MB', async () => {
    const { stream, counter } = countingBody(TWENTY_MB, multipartHead())
    const res = await call(POST, 'POST', '/posts', {
      body: stream,
      headers: { ...multipart, Authorization: `JWT ${teacherToken}` },
    })
    expect(res.status).toBe(413)
    expect(counter.bytesPulled).toBeLessThanOrEqual(1_000_000 + CHUNK)
    const del = countingBody(TWENTY_MB, '{"x":"')
    const deleted = await call(DELETE, 'DELETE', `/media/${photo.id}`, {
      body: del.stream,
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${teacherToken}` },
    })
    expect(deleted.status).toBe(413)
  })

  it('uploaders and ordinary requests still work through the same route', async () => {
    const form = new FormData()
    const png = await plainPng(64, 64, '#cba')
    form.append('file', new Blob([new Uint8Array(png)]), 'ok.png')
    form.append('_payload', JSON.stringify({ pupils: [f.pupils.a1.id, f.pupils.a2.id] }))
    const created = await call(POST, 'POST', '/media', {
      body: form,
      headers: { Authorization: `JWT ${teacherToken}` },
    })
    expect(created.status).toBe(201)
    const retag = await call(PATCH, 'PATCH', `/media/${photo.id}`, {
      body: JSON.stringify({ alt: 'Klas in het bos' }),
      headers: { 'Content-Type': 'application/json', Authorization: `JWT ${teacherToken}` },
    })
    expect(retag.status).toBe(200)
    // The admin saves every document as a small multipart `_payload` form.
    const adminForm = new FormData()
    adminForm.append('_payload', JSON.stringify({ title: 'Kort bericht', audience: 'school' }))
    const post = await call(POST, 'POST', '/posts', {
      body: adminForm,
      headers: { Authorization: `JWT ${teacherToken}` },
    })
    expect(post.status).toBe(201)
  })
})
