import { randomUUID } from 'node:crypto'

import type { Field, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { notDutch, refusalMessages } from './helpers/dutch'
import { plainPng } from './helpers/images'
import { collectGarbage } from './helpers/collect-garbage'
import { rest, testPayload } from './helpers/payload'
import { rawRest } from './helpers/raw-rest'
import {
  asUser,
  createSchoolFixture,
  FIXTURE_PASSWORD,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

/**
 * Issue #9 item 12: type-confused writes must never reach a 500, and every refusal speaks Dutch.
 * Generated from the built config: every collection and global, every field (containers
 * flattened), every role that may write, through REST create and update. No Accept-Language
 * header, as curl and most API clients send.
 */

type Role = 'director' | 'teacher' | 'office' | 'parent'
const ROLES: Role[] = ['director', 'teacher', 'office', 'parent']
const BIG = 'x'.repeat(200_000)

type Outcome = { label: string; status: number; problem?: string }

/** Collections with a REST API: `payload-migrations` has none (Payload answers 501 itself). */
const writable = (payload: Payload) =>
  payload.config.collections.filter((c) => c.endpoints !== false)

/** Every named field of a collection or global, through rows, collapsibles and unnamed tabs. */
type NamedField = Field & { name: string }

function namedFields(fields: Field[]): NamedField[] {
  const out: NamedField[] = []
  for (const field of fields) {
    if ('name' in field && field.name && field.type !== 'ui') out.push(field as NamedField)
    else if ('fields' in field && Array.isArray(field.fields))
      out.push(...namedFields(field.fields))
    else if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) out.push({ ...tab, type: 'group' } as NamedField)
        else out.push(...namedFields(tab.fields))
      }
    }
  }
  return out
}

/** Values of the wrong type (or out of range) for a field: what a confused or hostile client sends. */
function wrongValues(field: Field): unknown[] {
  const common: unknown[] = [null, 12345, 'nonsense', true, { $ne: null }, ['nonsense', 7], BIG]
  switch (field.type) {
    case 'relationship':
    case 'upload':
    case 'join':
      return [...common, randomUUID(), [randomUUID()], { relationTo: 'x', value: 'y' }]
    case 'date':
      return [...common, '2026-02-31', '2026-13-45T99:99:99Z', '+275760-09-13T00:00:01Z', -1]
    case 'number':
      return [...common, 1e300, -1, 1.5, '12']
    case 'select':
    case 'radio':
      return [...common, ['nonsense'], '']
    case 'email':
      return [...common, 'not-an-email', '@', `${'a'.repeat(300)}@x.test`]
    case 'checkbox':
      return [...common, 'ja', 0]
    case 'group':
    case 'array':
    case 'blocks':
      return [...common, [{ nonsense: 1 }], [null]]
    default:
      return [...common, '']
  }
}

/** A 4xx must carry Dutch messages only; a 5xx is always wrong. */
async function judge(label: string, res: Response): Promise<Outcome> {
  const status = res.status
  const text = await res.text()
  if (status >= 500) return { label, status, problem: `${status}: ${text.slice(0, 200)}` }
  if (status < 400) return { label, status }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return { label, status, problem: `${status} without JSON: ${text.slice(0, 200)}` }
  }
  for (const message of refusalMessages(body)) {
    const why = notDutch(message)
    if (why) return { label, status, problem: `${status} ${why}: ${JSON.stringify(message)}` }
  }
  return { label, status }
}

function summarise(name: string, outcomes: Outcome[]) {
  const statuses = new Map<number, number>()
  for (const { status } of outcomes) statuses.set(status, (statuses.get(status) ?? 0) + 1)
  const byStatus = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}×${n}`)
  const problems = outcomes.filter((o) => o.problem)
  console.log(`${name}: ${outcomes.length} cases; statuses ${byStatus.join(', ')}`)
  return problems.map((o) => `${o.label} → ${o.problem}`)
}

describe('bad input (issue #9 item 12)', () => {
  let payload: Payload
  let school: SchoolFixture
  const tokens = {} as Record<Role, string>
  /** Per collection, the document each role's updates aim at. */
  const targets = new Map<string, Partial<Record<Role, string>>>()

  const roleUser = (role: Role) =>
    role === 'parent'
      ? { collection: 'parents' as const, doc: school.parents.guardianOne }
      : {
          collection: 'staff' as const,
          doc: {
            director: school.director,
            teacher: school.teacherTwoGroups,
            office: school.office,
          }[role],
        }

  /** Puts a role's account back as the fixture made it and logs in again. */
  async function restoreLogin(role: Role) {
    const { collection, doc } = roleUser(role)
    await payload.update({
      collection,
      id: doc.id,
      data: { ...doc, password: FIXTURE_PASSWORD } as never,
      overrideAccess: true,
    })
    tokens[role] = await fixtureToken(payload, collection, doc.email)
  }

  beforeAll(async () => {
    payload = await testPayload()
    school = await createSchoolFixture(payload)
    for (const role of ROLES) await restoreLogin(role)

    const teacher = asUser('staff', school.teacherTwoGroups)
    const png = await plainPng(64, 48, '#4a7')
    const photo = await payload.create({
      collection: 'media',
      data: { pupils: [school.pupils.a1.id, school.pupils.a2.id] },
      file: { data: png, mimetype: 'image/png', name: 'bad-input.png', size: png.length },
      user: teacher,
    })
    const post = await payload.create({
      collection: 'posts',
      data: {
        title: 'Invoer',
        audience: 'groups',
        groups: [school.groups.a.id],
        status: 'published',
        gallery: [photo.id],
      } as never,
      user: teacher,
      overrideAccess: false,
    })
    const report = await payload.create({
      collection: 'reports',
      data: { post: post.id, category: 'other', text: 'invoer', status: 'open' } as never,
      user: asUser('parents', school.parents.multiGroup),
      overrideAccess: false,
    })
    const consent = await payload.create({
      collection: 'image-consents',
      data: { pupil: school.pupils.b1.id, guardian: school.parents.guardianTwo.id, allowed: true },
    })
    // A calendar item (issue #15) of the teacher's group A: the teacher and the director may
    // change it, so their wrong-typed updates reach the item's hook and validation.
    const event = await payload.create({
      collection: 'events',
      data: {
        title: 'Invoer',
        audience: 'groups',
        groups: [school.groups.a.id],
        allDay: true,
        date: '2027-03-09',
        status: 'published',
      } as never,
      user: teacher,
      overrideAccess: false,
    })
    const all = (id: string) => ({ director: id, teacher: id, office: id, parent: id })
    targets.set('events', all(event.id))
    targets.set('media', all(photo.id))
    targets.set('posts', all(post.id))
    targets.set('reports', all(report.id))
    targets.set('image-consents', all(consent.id))
    targets.set('groups', all(school.groups.a.id))
    targets.set('pupils', all(school.pupils.a1.id))
    targets.set('staff', all(school.teacherOther.id))
    // A parent may only ever update themselves; staff aim at another parent.
    targets.set('parents', {
      ...all(school.parents.guardianTwo.id),
      parent: school.parents.guardianOne.id,
    })
    for (const collection of payload.config.collections) {
      if (targets.has(collection.slug)) continue
      const found = await payload.find({
        collection: collection.slug as never,
        limit: 1,
        depth: 0,
        overrideAccess: true,
      })
      targets.set(
        collection.slug,
        all(String((found.docs[0] as { id?: string } | undefined)?.id ?? randomUUID())),
      )
    }
  })

  it('every wrong-typed field of every collection and global, as every role: a Dutch 4xx, never a 5xx', async () => {
    const outcomes: Outcome[] = []
    for (const collection of writable(payload)) {
      const fields = namedFields(collection.fields)
      for (const role of ROLES) {
        collectGarbage()
        await restoreLogin(role)
        const target = targets.get(collection.slug)![role]!
        for (const field of fields) {
          for (const [i, value] of wrongValues(field).entries()) {
            const body = { [field.name]: value }
            const label = `${role} ${collection.slug}.${field.name}#${i}`
            outcomes.push(
              await judge(
                `${label} create`,
                await rest('POST', `/${collection.slug}`, { token: tokens[role], body }),
              ),
            )
            const update = await rest('PATCH', `/${collection.slug}/${target}`, {
              token: tokens[role],
              body,
            })
            outcomes.push(await judge(`${label} update`, update))
            // A write the role may make to its own account can end its session: log in again.
            if (update.ok && collection.auth) await restoreLogin(role)
          }
        }
      }
    }
    for (const global of payload.config.globals) {
      // Other test files share this database: whatever a wrong value managed to store is undone.
      const before = await payload.findGlobal({ slug: global.slug as 'school-settings', depth: 0 })
      for (const role of ROLES) {
        for (const field of namedFields(global.fields)) {
          for (const [i, value] of wrongValues(field).entries()) {
            const res = await rest('POST', `/globals/${global.slug}`, {
              token: tokens[role],
              body: { [field.name]: value },
            })
            outcomes.push(await judge(`${role} ${global.slug}.${field.name}#${i}`, res))
          }
        }
      }
      const {
        id: _id,
        updatedAt: _u,
        createdAt: _c,
        ...restore
      } = before as unknown as Record<string, unknown>
      await payload.updateGlobal({ slug: global.slug as 'school-settings', data: restore as never })
    }
    expect(summarise('wrong-typed fields', outcomes)).toEqual([])
  }, 900_000)

  it('bodies that are not an object (null, a bare string, an array, invalid JSON, empty): a Dutch 4xx', async () => {
    const bodies: [string, string, string | null][] = [
      ['null', 'null', 'application/json'],
      ['bare string', '"nonsense"', 'application/json'],
      ['number', '42', 'application/json'],
      ['array', '[1,"x",null]', 'application/json'],
      ['invalid JSON', '{"title":', 'application/json'],
      ['empty', '', 'application/json'],
      ['text/plain', 'title=x', 'text/plain'],
    ]
    const outcomes: Outcome[] = []
    for (const role of ROLES) await restoreLogin(role)
    const paths = [
      ...writable(payload).flatMap((c) => [
        ['POST', `/${c.slug}`] as const,
        ['PATCH', `/${c.slug}/${targets.get(c.slug)!.director}`] as const,
      ]),
      ...payload.config.globals.map((g) => ['POST', `/globals/${g.slug}`] as const),
    ]
    for (const role of ROLES) {
      for (const [method, path] of paths) {
        for (const [name, body, contentType] of bodies) {
          const res = await rawRest(method, path, { token: tokens[role], body, contentType })
          outcomes.push(await judge(`${role} ${method} ${path} ${name}`, res))
        }
        if (path === '/media' || path.startsWith('/media/')) {
          for (const [name, json] of bodies) {
            const form = new FormData()
            form.append('file', new Blob([new Uint8Array(await plainPng(8, 8))]), 'p.png')
            form.append('_payload', json)
            const res = await rawRest(method, path, { token: tokens[role], body: form })
            outcomes.push(await judge(`${role} ${method} ${path} multipart _payload ${name}`, res))
          }
        }
      }
    }
    expect(summarise('non-object bodies', outcomes)).toEqual([])
  }, 300_000)

  it('custom endpoints with bodies of the wrong shape: a Dutch 4xx, never a 5xx', async () => {
    for (const role of ROLES) await restoreLogin(role)
    const report = targets.get('reports')!.director!
    const parent = school.parents.guardianTwo.id
    const endpoints: [string, Role | undefined][] = [
      ['/parents/portal-login', undefined],
      ['/parents/forgot-password', undefined],
      ['/staff/forgot-password', undefined],
      ['/parents/reset-password', undefined],
      ['/invitations/check', undefined],
      ['/invitations/accept', undefined],
      ['/parents/unsubscribe', undefined],
      [`/reports/${report}/handle`, 'director'],
      ['/reports/nonsense/handle', 'director'],
      ['/image-consents/set', 'parent'],
      ['/import-pupils', 'director'],
      [`/parents/${parent}/invite`, 'office'],
      ['/parents/nonsense/invite', 'office'],
    ]
    const shapes: [string, string][] = [
      ['null', 'null'],
      ['bare string', '"nonsense"'],
      ['array', '[1,2]'],
      ['invalid JSON', '{"email":'],
      ['empty', ''],
      ['empty object', '{}'],
      ['numbers', '{"email":1,"password":2,"token":3,"action":4,"pupil":5,"allowed":6,"csv":7}'],
      [
        'objects',
        '{"email":{"$ne":null},"password":[],"token":{},"action":[],"pupil":{},"allowed":"ja","csv":{}}',
      ],
      [
        '200 KB strings',
        JSON.stringify(
          Object.fromEntries(
            ['email', 'password', 'token', 'action', 'pupil', 'guardian', 'csv', 'kind'].map(
              (k) => [k, BIG],
            ),
          ),
        ),
      ],
      [
        'bad ids and enums',
        JSON.stringify({
          action: 'explode',
          pupil: 'nonsense',
          guardian: randomUUID(),
          allowed: 'misschien',
          kind: 'everything',
          mode: 'apply',
          token: 'nonsense',
          password: null,
        }),
      ],
    ]
    const outcomes: Outcome[] = []
    for (const [path, role] of endpoints) {
      for (const [name, body] of shapes) {
        for (const token of [role ? tokens[role] : undefined, tokens.parent]) {
          const res = await rawRest('POST', path, { token, body })
          outcomes.push(await judge(`POST ${path} ${name}${token ? '' : ' (anonymous)'}`, res))
        }
      }
    }
    expect(summarise('custom endpoints', outcomes)).toEqual([])
  }, 300_000)
})
