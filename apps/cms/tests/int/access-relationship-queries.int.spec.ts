import config from '@payload-config'
import type { Field, Payload, SanitizedConfig } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'

import { plainPng } from './helpers/images'
import { rest, testPayload } from './helpers/payload'
import {
  asUser,
  createSchoolFixture,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

/**
 * Issue #9, item 11: a parent's `where` and `sort` may not reach through a relationship into
 * documents they cannot read (`gallery.alt` of a photo hidden by a refusal, `author.email`, …).
 * Parents get an explicit list of fields per collection (access/lib/parent-queries.ts); every
 * relationship path found in the built config is refused with a Dutch 400, and the portal's own
 * queries keep working.
 */
type Hop = { collection: string; path: string }

/** `rel.sub` for every relationship, upload or join field (also inside groups, rows, tabs). */
function relationshipHops(built: SanitizedConfig): Hop[] {
  const hops: Hop[] = []
  const dataFieldNames = (slug: string) =>
    (built.collections.find((c) => c.slug === slug)?.flattenedFields ?? [])
      .filter((f) => 'name' in f && !('virtual' in f && f.virtual))
      .map((f) => f.name)
  const walk = (collection: string, fields: Field[], prefix: string) => {
    for (const field of fields) {
      if (field.type === 'row' || field.type === 'collapsible') {
        walk(collection, field.fields, prefix)
        continue
      }
      if (field.type === 'tabs') {
        for (const tab of field.tabs)
          walk(collection, tab.fields, 'name' in tab && tab.name ? `${prefix}${tab.name}.` : prefix)
        continue
      }
      if (!('name' in field)) continue
      if (field.type === 'group' || field.type === 'array') {
        walk(collection, field.fields, `${prefix}${field.name}.`)
        continue
      }
      const targets =
        field.type === 'relationship' || field.type === 'upload'
          ? [field.relationTo].flat()
          : field.type === 'join'
            ? [field.collection].flat()
            : []
      for (const target of targets)
        for (const sub of ['id', ...dataFieldNames(target)])
          hops.push({ collection, path: `${prefix}${field.name}.${sub}` })
    }
  }
  for (const c of built.collections) walk(c.slug, c.fields, '')
  return hops
}

describe('parents query through relationships (issue #9, item 11)', () => {
  let payload: Payload
  let built: SanitizedConfig
  let f: SchoolFixture
  let token: string
  let hiddenAlt: string
  let postA: string
  let eventA: string

  beforeAll(async () => {
    payload = await testPayload()
    built = await config
    f = await createSchoolFixture(payload)
    token = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    const teacher = asUser('staff', f.teacherTwoGroups)
    hiddenAlt = `geheim-${f.groups.a.id.slice(0, 8)}`
    const png = await plainPng(64, 48, '#a47')
    const photo = await payload.create({
      collection: 'media',
      data: { alt: hiddenAlt, pupils: [f.pupils.a1.id, f.pupils.a2.id] },
      file: { data: png, mimetype: 'image/png', name: 'geheim.png', size: png.length },
      user: teacher,
    })
    const post = await payload.create({
      collection: 'posts',
      data: {
        title: 'Uitje',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        gallery: [photo.id],
      },
      user: teacher,
      overrideAccess: false,
    })
    postA = post.id
    // A guardian of a2 refuses: the photo is hidden from every parent from now on (S16).
    await payload.create({
      collection: 'image-consents',
      data: { pupil: f.pupils.a2.id, guardian: f.parents.deactivated.id, allowed: false },
    })
    await payload.create({
      collection: 'reports',
      // The reporter is set by the collection's own hook, from the user.
      data: { post: post.id, category: 'other', text: 'vraag' } as never,
      user: asUser('parents', f.parents.multiGroup),
      overrideAccess: false,
    })
    // A calendar item (issue #15) for group A, linked to a volunteer request: its author and the
    // request are relationships a parent must not query or see through.
    const request = await payload.create({
      collection: 'volunteer-requests',
      data: {
        title: 'Hulp bij het uitje',
        description: 'Wie rijdt er mee?',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        slots: [{ label: 'Rijden', date: '2027-03-09', from: '08:30', to: '10:00', places: 2 }],
      } as never,
      user: teacher,
      overrideAccess: false,
    })
    eventA = (
      await payload.create({
        collection: 'events',
        data: {
          title: 'Uitje groep A',
          audience: 'groups',
          groups: [f.groups.a.id],
          allDay: true,
          date: '2027-03-09',
          volunteerRequest: request.id,
          status: 'published',
        } as never,
        user: teacher,
        overrideAccess: false,
      })
    ).id
  })

  const refusedInDutch = async (res: Response, label: string) => {
    const body = (await res.json()) as { errors?: { message?: string }[] }
    return [label, res.status, /zoeken of sorteren/.test(body.errors?.[0]?.message ?? '')]
  }

  it('the attacks from the review: hidden photo alt, staff email, sort by author, nested and join queries', async () => {
    const attacks = [
      `/posts?where[gallery.alt][like]=${hiddenAlt}`,
      `/posts/count?where[gallery.alt][like]=${hiddenAlt}`,
      `/posts?where[author.email][like]=fixture`,
      `/posts?sort=author.name`,
      `/posts?where[groups.teachers.email][like]=fixture`,
      `/posts?where[gallery][contains][alt][like]=${hiddenAlt}`,
      `/reports?where[post.hidden][equals]=false`,
      `/pupils?where[guardians.email][like]=fixture`,
      `/groups/${f.groups.a.id}?joins[pupils][limit]=100`,
      `/media?where[pupils.lastName][exists]=true`,
      `/events?where[createdBy.email][like]=fixture`,
      `/events?where[createdBy][equals]=${f.teacherTwoGroups.id}`,
      `/events?where[volunteerRequest.title][like]=Hulp`,
      `/events?where[groups.name][like]=Groep`,
      `/events?sort=createdBy`,
    ]
    const results = []
    for (const attack of attacks)
      results.push(await refusedInDutch(await rest('GET', attack, { token }), attack))
    expect(results).toEqual(attacks.map((a) => [a, 400, true]))
  })

  it('every relationship path in the config, in where and in sort, is refused for parents', async () => {
    const hops = relationshipHops(built)
    // Sanity: the generator found the paths the review named.
    expect(hops.map((h) => `${h.collection}:${h.path}`)).toEqual(
      expect.arrayContaining([
        'posts:gallery.alt',
        'posts:author.email',
        'posts:groups.name',
        'events:createdBy.email',
        'events:volunteerRequest.title',
        'events:groups.name',
      ]),
    )
    const wrong: string[] = []
    for (const { collection, path } of hops) {
      const where = await rest('GET', `/${collection}?where[${path}][exists]=true&depth=0`, {
        token,
      })
      // 403: a collection the parent cannot read at all (Payload's preferences) — refused as well.
      if (![400, 403].includes(where.status))
        wrong.push(`where ${collection} ${path}: ${where.status}`)
      const sort = await rest('GET', `/${collection}?sort=-${path}&depth=0`, { token })
      if (![400, 403].includes(sort.status))
        wrong.push(`sort ${collection} ${path}: ${sort.status}`)
    }
    console.log(`relationship paths refused for parents: ${hops.length} × (where, sort)`)
    expect(wrong).toEqual([])
  })

  it("the portal's own queries still work, and an id filter answers as if hidden things did not exist", async () => {
    const posts = await rest(
      'GET',
      `/posts?depth=1&limit=10&page=1&sort=-pinned,-publishedAt&where[or][0][audience][equals]=school&where[or][1][groups][in]=${f.groups.a.id}`,
      { token },
    )
    expect(posts.status).toBe(200)
    expect(((await posts.json()).docs as { id: string }[]).map((d) => d.id)).toContain(postA)
    for (const path of [
      '/pupils?depth=1&limit=100&sort=firstName',
      '/image-consents?depth=0&limit=100',
      '/reports?depth=0&limit=100&sort=-createdAt',
      `/posts/${postA}?depth=1`,
      '/globals/school-settings?depth=0',
    ])
      expect([path, (await rest('GET', path, { token })).status]).toEqual([path, 200])

    // The calendar on its allowed fields (issue #15): the group's item, without its author.
    const events = await rest(
      'GET',
      `/events?depth=0&limit=100&sort=date&where[date][greater_than_equal]=2027-03-01&where[or][0][audience][equals]=school&where[or][1][groups][in]=${f.groups.a.id}`,
      { token },
    )
    expect(events.status).toBe(200)
    const eventDocs = (await events.json()).docs as Record<string, unknown>[]
    expect(eventDocs.map((d) => d.id)).toContain(eventA)
    expect(eventDocs.filter((d) => 'createdBy' in d)).toEqual([])

    // Group B is not theirs: filtering by it answers exactly like filtering by a made-up id.
    const byGroup = async (id: string) =>
      (await (await rest('GET', `/posts?depth=0&where[groups][in]=${id}`, { token })).json()).docs
    expect(await byGroup(f.groups.b.id)).toEqual(await byGroup(crypto.randomUUID()))
  })

  it('no depth or populate shows a parent a staff or another parent’s email', async () => {
    const others = [f.director, f.teacherTwoGroups, f.teacherOther, f.office]
      .map((s) => s.email)
      .concat([f.parents.guardianOne.email, f.parents.deactivated.email])
    for (const path of [
      '/posts?depth=5',
      `/posts/${postA}?depth=5&populate[staff][email]=true`,
      '/groups?depth=5',
      '/pupils?depth=5',
      '/reports?depth=5',
      '/image-consents?depth=5',
      '/parents/me?depth=5',
      '/events?depth=5',
      `/events/${eventA}?depth=5&populate[staff][email]=true`,
    ]) {
      const text = await (await rest('GET', path, { token })).text()
      expect([path, others.filter((e) => text.includes(e))]).toEqual([path, []])
    }
  })

  it('a refused query is one info line in the log (what was refused), not an error with a stack', async () => {
    // Otherwise anyone with a login fills the error log (and its alerts) at will.
    const error = vi.spyOn(payload.logger, 'error')
    const info = vi.spyOn(payload.logger, 'info')
    try {
      const res = await rest('GET', '/posts?where[author.email][like]=a', { token })
      expect(res.status).toBe(400)
      expect(error).not.toHaveBeenCalled()
      expect(info.mock.calls).toContainEqual([
        expect.objectContaining({
          msg: 'Verzoek geweigerd',
          status: 400,
          collection: 'posts',
          path: '/api/posts',
        }),
      ])
    } finally {
      error.mockRestore()
      info.mockRestore()
    }
  })
})
