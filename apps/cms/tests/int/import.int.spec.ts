import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { drainJobs, emailsTo } from './helpers/jobs'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, FIXTURE_PASSWORD, type SchoolFixture } from './helpers/school-fixture'

const sample = readFileSync(
  path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../../docs/samples/leerlingen-import.csv',
  ),
  'utf8',
)

describe('CSV import of pupils and guardians', () => {
  let payload: Payload
  let f: SchoolFixture
  let officeToken: string
  const importCsv = (
    csv: string,
    mode: 'preview' | 'apply',
    sendInvitations = false,
    token = officeToken,
  ) => rest('POST', '/import-pupils', { token, body: { csv, mode, sendInvitations } })

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    officeToken = (
      await payload.login({
        collection: 'staff',
        data: { email: f.office.email, password: FIXTURE_PASSWORD },
      })
    ).token!
  })

  it('previews without writing anything', async () => {
    const before = await payload.count({ collection: 'pupils' })
    const res = await importCsv(sample, 'preview')
    expect(res.status).toBe(200)
    const { plan } = await res.json()
    expect(plan.counts).toEqual({ new: 4, changed: 0, unchanged: 0, error: 0 })
    expect(plan.newParents).toBe(4)
    expect(plan.rows.map((r: { line: number }) => r.line)).toEqual([2, 3, 4, 5])
    expect((await payload.count({ collection: 'pupils' })).totalDocs).toBe(before.totalDocs)
  })

  it('applies in one go, links siblings to one parent, and invites the new parents', async () => {
    const res = await importCsv(sample, 'apply', true)
    expect(res.status).toBe(200)
    expect((await res.json()).invited).toBe(4)
    const marieke = (
      await payload.find({
        collection: 'parents',
        where: { email: { equals: 'marieke.kok@ouders.test' } },
        depth: 1,
      })
    ).docs[0]!
    expect(marieke.status).toBe('invited')
    expect(
      (marieke.children ?? [])
        .map((c) => (typeof c === 'string' ? c : `${c.firstName} ${c.lastName}`))
        .sort(),
    ).toEqual(['Lina Kok', 'Sara Kok'])
    const groep4 = (
      await payload.find({ collection: 'groups', where: { name: { equals: 'Groep 4' } } })
    ).docs
    expect(groep4).toHaveLength(1)
    await drainJobs(payload)
    const [mail] = await emailsTo(payload, 'marieke.kok@ouders.test')
    expect(mail?.kind).toBe('invitation')
  })

  it('changes nothing when the same file is imported again', async () => {
    const counts = async () =>
      Promise.all(
        ['pupils', 'parents', 'groups', 'invitations'].map(
          async (c) => (await payload.count({ collection: c as 'pupils' })).totalDocs,
        ),
      )
    const before = await counts()
    const preview = await (await importCsv(sample, 'preview')).json()
    expect(preview.plan.counts).toEqual({ new: 0, changed: 0, unchanged: 4, error: 0 })
    const apply = await importCsv(sample, 'apply', true)
    expect(apply.status).toBe(200)
    expect((await apply.json()).invited).toBe(0)
    expect(await counts()).toEqual(before)
  })

  it('reports a moved pupil and a new guardian as changed', async () => {
    const moved = sample.replace(
      '10236;Mees;;Willems;Groep 6;22-11-2015;Ingrid Willems;ingrid.willems@ouders.test;;;;',
      '10236;Mees;;Willems;Groep 7;22-11-2015;Ingrid Willems;ingrid.willems@ouders.test;;Rik Willems;rik.willems@ouders.test;',
    )
    const { plan } = await (await importCsv(moved, 'preview')).json()
    const row = plan.rows.find((r: { line: number }) => r.line === 4)
    expect(row.status).toBe('changed')
    expect(row.changes).toEqual(
      expect.arrayContaining([
        'Groep: Groep 6 → Groep 7.',
        'Nieuwe ouder Rik Willems <rik.willems@ouders.test>.',
      ]),
    )
  })

  it('refuses to apply a file with errors and writes nothing', async () => {
    const before = (await payload.count({ collection: 'pupils' })).totalDocs
    const csv =
      'voornaam;achternaam;groep;ouder1 naam;ouder1 email\nNieuw;Kind;Groep 8;Ouder;ouder@x.test\nFout;Kind;Groep 8;Ouder;geen-email\n'
    const res = await importCsv(csv, 'apply')
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.code).toBe('has-errors')
    expect(body.plan.rows[1]).toMatchObject({ line: 3, status: 'error' })
    expect((await payload.count({ collection: 'pupils' })).totalDocs).toBe(before)
    expect(
      (await payload.count({ collection: 'groups', where: { name: { equals: 'Groep 8' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('answers malformed input with a Dutch 4xx and refuses teachers and parents', async () => {
    const broken = await importCsv('naam\nx', 'preview')
    expect(broken.status).toBe(422)
    expect((await broken.json()).message).toMatch(/kopregel mist/)
    expect(
      (await rest('POST', '/import-pupils', { token: officeToken, body: { mode: 'preview' } }))
        .status,
    ).toBe(400)
    const teacherToken = (
      await payload.login({
        collection: 'staff',
        data: { email: f.teacherOther.email, password: FIXTURE_PASSWORD },
      })
    ).token
    expect((await importCsv(sample, 'preview', false, teacherToken!)).status).toBe(403)
    const parentToken = (
      await payload.login({
        collection: 'parents',
        data: { email: f.parents.multiGroup.email, password: FIXTURE_PASSWORD },
      })
    ).token
    expect((await importCsv(sample, 'preview', false, parentToken!)).status).toBe(403)
    expect(
      (await rest('POST', '/import-pupils', { body: { csv: sample, mode: 'preview' } })).status,
    ).toBe(403)
  })
})
