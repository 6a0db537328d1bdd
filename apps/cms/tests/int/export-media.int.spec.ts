import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '../../src/payload-types'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'
import { storedFile } from './helpers/stored-files'
import { publishPhotoPost } from './helpers/upload'

/** The entries of a zip (names and stored bytes), read from its central directory. */
function readZip(zip: Buffer): { name: string; data: Buffer }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  expect(end).toBeGreaterThanOrEqual(0)
  const count = zip.readUInt16LE(end + 10)
  let at = zip.readUInt32LE(end + 16)
  const entries: { name: string; data: Buffer }[] = []
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50)
    const method = zip.readUInt16LE(at + 10)
    const size = zip.readUInt32LE(at + 20)
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const local = zip.readUInt32LE(at + 42)
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')
    expect(method).toBe(0) // stored: photos and videos are compressed already
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28)
    entries.push({ name, data: zip.subarray(dataStart, dataStart + size) })
    at += 46 + nameLength + extraLength + commentLength
  }
  return entries
}

/**
 * The photos and videos download (issue #16): every photo a parent may see in posts right now,
 * in a zip whose length is known ahead, and nothing else — resolved by the same visibility rules
 * as every other read.
 */
describe('the photos and videos zip', { tags: ['media-files'] }, () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<'teacher' | 'otherTeacher' | 'multi' | 'guardian', string> = {} as never
  const photos: Record<string, Media> = {}

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    await payload.updateGlobal({
      slug: 'school-settings',
      data: { minPupilsPerPhoto: 2, defaultImageConsent: 'allowed' },
    })
    t.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    t.otherTeacher = await fixtureToken(payload, 'staff', f.teacherOther.email)
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1 (A), c1 (C)
    t.guardian = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1 (B)
    const a = [f.pupils.a1.id, f.pupils.a2.id]
    photos.autumn = (
      await publishPhotoPost(t.teacher, {
        title: 'Herfst: wandeling/bos',
        groupId: f.groups.a.id,
        pupils: a,
      })
    ).photo
    photos.library = (
      await publishPhotoPost(t.otherTeacher, {
        title: 'Bibliotheek',
        groupId: f.groups.c.id,
        pupils: [f.pupils.c1.id, f.pupils.c2.id],
      })
    ).photo
    // Group B's post is not for this family; a hidden post is for nobody.
    const b2 = await payload.create({
      collection: 'pupils',
      data: { firstName: 'B2', lastName: 'Zip', group: f.groups.b.id },
    })
    await publishPhotoPost(t.teacher, {
      title: 'Groep B',
      groupId: f.groups.b.id,
      pupils: [f.pupils.b1.id, b2.id],
    })
    const hidden = await publishPhotoPost(t.teacher, {
      title: 'Verborgen',
      groupId: f.groups.a.id,
      pupils: a,
    })
    photos.hidden = hidden.photo
    const hide = await rest('PATCH', `/posts/${hidden.post.id}`, {
      token: t.teacher,
      body: { hidden: true },
    })
    expect(hide.status).toBe(200)
  })

  it('says how many files and bytes before the download, and sends exactly that', async () => {
    const summary = await rest('GET', '/parents/export/media/summary', { token: t.multi })
    expect(summary.status).toBe(200)
    const { files, bytes } = (await summary.json()) as { files: number; bytes: number }

    const res = await rest('GET', '/parents/export/media', { token: t.multi })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/zip')
    expect(res.headers.get('content-length')).toBe(String(bytes))
    const zip = Buffer.from(await res.arrayBuffer())
    expect(zip.length).toBe(bytes)

    // The database is shared with earlier test files: their school-wide posts are this family's
    // too. Of this file's posts, exactly the two the family may see are in it.
    const entries = readZip(zip)
    expect(entries).toHaveLength(files)
    const today = new Date().toISOString().slice(0, 10)
    const ours = entries
      .map((e) => e.name)
      .filter((name) => /Bibliotheek|Herfst|Verborgen|Groep B/.test(name))
      .sort()
    expect(ours).toEqual(
      [`${today} Bibliotheek/01.webp`, `${today} Herfst wandeling bos/01.webp`].sort(),
    )
    // The bytes are the full-size photos the portal shows (stored without metadata).
    for (const [title, photo] of [
      ['Bibliotheek', photos.library!],
      ['Herfst wandeling bos', photos.autumn!],
    ] as const) {
      const entry = entries.find((e) => e.name.includes(title))!
      expect(entry.data.equals(await storedFile(photo.sizes!.full!.filename!))).toBe(true)
    }
  })

  it('holds nothing a parent may not see: another family gets an empty zip', async () => {
    const summary = await rest('GET', '/parents/export/media/summary', { token: t.guardian })
    const { files } = (await summary.json()) as { files: number }
    const res = await rest('GET', '/parents/export/media', { token: t.guardian })
    const zip = Buffer.from(await res.arrayBuffer())
    const names = readZip(zip).map((e) => e.name)
    expect(names.some((name) => /Herfst|Bibliotheek|Verborgen/.test(name))).toBe(false)
    expect(names).toHaveLength(files)
  })

  it('is for signed-in parents only, logged, and limited with the JSON export', async () => {
    expect((await rest('GET', '/parents/export/media')).status).toBe(401)
    expect((await rest('GET', '/parents/export/media', { token: t.teacher })).status).toBe(403)
    const log = await payload.find({
      collection: 'audit-events',
      where: {
        and: [
          { type: { equals: 'data-export' } },
          { actorId: { equals: f.parents.multiGroup.id } },
        ],
      },
      depth: 0,
    })
    expect(log.docs.map((row) => row.summary)).toEqual([
      expect.stringMatching(/^Foto's en video's gedownload \(zip, \d+ bestanden\)\.$/),
    ])
    const statuses: number[] = []
    for (let i = 0; i < 5; i++) {
      const res = await rest('GET', '/parents/export/media', { token: t.multi })
      await res.arrayBuffer()
      statuses.push(res.status)
    }
    // One zip above, four more pass; the sixth in the hour is refused in Dutch.
    expect(statuses).toEqual([200, 200, 200, 200, 429])
  })
})
