import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { jobsAccess } from '../../src/jobs/access'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, FIXTURE_PASSWORD, type SchoolFixture } from './helpers/school-fixture'

const portalLogin = (email: string, password: string, address?: string) =>
  rest('POST', '/parents/portal-login', {
    body: { email, password },
    headers: address ? { 'X-Forwarded-For': address } : undefined,
  })

describe('authentication over REST', () => {
  let payload: Payload
  let f: SchoolFixture
  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
  })

  it('logs a parent in through the portal endpoint with a token and no cookie', async () => {
    const res = await portalLogin(f.parents.multiGroup.email, FIXTURE_PASSWORD)
    expect(res.status).toBe(200)
    expect(res.headers.get('set-cookie')).toBeNull()
    const body = await res.json()
    expect(body).toMatchObject({ ok: true, user: { id: f.parents.multiGroup.id, name: 'multi' } })
    expect(typeof body.token).toBe('string')
  })

  it('answers a wrong password with invalid-credentials, and bad input with a Dutch 400', async () => {
    const wrong = await portalLogin(f.parents.guardianTwo.email, 'not-the-password')
    expect(wrong.status).toBe(401)
    expect(await wrong.json()).toMatchObject({ ok: false, code: 'invalid-credentials' })
    const unknown = await portalLogin('nobody@fixture.test', 'whatever-password')
    expect(unknown.status).toBe(401)
    const bad = await rest('POST', '/parents/portal-login', {
      body: { email: 'geen-email', password: '' },
    })
    expect(bad.status).toBe(400)
    expect(await bad.json()).toMatchObject({
      code: 'invalid-input',
      message: 'Vul een geldig e-mailadres in.',
    })
    const notJson = await rest('POST', '/parents/portal-login', { body: 'x' })
    expect(notJson.status).toBe(400)
  })

  it('throttles a guesser after 5 failed logins, while the owner elsewhere still gets in (no lockout)', async () => {
    const email = f.parents.guardianOne.email
    const guesser = '198.51.100.23'
    for (let i = 0; i < 5; i++) {
      expect((await portalLogin(email, `wrong-${i}`, guesser)).status).toBe(401)
    }
    const throttled = await portalLogin(email, FIXTURE_PASSWORD, guesser)
    expect(throttled.status).toBe(429)
    expect(Number(throttled.headers.get('Retry-After'))).toBeGreaterThan(0)
    const owner = await portalLogin(email, FIXTURE_PASSWORD, '203.0.113.8')
    expect(owner.status).toBe(200)
  })

  it('refuses a deactivated parent with the right password', async () => {
    const res = await portalLogin(f.parents.deactivated.email, FIXTURE_PASSWORD)
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ ok: false, code: 'deactivated' })
  })

  it('refuses parent credentials on the staff login and a parent token on staff endpoints', async () => {
    const staffLogin = await rest('POST', '/staff/login', {
      body: { email: f.parents.multiGroup.email, password: FIXTURE_PASSWORD },
    })
    expect(staffLogin.status).toBe(401)

    const { token } = await (await portalLogin(f.parents.multiGroup.email, FIXTURE_PASSWORD)).json()
    expect((await rest('GET', '/staff', { token })).status).toBe(403)
    expect((await rest('GET', `/staff/${f.director.id}`, { token })).status).toBe(403)
    expect(
      (
        await rest('POST', '/staff', {
          token,
          body: { name: 'x', email: 'x@x.test', role: 'director', password: 'long-enough-pw' },
        })
      ).status,
    ).toBe(403)
    const me = await (await rest('GET', '/staff/me', { token })).json()
    expect(me.user).toBeNull()
  })

  it('lets a parent token read only their own children over REST', async () => {
    const { token } = await (await portalLogin(f.parents.multiGroup.email, FIXTURE_PASSWORD)).json()
    const res = await rest('GET', '/pupils?depth=1&limit=100', { token })
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.docs.map((p: { id: string }) => p.id).sort()).toEqual(
      [f.pupils.a1.id, f.pupils.c1.id].sort(),
    )
    expect(body.docs.map((p: { group: { name: string } }) => p.group.name).sort()).toEqual(
      [f.groups.a.name, f.groups.c.name].sort(),
    )
    const other = await rest('GET', `/pupils/${f.pupils.b1.id}`, { token })
    expect(other.status).toBe(404)
  })

  it('ends the CMS session on logout: the old token stops working', async () => {
    const { token } = await (
      await portalLogin(f.parents.guardianTwo.email, FIXTURE_PASSWORD)
    ).json()
    const before = await (await rest('GET', '/parents/me', { token })).json()
    expect(before.user?.id).toBe(f.parents.guardianTwo.id)
    expect((await rest('POST', '/parents/logout', { token })).status).toBe(200)
    const after = await (await rest('GET', '/parents/me', { token })).json()
    expect(after.user).toBeNull()
    expect((await rest('GET', '/pupils', { token })).status).toBe(403)
  })

  it('keeps the jobs queue to directors only', async () => {
    const req = (user: unknown) =>
      ({ req: { user } }) as unknown as Parameters<typeof jobsAccess.run>[0]
    const staff = (doc: object) => ({ ...doc, collection: 'staff' })
    for (const check of [jobsAccess.run, jobsAccess.queue, jobsAccess.cancel]) {
      expect(await check(req(staff(f.director)))).toBe(true)
      expect(await check(req(staff(f.office)))).toBe(false)
      expect(await check(req(staff(f.teacherOther)))).toBe(false)
      expect(await check(req({ ...f.parents.multiGroup, collection: 'parents' }))).toBe(false)
      expect(await check(req(null))).toBe(false)
    }
  })
})
