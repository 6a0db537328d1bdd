import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { AuditEvent } from '../../src/payload-types'
import { rest, testPayload } from './helpers/payload'
import {
  asUser,
  createSchoolFixture,
  FIXTURE_PASSWORD,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

/**
 * The security log (issue #16): what a school must be able to show afterwards — logins and
 * failures, throttling, role and account changes, consent changes, exports and a director opening
 * a conversation — written by the CMS on every channel, read by directors only, and never
 * changed or deleted through the API. Every test uses its own client address (TEST-NET).
 */
describe('security log', () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<string, string> = {}
  const from = (address: string) => ({ 'X-Forwarded-For': address })

  /** The rows written since `since` (ISO), oldest first, as the database holds them. */
  const rowsSince = async (since: string, where: Record<string, unknown> = {}) =>
    (
      await payload.find({
        collection: 'audit-events',
        where: { and: [{ createdAt: { greater_than_equal: since } }, where] } as never,
        sort: 'createdAt',
        limit: 200,
        depth: 0,
      })
    ).docs as AuditEvent[]
  const mark = () => new Date(Date.now() - 1).toISOString()

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    t.teacher = await fixtureToken(payload, 'staff', f.teacherOther.email)
    t.office = await fixtureToken(payload, 'staff', f.office.email)
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
  })

  it('logs logins, wrong passwords and unknown addresses, with the client address and no secret', async () => {
    const since = mark()
    const staffLogin = (email: string, password: string) =>
      rest('POST', '/staff/login', { body: { email, password }, headers: from('198.51.100.70') })
    const portalLogin = (email: string, password: string) =>
      rest('POST', '/parents/portal-login', {
        body: { email, password },
        headers: from('198.51.100.71'),
      })
    expect((await staffLogin(f.teacherOther.email, FIXTURE_PASSWORD)).status).toBe(200)
    expect((await staffLogin(f.teacherOther.email, 'geheim-fout-1')).status).toBe(401)
    expect((await portalLogin(f.parents.guardianOne.email, FIXTURE_PASSWORD)).status).toBe(200)
    expect((await portalLogin('niemand@fixture.test', 'geheim-fout-2')).status).toBe(401)
    expect((await portalLogin(f.parents.deactivated.email, FIXTURE_PASSWORD)).status).toBe(403)

    const rows = await rowsSince(since, { address: { in: ['198.51.100.70', '198.51.100.71'] } })
    expect(
      rows.map((row) => [row.type, row.actorType, row.actorId ?? null, row.address, row.summary]),
    ).toEqual([
      ['login', 'staff', f.teacherOther.id, '198.51.100.70', 'Ingelogd op de beheeromgeving.'],
      [
        'login-failed',
        'staff',
        f.teacherOther.id,
        '198.51.100.70',
        'Inloggen op de beheeromgeving met een verkeerd wachtwoord.',
      ],
      [
        'login',
        'parent',
        f.parents.guardianOne.id,
        '198.51.100.71',
        'Ingelogd op het ouderportaal.',
      ],
      [
        'login-failed',
        'unknown',
        null,
        '198.51.100.71',
        'Inloggen op het ouderportaal met een onbekend e-mailadres.',
      ],
      [
        'login-failed',
        'parent',
        f.parents.deactivated.id,
        '198.51.100.71',
        'Inloggen op het ouderportaal geweigerd: het account is gedeactiveerd.',
      ],
    ])
    expect(rows[0]!.actorName).toBe(f.teacherOther.name)
    // Neither what was typed nor a token is stored: not the passwords, not the unknown address.
    const stored = JSON.stringify(rows)
    for (const secret of ['geheim-fout', FIXTURE_PASSWORD, 'niemand@fixture.test'])
      expect(stored).not.toContain(secret)
  })

  it('logs throttling once per address and window, however many requests it refuses', async () => {
    const since = mark()
    const statuses: number[] = []
    for (let i = 0; i < 12; i++) {
      const res = await rest('POST', '/staff/login', {
        body: { email: f.office.email, password: `fout-${i}` },
        headers: from('198.51.100.72'),
      })
      statuses.push(res.status)
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(7)
    const rows = await rowsSince(since, { address: { equals: '198.51.100.72' } })
    expect(rows.map((row) => row.type)).toEqual([
      ...Array<string>(5).fill('login-failed'),
      'login-throttled',
    ])
    expect(rows.at(-1)).toMatchObject({
      actorType: 'staff',
      actorId: f.office.id,
      summary:
        'Te veel mislukte inlogpogingen vanaf dit adres: inloggen is 15 minuten geblokkeerd.',
    })
  })

  it('logs role changes, account status and address changes, and deleted accounts', async () => {
    const since = mark()
    const created = await rest('POST', '/staff', {
      token: t.director,
      body: {
        name: 'Invaller Logtest',
        email: `invaller.${Date.now()}@fixture.test`,
        role: 'teacher',
        password: 'Een-lang-wachtwoord-2026',
      },
    })
    expect(created.status).toBe(201)
    const staffId = ((await created.json()) as { doc: { id: string } }).doc.id
    const promote = await rest('PATCH', `/staff/${staffId}`, {
      token: t.director,
      body: { role: 'director' },
    })
    expect(promote.status).toBe(200)
    // A teacher cannot change roles: nothing happens, nothing is logged.
    await rest('PATCH', `/staff/${f.teacherOther.id}`, {
      token: t.teacher,
      body: { role: 'director' },
    })
    const deactivate = await rest('PATCH', `/parents/${f.parents.guardianTwo.id}`, {
      token: t.office,
      body: { status: 'deactivated' },
    })
    expect(deactivate.status).toBe(200)
    const move = await rest('PATCH', `/parents/${f.parents.guardianTwo.id}`, {
      token: t.office,
      body: { email: `nieuw.${Date.now()}@fixture.test` },
    })
    expect(move.status).toBe(200)
    expect((await rest('DELETE', `/staff/${staffId}`, { token: t.director })).status).toBe(200)

    const rows = await rowsSince(since, { type: { in: ['role-changed', 'account-changed'] } })
    expect(rows.map((row) => [row.type, row.subjectId, row.actorId, row.summary])).toEqual([
      ['role-changed', staffId, f.director.id, 'Account aangemaakt met de rol Leerkracht.'],
      ['role-changed', staffId, f.director.id, 'Rol gewijzigd van Leerkracht naar Directie.'],
      [
        'account-changed',
        f.parents.guardianTwo.id,
        f.office.id,
        'Status gewijzigd van Actief naar Gedeactiveerd.',
      ],
      ['account-changed', f.parents.guardianTwo.id, f.office.id, 'Inlogadres (e-mail) gewijzigd.'],
      ['account-changed', staffId, f.director.id, 'Account verwijderd.'],
    ])
    expect(rows[0]!.subjectName).toBe('Invaller Logtest')
  })

  it('logs consent changes, exports and a director opening a conversation', async () => {
    const since = mark()
    const consent = await rest('POST', '/image-consents/set', {
      token: t.multi,
      body: { pupil: f.pupils.a1.id, allowed: false },
    })
    expect(consent.status).toBe(200)
    const exported = await rest('GET', '/parents/export', { token: t.multi })
    expect(exported.status).toBe(200)
    await exported.text()
    const conversation = await payload.create({
      collection: 'conversations',
      data: { pupil: f.pupils.c1.id, subject: 'Logtest' } as never,
      user: asUser('staff', f.teacherOther),
      overrideAccess: false,
    })
    const opened = await rest('POST', '/conversation-openings', {
      token: t.director,
      body: { conversation: conversation.id, reason: 'Zorgmelding van de intern begeleider' },
    })
    expect(opened.status).toBe(201)

    const rows = await rowsSince(since, {
      type: { in: ['consent-changed', 'data-export', 'conversation-opened'] },
    })
    expect(rows.map((row) => [row.type, row.actorId, row.subjectId, row.summary])).toEqual([
      [
        'consent-changed',
        f.parents.multiGroup.id,
        f.pupils.a1.id,
        expect.stringMatching(/^Beeldtoestemming van (geen keuze|toegestaan) naar geweigerd\.$/),
      ],
      [
        'data-export',
        f.parents.multiGroup.id,
        f.parents.multiGroup.id,
        'Eigen gegevens gedownload (JSON).',
      ],
      [
        'conversation-opened',
        f.director.id,
        conversation.id,
        'Gesprek geopend. Reden: Zorgmelding van de intern begeleider',
      ],
    ])
    expect(rows[0]!.subjectName).toBe(f.pupils.a1.fullName)
  })

  it('is read by directors only and never written, changed or deleted through the API', async () => {
    const [row] = await rowsSince('1970-01-01T00:00:00.000Z')
    expect(row).toBeDefined()
    expect((await rest('GET', '/audit-events', { token: t.director })).status).toBe(200)
    for (const token of [t.teacher, t.office, t.multi]) {
      const res = await rest('GET', '/audit-events', { token })
      expect(res.status).toBe(403)
    }
    const attempts = [
      rest('POST', '/audit-events', {
        token: t.director,
        body: { type: 'login', summary: 'Vals', key: 'x' },
      }),
      rest('PATCH', `/audit-events/${row!.id}`, { token: t.director, body: { summary: 'Weg' } }),
      rest('DELETE', `/audit-events/${row!.id}`, { token: t.director }),
      rest('DELETE', `/audit-events?where[id][exists]=true`, { token: t.director }),
    ]
    for (const res of await Promise.all(attempts)) expect(res.status).toBe(403)
    const still = await payload.findByID({ collection: 'audit-events', id: row!.id, depth: 0 })
    expect(still.summary).toBe(row!.summary)
  })
})
