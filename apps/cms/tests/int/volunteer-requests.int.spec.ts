import type { Payload, PayloadRequest } from 'payload'
import { type VolunteerOverview, volunteerOverview } from '@schoolpost/contracts'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { volunteerOverviewEndpoint } from '../../src/collections/VolunteerRequests/endpoints/volunteer-overview'
import { cancelSignupEndpoint } from '../../src/collections/VolunteerSignups/endpoints/cancel-signup'
import { signUpEndpoint } from '../../src/collections/VolunteerSignups/endpoints/sign-up'
import type { Parent, VolunteerRequest, VolunteerSignup } from '../../src/payload-types'
import { resetClock, setClock } from './helpers/clock'
import { callEndpointAs } from './helpers/endpoint'
import { rest, testPayload } from './helpers/payload'
import {
  createBigGroup,
  createSchoolFixture,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

type Token = string
/**
 * Volunteer requests (S4, issue #15) through the CMS: who may ask whom, the sign-up window, one
 * sign-up per parent and slot, never overbooked under 50 simultaneous sign-ups (a unique row per
 * place, not a read-then-write), the waitlist and its promotion, and who sees who signed up.
 */
describe('volunteer requests', () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<string, Token> = {}
  let excursion: VolunteerRequest

  const slot = (overrides: Record<string, unknown> = {}) => ({
    label: 'Begeleiden naar het museum',
    date: '2027-03-09',
    from: '08:30',
    to: '12:00',
    places: 3,
    ...overrides,
  })
  const create = (token: Token, data: Record<string, unknown>) =>
    rest('POST', '/volunteer-requests?depth=0', {
      token,
      body: {
        title: 'Museumbezoek',
        description: 'Wie rijdt mee naar het museum?',
        audience: 'groups',
        status: 'published',
        slots: [slot()],
        ...data,
      },
    })
  const signUp = (token: Token, request: string, slotId: string, comes?: string) =>
    rest('POST', `/volunteer-requests/${request}/signups`, {
      token,
      body: { slot: slotId, ...(comes ? { comes } : {}) },
    })
  const callAs = (
    handler: (req: PayloadRequest) => Promise<Response> | Response,
    user: Parent,
    body: unknown,
    id: string,
  ) => callEndpointAs(payload, handler, user, body, id)
  const signupsOf = async (request: string) =>
    (
      await payload.find({
        collection: 'volunteer-signups',
        where: { request: { equals: request } },
        sort: 'createdAt',
        limit: 0,
        pagination: false,
        depth: 0,
      })
    ).docs as VolunteerSignup[]
  const seatsOf = async (request: string) =>
    (
      await payload.count({
        collection: 'volunteer-seats',
        where: { request: { equals: request } },
      })
    ).totalDocs

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    t.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email) // groups A and B
    t.otherTeacher = await fixtureToken(payload, 'staff', f.teacherOther.email) // group C
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    t.office = await fixtureToken(payload, 'staff', f.office.email)
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1, c1
    t.guardian1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1
    // Monday 1 March 2027, 10:00 in Amsterdam: before the excursion on 9 March.
    setClock('2027-03-01T09:00:00Z')
  })
  afterAll(() => resetClock())

  it('a teacher asks the parents of their own groups; only a director asks the whole school', async () => {
    const res = await create(t.teacher!, { groups: [f.groups.a.id] })
    expect(res.status, await res.clone().text()).toBe(201)
    excursion = ((await res.json()) as { doc: VolunteerRequest }).doc
    expect(excursion.createdBy).toBe(f.teacherTwoGroups.id)

    const otherGroup = await create(t.otherTeacher!, { groups: [f.groups.a.id] })
    expect(otherGroup.status).toBe(403)
    expect(await otherGroup.text()).toContain('alleen ouders van je eigen groepen')
    const school = await create(t.teacher!, { audience: 'school' })
    expect(school.status).toBe(403)
    expect((await create(t.director!, { audience: 'school' })).status).toBe(201)
    expect((await create(t.office!, { groups: [f.groups.a.id] })).status).toBe(403)
    expect((await create(t.multi!, { groups: [f.groups.a.id] })).status).toBe(403)
  })

  it('refuses slots that make no sense, each with a Dutch message on its field', async () => {
    const res = await create(t.teacher!, {
      groups: [f.groups.a.id],
      slots: [slot({ from: '12:00', to: '11:00', places: 0 })],
      opensAt: '2027-03-05T10:00:00Z',
      closesAt: '2027-03-04T10:00:00Z',
    })
    expect(res.status).toBe(400)
    const text = await res.text()
    expect(text).toContain('De eindtijd ligt na de begintijd.')
    expect(text).toContain('Het aanmelden sluit na het moment waarop het opengaat.')
  })

  it('parents of the group see it and sign up once; others never see it', async () => {
    const slotId = excursion.slots[0]!.id!
    expect(
      (await rest('GET', `/volunteer-requests/${excursion.id}`, { token: t.multi! })).status,
    ).toBe(200)
    expect(
      (await rest('GET', `/volunteer-requests/${excursion.id}`, { token: t.guardian1! })).status,
    ).toBe(404)

    const first = await signUp(t.multi!, excursion.id, slotId, 'Opa Henk')
    expect(first.status, await first.clone().text()).toBe(201)
    expect(await first.json()).toMatchObject({ status: 'confirmed' })
    const again = await signUp(t.multi!, excursion.id, slotId)
    expect(again.status).toBe(409)
    expect(await again.json()).toMatchObject({ code: 'already-signed-up' })

    expect((await signUp(t.guardian1!, excursion.id, slotId)).status).toBe(404)
    expect((await signUp(t.teacher!, excursion.id, slotId)).status).toBe(403)
    expect((await signUp('', excursion.id, slotId)).status).toBe(401)
    expect((await signUp(t.multi!, excursion.id, 'no-such-slot')).status).toBe(404)
    const [mine] = await signupsOf(excursion.id)
    expect(mine).toMatchObject({ status: 'confirmed', comes: 'Opa Henk', place: 1 })
  })

  it('who signed up: the request’s teacher and the directors; a parent only their own', async () => {
    const list = async (token: Token) =>
      (
        (await (
          await rest('GET', `/volunteer-signups?where[request][equals]=${excursion.id}`, { token })
        ).json()) as { docs?: VolunteerSignup[] }
      ).docs ?? []
    expect((await list(t.teacher!)).map((s) => s.comes)).toEqual(['Opa Henk'])
    expect((await list(t.director!)).map((s) => s.comes)).toEqual(['Opa Henk'])
    expect(await list(t.otherTeacher!)).toEqual([])
    expect(await list(t.guardian1!)).toEqual([])
    expect((await list(t.multi!)).map((s) => s.comes)).toEqual(['Opa Henk'])
    // Nobody writes a sign-up over the API.
    const forged = await rest('POST', '/volunteer-signups', {
      token: t.director!,
      body: {
        request: excursion.id,
        slot: 'x',
        parent: f.parents.multiGroup.id,
        status: 'confirmed',
      },
    })
    expect(forged.status).toBe(403)
  })

  it('the parent’s overview: upcoming requests, places left, their own sign-up — never who else', async () => {
    const overview = async (token: Token) => {
      const res = await rest('GET', '/volunteer-requests/overview', { token })
      return { status: res.status, body: (await res.json()) as VolunteerOverview }
    }
    // A draft, and a request whose only slot has passed, are not listed.
    await create(t.teacher!, { groups: [f.groups.a.id], status: 'draft', title: 'Concept' })
    await create(t.teacher!, {
      groups: [f.groups.a.id],
      title: 'Voorbij',
      slots: [slot({ date: '2027-02-26' })],
    })
    const mine = await overview(t.multi!)
    expect(mine.status).toBe(200)
    expect(volunteerOverview.safeParse(mine.body).success).toBe(true)
    expect(mine.body.timeZone).toBe('Europe/Amsterdam')
    // The group's request and the director's school-wide one (first test); not the draft or the past.
    // (Other test files share the database: only this file's requests are compared.)
    const museum = (answer: VolunteerOverview) =>
      answer.requests.filter((r) => r.title === 'Museumbezoek')
    expect(
      museum(mine.body)
        .map((r) => `${r.title} (${r.audienceLabel})`)
        .sort(),
    ).toEqual(['Museumbezoek (Alle ouders)', `Museumbezoek (${f.groups.a.name})`])
    const listed = mine.body.requests.find((r) => r.id === excursion.id)
    expect(listed!.slots[0]).toMatchObject({
      places: 3,
      taken: 1,
      own: { status: 'confirmed', comes: 'Opa Henk', ahead: 0 },
    })
    // Nothing in the answer names another parent.
    expect(JSON.stringify(mine.body)).not.toContain(f.parents.multiGroup.id)

    // The start page shows the upcoming requests as cards, soonest first.
    const home = (await (await rest('GET', '/parents/home', { token: t.multi! })).json()) as {
      volunteerRequests: { id: string; title: string; audienceLabel: string; firstDate: string }[]
    }
    expect(home.volunteerRequests.find((r) => r.id === excursion.id)).toEqual({
      id: excursion.id,
      title: 'Museumbezoek',
      audienceLabel: f.groups.a.name,
      firstDate: '2027-03-09',
    })

    // Another family of the group sees the places, not who took them; another group sees nothing.
    expect(museum((await overview(t.guardian1!)).body).map((r) => r.audienceLabel)).toEqual([
      'Alle ouders',
    ])
    expect((await overview(t.teacher!)).status).toBe(403)
    expect((await overview('')).status).toBe(401)

    // "Wie komt er?" passes the conduct check.
    const other = await create(t.teacher!, { groups: [f.groups.a.id], title: 'Voorlezen' })
    const reading = ((await other.json()) as { doc: VolunteerRequest }).doc
    const abusive = await signUp(t.multi!, reading.id, reading.slots[0]!.id!, 'Kankerjuf')
    expect(abusive.status).toBe(422)
    expect(await abusive.json()).toMatchObject({ code: 'conduct' })
    expect(await signupsOf(reading.id)).toEqual([])
  })

  it('opens at its opening moment, closes at its closing moment', async () => {
    const res = await create(t.teacher!, {
      groups: [f.groups.a.id],
      opensAt: '2027-03-01T19:00:00Z', // 20:00 in Amsterdam
      closesAt: '2027-03-08T11:00:00Z',
    })
    const later = ((await res.json()) as { doc: VolunteerRequest }).doc
    const slotId = later.slots[0]!.id!
    const early = await signUp(t.multi!, later.id, slotId)
    expect(early.status).toBe(409)
    expect(await early.json()).toMatchObject({
      code: 'not-open-yet',
      message: 'Aanmelden kan vanaf maandag 1 maart om 20:00.',
    })
    setClock('2027-03-01T19:00:00Z')
    expect((await signUp(t.multi!, later.id, slotId)).status).toBe(201)
    setClock('2027-03-08T11:00:00Z')
    const late = await rest(
      'POST',
      `/volunteer-signups/${(await signupsOf(later.id))[0]!.id}/cancel`,
      {
        token: t.multi!,
      },
    )
    expect(late.status).toBe(409)
    setClock('2027-03-01T09:00:00Z')
  })

  it('50 parents at the same instant for 3 places: exactly 3 get one, 47 wait in order', async () => {
    const big = await createBigGroup(payload, 50, f.teacherTwoGroups.id)
    const res = await rest('POST', '/volunteer-requests', {
      token: t.director!,
      body: {
        title: 'Schoolreis',
        description: 'Drie begeleiders gezocht.',
        audience: 'groups',
        groups: [big.group.id],
        status: 'published',
        waitlist: true,
        slots: [slot({ places: 3 })],
      },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const trip = ((await res.json()) as { doc: VolunteerRequest }).doc
    const slotId = trip.slots[0]!.id!
    const parents = (
      await payload.find({
        collection: 'parents',
        where: { email: { in: big.emails } },
        limit: 0,
        pagination: false,
        depth: 0,
      })
    ).docs as Parent[]
    const answers = await Promise.all(
      parents.map((parent) => callAs(signUpEndpoint.handler, parent, { slot: slotId }, trip.id)),
    )
    const statuses = answers.map((a) => `${a.status}:${a.body.status}`)
    expect(statuses.filter((s) => s === '201:confirmed')).toHaveLength(3)
    expect(statuses.filter((s) => s === '201:waitlist')).toHaveLength(47)
    expect(await seatsOf(trip.id)).toBe(3)
    const signups = await signupsOf(trip.id)
    expect(
      signups
        .filter((s) => s.status === 'confirmed')
        .map((s) => s.place)
        .sort(),
    ).toEqual([1, 2, 3])
    expect(signups.filter((s) => s.status === 'pending')).toEqual([])

    // A cancellation gives the place to the first on the waitlist.
    const leaving = signups.find((s) => s.status === 'confirmed')!
    const firstWaiting = signups.find((s) => s.status === 'waitlist')!
    const leaver = parents.find((p) => p.id === leaving.parent)!
    const cancelled = await callAs(cancelSignupEndpoint.handler, leaver, {}, leaving.id)
    expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', promoted: true } })
    const after = await signupsOf(trip.id)
    expect(after.find((s) => s.id === firstWaiting.id)).toMatchObject({
      status: 'confirmed',
      place: leaving.place,
      promotedAt: expect.any(String),
    })
    expect(after.filter((s) => s.status === 'confirmed')).toHaveLength(3)
    expect(await seatsOf(trip.id)).toBe(3)
    // The promoted parent (and nobody else) gets an email through the outbox.
    const promotedMail = (
      await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'sendEmail' } },
        limit: 0,
        pagination: false,
        depth: 0,
      })
    ).docs
      .map((job) => job.input as { to: string; kind: string; subject: string })
      // Only this test's parents: other files share the database and its queue.
      .filter(
        (input) => input.kind === 'volunteer-promoted' && parents.some((p) => p.email === input.to),
      )
    const promotedParent = parents.find((p) => p.id === firstWaiting.parent)!
    expect(promotedMail).toEqual([
      expect.objectContaining({
        to: promotedParent.email,
        subject: 'Er is een plek vrijgekomen: Schoolreis',
      }),
    ])
    // Cancelling twice answers the same and frees nothing more.
    expect(await callAs(cancelSignupEndpoint.handler, leaver, {}, leaving.id)).toMatchObject({
      status: 200,
      body: { promoted: false },
    })
    // The leaver may sign up again: at the end of the waitlist.
    expect(await callAs(signUpEndpoint.handler, leaver, { slot: slotId }, trip.id)).toMatchObject({
      status: 201,
      body: { status: 'waitlist' },
    })
    // …and their overview says how many wait before them (46: the promoted one left the list).
    const seen = await callAs(volunteerOverviewEndpoint.handler, leaver, undefined, '')
    const tripSlot = (seen.body as unknown as VolunteerOverview).requests.find(
      (r) => r.id === trip.id,
    )?.slots[0]
    expect(tripSlot).toMatchObject({ taken: 3, own: { status: 'waitlist', ahead: 46 } })

    // Without a waitlist the others hear "vol" and nothing half-made stays behind.
    const noList = await rest('POST', '/volunteer-requests', {
      token: t.director!,
      body: {
        title: 'Luizencontrole',
        description: 'Twee ouders gezocht.',
        audience: 'groups',
        groups: [big.group.id],
        status: 'published',
        waitlist: false,
        slots: [slot({ places: 2 })],
      },
    })
    const checkup = ((await noList.json()) as { doc: VolunteerRequest }).doc
    const full = await Promise.all(
      parents.map((parent) =>
        callAs(signUpEndpoint.handler, parent, { slot: checkup.slots[0]!.id }, checkup.id),
      ),
    )
    expect(full.filter((a) => a.status === 201)).toHaveLength(2)
    expect(full.filter((a) => a.status === 409 && a.body.code === 'full')).toHaveLength(48)
    expect(await signupsOf(checkup.id)).toHaveLength(2)
    expect(await seatsOf(checkup.id)).toBe(2)

    // Staff cannot lower the places below the sign-ups, nor remove the slot, nor delete it.
    const lower = await rest('PATCH', `/volunteer-requests/${trip.id}`, {
      token: t.director!,
      body: { slots: [{ ...trip.slots[0], places: 2 }] },
    })
    expect(lower.status).toBe(400)
    expect(await lower.text()).toContain('al 3 ouders aangemeld')
    const removed = await rest('PATCH', `/volunteer-requests/${trip.id}`, {
      token: t.director!,
      body: { slots: [slot({ label: 'Iets anders' })] },
    })
    expect(removed.status).toBe(400)
    expect(
      (await rest('DELETE', `/volunteer-requests/${trip.id}`, { token: t.director! })).status,
    ).toBe(409)
  })
})
