import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { drainJobs, emailsTo } from './helpers/jobs'
import { deliveredTo, linkFrom, withoutLinks } from './helpers/mail'
import { rest, testPayload } from './helpers/payload'
import {
  acceptedHouseRules,
  createSchoolFixture,
  FIXTURE_PASSWORD,
  type SchoolFixture,
} from './helpers/school-fixture'

const GOOD_PASSWORD = 'lange zomerdagen aan zee'

describe('invitations, sessions and password reset (S17)', () => {
  let payload: Payload
  let f: SchoolFixture
  let officeToken: string

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

  async function newInvitedParent(name: string) {
    return payload.create({
      collection: 'parents',
      data: {
        name,
        email: `${name}.${Date.now()}@fixture.test`,
        password: 'never-shown-to-anyone-123',
        status: 'invited',
        children: [f.pupils.c2.id],
      },
    })
  }

  async function inviteAndGetToken(parentId: string, email: string) {
    const res = await rest('POST', `/parents/${parentId}/invite`, { token: officeToken })
    expect(res.status).toBe(200)
    await drainJobs(payload)
    const [log] = await emailsTo(payload, email)
    expect(log?.kind).toBe('invitation')
    // The link is read where the parent reads it: in the email the provider received.
    const [mail] = deliveredTo(email)
    return linkFrom(mail!.text ?? '', '/uitnodiging')
  }

  it('runs the whole lifecycle: invite, check, weak password refused, accept, reuse refused', async () => {
    const parent = await newInvitedParent('nieuw')
    const token = await inviteAndGetToken(parent.id, parent.email)
    const [log] = await emailsTo(payload, parent.email)
    expect(log?.status).toBe('sent')
    const [mail] = deliveredTo(parent.email)
    expect(mail?.text).toContain('http://portal.test/uitnodiging/')
    // No pupil data in the email (checked without the link: a random token may hold any letters).
    const pupil = f.pupils.c2
    expect(withoutLinks(`${mail!.text}\n${mail!.html}`)).not.toContain(
      `${pupil.firstName} ${pupil.lastName}`,
    )

    const check = await rest('POST', '/invitations/check', { body: { token } })
    expect(check.status).toBe(200)
    expect(await check.json()).toMatchObject({ ok: true, parentName: 'nieuw', email: parent.email })

    const weak = await rest('POST', '/invitations/accept', {
      body: { token, password: 'password123' },
    })
    expect(weak.status).toBe(400)
    expect(await weak.json()).toMatchObject({
      code: 'weak-password',
      message: expect.stringMatching(/te vaak voor/),
    })

    const accept = await rest('POST', '/invitations/accept', {
      body: { token, password: GOOD_PASSWORD },
    })
    expect(accept.status).toBe(200)
    const session = await accept.json()
    expect(session.user.id).toBe(parent.id)
    const me = await (await rest('GET', '/parents/me', { token: session.token })).json()
    expect(me.user.status).toBe('active')

    const again = await rest('POST', '/invitations/accept', {
      body: { token, password: GOOD_PASSWORD },
    })
    expect(again.status).toBe(410)
    expect(await again.json()).toMatchObject({ code: 'used' })
    expect((await rest('POST', '/invitations/check', { body: { token } })).status).toBe(410)
  })

  it('resending kills the old link; unknown and expired links get their own answer', async () => {
    const parent = await newInvitedParent('opnieuw')
    const first = await inviteAndGetToken(parent.id, parent.email)
    const second = await inviteAndGetToken(parent.id, parent.email)
    expect(second).not.toBe(first)
    expect(
      await (await rest('POST', '/invitations/check', { body: { token: first } })).json(),
    ).toMatchObject({ code: 'revoked' })
    expect((await rest('POST', '/invitations/check', { body: { token: second } })).status).toBe(200)
    const unknown = await rest('POST', '/invitations/check', { body: { token: 'x'.repeat(43) } })
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ code: 'invalid' })

    await payload.update({
      collection: 'invitations',
      where: { parent: { equals: parent.id } },
      data: { expiresAt: new Date(Date.now() - 1000).toISOString() },
    })
    expect(
      await (await rest('POST', '/invitations/check', { body: { token: second } })).json(),
    ).toMatchObject({ code: 'expired' })
  })

  it('does not invite an active parent, and only office/directors invite', async () => {
    const res = await rest('POST', `/parents/${f.parents.multiGroup.id}/invite`, {
      token: officeToken,
    })
    expect(res.status).toBe(409)
    const teacherToken = (
      await payload.login({
        collection: 'staff',
        data: { email: f.teacherTwoGroups.email, password: FIXTURE_PASSWORD },
      })
    ).token
    const parent = await newInvitedParent('leraar')
    expect(
      (await rest('POST', `/parents/${parent.id}/invite`, { token: teacherToken })).status,
    ).toBe(403)
    expect((await rest('POST', `/parents/${parent.id}/invite`)).status).toBe(403)
  })

  it('deactivating a parent ends their sessions at once', async () => {
    const parent = await payload.create({
      collection: 'parents',
      data: {
        name: 'stopt',
        email: `stopt.${Date.now()}@fixture.test`,
        password: FIXTURE_PASSWORD,
        status: 'active',
        children: [f.pupils.c2.id],
        ...(await acceptedHouseRules(payload)),
      },
    })
    const { token } = await payload.login({
      collection: 'parents',
      data: { email: parent.email, password: FIXTURE_PASSWORD },
    })
    expect((await rest('GET', '/pupils', { token })).status).toBe(200)
    const res = await rest('PATCH', `/parents/${parent.id}`, {
      token: officeToken,
      body: { status: 'deactivated' },
    })
    expect(res.status).toBe(200)
    expect((await (await rest('GET', '/parents/me', { token })).json()).user).toBeNull()
    expect((await rest('GET', '/pupils', { token })).status).toBe(403)
  })

  it('unlinking a child removes access to that child at once', async () => {
    const parent = await payload.create({
      collection: 'parents',
      data: {
        name: 'ontkoppeld',
        email: `ontk.${Date.now()}@fixture.test`,
        password: FIXTURE_PASSWORD,
        status: 'active',
        children: [f.pupils.a2.id, f.pupils.c2.id],
        ...(await acceptedHouseRules(payload)),
      },
    })
    const { token } = await payload.login({
      collection: 'parents',
      data: { email: parent.email, password: FIXTURE_PASSWORD },
    })
    expect((await rest('GET', `/pupils/${f.pupils.a2.id}`, { token })).status).toBe(200)
    await rest('PATCH', `/parents/${parent.id}`, {
      token: officeToken,
      body: { children: [f.pupils.c2.id] },
    })
    expect((await rest('GET', `/pupils/${f.pupils.a2.id}`, { token })).status).toBe(404)
    expect((await rest('GET', `/pupils/${f.pupils.c2.id}`, { token })).status).toBe(200)
  })

  it('forgot password never reveals an address; the portal link resets with the password rule', async () => {
    const unknown = await rest('POST', '/parents/forgot-password', {
      body: { email: 'niemand@fixture.test' },
    })
    const known = await rest('POST', '/parents/forgot-password', {
      body: { email: f.parents.guardianTwo.email },
    })
    expect(unknown.status).toBe(200)
    expect(known.status).toBe(200)
    expect(await unknown.json()).toEqual(await known.json())
    await drainJobs(payload)
    expect(await emailsTo(payload, 'niemand@fixture.test')).toHaveLength(0)
    expect(deliveredTo('niemand@fixture.test')).toHaveLength(0)
    const [log] = await emailsTo(payload, f.parents.guardianTwo.email)
    expect(log?.kind).toBe('password-reset')
    const [mail] = deliveredTo(f.parents.guardianTwo.email)
    const token = linkFrom(mail!.text ?? '', '/wachtwoord-herstellen')

    const weak = await rest('POST', '/parents/reset-password', {
      body: { token, password: 'kort' },
    })
    expect(weak.status).toBe(400)
    const ok = await rest('POST', '/parents/reset-password', {
      body: { token, password: GOOD_PASSWORD },
    })
    expect(ok.status).toBe(200)
    const login = await payload.login({
      collection: 'parents',
      data: { email: f.parents.guardianTwo.email, password: GOOD_PASSWORD },
    })
    expect(login.user?.id).toBe(f.parents.guardianTwo.id)
    const reuse = await rest('POST', '/parents/reset-password', {
      body: { token, password: 'nog een heel ander wachtwoord' },
    })
    expect(reuse.status).toBe(410)
    expect(
      (await rest('POST', '/parents/forgot-password', { body: { email: 'geen-adres' } })).status,
    ).toBe(400)
  })

  it('a staff member’s "forgot password" in /admin answers at once and queues the email', async () => {
    // Payload sends this email from inside its own transaction: the outbox must not wait for
    // that transaction's write lock (it once hung until SQLite gave up).
    const started = Date.now()
    const res = await rest('POST', '/staff/forgot-password', {
      body: { email: f.teacherOther.email },
    })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(Date.now() - started).toBeLessThan(5000)
    await drainJobs(payload)
    const [log] = await emailsTo(payload, f.teacherOther.email)
    expect(log?.kind).toBe('password-reset')
    const [mail] = deliveredTo(f.teacherOther.email)
    expect(mail?.subject).toMatch(/^Nieuw wachtwoord voor Schoolpost/)
    // The admin's own reset page, which posts to Payload's reset-password endpoint.
    const token = linkFrom(mail!.text ?? '', '/admin/reset')
    const reset = await rest('POST', '/staff/reset-password', {
      body: { token, password: GOOD_PASSWORD },
    })
    expect(reset.status, await reset.clone().text()).toBe(200)
    const login = await payload.login({
      collection: 'staff',
      data: { email: f.teacherOther.email, password: GOOD_PASSWORD },
    })
    expect(login.user?.id).toBe(f.teacherOther.id)
    const unknown = await rest('POST', '/staff/forgot-password', {
      body: { email: 'niemand@fixture.test' },
    })
    expect(await unknown.json()).toEqual(await res.json())
  })
})
