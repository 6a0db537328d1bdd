import { portalVersionAnswer } from '@schoolpost/contracts'
import { SignJWT } from 'jose'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { PORTAL_VERSION_KEY } from '../../src/access/lib/portal-version'
import { VISIBILITY_VERSION_KEY } from '../../src/access/lib/visibility-version'
import { answerPortalVersion } from '../../src/collections/Parents/endpoints/portal-version'
import type { Media, Post } from '../../src/payload-types'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { publishPhotoPost } from './helpers/upload'
import { storedVersion } from './helpers/versions'

/**
 * Issue #11: the portal reuses a page, a post or a file it fetched for a session while the portal
 * version it was fetched under is current. That is only safe if every write that can change such
 * an answer moves the version — including a title, an alt text, a name, a deactivation and a
 * logout, which leave the visibility snapshot alone — and if the version check refuses anyone but
 * a parent.
 */
describe('the portal version (issue #11)', () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  let directorToken: string
  let parentToken: string
  let photo: Media
  let post: Post

  const stored = (key: string) => storedVersion(payload, key)
  const ask = (authorization?: string) =>
    answerPortalVersion(
      payload,
      new Request('http://localhost/api/portal-version', {
        headers: authorization ? { Authorization: authorization } : {},
      }),
    )
  const version = async (): Promise<string> => {
    const res = await ask(`JWT ${parentToken}`)
    expect(res.status).toBe(200)
    return portalVersionAnswer.parse(await res.json()).version
  }

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    directorToken = await fixtureToken(payload, 'staff', f.director.email)
    parentToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    const published = await publishPhotoPost(teacherToken, {
      title: 'Portaalversie',
      groupId: f.groups.a.id,
      pupils: [f.pupils.a1.id, f.pupils.a2.id],
    })
    photo = published.photo
    post = published.post
  })

  it('answers a parent’s token with the stored version, and no one else', async () => {
    expect(await version()).toBe(await stored(PORTAL_VERSION_KEY))
    const res = await ask(`JWT ${parentToken}`)
    expect(res.headers.get('cache-control')).toBe('no-store')

    expect((await ask()).status).toBe(401)
    expect((await ask(`Bearer ${parentToken}`)).status).toBe(401)
    expect((await ask(`JWT ${parentToken.slice(0, -2)}xx`)).status).toBe(401)
    expect((await ask(`JWT ${teacherToken}`)).status).toBe(403)
    // A token signed with another key, even if it claims to be a parent's.
    const forged = await new SignJWT({ collection: 'parents', id: f.parents.multiGroup.id })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode('not-the-secret-of-this-school-0123456789'))
    expect((await ask(`JWT ${forged}`)).status).toBe(401)
    // An expired one.
    const expired = await new SignJWT({ collection: 'parents', id: f.parents.multiGroup.id })
      .setProtectedHeader({ alg: 'HS256' })
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(payload.secret))
    expect((await ask(`JWT ${expired}`)).status).toBe(401)
  })

  it('tells when the next scheduled post appears', async () => {
    const publishAt = new Date(Date.now() + 3_600_000).toISOString()
    const res = await rest('POST', '/posts', {
      token: teacherToken,
      body: {
        title: 'Gepland voor straks',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'scheduled',
        publishAt,
      },
    })
    expect(res.status).toBe(201)
    const answer = portalVersionAnswer.parse(await (await ask(`JWT ${parentToken}`)).json())
    expect(answer.validUntil).not.toBeNull()
    expect(answer.validUntil!).toBeLessThanOrEqual(Date.parse(publishAt))
    expect(answer.validUntil!).toBeGreaterThan(Date.now())
    // Later files drain the job queue: the post and its notification waiting an hour must go.
    const { doc } = (await res.json()) as { doc: { id: string } }
    await payload.delete({ collection: 'posts', id: doc.id })
    await payload.delete({
      collection: 'payload-jobs',
      where: { 'input.post': { equals: doc.id } },
    })
    const waiting = await payload.count({
      collection: 'payload-jobs',
      where: {
        and: [{ completedAt: { exists: false } }, { waitUntil: { greater_than: new Date() } }],
      },
    })
    expect(waiting.totalDocs).toBe(0)
  })

  it('moves with every write that changes a kept answer, including those the snapshot ignores', async () => {
    const writes: [string, () => Promise<Response>][] = [
      [
        'posts (title)',
        () =>
          rest('PATCH', `/posts/${post.id}`, {
            token: teacherToken,
            body: { title: 'Nieuwe titel' },
          }),
      ],
      [
        'media (alt)',
        () => rest('PATCH', `/media/${photo.id}`, { token: teacherToken, body: { alt: 'Twee' } }),
      ],
      [
        'pupils (name)',
        () =>
          rest('PATCH', `/pupils/${f.pupils.c1.id}`, {
            token: directorToken,
            body: { firstName: 'Cato' },
          }),
      ],
      [
        'pupils (group)',
        () =>
          rest('PATCH', `/pupils/${f.pupils.c1.id}`, {
            token: directorToken,
            body: { group: f.groups.b.id },
          }),
      ],
      [
        'groups (name)',
        () =>
          rest('PATCH', `/groups/${f.groups.a.id}`, {
            token: directorToken,
            body: { name: 'Groep 3A' },
          }),
      ],
      [
        'staff (the author’s name)',
        () =>
          rest('PATCH', `/staff/${f.teacherTwoGroups.id}`, {
            token: directorToken,
            body: { name: 'Meester Bram' },
          }),
      ],
      [
        'school-settings (phone)',
        () =>
          rest('POST', '/globals/school-settings', {
            token: directorToken,
            body: { phone: '010-7654321' },
          }),
      ],
      [
        'parents (deactivated)',
        () =>
          rest('PATCH', `/parents/${f.parents.guardianTwo.id}`, {
            token: directorToken,
            body: { status: 'deactivated' },
          }),
      ],
    ]
    for (const [what, write] of writes) {
      const visibility = await stored(VISIBILITY_VERSION_KEY)
      const before = await version()
      const res = await write()
      expect(res.status, what).toBeLessThan(300)
      expect(await version(), what).not.toBe(before)
      if (what === 'posts (title)' || what === 'media (alt)') {
        // The snapshot stays: only the portal's kept answers are renewed.
        expect(await stored(VISIBILITY_VERSION_KEY), what).toBe(visibility)
      }
    }
  })

  it('moves when a parent logs out, not when one logs in', async () => {
    const before = await version()
    const other = await fixtureToken(payload, 'parents', f.parents.guardianOne.email)
    expect(await version()).toBe(before)
    const res = await rest('POST', '/parents/logout', { token: other })
    expect(res.status).toBe(200)
    expect(await version()).not.toBe(before)
  })

  it('moves when a visibility change bypasses the hooks (a report handled straight in the column)', async () => {
    const report = await rest('POST', '/reports', {
      token: parentToken,
      body: { post: post.id, category: 'privacy', text: 'Mijn kind staat hier op.' },
    })
    expect(report.status).toBe(201)
    const { doc } = (await report.json()) as { doc: { id: string } }
    const before = await version()
    const handled = await rest('POST', `/reports/${doc.id}/handle`, {
      token: directorToken,
      body: { action: 'hide-post' },
    })
    expect(handled.status).toBe(200)
    expect(await version()).not.toBe(before)
  })
})
