import { randomUUID } from 'node:crypto'
import type { Payload } from 'payload'

import { readHouseRulesVersion } from '../../../src/globals/HouseRules/current'
import type { Group, Parent, Pupil, Staff } from '../../../src/payload-types'

export const FIXTURE_PASSWORD = 'fixture-password-2026'

export type SchoolFixture = {
  director: Staff
  office: Staff
  teacherTwoGroups: Staff
  teacherOther: Staff
  groups: { a: Group; b: Group; c: Group }
  pupils: { a1: Pupil; a2: Pupil; b1: Pupil; c1: Pupil; c2: Pupil }
  parents: {
    /** Children in two groups (a1 in A, c1 in C). */
    multiGroup: Parent
    /** The two guardians of b1. */
    guardianOne: Parent
    guardianTwo: Parent
    /** Was a parent of a2, deactivated. */
    deactivated: Parent
  }
}

/**
 * A small school with the edge cases the access rules care about. Emails get a unique suffix so
 * several test files can build their own school in the same database.
 */
export async function createSchoolFixture(payload: Payload): Promise<SchoolFixture> {
  const tag = randomUUID().slice(0, 8)
  const email = (name: string) => `${name}.${tag}@fixture.test`
  const staff = (name: string, role: Staff['role']) =>
    payload.create({
      collection: 'staff',
      data: { name, email: email(name), role, password: FIXTURE_PASSWORD },
    })
  const director = await staff('director', 'director')
  const office = await staff('office', 'office')
  const teacherTwoGroups = await staff('teacher2g', 'teacher')
  const teacherOther = await staff('teacherc', 'teacher')
  const group = (name: string, teachers: string[]) =>
    payload.create({
      collection: 'groups',
      data: { name: `${name} ${tag}`, schoolYear: '2026-2027', teachers },
    })
  const a = await group('Groep A', [teacherTwoGroups.id])
  const b = await group('Groep B', [teacherTwoGroups.id])
  const c = await group('Groep C', [teacherOther.id])
  const pupil = (firstName: string, g: Group) =>
    payload.create({ collection: 'pupils', data: { firstName, lastName: tag, group: g.id } })
  const pupils = {
    a1: await pupil('A1', a),
    a2: await pupil('A2', a),
    b1: await pupil('B1', b),
    c1: await pupil('C1', c),
    c2: await pupil('C2', c),
  }
  const accepted = await acceptedHouseRules(payload)
  const parent = (name: string, children: Pupil[], status: Parent['status'] = 'active') =>
    payload.create({
      collection: 'parents',
      data: {
        name,
        email: email(name),
        password: FIXTURE_PASSWORD,
        status,
        children: children.map((p) => p.id),
        ...accepted,
      },
    })
  return {
    director,
    office,
    teacherTwoGroups,
    teacherOther,
    groups: { a, b, c },
    pupils,
    parents: {
      multiGroup: await parent('multi', [pupils.a1, pupils.c1]),
      guardianOne: await parent('guardian1', [pupils.b1]),
      guardianTwo: await parent('guardian2', [pupils.b1]),
      deactivated: await parent('deactivated', [pupils.a2], 'deactivated'),
    },
  }
}

/**
 * Parent data for "has accepted the house rules in force" (S18): a parent without it gets only
 * the house rules from every endpoint. Written with the Local API (the field is closed to REST).
 */
export async function acceptedHouseRules(payload: Payload) {
  const version = await readHouseRulesVersion(payload)
  return { houseRules: { version, acceptedAt: new Date().toISOString() } }
}

/** A user document as Payload puts it on `req.user`, for Local API calls with overrideAccess: false. */
export function asUser<T extends Staff | Parent>(collection: 'staff' | 'parents', doc: T) {
  return { ...doc, collection } as T & { collection: typeof collection }
}

/** A group with `count` pupils, each with one active parent; written straight to the database. */
export async function createBigGroup(payload: Payload, count: number, teacherId: string) {
  const tag = randomUUID().slice(0, 8)
  const accepted = await acceptedHouseRules(payload)
  const group = await payload.create({
    collection: 'groups',
    data: { name: `Groep groot ${tag}`, schoolYear: '2026-2027', teachers: [teacherId] },
  })
  const emails: string[] = []
  for (let i = 0; i < count; i++) {
    const pupil = await payload.db.create({
      collection: 'pupils',
      data: { firstName: `Kind${i}`, lastName: tag, group: group.id, tagLabel: `Kind${i}` },
    })
    // The parents need no password here (hashing hundreds would only slow the tests down).
    const email = `ouder${i}.${tag}@groot.test`
    await payload.db.create({
      collection: 'parents',
      data: { name: `Ouder ${i}`, email, status: 'active', children: [pupil.id], ...accepted },
    })
    emails.push(email)
  }
  return { group: group as Group, emails }
}

/** A fixture user's token (every fixture user has FIXTURE_PASSWORD). */
export async function fixtureToken(
  payload: Payload,
  collection: 'staff' | 'parents',
  email: string,
): Promise<string> {
  return (await payload.login({ collection, data: { email, password: FIXTURE_PASSWORD } })).token!
}
