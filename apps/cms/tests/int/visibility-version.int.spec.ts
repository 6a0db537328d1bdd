import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { VISIBILITY_VERSION_KEY } from '../../src/access/lib/visibility-version'
import type { Media, Post } from '../../src/payload-types'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { publishPhotoPost } from './helpers/upload'
import { storedVersion } from './helpers/versions'

/**
 * Issue #11: what parents may see is cached per visibility version, a token in the database that
 * every relevant write replaces in its own transaction. These tests pin the two halves: each
 * write channel replaces the token, and a change made by *another* process (its row plus its
 * token, written to the shared database without this process's hooks) counts at this process's
 * next request, on every channel and every file size.
 */
describe('the visibility version (issue #11)', () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  let directorToken: string
  let parentToken: string
  let photo: Media
  let post: Post

  const token = () => storedVersion(payload, VISIBILITY_VERSION_KEY)
  /** What another CMS process's hook writes: a new token, in the shared database. */
  const tokenFromElsewhere = (value: string) =>
    payload.db.upsert({
      collection: 'payload-kv',
      where: { key: { equals: VISIBILITY_VERSION_KEY } },
      data: { key: VISIBILITY_VERSION_KEY, data: { token: value } },
      returning: false,
    })

  async function parentSees(m: Media): Promise<boolean[]> {
    const item = await rest('GET', `/media/${m.id}`, { token: parentToken })
    const gallery = (await (
      await rest('GET', `/posts/${post.id}?depth=1`, { token: parentToken })
    ).json()) as { gallery: Media[] }
    const files = await Promise.all(
      [m.sizes!.thumbnail!.filename!, m.sizes!.feed!.filename!, m.sizes!.full!.filename!].map(
        (file) => rest('GET', `/media/file/${file}`, { token: parentToken }),
      ),
    )
    return [
      item.status === 200,
      gallery.gallery.some((g) => g.id === m.id),
      ...files.map((r) => r.status === 200),
    ]
  }

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    directorToken = await fixtureToken(payload, 'staff', f.director.email)
    parentToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    const published = await publishPhotoPost(teacherToken, {
      title: 'Versie',
      groupId: f.groups.a.id,
      pupils: [f.pupils.a1.id, f.pupils.a2.id, f.pupils.b1.id],
    })
    photo = published.photo
    post = published.post
  })

  it('every write that can change what parents see replaces the token; others keep it', async () => {
    const writes: [string, () => Promise<Response>][] = [
      [
        'posts (pinned: the timeline order)',
        () => rest('PATCH', `/posts/${post.id}`, { token: teacherToken, body: { pinned: true } }),
      ],
      [
        'media (tags)',
        () =>
          rest('PATCH', `/media/${photo.id}`, {
            token: teacherToken,
            body: { pupils: [f.pupils.a1.id, f.pupils.a2.id] },
          }),
      ],
      [
        'pupils (a new pupil)',
        () =>
          rest('POST', '/pupils', {
            token: directorToken,
            body: { firstName: 'Nieuw', lastName: 'Kind', group: f.groups.a.id },
          }),
      ],
      [
        'school-settings (minimum up)',
        () =>
          rest('POST', '/globals/school-settings', {
            token: directorToken,
            body: { minPupilsPerPhoto: 3 },
          }),
      ],
      [
        'school-settings (minimum back)',
        () =>
          rest('POST', '/globals/school-settings', {
            token: directorToken,
            body: { minPupilsPerPhoto: 2 },
          }),
      ],
    ]
    for (const [what, write] of writes) {
      const before = await token()
      const res = await write()
      expect(res.status, what).toBeLessThan(300)
      expect(await token(), what).not.toBe(before)
    }
    // Writes that change nothing a parent sees keep the snapshot (a title, an alt text, a name).
    const unrelated: [string, () => Promise<Response>][] = [
      [
        'posts (title)',
        () =>
          rest('PATCH', `/posts/${post.id}`, { token: teacherToken, body: { title: 'Versie 2' } }),
      ],
      [
        'media (alt)',
        () =>
          rest('PATCH', `/media/${photo.id}`, {
            token: teacherToken,
            body: { alt: 'Twee kinderen' },
          }),
      ],
      [
        'pupils (name)',
        () =>
          rest('PATCH', `/pupils/${f.pupils.b1.id}`, {
            token: directorToken,
            body: { lastName: 'Anders' },
          }),
      ],
    ]
    for (const [what, write] of unrelated) {
      const before = await token()
      const res = await write()
      expect(res.status, what).toBe(200)
      expect(await token(), what).toBe(before)
    }
  })

  it('a change another process made counts at the next request once its token is in the database', async () => {
    expect(await parentSees(photo)).toEqual([true, true, true, true, true])
    // Another CMS process hides the photo: its row and its token, not through this process.
    await payload.db.updateOne({
      collection: 'media',
      id: photo.id,
      data: { hidden: true },
      returning: false,
    })
    await tokenFromElsewhere('elsewhere-hidden')
    expect(await parentSees(photo)).toEqual([false, false, false, false, false])
    await payload.db.updateOne({
      collection: 'media',
      id: photo.id,
      data: { hidden: false },
      returning: false,
    })
    await tokenFromElsewhere('elsewhere-shown')
    expect(await parentSees(photo)).toEqual([true, true, true, true, true])
  })
})
