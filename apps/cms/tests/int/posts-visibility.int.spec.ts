import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Media, Post } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { lexicalParagraphs } from './helpers/lexical'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { uploadMedia } from './helpers/upload'

/** Who sees which post and photo, in every size, and a consent refusal taking effect at once. */
describe('posts and media visibility (S11, S13, S16)', { tags: ['media-files'] }, () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  let multiToken: string
  let guardianToken: string
  let groupPhoto: Media
  let post: Post

  const png = () => plainPng(1200, 800, '#5a8')
  const files = (m: Media) => [
    m.filename!,
    m.sizes!.thumbnail!.filename!,
    m.sizes!.feed!.filename!,
    m.sizes!.full!.filename!,
  ]

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    multiToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // child a1 in group A
    guardianToken = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // child b1 in group B
    groupPhoto = (
      (await (
        await uploadMedia(teacherToken, await png(), 'groep-a.png', {
          pupils: [f.pupils.a1.id, f.pupils.a2.id, f.pupils.c1.id],
        })
      ).json()) as { doc: Media }
    ).doc
    const res = await rest('POST', '/posts', {
      token: teacherToken,
      body: {
        title: 'Uitje groep A',
        body: lexicalParagraphs('We gingen naar het bos.'),
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        gallery: [groupPhoto.id],
      },
    })
    expect(res.status).toBe(201)
    post = ((await res.json()) as { doc: Post }).doc
  })

  it('a parent of the group sees the post, the photo and every derived size — never the original', async () => {
    const res = await rest('GET', `/posts/${post.id}?depth=1`, { token: multiToken })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.gallery.map((m: Media) => m.id)).toEqual([groupPhoto.id])
    expect(body.gallery[0].pupils).toBeUndefined()
    expect(body.author).toBeUndefined()
    expect(body.authorName).toBe('teacher2g')
    const [original, ...sizes] = files(groupPhoto)
    for (const file of sizes) {
      const r = await rest('GET', `/media/file/${file}`, { token: multiToken })
      expect(r.status).toBe(200)
      expect(r.headers.get('content-type')).toBe('image/webp')
    }
    expect([403, 404]).toContain(
      (await rest('GET', `/media/file/${original}`, { token: multiToken })).status,
    )
  })

  it('a parent of another group gets 404 on the post and is refused every file', async () => {
    expect((await rest('GET', `/posts/${post.id}`, { token: guardianToken })).status).toBe(404)
    for (const file of files(groupPhoto)) {
      expect([403, 404]).toContain(
        (await rest('GET', `/media/file/${file}`, { token: guardianToken })).status,
      )
      expect([403, 404]).toContain((await rest('GET', `/media/file/${file}`)).status)
    }
    expect((await rest('GET', `/media/${groupPhoto.id}`, { token: guardianToken })).status).toBe(
      404,
    )
  })

  it('keeps refusing other parents after allowed file reads (no shared filter state)', async () => {
    // A shared "match nothing" Where object was once rewritten by Payload during one request and
    // matched everything in a later one (found by e2e/portal/timeline.spec.ts against next start).
    for (let round = 0; round < 3; round++) {
      for (const file of files(groupPhoto)) {
        await rest('GET', `/media/file/${file}`, { token: multiToken })
        expect([403, 404]).toContain(
          (await rest('GET', `/media/file/${file}`, { token: guardianToken })).status,
        )
      }
    }
  })

  it('a portrait (one tagged pupil) cannot be published, with a Dutch explanation', async () => {
    const single = (
      (await (
        await uploadMedia(teacherToken, await png(), 'portret.png', { pupils: [f.pupils.a1.id] })
      ).json()) as { doc: Media }
    ).doc
    const res = await rest('POST', '/posts', {
      token: teacherToken,
      body: {
        title: 'Portret',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        gallery: [single.id],
      },
    })
    expect(res.status).toBe(400)
    expect(JSON.stringify(await res.json())).toMatch(/portretfoto/)
    const draft = await rest('POST', '/posts', {
      token: teacherToken,
      body: {
        title: 'Portret (concept)',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'draft',
        gallery: [single.id],
      },
    })
    expect(draft.status).toBe(201)
  })

  it('a teacher cannot post to another group; a parent cannot post at all (S14)', async () => {
    const other = await rest('POST', '/posts', {
      token: teacherToken,
      body: { title: 'X', audience: 'groups', groups: [f.groups.c.id], status: 'draft' },
    })
    expect(other.status).toBe(400)
    expect(JSON.stringify(await other.json())).toMatch(/eigen groepen/)
    expect(
      (
        await rest('POST', '/posts', {
          token: multiToken,
          body: { title: 'X', audience: 'school', status: 'published' },
        })
      ).status,
    ).toBe(403)
  })

  it('drafts and hidden posts are invisible to parents', async () => {
    const draft = (
      (await (
        await rest('POST', '/posts', {
          token: teacherToken,
          body: { title: 'Concept', audience: 'groups', groups: [f.groups.a.id], status: 'draft' },
        })
      ).json()) as { doc: Post }
    ).doc
    expect((await rest('GET', `/posts/${draft.id}`, { token: multiToken })).status).toBe(404)
    const shown = (
      (await (
        await rest('POST', '/posts', {
          token: teacherToken,
          body: { title: 'Te verbergen', audience: 'school', status: 'published' },
        })
      ).json()) as { doc: Post }
    ).doc
    expect((await rest('GET', `/posts/${shown.id}`, { token: guardianToken })).status).toBe(200)
    await payload.update({ collection: 'posts', id: shown.id, data: { hidden: true } })
    expect((await rest('GET', `/posts/${shown.id}`, { token: guardianToken })).status).toBe(404)
  })

  it('a guardian refusing consent hides every photo of that child at once, for everyone but staff', async () => {
    // c1's guardian is the multi-group parent; the photo tags a1, a2 and c1.
    const set = await rest('POST', '/image-consents/set', {
      token: multiToken,
      body: { pupil: f.pupils.c1.id, allowed: false },
    })
    expect(set.status).toBe(200)
    expect(await set.json()).toMatchObject({ ok: true, effective: 'refused' })

    const res = await rest('GET', `/posts/${post.id}?depth=1`, { token: multiToken })
    expect(res.status).toBe(200)
    expect((await res.json()).gallery).toEqual([])
    for (const file of files(groupPhoto)) {
      expect([403, 404]).toContain(
        (await rest('GET', `/media/file/${file}`, { token: multiToken })).status,
      )
    }
    const staffView = await (
      await rest('GET', `/media/${groupPhoto.id}`, { token: teacherToken })
    ).json()
    expect(staffView.consentStatus).toMatch(/Verborgen voor ouders/)

    // The tagging picker marks the child for staff.
    const c1AsStaff = await payload.findByID({ collection: 'pupils', id: f.pupils.c1.id })
    expect(c1AsStaff.tagLabel).toBe(`C1 ${f.pupils.c1.lastName} — geen toestemming voor beeld`)
    const c1AsParent = await (
      await rest('GET', `/pupils/${f.pupils.c1.id}`, { token: multiToken })
    ).json()
    expect(c1AsParent.firstName).toBe('C1')
    expect(c1AsParent.tagLabel).toBeUndefined()

    const history = await payload.find({
      collection: 'image-consent-changes',
      where: { pupil: { equals: f.pupils.c1.id } },
    })
    expect(history.docs.map((h) => [h.from, h.to])).toEqual([['none', 'refused']])

    // With a refused pupil on it the post cannot be edited as published, but it can be hidden.
    const edit = await rest('PATCH', `/posts/${post.id}`, {
      token: teacherToken,
      body: { title: 'Uitje groep A (aangepast)' },
    })
    expect(edit.status).toBe(400)
    const hide = await rest('PATCH', `/posts/${post.id}`, {
      token: teacherToken,
      body: { hidden: true },
    })
    expect(hide.status).toBe(200)
    expect((await rest('GET', `/posts/${post.id}`, { token: multiToken })).status).toBe(404)
    // Showing it again is checked like publishing: refused while the refused pupil is on it.
    expect(
      (await rest('PATCH', `/posts/${post.id}`, { token: teacherToken, body: { hidden: false } }))
        .status,
    ).toBe(400)

    // Allowing again brings it back.
    await rest('POST', '/image-consents/set', {
      token: multiToken,
      body: { pupil: f.pupils.c1.id, allowed: true },
    })
    expect(
      (await rest('PATCH', `/posts/${post.id}`, { token: teacherToken, body: { hidden: false } }))
        .status,
    ).toBe(200)
    expect(
      (await (await rest('GET', `/posts/${post.id}?depth=1`, { token: multiToken })).json())
        .gallery,
    ).toHaveLength(1)
  })

  it('a parent sets consent only for their own children', async () => {
    const res = await rest('POST', '/image-consents/set', {
      token: guardianToken,
      body: { pupil: f.pupils.a1.id, allowed: false },
    })
    expect(res.status).toBe(403)
    expect(
      (
        await rest('POST', '/image-consents/set', {
          token: guardianToken,
          body: { pupil: f.pupils.b1.id },
        })
      ).status,
    ).toBe(400)
  })

  it('a parent reports a visible post; the teachers and directors are notified; others cannot report it', async () => {
    const res = await rest('POST', '/reports', {
      token: multiToken,
      body: { post: post.id, category: 'privacy', text: 'Mijn kind staat hier op.' },
    })
    expect(res.status).toBe(201)
    const report = (await res.json()).doc
    expect(report.status).toBe('open')
    const mails = await payload.find({
      collection: 'payload-jobs',
      where: { 'input.kind': { equals: 'report' } },
      limit: 10,
    })
    expect(mails.docs.length).toBeGreaterThanOrEqual(2) // teacher of group A + director
    expect(
      (
        await rest('POST', '/reports', {
          token: guardianToken,
          body: { post: post.id, category: 'other', text: 'x' },
        })
      ).status,
    ).toBe(400)
    const own = await (await rest('GET', '/reports', { token: multiToken })).json()
    expect(own.docs.map((r: { id: string }) => r.id)).toContain(report.id)
    const teacherView = await (await rest('GET', '/reports', { token: teacherToken })).json()
    expect(teacherView.docs.map((r: { id: string }) => r.id)).toContain(report.id)
  })
})
