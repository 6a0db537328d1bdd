import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { EXPORT_SECTIONS } from '../../src/collections/Parents/export-data'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

type Doc = { id: string; [key: string]: unknown }
type Export = { export: Record<string, unknown>; account: Doc } & Record<string, Doc[]>

/**
 * A parent's data export (AVG, issue #16): their own data of every collection, exactly what the
 * same access rules let them read (compared with what REST gives the same parent), and nothing
 * of another family, nor any secret of their own account.
 */
describe('the parent’s data export', () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<string, string> = {}

  const post = async (token: string, path: string, body: unknown) => {
    const res = await rest('POST', path, { token, body })
    expect(res.status, `${path}: ${await res.clone().text()}`).toBeLessThan(300)
    return (await res.json()) as { doc?: Doc }
  }
  const exportOf = async (token: string) => {
    const res = await rest('GET', '/parents/export', { token })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="schoolpost-gegevens\.json"$/,
    )
    expect(res.headers.get('cache-control')).toBe('no-store')
    return JSON.parse(await res.text()) as Export
  }

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1, c1
    t.guardian = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    // Both families leave traces in several collections.
    for (const [token, pupil] of [
      [t.multi, f.pupils.a1.id],
      [t.guardian, f.pupils.b1.id],
    ] as const) {
      await post(token, '/image-consents/set', { pupil, allowed: false })
      await post(token, '/image-consents/set', { pupil, allowed: true })
      const talk = await post(token, '/conversations', { pupil, subject: 'Vraag over de gymles' })
      await post(token, '/messages', {
        conversation: talk.doc!.id,
        body: 'Mag hij gymmen met een gips?',
      })
      await post(token, '/feedback', {
        topic: 'schoolpost',
        message: 'Fijne app, dank jullie wel!',
      })
    }
  })

  it('holds the account without secrets, and the family’s own children only', async () => {
    const data = await exportOf(t.multi!)
    expect(data.export).toMatchObject({ format: 'schoolpost-export', version: 1 })
    expect(data.account).toMatchObject({
      id: f.parents.multiGroup.id,
      email: f.parents.multiGroup.email,
    })
    const text = JSON.stringify(data)
    for (const secret of [
      '"hash"',
      '"salt"',
      '"password"',
      'calendarFeed',
      'secretHash',
      'resetPassword',
      '"sessions"',
    ])
      expect([secret, text.includes(secret)]).toEqual([secret, false])
    expect(data.children!.map((c) => c.id).sort()).toEqual([f.pupils.a1.id, f.pupils.c1.id].sort())
  })

  it('holds exactly what the parent may read of each collection, and their consent history', async () => {
    const data = await exportOf(t.multi!)
    for (const section of EXPORT_SECTIONS.filter((s) => s.asParent)) {
      const res = await rest('GET', `/${section.collection}?depth=0&limit=0&pagination=false`, {
        token: t.multi,
      })
      expect([section.key, res.status]).toEqual([section.key, 200])
      const readable = ((await res.json()) as { docs: Doc[] }).docs.map((d) => d.id).sort()
      expect([section.key, data[section.key]!.map((d) => d.id).sort()]).toEqual([
        section.key,
        readable,
      ])
    }
    expect(data.messages!.map((m) => m.body)).toContain('Mag hij gymmen met een gips?')
    expect(data.feedback!.map((m) => m.message)).toEqual(['Fijne app, dank jullie wel!'])
    expect(data.imageConsentHistory!.map((c) => [c.from, c.to])).toEqual([
      ['none', 'refused'],
      ['refused', 'allowed'],
    ])
    expect(data.houseRulesAcceptances).toEqual([])
  })

  it('holds nothing of another family', async () => {
    const text = JSON.stringify(await exportOf(t.multi!))
    for (const other of [
      f.parents.guardianOne.id,
      f.parents.guardianOne.email,
      f.parents.guardianTwo.id,
      f.pupils.b1.id,
      f.pupils.a2.id,
    ])
      expect([other, text.includes(other)]).toEqual([other, false])
  })

  it('is only for the parent themselves', async () => {
    expect((await rest('GET', '/parents/export', { token: t.director })).status).toBe(403)
    expect((await rest('GET', '/parents/export')).status).toBe(401)
  })
})
