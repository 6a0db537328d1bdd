import { randomUUID } from 'node:crypto'
import type { CollectionSlug, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { DELETE_RULES, requiredRelations } from '../../src/db/delete-rules'
import { rest, testPayload } from './helpers/payload'
import {
  asUser,
  createSchoolFixture,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

/**
 * Deleting a record that other records must point at (found beside issue #9, item 12): a
 * published post (it has notification rows), a parent with an invitation or a privacy choice, a
 * pupil with a privacy choice and a group with pupils all answered 500 (SQLite's SET NULL on a
 * NOT NULL column). Now each required link has a rule: the dependents go with it, or the delete
 * is a Dutch 409 that changes nothing.
 */
describe('deleting records that others point at', () => {
  let payload: Payload
  let f: SchoolFixture
  let director: string

  const count = async (collection: CollectionSlug, field: string, id: string) =>
    (await payload.count({ collection, where: { [field]: { equals: id } } })).totalDocs
  const exists = async (collection: CollectionSlug, id: string) =>
    (await payload.count({ collection, where: { id: { equals: id } } })).totalDocs === 1

  const newParent = () =>
    payload.create({
      collection: 'parents',
      data: {
        name: 'Te verwijderen',
        email: `weg.${randomUUID()}@fixture.test`,
        password: 'x'.repeat(20),
        status: 'active',
        children: [f.pupils.a1.id],
      },
    })
  const publishedPost = () =>
    payload.create({
      collection: 'posts',
      data: { title: `Weg ${randomUUID()}`, audience: 'school', status: 'published' } as never,
      user: asUser('staff', f.director),
    })
  const notification = (post: string, parent: string) =>
    payload.create({
      collection: 'post-notifications',
      data: {
        post,
        parent,
        kind: 'news',
        round: 1,
        mode: 'direct',
        status: 'sent',
        idempotencyKey: randomUUID(),
      } as never,
    })
  const report = (post: string, status: 'open' | 'afgehandeld') =>
    payload.create({
      collection: 'reports',
      data: { post, category: 'other', text: 'Melding', status },
    })

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    director = await fixtureToken(payload, 'staff', f.director.email)
  })

  it('has a rule for every required link in the built config', () => {
    const relations = requiredRelations(payload.config).map((r) => `${r.collection}.${r.field}`)
    expect(relations.length).toBeGreaterThan(0)
    expect(relations.sort()).toEqual(Object.keys(DELETE_RULES).sort())
  })

  it('a published post goes with its notification rows and handled reports', async () => {
    const post = await publishedPost()
    await notification(post.id, f.parents.multiGroup.id)
    const handled = await report(post.id, 'afgehandeld')
    const res = await rest('DELETE', `/posts/${post.id}`, { token: director })
    expect(res.status).toBe(200)
    expect(await exists('posts', post.id)).toBe(false)
    expect(await count('post-notifications', 'post', post.id)).toBe(0)
    expect(await exists('reports', handled.id)).toBe(false)
  })

  it('a post with an open report is kept: a Dutch 409 and nothing deleted', async () => {
    const post = await publishedPost()
    await notification(post.id, f.parents.multiGroup.id)
    const open = await report(post.id, 'open')
    const handled = await report(post.id, 'afgehandeld')
    const res = await rest('DELETE', `/posts/${post.id}`, { token: director })
    expect(res.status).toBe(409)
    expect(JSON.stringify(await res.json())).toContain('nog een melding van een ouder open')
    expect(await exists('posts', post.id)).toBe(true)
    expect(await count('post-notifications', 'post', post.id)).toBe(1)
    expect(await exists('reports', open.id)).toBe(true)
    expect(await exists('reports', handled.id)).toBe(true)
  })

  it('a parent goes with their invitations, privacy choices and notifications; the history of their choices stays without them', async () => {
    const parent = await newParent()
    await payload.create({
      collection: 'invitations',
      data: { parent: parent.id, tokenHash: randomUUID(), expiresAt: new Date().toISOString() },
    })
    await payload.create({
      collection: 'image-consents',
      data: { pupil: f.pupils.a1.id, guardian: parent.id, allowed: true },
    })
    const change = await payload.create({
      collection: 'image-consent-changes',
      data: { pupil: f.pupils.a1.id, guardian: parent.id, from: 'none', to: 'allowed' },
    })
    const post = await publishedPost()
    await notification(post.id, parent.id)
    const res = await rest('DELETE', `/parents/${parent.id}`, { token: director })
    expect(res.status).toBe(200)
    expect(await exists('parents', parent.id)).toBe(false)
    expect(await count('invitations', 'parent', parent.id)).toBe(0)
    expect(await count('image-consents', 'guardian', parent.id)).toBe(0)
    expect(await count('image-consent-changes', 'guardian', parent.id)).toBe(0)
    // Proof of the change (issue #16): kept, without the deleted guardian.
    const kept = await payload.findByID({
      collection: 'image-consent-changes',
      id: change.id,
      depth: 0,
    })
    expect([kept.guardian ?? null, kept.pupil, kept.from, kept.to]).toEqual([
      null,
      f.pupils.a1.id,
      'none',
      'allowed',
    ])
    expect(await count('post-notifications', 'parent', parent.id)).toBe(0)
    // The post itself is not theirs: it stays.
    expect(await exists('posts', post.id)).toBe(true)
  })

  it('a pupil goes with the privacy choices about them (their history stays without them); other pupils keep theirs', async () => {
    const pupil = await payload.create({
      collection: 'pupils',
      data: { firstName: 'Weg', lastName: randomUUID().slice(0, 8), group: f.groups.a.id },
    })
    await payload.create({
      collection: 'image-consents',
      data: { pupil: pupil.id, guardian: f.parents.multiGroup.id, allowed: false },
    })
    const history = await payload.find({
      collection: 'image-consent-changes',
      where: { pupil: { equals: pupil.id } },
      depth: 0,
    })
    expect(history.docs).toHaveLength(1)
    const other = await payload.create({
      collection: 'image-consents',
      data: { pupil: f.pupils.b1.id, guardian: f.parents.guardianOne.id, allowed: true },
    })
    const res = await rest('DELETE', `/pupils/${pupil.id}`, { token: director })
    expect(res.status).toBe(200)
    expect(await exists('pupils', pupil.id)).toBe(false)
    expect(await count('image-consents', 'pupil', pupil.id)).toBe(0)
    expect(await count('image-consent-changes', 'pupil', pupil.id)).toBe(0)
    // The change itself stays as proof, without the pupil.
    const kept = await payload.findByID({
      collection: 'image-consent-changes',
      id: history.docs[0]!.id,
      depth: 0,
    })
    expect([kept.pupil ?? null, kept.to]).toEqual([null, 'refused'])
    expect(await exists('image-consents', other.id)).toBe(true)
  })

  it('a calendar item only refers: deleting its volunteer request, a group it is for or its author keeps the item', async () => {
    // Issue #15: nothing an event points at is required, so no rule in DELETE_RULES — but each
    // delete must still answer (no 500 from a foreign key) and leave the item in the calendar.
    const teacher = await payload.create({
      collection: 'staff',
      data: {
        name: 'Vertrekt',
        email: `vertrekt.${randomUUID()}@fixture.test`,
        role: 'teacher',
        password: 'x'.repeat(20),
      },
    })
    const empty = await payload.create({
      collection: 'groups',
      data: {
        name: `Leeg ${randomUUID().slice(0, 6)}`,
        schoolYear: '2026-2027',
        teachers: [teacher.id],
      },
    })
    const request = await payload.create({
      collection: 'volunteer-requests',
      data: {
        title: 'Hulp bij de markt',
        description: 'Wie helpt?',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        slots: [{ label: 'Kraam', date: '2027-03-09', from: '08:30', to: '10:00', places: 2 }],
      } as never,
    })
    const event = await payload.create({
      collection: 'events',
      data: {
        title: 'Voorjaarsmarkt',
        audience: 'groups',
        groups: [f.groups.a.id, empty.id],
        allDay: true,
        date: '2027-03-09',
        volunteerRequest: request.id,
        status: 'published',
        createdBy: teacher.id,
      } as never,
      depth: 0,
    })
    expect(event.createdBy).toBe(teacher.id)
    const stored = () =>
      payload.findByID({ collection: 'events', id: event.id, depth: 0, disableErrors: true })
    // SQLite's foreign keys unlink; on MongoDB the id stays behind, pointing at nothing.
    const sqlite = !process.env.DATABASE_URL?.startsWith('mongodb')

    expect(
      (await rest('DELETE', `/volunteer-requests/${request.id}`, { token: director })).status,
    ).toBe(200)
    expect(await exists('volunteer-requests', request.id)).toBe(false)
    expect((await stored())?.id).toBe(event.id)
    if (sqlite) expect((await stored())?.volunteerRequest ?? null).toBeNull()

    expect((await rest('DELETE', `/groups/${empty.id}`, { token: director })).status).toBe(200)
    expect(await exists('groups', empty.id)).toBe(false)
    const afterGroup = await stored()
    expect(afterGroup?.id).toBe(event.id)
    expect(afterGroup?.groups).toContain(f.groups.a.id)
    if (sqlite) expect(afterGroup?.groups).toEqual([f.groups.a.id])

    expect((await rest('DELETE', `/staff/${teacher.id}`, { token: director })).status).toBe(200)
    expect(await exists('staff', teacher.id)).toBe(false)
    expect((await stored())?.id).toBe(event.id)
    if (sqlite) expect((await stored())?.createdBy ?? null).toBeNull()

    // A director reads what is left (a dangling link must not break the read), then deletes it.
    const read = await rest('GET', `/events/${event.id}?depth=1`, { token: director })
    expect(read.status, await read.clone().text()).toBe(200)
    expect((await rest('DELETE', `/events/${event.id}`, { token: director })).status).toBe(200)
    expect(await exists('events', event.id)).toBe(false)
  })

  it('a group with pupils is kept (409); an empty group is deleted', async () => {
    const res = await rest('DELETE', `/groups/${f.groups.a.id}`, { token: director })
    expect(res.status).toBe(409)
    expect(JSON.stringify(await res.json())).toContain('Deze groep heeft nog leerlingen')
    expect(await exists('groups', f.groups.a.id)).toBe(true)
    const empty = await payload.create({
      collection: 'groups',
      data: { name: `Leeg ${randomUUID().slice(0, 6)}`, schoolYear: '2026-2027' },
    })
    expect((await rest('DELETE', `/groups/${empty.id}`, { token: director })).status).toBe(200)
    expect(await exists('groups', empty.id)).toBe(false)
  })
})
