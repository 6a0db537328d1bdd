import { portalHomeAnswer, portalPostAnswer } from '@schoolpost/contracts'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Media, Post } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'
import { uploadMedia } from './helpers/upload'

/**
 * GET /api/parents/home (issue #11): the portal's start page in one call. It must answer exactly
 * what the REST API answers the same parent — the same posts in the same order, the same gallery
 * items — and follow every change at the next request, while parsing under the shared contract.
 */
describe('the portal home endpoint (issue #11)', () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  let directorToken: string
  let multiToken: string
  let guardianToken: string
  let groupPhoto: Media
  let schoolPhoto: Media
  const posts: Record<string, Post> = {}

  const home = async (token: string, query = '') => {
    const res = await rest('GET', `/parents/home${query}`, { token })
    expect(res.status).toBe(200)
    return portalHomeAnswer.parse(await res.json())
  }

  /** What the portal used to ask: the REST list with its population and the parent's access. */
  const restTimeline = async (token: string, page = 1) => {
    const res = await rest(
      'GET',
      `/posts?depth=1&limit=10&page=${page}&sort=-pinned,-publishedAt`,
      { token },
    )
    const body = (await res.json()) as { docs: Post[]; totalDocs: number; hasNextPage: boolean }
    return {
      ids: body.docs.map((p) => p.id),
      hasNextPage: body.hasNextPage,
      galleries: body.docs.map((p) => (p.gallery as Media[]).map((m) => m.id)),
      totalDocs: body.totalDocs,
    }
  }

  const post = async (data: Record<string, unknown>): Promise<Post> => {
    const res = await rest('POST', '/posts', {
      token: teacherToken,
      body: { status: 'published', ...data },
    })
    expect(res.status).toBe(201)
    return ((await res.json()) as { doc: Post }).doc
  }

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    directorToken = await fixtureToken(payload, 'staff', f.director.email)
    multiToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    guardianToken = await fixtureToken(payload, 'parents', f.parents.guardianOne.email)
    const upload = async (name: string, pupils: string[]) =>
      (
        (await (
          await uploadMedia(teacherToken, await plainPng(800, 600, '#6a4'), name, { pupils })
        ).json()) as { doc: Media }
      ).doc
    groupPhoto = await upload('groep.png', [f.pupils.a1.id, f.pupils.a2.id])
    schoolPhoto = await upload('school.png', [f.pupils.a1.id, f.pupils.b1.id])
    posts.groupA = await post({
      title: 'Uitje groep A',
      audience: 'groups',
      groups: [f.groups.a.id],
      gallery: [groupPhoto.id],
    })
    posts.groupB = await post({
      title: 'Uitje groep B',
      audience: 'groups',
      groups: [f.groups.b.id],
    })
    posts.school = await post({
      title: 'Schoolnieuws',
      audience: 'school',
      gallery: [schoolPhoto.id],
    })
    posts.draft = await post({
      title: 'Concept',
      audience: 'groups',
      groups: [f.groups.a.id],
      status: 'draft',
    })
  })

  it('answers the parent, their children and groups, the school and the timeline', async () => {
    const answer = await home(multiToken)
    expect(answer.parent).toEqual({ id: f.parents.multiGroup.id, name: 'multi' })
    expect(answer.children.map((c) => [c.id, c.groupId, c.groupName])).toEqual([
      [f.pupils.a1.id, f.groups.a.id, f.groups.a.name],
      [f.pupils.c1.id, f.groups.c.id, f.groups.c.name],
    ])
    expect(answer.school.phone).not.toBe('')
    const titles = answer.posts.posts.map((p) => p.title)
    expect(titles).toContain('Uitje groep A')
    expect(titles).toContain('Schoolnieuws')
    expect(titles).not.toContain('Uitje groep B')
    expect(titles).not.toContain('Concept')
    const groupA = answer.posts.posts.find((p) => p.id === posts.groupA!.id)!
    expect(groupA.groups).toEqual([{ id: f.groups.a.id, name: f.groups.a.name }])
    expect(groupA.gallery.map((m) => m.id)).toEqual([groupPhoto.id])
    const [item] = groupA.gallery
    // Only derived sizes: never the original file of an image.
    expect(item?.kind === 'image' && Object.keys(item.sizes).sort()).toEqual([
      'feed',
      'full',
      'thumbnail',
    ])
    expect(JSON.stringify(answer)).not.toContain(groupPhoto.filename!)
    expect(groupA.bodyHtml).toBe('')
  })

  it('gives the same posts and gallery items as the REST API, for every parent', async () => {
    for (const token of [multiToken, guardianToken]) {
      const answer = await home(token)
      const viaRest = await restTimeline(token)
      expect(answer.posts.posts.map((p) => p.id)).toEqual(viaRest.ids)
      expect(answer.posts.posts.map((p) => p.gallery.map((m) => m.id))).toEqual(viaRest.galleries)
      expect(answer.posts.totalDocs).toBe(viaRest.totalDocs)
    }
  })

  it('follows a consent refusal and a hidden post at the very next request', async () => {
    const consent = await rest('POST', '/image-consents/set', {
      token: guardianToken,
      body: { pupil: f.pupils.b1.id, allowed: false },
    })
    expect(consent.status).toBe(200)
    const afterRefusal = await home(multiToken)
    const school = afterRefusal.posts.posts.find((p) => p.id === posts.school!.id)!
    expect(school.gallery).toEqual([])
    await rest('POST', '/image-consents/set', {
      token: guardianToken,
      body: { pupil: f.pupils.b1.id, allowed: true },
    })
    const afterAllow = await home(multiToken)
    expect(
      afterAllow.posts.posts.find((p) => p.id === posts.school!.id)!.gallery.map((m) => m.id),
    ).toEqual([schoolPhoto.id])

    const hide = await rest('PATCH', `/posts/${posts.groupA!.id}`, {
      token: directorToken,
      body: { hidden: true },
    })
    expect(hide.status).toBe(200)
    expect((await home(multiToken)).posts.posts.map((p) => p.id)).not.toContain(posts.groupA!.id)
    await rest('PATCH', `/posts/${posts.groupA!.id}`, {
      token: directorToken,
      body: { hidden: false },
    })
  })

  it('filters on one of the children’s groups and ignores any other group', async () => {
    const own = await home(multiToken, `?groep=${f.groups.c.id}`)
    expect(own.groupId).toBe(f.groups.c.id)
    // School news (of any file sharing this database) and group C's posts, nothing else.
    expect(own.posts.posts.length).toBeGreaterThan(0)
    for (const p of own.posts.posts) {
      expect(p.audience === 'school' || p.groups.some((g) => g.id === f.groups.c.id), p.title).toBe(
        true,
      )
    }
    expect(own.posts.posts.map((p) => p.id)).not.toContain(posts.groupA!.id)
    const groupA = await home(multiToken, `?groep=${f.groups.a.id}`)
    expect(groupA.posts.posts.map((p) => p.id)).toContain(posts.groupA!.id)
    const other = await home(multiToken, `?groep=${f.groups.b.id}`)
    expect(other.groupId).toBeNull()
    expect(other.posts.posts.map((p) => p.title)).not.toContain('Uitje groep B')
  })

  it('GET /api/parents/post: a visible post with its body and the items REST gives, else 404', async () => {
    const res = await rest('GET', `/parents/post?id=${posts.school!.id}`, { token: multiToken })
    expect(res.status).toBe(200)
    const answer = portalPostAnswer.parse(await res.json())
    expect(answer.post.title).toBe('Schoolnieuws')
    expect(answer.school.phone).not.toBe('')
    const viaRest = (await (
      await rest('GET', `/posts/${posts.school!.id}?depth=1`, { token: multiToken })
    ).json()) as { gallery: Media[]; bodyHtml: string }
    expect(answer.post.gallery.map((m) => m.id)).toEqual(viaRest.gallery.map((m) => m.id))
    expect(answer.post.bodyHtml).toBe(viaRest.bodyHtml)
    // Another group's post, a draft, a made-up id and a malformed one: the same Dutch 404.
    for (const id of [posts.groupB!.id, posts.draft!.id, 'bestaat-niet', '..%2Fposts']) {
      const refused = await rest('GET', `/parents/post?id=${id}`, { token: multiToken })
      expect(refused.status, id).toBe(404)
      expect(((await refused.json()) as { message: string }).message).toMatch(/bericht/)
    }
    expect(
      (await rest('GET', `/parents/post?id=${posts.groupB!.id}`, { token: guardianToken })).status,
    ).toBe(200)
    expect((await rest('GET', `/parents/post?id=${posts.school!.id}`)).status).toBe(401)
    expect(
      (await rest('GET', `/parents/post?id=${posts.school!.id}`, { token: teacherToken })).status,
    ).toBe(403)
  })

  it('refuses the signed out, staff, a deactivated parent and bad input in Dutch', async () => {
    const anonymous = await rest('GET', '/parents/home')
    expect(anonymous.status).toBe(401)
    const staff = await rest('GET', '/parents/home', { token: teacherToken })
    expect(staff.status).toBe(403)
    expect(((await staff.json()) as { message: string }).message).toMatch(/ouders/)
    // A parent deactivated while signed in is signed out at the next request.
    const token = await fixtureToken(payload, 'parents', f.parents.guardianTwo.email)
    expect((await rest('GET', '/parents/home', { token })).status).toBe(200)
    const deactivate = await rest('PATCH', `/parents/${f.parents.guardianTwo.id}`, {
      token: directorToken,
      body: { status: 'deactivated' },
    })
    expect(deactivate.status).toBe(200)
    expect((await rest('GET', '/parents/home', { token })).status).toBe(401)
    for (const query of ['?pagina=0', '?pagina=abc', '?pagina=1001', '?groep=..%2Fposts']) {
      const res = await rest('GET', `/parents/home${query}`, { token: multiToken })
      expect(res.status, query).toBe(400)
      expect(((await res.json()) as { message: string }).message).toMatch(/pagina|berichten/)
    }
  })

  it('pages like the REST API: the same posts on page 1 and 2, pinned first', async () => {
    for (let i = 0; i < 11; i++) {
      await payload.create({
        collection: 'posts',
        data: {
          title: `Groep C nummer ${i}`,
          audience: 'groups',
          groups: [f.groups.c.id],
          status: 'published',
          pinned: i === 3,
          author: f.teacherOther.id,
        },
        overrideAccess: true,
      })
    }
    for (const page of [1, 2]) {
      const answer = await home(multiToken, `?pagina=${page}`)
      const viaRest = await restTimeline(multiToken, page)
      expect(
        answer.posts.posts.map((p) => p.id),
        `page ${page}`,
      ).toEqual(viaRest.ids)
      expect(answer.posts.totalDocs).toBe(viaRest.totalDocs)
      expect(answer.posts.hasNextPage).toBe(viaRest.hasNextPage)
    }
    // Other files' posts may share this database: the pinned one comes before this file's others.
    const titles = (await home(multiToken)).posts.posts.map((p) => p.title)
    expect(titles.indexOf('Groep C nummer 3')).toBeGreaterThanOrEqual(0)
    expect(titles.indexOf('Groep C nummer 3')).toBeLessThan(titles.indexOf('Groep C nummer 10'))
  })
})
