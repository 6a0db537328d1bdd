import { createHash, randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { drainJobs } from './helpers/jobs'
import { deliveredTo, linkFrom } from './helpers/mail'
import { rest, testPayload } from './helpers/payload'
import {
  acceptedHouseRules,
  createSchoolFixture,
  FIXTURE_PASSWORD,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

const NEW_PASSWORD = 'een lang nieuw wachtwoord 7'

/** Issue #9 item 2: no field of an auth collection is writable by its owner unless on purpose. */
describe('auth fields over REST', () => {
  let payload: Payload
  let f: SchoolFixture
  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
  })

  const canLogIn = async (collection: 'parents' | 'staff', email: string, password: string) => {
    try {
      await payload.login({ collection, data: { email, password } })
      return true
    } catch {
      return false
    }
  }
  const stored = (collection: 'parents' | 'staff', id: string) =>
    payload.db.findOne({ collection, where: { id: { equals: id } } }) as Promise<
      Record<string, unknown>
    >

  it('a parent cannot set their own password through PATCH (only change-password can)', async () => {
    const parent = f.parents.multiGroup
    const token = await fixtureToken(payload, 'parents', parent.email)
    const res = await rest('PATCH', `/parents/${parent.id}`, { token, body: { password: 'abc' } })
    expect(res.status).toBe(403)
    expect(JSON.stringify(await res.json())).toMatch(/Wachtwoord wijzigen/)
    expect(await canLogIn('parents', parent.email, 'abc')).toBe(false)
    expect(await canLogIn('parents', parent.email, FIXTURE_PASSWORD)).toBe(true)
  })

  it('a parent cannot change their login email, and the answer never tells whether an address is taken', async () => {
    const parent = f.parents.guardianOne
    const token = await fixtureToken(payload, 'parents', parent.email)
    const taken = await rest('PATCH', `/parents/${parent.id}`, {
      token,
      body: { email: f.parents.guardianTwo.email },
    })
    const free = await rest('PATCH', `/parents/${parent.id}`, {
      token,
      body: { email: `vrij.${parent.id}@fixture.test` },
    })
    expect(taken.status).toBe(free.status)
    expect(taken.status).toBe(200)
    expect((await stored('parents', parent.id)).email).toBe(parent.email)
    // What a parent may change on purpose still works.
    const own = await rest('PATCH', `/parents/${parent.id}`, {
      token,
      body: { name: 'Guardian Een', phone: '06 12345678', preferredLanguage: 'en' },
    })
    expect(own.status).toBe(200)
    expect(await stored('parents', parent.id)).toMatchObject({
      name: 'Guardian Een',
      phone: '06 12345678',
      preferredLanguage: 'en',
    })
  })

  it('no hidden auth field, status or children is writable by the owner', async () => {
    const parent = f.parents.guardianTwo
    const token = await fixtureToken(payload, 'parents', parent.email)
    const before = await stored('parents', parent.id)
    const attempts: Record<string, unknown> = {
      hash: 'x'.repeat(64),
      salt: 'y'.repeat(64),
      resetPasswordToken: 'known-token-value-of-the-attacker',
      resetPasswordExpiration: '2099-01-01T00:00:00.000Z',
      loginAttempts: 99,
      lockUntil: '2099-01-01T00:00:00.000Z',
      sessions: [{ id: 'planted', expiresAt: '2099-01-01T00:00:00.000Z' }],
      _verified: true,
      status: 'active',
      children: [f.pupils.a1.id],
      email: 'elders@fixture.test',
    }
    for (const [field, value] of Object.entries(attempts)) {
      const res = await rest('PATCH', `/parents/${parent.id}`, { token, body: { [field]: value } })
      expect(res.status, field).toBeLessThan(500)
    }
    const after = await stored('parents', parent.id)
    for (const field of Object.keys(attempts)) {
      if (field === 'sessions') continue
      expect(after[field], field).toEqual(before[field])
    }
    const sessionIds = ((after.sessions ?? []) as { id: string }[]).map((s) => s.id)
    expect(sessionIds).not.toContain('planted')
  })

  it('the calendar feed secret (calendarFeed) is never readable nor writable through REST, by the parent or staff', async () => {
    // A parent of a1 (group A: teacherTwoGroups reads them) with a feed, as the feed endpoints
    // store it: the hash of the secret and when it was made.
    const parent = await payload.create({
      collection: 'parents',
      data: {
        name: 'Agenda-ouder',
        email: `agenda.${randomUUID()}@fixture.test`,
        password: FIXTURE_PASSWORD,
        status: 'active',
        children: [f.pupils.a1.id],
        ...(await acceptedHouseRules(payload)),
      },
    })
    const secretHash = createHash('sha256').update(`geheim-${randomUUID()}`).digest('hex')
    const feed = { secretHash, createdAt: '2026-12-01T10:00:00.000Z' }
    await payload.update({
      collection: 'parents',
      id: parent.id,
      data: { calendarFeed: feed } as never,
      overrideAccess: true,
    })
    const storedFeed = async () =>
      (await stored('parents', parent.id)).calendarFeed as Record<string, unknown> | undefined
    expect(await storedFeed()).toMatchObject(feed)

    const tokens = {
      parent: await fixtureToken(payload, 'parents', parent.email),
      director: await fixtureToken(payload, 'staff', f.director.email),
      office: await fixtureToken(payload, 'staff', f.office.email),
      teacher: await fixtureToken(payload, 'staff', f.teacherTwoGroups.email),
    }
    const leaks = (label: string, status: number, text: string) => [
      label,
      status,
      text.includes('calendarFeed') || text.includes(secretHash),
    ]

    // Read: /me, by id, in a list, at any depth — as the parent and as every staff role.
    const reads: [keyof typeof tokens, string][] = [
      ['parent', '/parents/me'],
      ['parent', `/parents/${parent.id}`],
      ['parent', `/parents/${parent.id}?depth=5`],
      ['parent', '/parents?depth=1'],
      ['director', `/parents/${parent.id}`],
      ['director', `/parents?where[id][equals]=${parent.id}&depth=1`],
      ['office', `/parents/${parent.id}`],
      ['teacher', `/parents/${parent.id}`],
      ['director', `/pupils/${f.pupils.a1.id}?depth=2`],
    ]
    const readResults = []
    for (const [who, path] of reads) {
      const res = await rest('GET', path, { token: tokens[who] })
      readResults.push(leaks(`${who} GET ${path}`, res.status, await res.text()))
    }
    expect(readResults).toEqual(reads.map(([who, path]) => [`${who} GET ${path}`, 200, false]))
    const me = await (await rest('GET', '/parents/me', { token: tokens.parent })).json()
    expect(me.user?.id).toBe(parent.id)
    expect(me.user).not.toHaveProperty('calendarFeed')
    const byDirector = await (
      await rest('GET', `/parents/${parent.id}`, { token: tokens.director })
    ).json()
    expect(byDirector.id).toBe(parent.id)
    expect(byDirector).not.toHaveProperty('calendarFeed')

    // Nor can it be looked for: a query on the hash finds nobody (refused, or no match).
    for (const [who, token] of Object.entries(tokens)) {
      const res = await rest(
        'GET',
        `/parents?where[calendarFeed.secretHash][equals]=${secretHash}&depth=0`,
        { token },
      )
      expect([who, res.status < 500]).toEqual([who, true])
      const docs = res.ok ? ((await res.json()).docs as { id: string }[]) : []
      expect([who, docs.map((d) => d.id)]).toEqual([who, []])
    }

    // Write: a new secret, an old date or clearing it, as the parent and as staff — through
    // PATCH, and on a new account through POST. The stored feed stays as it was.
    const planted = { secretHash: 'a'.repeat(64), createdAt: '2020-01-01T00:00:00.000Z' }
    for (const who of ['parent', 'director', 'office'] as const) {
      for (const body of [
        { calendarFeed: planted },
        { calendarFeed: null },
        { 'calendarFeed.secretHash': planted.secretHash },
        { name: `Agenda-ouder ${who}`, calendarFeed: { secretHash: planted.secretHash } },
      ]) {
        const res = await rest('PATCH', `/parents/${parent.id}`, { token: tokens[who], body })
        const label = `${who} PATCH ${JSON.stringify(body)}`
        expect(leaks(label, res.status < 500 ? 0 : res.status, await res.text())).toEqual([
          label,
          0,
          false,
        ])
        expect([label, await storedFeed()]).toEqual([label, expect.objectContaining(feed)])
      }
    }
    // The name in the same request did change: the write went through, only the feed was dropped.
    expect((await stored('parents', parent.id)).name).toBe('Agenda-ouder office')

    const created = await rest('POST', '/parents', {
      token: tokens.director,
      body: {
        name: 'Nieuw met feed',
        email: `agenda-nieuw.${randomUUID()}@fixture.test`,
        status: 'invited',
        calendarFeed: planted,
      },
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const createdText = await created.text()
    expect(createdText.includes(planted.secretHash)).toBe(false)
    const createdId = (JSON.parse(createdText) as { doc: { id: string } }).doc.id
    const newFeed = (await stored('parents', createdId)).calendarFeed as
      Record<string, unknown> | null | undefined
    expect(newFeed?.secretHash ?? null).toBeNull()
    expect(newFeed?.createdAt ?? null).toBeNull()
  })

  it('a staff member cannot set their own password, email or role; the admin gets a Dutch pointer to the reset flow', async () => {
    const teacher = f.teacherOther
    const token = await fixtureToken(payload, 'staff', teacher.email)
    const pw = await rest('PATCH', `/staff/${teacher.id}`, {
      token,
      body: { password: 'abc', 'confirm-password': 'abc' },
    })
    expect(pw.status).toBe(403)
    expect(JSON.stringify(await pw.json())).toMatch(/Wachtwoord vergeten/)
    expect(await canLogIn('staff', teacher.email, 'abc')).toBe(false)
    await rest('PATCH', `/staff/${teacher.id}`, {
      token,
      body: { email: `ander.${teacher.id}@fixture.test`, role: 'director' },
    })
    expect(await stored('staff', teacher.id)).toMatchObject({
      email: teacher.email,
      role: 'teacher',
    })
    expect(
      (await rest('PATCH', `/staff/${teacher.id}`, { token, body: { name: 'Juf C' } })).status,
    ).toBe(200)
  })

  it('office cannot set a parent’s password, a director cannot set staff passwords; office may correct a parent’s email', async () => {
    const office = await fixtureToken(payload, 'staff', f.office.email)
    const director = await fixtureToken(payload, 'staff', f.director.email)
    const parent = f.parents.deactivated
    const byOffice = await rest('PATCH', `/parents/${parent.id}`, {
      token: office,
      body: { password: NEW_PASSWORD },
    })
    expect(byOffice.status).toBe(403)
    expect(await canLogIn('parents', parent.email, NEW_PASSWORD)).toBe(false)
    const byDirector = await rest('PATCH', `/staff/${f.teacherTwoGroups.id}`, {
      token: director,
      body: { password: NEW_PASSWORD },
    })
    expect(byDirector.status).toBe(403)
    expect(await canLogIn('staff', f.teacherTwoGroups.email, NEW_PASSWORD)).toBe(false)
    const email = `gecorrigeerd.${parent.id}@fixture.test`
    const corrected = await rest('PATCH', `/parents/${parent.id}`, {
      token: office,
      body: { email },
    })
    expect(corrected.status).toBe(200)
    expect((await stored('parents', parent.id)).email).toBe(email)
  })

  it('a new account’s first password follows the password rule (director creating staff)', async () => {
    const director = await fixtureToken(payload, 'staff', f.director.email)
    const weak = await rest('POST', '/staff', {
      token: director,
      body: {
        name: 'Nieuw',
        email: `nieuw.${f.director.id}@fixture.test`,
        role: 'teacher',
        password: 'abc',
      },
    })
    expect(weak.status).toBe(400)
    expect(JSON.stringify(await weak.json())).toMatch(/wachtwoord/i)
  })

  it('change-password asks for the current password, applies the rule and ends the other sessions', async () => {
    const parent = f.parents.multiGroup
    const login = async () =>
      (
        await (
          await rest('POST', '/parents/portal-login', {
            body: { email: parent.email, password: FIXTURE_PASSWORD },
            headers: { 'X-Forwarded-For': '192.0.2.50' },
          })
        ).json()
      ).token as string
    const here = await login()
    const elsewhere = await login()
    const change = (body: unknown, token = here) =>
      rest('POST', '/parents/change-password', { token, body })

    expect((await rest('POST', '/parents/change-password', { body: {} })).status).toBe(401)
    const wrong = await change({
      currentPassword: 'niet-het-wachtwoord',
      newPassword: NEW_PASSWORD,
    })
    expect(wrong.status).toBe(400)
    expect((await wrong.json()).code).toBe('wrong-password')
    const weak = await change({ currentPassword: FIXTURE_PASSWORD, newPassword: 'abc' })
    expect(weak.status).toBe(400)
    expect((await weak.json()).code).toBe('weak-password')
    const ok = await change({ currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD })
    expect(ok.status, await ok.clone().text()).toBe(200)

    expect((await (await rest('GET', '/parents/me', { token: here })).json()).user?.id).toBe(
      parent.id,
    )
    expect((await (await rest('GET', '/parents/me', { token: elsewhere })).json()).user).toBeNull()
    expect(await canLogIn('parents', parent.email, NEW_PASSWORD)).toBe(true)
    expect(await canLogIn('parents', parent.email, FIXTURE_PASSWORD)).toBe(false)
    // Put the fixture password back for the other tests (the rule allows it: it is not "the same").
    expect(
      (await change({ currentPassword: NEW_PASSWORD, newPassword: FIXTURE_PASSWORD })).status,
    ).toBe(200)
  })

  it('staff change their password through the same endpoint', async () => {
    const token = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    const res = await rest('POST', '/staff/change-password', {
      token,
      body: { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD },
    })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(await canLogIn('staff', f.teacherTwoGroups.email, NEW_PASSWORD)).toBe(true)
    // A parent token is not a staff session.
    const parentToken = await fixtureToken(payload, 'parents', f.parents.guardianTwo.email)
    expect(
      (
        await rest('POST', '/staff/change-password', {
          token: parentToken,
          body: { currentPassword: FIXTURE_PASSWORD, newPassword: NEW_PASSWORD },
        })
      ).status,
    ).toBe(401)
  })

  it('Payload’s own parents login is closed (parents use portal-login)', async () => {
    const res = await rest('POST', '/parents/login', {
      body: { email: f.parents.guardianTwo.email, password: FIXTURE_PASSWORD },
    })
    expect(res.status).toBe(403)
    expect(res.headers.get('set-cookie')).toBeNull()
  })
})

describe('reset tokens are stored as a hash', () => {
  let payload: Payload
  let f: SchoolFixture
  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
  })
  const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

  for (const [collection, path] of [
    ['parents', '/wachtwoord-herstellen'],
    ['staff', '/admin/reset'],
  ] as const) {
    it(`${collection}: the row holds only the SHA-256 of the emailed token, which still resets`, async () => {
      const account = collection === 'parents' ? f.parents.guardianTwo : f.office
      const asked = await rest('POST', `/${collection}/forgot-password`, {
        body: { email: account.email },
        headers: { 'X-Forwarded-For': `192.0.2.${collection === 'parents' ? 60 : 61}` },
      })
      expect(asked.status).toBe(200)
      await drainJobs(payload)
      const [mail] = deliveredTo(account.email)
      const token = linkFrom(mail!.text ?? '', path)
      const row = (await payload.db.findOne({
        collection,
        where: { id: { equals: account.id } },
      })) as { resetPasswordToken?: string }
      expect(row.resetPasswordToken).not.toBe(token)
      expect(row.resetPasswordToken).toBe(sha256(token))
      // The stored value itself is no key.
      const withStored = await rest('POST', `/${collection}/reset-password`, {
        body: { token: row.resetPasswordToken, password: NEW_PASSWORD },
      })
      expect(withStored.status).not.toBe(200)
      const weak = await rest('POST', `/${collection}/reset-password`, {
        body: { token, password: 'abc' },
      })
      expect(weak.status).toBe(400)
      const ok = await rest('POST', `/${collection}/reset-password`, {
        body: { token, password: NEW_PASSWORD },
      })
      expect(ok.status, await ok.clone().text()).toBe(200)
      expect(
        (
          await rest('POST', `/${collection}/reset-password`, {
            body: { token, password: NEW_PASSWORD + 'x' },
          })
        ).status,
      ).toBe(410)
    })
  }

  it('the admin’s reset page (multipart `_payload`) gets Payload’s cookie and is logged in', async () => {
    const asked = await rest('POST', '/staff/forgot-password', {
      body: { email: f.teacherOther.email },
      headers: { 'X-Forwarded-For': '192.0.2.62' },
    })
    expect(asked.status).toBe(200)
    await drainJobs(payload)
    const token = linkFrom(deliveredTo(f.teacherOther.email)[0]!.text ?? '', '/admin/reset')
    const form = new FormData()
    form.set(
      '_payload',
      JSON.stringify({ token, password: NEW_PASSWORD, 'confirm-password': NEW_PASSWORD }),
    )
    const res = await rest('POST', '/staff/reset-password', { form })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(res.headers.get('set-cookie')).toMatch(/payload-token=/)
    const body = await res.json()
    expect(body.user?.id).toBe(f.teacherOther.id)
  })
})
