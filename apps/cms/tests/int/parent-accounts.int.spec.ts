import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Parent } from '../../src/payload-types'
import { drainJobs } from './helpers/jobs'
import { deliveredTo, linkFrom } from './helpers/mail'
import { rest, testPayload } from './helpers/payload'
import {
  createSchoolFixture,
  FIXTURE_PASSWORD,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

/** A password that passes the rule, so a refusal cannot come from the rule instead. */
const KNOWN = 'een wachtwoord dat de school kent 9'
const CHOSEN = 'zelf gekozen door de ouder 2026'

/**
 * Issue #9 follow-up: staff never know a parent's password. A parent account made by staff is
 * always "uitgenodigd" with a random password nobody learns; the parent chooses their own through
 * the invitation link. And when the school changes a login address, the old one is told.
 */
describe('parent accounts made by staff', () => {
  let payload: Payload
  let f: SchoolFixture
  let tokens: { office: string; director: string }

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    tokens = {
      office: await fixtureToken(payload, 'staff', f.office.email),
      director: await fixtureToken(payload, 'staff', f.director.email),
    }
  })

  const canLogIn = async (email: string, password: string) => {
    try {
      await payload.login({ collection: 'parents', data: { email, password } })
      return true
    } catch {
      return false
    }
  }
  const stored = (id: string) =>
    payload.findByID({ collection: 'parents', id, depth: 0 }) as Promise<Parent>

  for (const role of ['office', 'director'] as const) {
    it(`${role}: POST /api/parents with status active and a password gives an invited account nobody can log in to`, async () => {
      const email = `bekend.${role}.${randomUUID().slice(0, 8)}@fixture.test`
      const res = await rest('POST', '/parents', {
        token: tokens[role],
        body: {
          name: 'Bekend Wachtwoord',
          email,
          status: 'active',
          password: KNOWN,
          children: [f.pupils.a1.id],
        },
      })
      expect(res.status, await res.clone().text()).toBe(201)
      const { doc } = (await res.json()) as { doc: Parent }
      expect((await stored(doc.id)).status).toBe('invited')
      expect(await canLogIn(email, KNOWN)).toBe(false)
      // With the known password the children's photos would be one login away: the portal's door.
      const portal = await rest('POST', '/parents/portal-login', {
        body: { email, password: KNOWN },
        headers: { 'X-Forwarded-For': `192.0.2.${role === 'office' ? 80 : 81}` },
      })
      expect(portal.status).toBe(401)
    })
  }

  it('a staff-made parent becomes active only through the invitation, with the password they choose', async () => {
    const email = `uitnodiging.${randomUUID().slice(0, 8)}@fixture.test`
    const created = await rest('POST', '/parents', {
      token: tokens.office,
      body: { name: 'Via Uitnodiging', email, children: [f.pupils.c2.id] },
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const { doc } = (await created.json()) as { doc: Parent }
    expect(doc.status).toBe('invited')
    expect((await rest('POST', `/parents/${doc.id}/invite`, { token: tokens.office })).status).toBe(
      200,
    )
    await drainJobs(payload)
    const token = linkFrom(deliveredTo(email)[0]!.text ?? '', '/uitnodiging')
    const accept = await rest('POST', '/invitations/accept', {
      body: { token, password: CHOSEN },
    })
    expect(accept.status, await accept.clone().text()).toBe(200)
    expect((await stored(doc.id)).status).toBe('active')
    expect(await canLogIn(email, CHOSEN)).toBe(true)
  })

  it('the trusted Local API (seed, import) still creates accounts as it says', async () => {
    const email = `lokaal.${randomUUID().slice(0, 8)}@fixture.test`
    await payload.create({
      collection: 'parents',
      data: { name: 'Lokaal', email, status: 'active', password: FIXTURE_PASSWORD },
    })
    expect(await canLogIn(email, FIXTURE_PASSWORD)).toBe(true)
  })
})

describe('a changed login address is told to the old one', () => {
  let payload: Payload
  let f: SchoolFixture

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
  })

  it('office changes a parent’s email: the old address gets a notice without the new one, the new address nothing', async () => {
    const parent = f.parents.guardianOne
    const office = await fixtureToken(payload, 'staff', f.office.email)
    const newEmail = `nieuw.${parent.id}@fixture.test`
    const res = await rest('PATCH', `/parents/${parent.id}`, {
      token: office,
      body: { email: newEmail },
    })
    expect(res.status, await res.clone().text()).toBe(200)
    await drainJobs(payload)
    const notices = deliveredTo(parent.email)
    expect(notices.map((m) => m.subject)).toEqual(['Je e-mailadres voor Schoolpost is gewijzigd'])
    const notice = notices[0]!
    // A corrected typo means the old address may be a stranger's: it never learns the new one.
    expect(`${notice.text}\n${notice.html}`).not.toContain(newEmail)
    expect(notice.text).toContain(parent.name)
    expect(deliveredTo(newEmail)).toEqual([])
  })

  it('a save that leaves the address as it was sends nothing', async () => {
    const parent = f.parents.guardianTwo
    const office = await fixtureToken(payload, 'staff', f.office.email)
    const own = await fixtureToken(payload, 'parents', parent.email)
    await rest('PATCH', `/parents/${parent.id}`, { token: office, body: { phone: '06 1' } })
    // The owner's own attempt is ignored (the address is the school's), so nothing changed.
    await rest('PATCH', `/parents/${parent.id}`, {
      token: own,
      body: { email: `elders.${parent.id}@fixture.test` },
    })
    await drainJobs(payload)
    expect(deliveredTo(parent.email)).toEqual([])
  })

  it('a director changes a staff member’s email: the old address is told too', async () => {
    const teacher = f.teacherOther
    const director = await fixtureToken(payload, 'staff', f.director.email)
    const res = await rest('PATCH', `/staff/${teacher.id}`, {
      token: director,
      body: { email: `verhuisd.${teacher.id}@fixture.test` },
    })
    expect(res.status, await res.clone().text()).toBe(200)
    await drainJobs(payload)
    expect(deliveredTo(teacher.email).map((m) => m.subject)).toEqual([
      'Je e-mailadres voor Schoolpost is gewijzigd',
    ])
  })
})
