import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { storedMediaFiles } from '../../src/collections/Media/storage/stored-media-files'
import { env } from '../../src/lib/env'
import type { Media } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { storedFile } from './helpers/stored-files'
import { uploadMedia } from './helpers/upload'

const allFiles = (m: Media) => [
  m.filename!,
  ...(['thumbnail', 'feed', 'full'] as const).map((size) => m.sizes![size]!.filename!),
]

/** A one-second WebM without metadata worth keeping (posters are made from its first frame). */
function smallClip(): Buffer {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sp-clip-'))
  const file = path.join(dir, 'clip.webm')
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x180:rate=10', '-t', '1'],
    ...['-c:v', 'libvpx', '-b:v', '200k', file],
  ])
  return readFileSync(file)
}

/**
 * Where media files live (issue #12): MEDIA_DIR by default, an S3-compatible bucket with S3_BUCKET
 * (the S3 leg runs this file against the Versity S3 Gateway). Either way the same promises: files
 * only where configured, only ever served by the CMS after the access check, no storage address
 * handed out, removed with their media item, and a missing file is a Dutch 404.
 */
describe('media storage: disk or S3, the same rules', { tags: ['media-files'] }, () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  let parentToken: string
  let otherParentToken: string
  let photo: Media
  const files = storedMediaFiles()
  const onS3 = Boolean(process.env.S3_BUCKET)

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    parentToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1, group A
    otherParentToken = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // group B
    const res = await uploadMedia(teacherToken, await plainPng(1200, 800, '#3a7'), 'opslag.png', {
      pupils: [f.pupils.a1.id, f.pupils.a2.id],
    })
    expect(res.status, await res.clone().text()).toBe(201)
    photo = ((await res.json()) as { doc: Media }).doc
    // A published group post makes the photo's sizes visible to the parents of group A.
    const post = await rest('POST', '/posts', {
      token: teacherToken,
      body: {
        title: 'Opslag',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        gallery: [photo.id],
      },
    })
    expect(post.status).toBe(201)
  })

  it('stores the original and every size where configured, and only there', async () => {
    expect(files.kind).toBe(onS3 ? 's3' : 'disk')
    const listed = await files.list()
    for (const name of allFiles(photo)) {
      expect(await files.exists(name), name).toBe(true)
      expect(listed).toContain(name)
      // With S3 nothing of it reaches the local disk (several CMS processes share no folder).
      expect(existsSync(path.join(env.mediaDir, name)), name).toBe(!onS3)
    }
  })

  it('hands out no storage address: every URL is the CMS file endpoint, and the bucket refuses strangers', async () => {
    const res = await rest('GET', `/media/${photo.id}`, { token: teacherToken })
    const doc = (await res.json()) as Media
    const urls = [doc.url, ...Object.values(doc.sizes ?? {}).map((size) => size?.url)]
    expect(urls).toHaveLength(4)
    for (const url of urls) {
      expect(url).toMatch(new RegExp(`^${env.cmsUrl}/api/media/file/[^/?]+$`))
    }
    if (onS3) {
      // Straight at the S3 server, without the CMS's keys: refused (a private bucket).
      const key = `${env.s3!.prefix}/${photo.sizes!.feed!.filename}`
      const direct = await fetch(`${env.s3!.endpoint}/${env.s3!.bucket}/${key}`)
      expect(direct.status).toBe(403)
      expect(await files.exists(photo.sizes!.feed!.filename!)).toBe(true)
    }
  })

  it('serves the stored bytes, ranges included, only to whom the photo is for', async () => {
    const name = photo.sizes!.feed!.filename!
    const stored = await storedFile(name)
    const whole = await rest('GET', `/media/file/${name}`, { token: parentToken })
    expect(whole.status).toBe(200)
    expect(whole.headers.get('content-type')).toBe('image/webp')
    expect(whole.headers.get('content-length')).toBe(String(stored.length))
    expect(Buffer.from(await whole.arrayBuffer()).equals(stored)).toBe(true)

    const part = await rest('GET', `/media/file/${name}`, {
      token: parentToken,
      headers: { Range: 'bytes=10-109' },
    })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe(`bytes 10-109/${stored.length}`)
    expect(Buffer.from(await part.arrayBuffer()).equals(stored.subarray(10, 110))).toBe(true)

    for (const file of allFiles(photo)) {
      const refused = await rest('GET', `/media/file/${file}`, { token: otherParentToken })
      expect([403, 404], file).toContain(refused.status)
      expect([403, 404], file).toContain((await rest('GET', `/media/file/${file}`)).status)
    }
    // The original is for staff only (parents get the sizes).
    expect([403, 404]).toContain(
      (await rest('GET', `/media/file/${photo.filename}`, { token: parentToken })).status,
    )
  })

  it('answers a file gone from storage with a Dutch 404, not a 500', async () => {
    const res = await uploadMedia(teacherToken, await plainPng(800, 600, '#a37'), 'weg.png', {
      noRecognisablePupils: true,
    })
    const lost = ((await res.json()) as { doc: Media }).doc
    await files.remove(lost.sizes!.thumbnail!.filename!)
    const answer = await rest('GET', `/media/file/${lost.sizes!.thumbnail!.filename}`, {
      token: teacherToken,
    })
    expect(answer.status).toBe(404)
    expect(await answer.text()).toContain('Dit bestand bestaat niet.')
    // The other files of the item are still served.
    expect(
      (await rest('GET', `/media/file/${lost.sizes!.feed!.filename}`, { token: teacherToken }))
        .status,
    ).toBe(200)
  })

  it('removes every file of a deleted photo or video, posters included', async () => {
    const res = await uploadMedia(teacherToken, await plainPng(900, 600, '#37a'), 'wis.png', {
      noRecognisablePupils: true,
    })
    const gone = ((await res.json()) as { doc: Media }).doc
    const clipRes = await uploadMedia(teacherToken, smallClip(), 'wis.webm', {
      noRecognisablePupils: true,
    })
    expect(clipRes.status, await clipRes.clone().text()).toBe(201)
    const clip = ((await clipRes.json()) as { doc: Media }).doc
    const names = [...allFiles(gone), ...allFiles(clip)]
    expect(names.filter((name) => name.includes('-poster-'))).toHaveLength(3)
    for (const name of names) expect(await files.exists(name), name).toBe(true)

    for (const item of [gone, clip]) {
      const del = await rest('DELETE', `/media/${item.id}`, { token: teacherToken })
      expect(del.status).toBe(200)
    }
    for (const name of names) expect(await files.exists(name), name).toBe(false)
  })

  it('lets no caller choose where a file is stored', async () => {
    const res = await uploadMedia(teacherToken, await plainPng(640, 480, '#777'), 'plek.png', {
      noRecognisablePupils: true,
      prefix: '../andere-school',
      _objectKey: 'overschreven',
    })
    expect(res.status).toBe(201)
    const doc = ((await res.json()) as { doc: Media & { prefix?: string; _objectKey?: string } })
      .doc
    expect(doc.prefix ?? '').toBe('')
    expect(doc._objectKey ?? null).toBeNull()
    for (const name of allFiles(doc)) expect(await files.exists(name), name).toBe(true)
    // Parents never see where files lie.
    const asParent = await rest('GET', `/media/${photo.id}`, { token: parentToken })
    expect(asParent.status).toBe(200)
    const seen = (await asParent.json()) as Record<string, unknown>
    expect(seen).not.toHaveProperty('prefix')
    expect(seen).not.toHaveProperty('_objectKey')
  })
})
