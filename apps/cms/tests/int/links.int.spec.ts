import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { MISSING_LINK } from '../../src/db/mongodb-references'
import type { Post } from '../../src/payload-types'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

/**
 * Links to nothing, on both databases (issue #12): SQLite's foreign keys refuse them and clear
 * optional links on delete; on MongoDB, which has no foreign keys, db/mongodb-references.ts does
 * the same. Found by running the suite on FerretDB: a made-up id was stored as a dangling link.
 */
describe('links to records that do not exist', () => {
  let payload: Payload
  let f: SchoolFixture
  let director: string

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    director = await fixtureToken(payload, 'staff', f.director.email)
  })

  /** An id of the right form for this database that no record has. */
  const unknownId = () =>
    payload.db.name === 'mongoose' ? '0123456789abcdef01234567' : randomUUID()

  const newPost = (groups: string[]) =>
    rest('POST', '/posts', {
      token: director,
      body: { title: `Koppeling ${randomUUID()}`, audience: 'groups', status: 'draft', groups },
    })

  it('a write that links to a record that does not exist is a Dutch 400, and stores nothing', async () => {
    const title = `Nergens ${randomUUID()}`
    for (const id of [unknownId(), 'geen-id']) {
      const res = await rest('POST', '/posts', {
        token: director,
        body: { title, audience: 'groups', status: 'draft', groups: [f.groups.a.id, id] },
      })
      expect(res.status).toBe(400)
      expect(JSON.stringify(await res.json())).toContain(MISSING_LINK.slice(0, 30))
    }
    expect(
      (await payload.count({ collection: 'posts', where: { title: { equals: title } } })).totalDocs,
    ).toBe(0)
  })

  it('deleting a record takes it out of the optional links that pointed at it', async () => {
    const group = await payload.create({
      collection: 'groups',
      data: { name: `Weg ${randomUUID().slice(0, 8)}`, schoolYear: '2026-2027', teachers: [] },
    })
    const created = await newPost([f.groups.a.id, group.id])
    expect(created.status, await created.clone().text()).toBe(201)
    const post = ((await created.json()) as { doc: Post }).doc

    await payload.delete({ collection: 'groups', id: group.id })
    const after = await payload.findByID({ collection: 'posts', id: post.id, depth: 0 })
    expect(after.groups).toEqual([f.groups.a.id])
  })
})
