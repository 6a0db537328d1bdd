import { createHash } from 'node:crypto'

import {
  type Agenda,
  agenda,
  type CalendarFeedCreated,
  calendarFeedCreated,
  calendarFeedDataPath,
  calendarFeedStatus,
} from '@schoolpost/contracts'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { VolunteerRequest } from '../../src/payload-types'
import { resetClock, setClock } from './helpers/clock'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

/**
 * The parent's private iCal feed (issue #15) through the CMS: the owner makes, renews and revokes
 * the link; only a hash is stored and nobody reads or writes it over REST; the feed's data is the
 * owner's calendar — their groups' and the school's items, their own volunteer slots, their own
 * children's planned absences — and nothing of another family; a renewed, revoked or deactivated
 * parent's link answers 404.
 */
describe('the parent’s private calendar feed', () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<string, string> = {}
  const feedPath = (secret: string) => calendarFeedDataPath(secret).replace(/^\/api/, '')

  const makeLink = async (token: string) => {
    const res = await rest('POST', '/parents/calendar-feed', { token })
    return { status: res.status, headers: res.headers, body: (await res.json()) as unknown }
  }
  const created = async (token: string): Promise<CalendarFeedCreated> => {
    const res = await makeLink(token)
    expect(res.status, JSON.stringify(res.body)).toBe(201)
    return calendarFeedCreated.parse(res.body)
  }
  const statusOf = async (token: string) => {
    const res = await rest('GET', '/parents/calendar-feed', { token })
    return { status: res.status, body: (await res.json()) as unknown }
  }
  const feedOf = async (secret: string) => {
    const res = await rest('GET', feedPath(secret))
    return { status: res.status, body: (await res.json()) as Agenda }
  }
  const storedFeedOf = async (id: string) =>
    (
      (await payload.findByID({ collection: 'parents', id, depth: 0 })) as {
        calendarFeed?: { secretHash?: string | null; createdAt?: string | null }
      }
    ).calendarFeed
  const createEvent = async (token: string, data: Record<string, unknown>) => {
    const res = await rest('POST', '/events?depth=0', {
      token,
      body: { audience: 'groups', allDay: true, status: 'published', ...data },
    })
    expect(res.status, await res.clone().text()).toBe(201)
  }
  const createRequest = async (token: string, data: Record<string, unknown>) => {
    const res = await rest('POST', '/volunteer-requests?depth=0', {
      token,
      body: { description: 'Wie helpt?', audience: 'groups', status: 'published', ...data },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: VolunteerRequest }).doc
  }
  const signUp = async (token: string, request: VolunteerRequest) => {
    const res = await rest('POST', `/volunteer-requests/${request.id}/signups`, {
      token,
      body: { slot: request.slots[0]!.id },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return (await res.json()) as { status: string; signup: string }
  }
  const plan = async (token: string, body: Record<string, unknown>) => {
    const res = await rest('POST', '/absences', { token, body: { kind: 'planned', ...body } })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: { id: string } }).doc.id
  }

  let museum: VolunteerRequest
  let fair: VolunteerRequest
  let multiAbsence: string

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    t.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email) // groups A and B
    t.otherTeacher = await fixtureToken(payload, 'staff', f.teacherOther.email) // group C
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    t.office = await fixtureToken(payload, 'staff', f.office.email)
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1, c1
    t.guardian1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1
    t.guardian2 = await fixtureToken(payload, 'parents', f.parents.guardianTwo.email) // b1
    // Monday 1 March 2027, 10:00 in Amsterdam.
    setClock('2027-03-01T09:00:00Z')
    await payload.updateGlobal({
      slug: 'school-settings',
      data: {
        closedPeriods: [
          { label: 'Voorjaarsvakantie', from: '2027-02-20', to: '2027-02-28' },
          { label: 'Meivakantie', from: '2027-04-24', to: '2027-05-09' },
        ],
      },
    })

    await createEvent(t.teacher!, {
      groups: [f.groups.a.id],
      title: 'Schoolreis A',
      allDay: false,
      date: '2027-03-27',
      from: '10:00',
      to: '12:00',
    })
    await createEvent(t.teacher!, {
      groups: [f.groups.b.id],
      title: 'Alleen B',
      date: '2027-03-10',
    })
    await createEvent(t.teacher!, {
      groups: [f.groups.a.id],
      title: 'Concept A',
      date: '2027-03-10',
      status: 'draft',
    })
    await createEvent(t.otherTeacher!, {
      groups: [f.groups.c.id],
      title: 'Projectweek C',
      date: '2027-03-15',
      endDate: '2027-03-19',
    })
    await createEvent(t.director!, {
      audience: 'school',
      title: `Studiedag ${f.groups.a.name}`,
      date: '2027-03-23',
    })

    museum = await createRequest(t.teacher!, {
      title: 'Museumbezoek',
      groups: [f.groups.a.id],
      slots: [{ label: 'Rijden', date: '2027-03-09', from: '08:30', to: '12:00', places: 3 }],
    })
    fair = await createRequest(t.director!, {
      title: 'Voorjaarsmarkt',
      audience: 'school',
      slots: [{ label: 'Kraam', date: '2027-03-20', from: '13:00', to: '15:00', places: 1 }],
    })
    expect((await signUp(t.multi!, museum)).status).toBe('confirmed')
    expect((await signUp(t.guardian1!, fair)).status).toBe('confirmed')
    expect((await signUp(t.multi!, fair)).status).toBe('waitlist')

    multiAbsence = await plan(t.multi!, {
      pupil: f.pupils.a1.id,
      date: '2027-03-11',
      reason: 'tandarts',
      fromTime: '10:00',
      toTime: '11:00',
    })
    await plan(t.guardian1!, { pupil: f.pupils.b1.id, date: '2027-03-12', reason: 'huisarts' })
  })
  afterAll(() => resetClock())

  it('makes a link for the signed-in parent, shows it once and stores only its hash', async () => {
    expect(calendarFeedStatus.parse((await statusOf(t.multi!)).body)).toEqual({
      active: false,
      createdAt: null,
    })
    const res = await makeLink(t.multi!)
    expect(res.status).toBe(201)
    expect(res.headers.get('Cache-Control')).toContain('no-store')
    const link = calendarFeedCreated.parse(res.body)
    expect(Buffer.from(link.secret, 'base64url')).toHaveLength(32)
    expect(Date.parse(link.createdAt)).toBeGreaterThanOrEqual(Date.parse('2027-03-01T09:00:00Z'))

    const stored = await storedFeedOf(f.parents.multiGroup.id)
    expect(stored?.secretHash).toBe(createHash('sha256').update(link.secret).digest('hex'))
    expect(stored?.secretHash).not.toBe(link.secret)
    // The status never repeats the secret.
    const status = await statusOf(t.multi!)
    expect(status.body).toEqual({ active: true, createdAt: link.createdAt })
  })

  it('answers the feed’s data: their groups and the school, their slots, their children’s absences', async () => {
    const link = await created(t.multi!)
    const { status, body } = await feedOf(link.secret)
    expect(status).toBe(200)
    expect(agenda.safeParse(body).success).toBe(true)
    expect(body).toMatchObject({
      from: '2027-01-29',
      to: '2028-03-01',
      timeZone: 'Europe/Amsterdam',
    })

    const titles = body.events.map((e) => e.title)
    expect(titles).toEqual(
      expect.arrayContaining(['Schoolreis A', 'Projectweek C', `Studiedag ${f.groups.a.name}`]),
    )
    expect(titles).not.toContain('Alleen B')
    expect(titles).not.toContain('Concept A')
    expect(body.events.find((e) => e.title === 'Schoolreis A')).toMatchObject({
      allDay: false,
      date: '2027-03-27',
      from: '10:00',
      to: '12:00',
    })
    expect(body.events.find((e) => e.title === 'Projectweek C')).toMatchObject({
      allDay: true,
      date: '2027-03-15',
      endDate: '2027-03-19',
    })
    expect(body.closed).toEqual([
      { label: 'Voorjaarsvakantie', from: '2027-02-20', to: '2027-02-28' },
      { label: 'Meivakantie', from: '2027-04-24', to: '2027-05-09' },
    ])
    expect(
      body.volunteering.map(({ request, title, label, date, status }) => ({
        request,
        title,
        label,
        date,
        status,
      })),
    ).toEqual([
      {
        request: museum.id,
        title: 'Museumbezoek',
        label: 'Rijden',
        date: '2027-03-09',
        status: 'confirmed',
      },
      {
        request: fair.id,
        title: 'Voorjaarsmarkt',
        label: 'Kraam',
        date: '2027-03-20',
        status: 'waitlist',
      },
    ])
    // Only their own child's planned absence: not guardian1's (b1).
    expect(body.absences).toEqual([
      {
        id: multiAbsence,
        childName: 'A1',
        date: '2027-03-11',
        from: '10:00',
        to: '11:00',
        updatedAt: expect.any(String),
      },
    ])

    // Group B's guardians see B's item and their child's absence, and nothing of A's or C's.
    const other = await feedOf((await created(t.guardian1!)).secret)
    const otherTitles = other.body.events.map((e) => e.title)
    expect(otherTitles).toContain('Alleen B')
    expect(otherTitles).not.toContain('Schoolreis A')
    expect(otherTitles).not.toContain('Projectweek C')
    expect(other.body.absences.map((a) => a.childName)).toEqual(['B1'])
    expect(other.body.volunteering.map((v) => v.status)).toEqual(['confirmed'])
  })

  it('renewing ends the old link at once; revoking ends the link (and may be repeated)', async () => {
    const first = await created(t.multi!)
    expect((await feedOf(first.secret)).status).toBe(200)
    const second = await created(t.multi!)
    expect(second.secret).not.toBe(first.secret)
    const old = await feedOf(first.secret)
    expect(old.status).toBe(404)
    expect(old.body).toMatchObject({ ok: false, code: 'not-found' })
    expect((await feedOf(second.secret)).status).toBe(200)

    const revoked = await rest('POST', '/parents/calendar-feed/revoke', { token: t.multi! })
    expect(revoked.status).toBe(200)
    expect(await revoked.json()).toEqual({ active: false, createdAt: null })
    expect((await feedOf(second.secret)).status).toBe(404)
    expect((await statusOf(t.multi!)).body).toEqual({ active: false, createdAt: null })
    expect(await storedFeedOf(f.parents.multiGroup.id)).toMatchObject({ secretHash: null })
    expect((await rest('POST', '/parents/calendar-feed/revoke', { token: t.multi! })).status).toBe(
      200,
    )
  })

  it('refuses secrets of the wrong shape and unknown ones with the same 404', async () => {
    const unknown = Buffer.alloc(32, 7).toString('base64url')
    for (const secret of [unknown, 'kort', `${unknown}x`, '../../parents']) {
      const res = await feedOf(secret)
      expect(res.status, secret).toBe(404)
      expect(res.body).toMatchObject({ ok: false, code: 'not-found' })
    }
  })

  it('a deactivated parent’s link answers 404, like an unknown one', async () => {
    const link = await created(t.guardian2!)
    expect((await feedOf(link.secret)).status).toBe(200)
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { status: 'deactivated' },
    })
    const res = await feedOf(link.secret)
    expect(res.status).toBe(404)
    expect(res.body).toMatchObject({ ok: false, code: 'not-found' })
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { status: 'active' },
    })
    // Deactivating ended guardian2's sessions.
    t.guardian2 = await fixtureToken(payload, 'parents', f.parents.guardianTwo.email)
  })

  it('only a signed-in parent manages their own link: staff 403, nobody else 401', async () => {
    for (const token of [t.director!, t.office!, t.teacher!]) {
      expect((await statusOf(token)).status).toBe(403)
      expect((await makeLink(token)).status).toBe(403)
      expect((await rest('POST', '/parents/calendar-feed/revoke', { token })).status).toBe(403)
    }
    expect((await rest('GET', '/parents/calendar-feed')).status).toBe(401)
    expect((await rest('POST', '/parents/calendar-feed')).status).toBe(401)
    expect((await rest('POST', '/parents/calendar-feed/revoke')).status).toBe(401)
  })

  it('nobody reads, queries or writes calendarFeed over REST, staff included', async () => {
    const link = await created(t.guardian1!)
    const id = f.parents.guardianOne.id
    const hash = createHash('sha256').update(link.secret).digest('hex')
    for (const token of [t.guardian1!, t.director!, t.office!]) {
      const res = await rest('GET', `/parents/${id}?depth=0`, { token })
      expect(res.status).toBe(200)
      const doc = (await res.json()) as Record<string, unknown>
      expect(doc).not.toHaveProperty('calendarFeed')
      expect(JSON.stringify(doc)).not.toContain(hash)
    }
    const listed = await rest('GET', `/parents?depth=0&limit=100`, { token: t.director! })
    expect(JSON.stringify(await listed.json())).not.toContain(hash)
    // Guessing by the hash: the field cannot be queried.
    const query = await rest(
      'GET',
      `/parents?depth=0&where[calendarFeed.secretHash][equals]=${hash}`,
      { token: t.director! },
    )
    expect(query.status).toBe(400)

    const forged = { calendarFeed: { secretHash: 'forged', createdAt: '2027-01-01T00:00:00Z' } }
    for (const token of [t.guardian1!, t.director!, t.office!]) {
      // The parent themselves and the school may update the account; the field is left as it was.
      const res = await rest('PATCH', `/parents/${id}?depth=0`, { token, body: forged })
      expect(res.status, await res.clone().text()).toBe(200)
      expect(await res.json()).not.toHaveProperty('doc.calendarFeed')
    }
    expect((await rest('PATCH', `/parents/${id}`, { token: t.multi!, body: forged })).status).toBe(
      403,
    )
    expect((await storedFeedOf(id))?.secretHash).toBe(hash)
    expect((await feedOf(link.secret)).status).toBe(200)
  })

  it('limits new links per parent (429 with Retry-After)', async () => {
    // The feedLink bucket allows 10 an hour; guardian1 and guardian2 made some above.
    let res = await makeLink(t.guardian2!)
    for (let i = 0; i < 20 && res.status === 201; i++) res = await makeLink(t.guardian2!)
    expect(res.status).toBe(429)
    expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
    expect(res.body).toMatchObject({ ok: false, code: 'rate-limited' })
  })
})
