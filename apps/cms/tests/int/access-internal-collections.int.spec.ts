import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { rest, testPayload } from './helpers/payload'
import {
  asUser,
  createSchoolFixture,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

/**
 * Payload adds collections of its own (document locks, admin preferences, migrations, jobs, the
 * key-value store). Their defaults let any logged-in user — a parent too — read, create and
 * delete them. Issue #9, item 3: each one has explicit access, and parents get nothing.
 */
describe("Payload's own collections (issue #9, item 3)", () => {
  let payload: Payload
  let f: SchoolFixture
  let parent: string
  let teacher: string
  let director: string

  /** A lock as Payload's admin writes it (straight to the database, see handleFormStateLocking). */
  const lock = (userId: string, globalSlug = 'school-settings') =>
    payload.db.create({
      collection: 'payload-locked-documents',
      data: { globalSlug, user: { relationTo: 'staff', value: userId } },
    }) as Promise<{ id: string }>
  const lockExists = async (id: string) =>
    (
      await payload.count({
        collection: 'payload-locked-documents',
        where: { id: { equals: id } },
      })
    ).totalDocs === 1

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    parent = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    director = await fixtureToken(payload, 'staff', f.director.email)
  })

  it('a parent cannot list, create or delete document locks', async () => {
    const staffLock = await lock(f.director.id)
    const list = await rest('GET', '/payload-locked-documents', { token: parent })
    expect(list.status).toBe(403)
    const before = (await payload.count({ collection: 'payload-locked-documents' })).totalDocs
    const created = await rest('POST', '/payload-locked-documents', {
      token: parent,
      body: {
        globalSlug: 'school-settings',
        user: { relationTo: 'parents', value: f.parents.multiGroup.id },
      },
    })
    expect(created.status).toBe(403)
    expect((await payload.count({ collection: 'payload-locked-documents' })).totalDocs).toBe(before)
    const removed = await rest('DELETE', `/payload-locked-documents/${staffLock.id}`, {
      token: parent,
    })
    expect(removed.status).toBe(403)
    expect(await lockExists(staffLock.id)).toBe(true)
  })

  it('staff see every lock (the admin shows who edits), but delete only their own', async () => {
    const directorsLock = await lock(f.director.id)
    const list = await rest(
      'GET',
      `/payload-locked-documents?where[id][equals]=${directorsLock.id}`,
      { token: teacher },
    )
    expect(list.status).toBe(200)
    expect((await list.json()).docs).toHaveLength(1)

    const byTeacher = await rest('DELETE', `/payload-locked-documents/${directorsLock.id}`, {
      token: teacher,
    })
    expect(byTeacher.status).toBeGreaterThanOrEqual(400)
    expect(await lockExists(directorsLock.id)).toBe(true)

    const byOwner = await rest('DELETE', `/payload-locked-documents/${directorsLock.id}`, {
      token: director,
    })
    expect(byOwner.status).toBe(200)
    expect(await lockExists(directorsLock.id)).toBe(false)
  })

  it('staff create no lock rows by hand; taking a lock over means taking it for oneself', async () => {
    const created = await rest('POST', '/payload-locked-documents', {
      token: teacher,
      body: { globalSlug: 'school-settings', user: { relationTo: 'staff', value: f.director.id } },
    })
    expect(created.status).toBe(403)

    const directorsLock = await lock(f.director.id)
    // Payload's "take over" button: PATCH the lock with the current user.
    const takeOver = await rest('PATCH', `/payload-locked-documents/${directorsLock.id}`, {
      token: teacher,
      body: { user: { relationTo: 'staff', value: f.teacherTwoGroups.id } },
    })
    expect(takeOver.status).toBe(200)
    const handBack = await rest('PATCH', `/payload-locked-documents/${directorsLock.id}`, {
      token: teacher,
      body: { user: { relationTo: 'staff', value: f.teacherOther.id } },
    })
    expect(handBack.status).toBe(403)
    const row = (await payload.findByID({
      collection: 'payload-locked-documents',
      id: directorsLock.id,
      depth: 0,
    })) as { user: { value: string } }
    expect(row.user.value).toBe(f.teacherTwoGroups.id)
  })

  it('a parent stores and reads no admin preferences', async () => {
    const viaEndpoint = await rest('POST', '/payload-preferences/nav', {
      token: parent,
      body: { value: { open: true } },
    })
    expect(viaEndpoint.status).toBe(403)
    const viaCollection = await rest('POST', '/payload-preferences', {
      token: parent,
      body: { key: 'x', value: { a: 1 } },
    })
    expect(viaCollection.status).toBe(403)
    expect((await rest('GET', '/payload-preferences', { token: parent })).status).toBe(403)
    expect((await rest('GET', '/payload-preferences/nav', { token: parent })).status).toBe(403)
    expect(
      (
        await payload.count({
          collection: 'payload-preferences',
          where: { 'user.relationTo': { equals: 'parents' } },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('staff keep their own preferences (list columns, nav) and never see anyone else’s', async () => {
    const saved = await rest('POST', '/payload-preferences/collection-posts', {
      token: director,
      body: { value: { limit: 25 } },
    })
    expect(saved.status).toBe(200)
    const own = await rest('GET', '/payload-preferences/collection-posts', { token: director })
    expect(own.status).toBe(200)
    expect((await own.json()).value).toEqual({ limit: 25 })
    const others = await rest(
      'GET',
      `/payload-preferences?where[user.value][equals]=${f.director.id}`,
      { token: teacher },
    )
    expect(others.status).toBe(200)
    expect((await others.json()).docs).toEqual([])
  })

  it('deleting a preference that does not exist is a 404, not a 500', async () => {
    // Payload's own handler hits a broken SQLite query whenever no row matches the key.
    const res = await rest('DELETE', '/payload-preferences/bestaat-niet', { token: director })
    expect(res.status).toBe(404)
    expect(JSON.stringify(await res.json())).toContain('Deze voorkeur bestaat niet.')
    await rest('POST', '/payload-preferences/weg', { token: director, body: { value: { a: 1 } } })
    expect((await rest('DELETE', '/payload-preferences/weg', { token: director })).status).toBe(200)
    expect((await rest('DELETE', '/payload-preferences/weg', { token: director })).status).toBe(404)
  })

  it('migrations, jobs and the key-value store are closed to every user', async () => {
    const asParent = asUser('parents', f.parents.multiGroup)
    const asDirector = asUser('staff', f.director)
    for (const collection of ['payload-migrations', 'payload-jobs', 'payload-kv'] as const) {
      for (const user of [asParent, asDirector]) {
        await expect(
          payload.find({ collection, user, overrideAccess: false, depth: 0 }),
        ).rejects.toMatchObject({ status: 403 })
      }
      for (const token of [parent, director]) {
        // payload-migrations has no REST endpoints at all: a 404 (Payload's own answer was a 501).
        const res = await rest('GET', `/${collection}`, { token })
        expect(res.status).toBe(collection === 'payload-migrations' ? 404 : 403)
        expect(JSON.stringify(await res.json())).not.toContain('docs')
      }
    }
  })
})
