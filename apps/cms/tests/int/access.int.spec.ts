import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Parent, Staff } from '../../src/payload-types'
import { testPayload } from './helpers/payload'
import { asUser, createSchoolFixture, type SchoolFixture } from './helpers/school-fixture'

type Actor = { label: string; user: ReturnType<typeof asUser> }

/**
 * Who sees which pupils, groups and parents (brief section 2) through the Local API with
 * overrideAccess: false and a real user. Each expectation lists the fixture keys an actor may see.
 */
describe('community access (Local API, overrideAccess: false)', () => {
  let payload: Payload
  let f: SchoolFixture
  let actors: Record<string, Actor>

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    const staff = (label: string, doc: Staff) => ({ label, user: asUser('staff', doc) })
    const parent = (label: string, doc: Parent) => ({ label, user: asUser('parents', doc) })
    actors = {
      director: staff('director', f.director),
      office: staff('office', f.office),
      teacherTwoGroups: staff('teacher of A and B', f.teacherTwoGroups),
      teacherOther: staff('teacher of C', f.teacherOther),
      multiGroup: parent('parent with children in A and C', f.parents.multiGroup),
      guardianOne: parent('first guardian of B1', f.parents.guardianOne),
      guardianTwo: parent('second guardian of B1', f.parents.guardianTwo),
      deactivated: parent('deactivated parent', f.parents.deactivated),
    }
  })

  const visible = async (
    collection: 'pupils' | 'groups' | 'parents',
    actor: Actor,
    ids: string[],
  ) => {
    try {
      const result = await payload.find({
        collection,
        user: actor.user,
        overrideAccess: false,
        where: { id: { in: ids } },
        depth: 0,
        limit: 100,
      })
      return result.docs.map((d) => d.id)
    } catch (error) {
      if ((error as { status?: number }).status === 403) return []
      throw error
    }
  }

  const pupilCases: [string, (keyof SchoolFixture['pupils'])[]][] = [
    ['director', ['a1', 'a2', 'b1', 'c1', 'c2']],
    ['office', ['a1', 'a2', 'b1', 'c1', 'c2']],
    ['teacherTwoGroups', ['a1', 'a2', 'b1']],
    ['teacherOther', ['c1', 'c2']],
    ['multiGroup', ['a1', 'c1']],
    ['guardianOne', ['b1']],
    ['guardianTwo', ['b1']],
    ['deactivated', []],
  ]
  it.each(pupilCases)('pupils: %s sees exactly %j', async (actorKey, expected) => {
    const all = Object.values(f.pupils).map((p) => p.id)
    const seen = await visible('pupils', actors[actorKey]!, all)
    expect(seen.sort()).toEqual(expected.map((k) => f.pupils[k].id).sort())
  })

  const groupCases: [string, ('a' | 'b' | 'c')[]][] = [
    ['director', ['a', 'b', 'c']],
    ['office', ['a', 'b', 'c']],
    ['teacherTwoGroups', ['a', 'b']],
    ['teacherOther', ['c']],
    ['multiGroup', ['a', 'c']],
    ['guardianOne', ['b']],
    ['deactivated', []],
  ]
  it.each(groupCases)('groups: %s sees exactly %j', async (actorKey, expected) => {
    const all = Object.values(f.groups).map((g) => g.id)
    const seen = await visible('groups', actors[actorKey]!, all)
    expect(seen.sort()).toEqual(expected.map((k) => f.groups[k].id).sort())
  })

  const parentCases: [string, (keyof SchoolFixture['parents'])[]][] = [
    ['director', ['multiGroup', 'guardianOne', 'guardianTwo', 'deactivated']],
    ['office', ['multiGroup', 'guardianOne', 'guardianTwo', 'deactivated']],
    ['teacherTwoGroups', ['multiGroup', 'guardianOne', 'guardianTwo', 'deactivated']],
    ['teacherOther', ['multiGroup']],
    ['multiGroup', ['multiGroup']],
    ['guardianOne', ['guardianOne']],
    ['deactivated', []],
  ]
  it.each(parentCases)('parents: %s sees exactly %j', async (actorKey, expected) => {
    const all = Object.values(f.parents).map((p) => p.id)
    const seen = await visible('parents', actors[actorKey]!, all)
    expect(seen.sort()).toEqual(expected.map((k) => f.parents[k].id).sort())
  })

  it('staff accounts are readable by staff only', async () => {
    const asTeacher = await payload.find({
      collection: 'staff',
      user: actors.teacherOther!.user,
      overrideAccess: false,
      where: { id: { equals: f.director.id } },
    })
    expect(asTeacher.docs).toHaveLength(1)
    await expect(
      payload.find({ collection: 'staff', user: actors.multiGroup!.user, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it.each(['teacherTwoGroups', 'multiGroup'])(
    '%s cannot create pupils, groups or parents',
    async (actorKey) => {
      const user = actors[actorKey]!.user
      await expect(
        payload.create({
          collection: 'groups',
          data: { name: 'X', schoolYear: '2026-2027' },
          user,
          overrideAccess: false,
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.create({
          collection: 'pupils',
          data: { firstName: 'X', lastName: 'Y', group: f.groups.a.id },
          user,
          overrideAccess: false,
        }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.create({
          collection: 'parents',
          data: {
            name: 'X',
            email: `x-${actorKey}@fixture.test`,
            password: 'long-enough-password',
            status: 'invited',
          },
          user,
          overrideAccess: false,
        }),
      ).rejects.toMatchObject({ status: 403 })
    },
  )

  it('office creates pupils; only a director creates staff', async () => {
    const pupil = await payload.create({
      collection: 'pupils',
      data: { firstName: 'Nieuw', lastName: 'Kind', group: f.groups.a.id },
      user: actors.office!.user,
      overrideAccess: false,
    })
    expect(pupil.fullName).toBe('Nieuw Kind')
    await expect(
      payload.create({
        collection: 'staff',
        data: {
          name: 'X',
          email: 'x-office@fixture.test',
          role: 'director',
          password: 'long-enough-password',
        },
        user: actors.office!.user,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('a teacher cannot make themselves director', async () => {
    const updated = await payload.update({
      collection: 'staff',
      id: f.teacherOther.id,
      data: { role: 'director', name: 'Meester C' },
      user: actors.teacherOther!.user,
      overrideAccess: false,
    })
    expect(updated.name).toBe('Meester C')
    expect(updated.role).toBe('teacher')
  })

  it('a parent updates their own name but not their children or status', async () => {
    const updated = await payload.update({
      collection: 'parents',
      id: f.parents.guardianOne.id,
      data: { name: 'Nieuwe Naam', children: [f.pupils.c2.id], status: 'active' },
      user: actors.guardianOne!.user,
      overrideAccess: false,
      depth: 0,
    })
    expect(updated.name).toBe('Nieuwe Naam')
    expect(updated.children).toEqual([f.pupils.b1.id])
    await expect(
      payload.update({
        collection: 'parents',
        id: f.parents.guardianTwo.id,
        data: { name: 'Overgenomen' },
        user: actors.guardianOne!.user,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })
})
