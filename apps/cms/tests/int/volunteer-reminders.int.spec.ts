import type { Payload, PayloadRequest } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import { cancelSignupEndpoint } from '../../src/collections/VolunteerSignups/endpoints/cancel-signup'
import { signUpEndpoint } from '../../src/collections/VolunteerSignups/endpoints/sign-up'
import { sendVolunteerReminders } from '../../src/collections/VolunteerSignups/reminders'
import { openEmailBody } from '../../src/email/seal-email'
import { env } from '../../src/lib/env'
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

type QueuedInput = { to: string; kind: string; subject: string; sealed: string }

// Monday 29 March 2027, the day after the spring DST change: 16:00 in Amsterdam is 14:00Z (CEST).
const BEFORE_FOUR = new Date('2027-03-29T13:59:00Z')
const AT_FOUR = new Date('2027-03-29T14:00:00Z')
const EVENING = new Date('2027-03-29T19:30:00Z')
const TOMORROW = '2027-03-30'

/**
 * The reminder the afternoon before a volunteer slot (S4, issue #15): from 16:00 school time the
 * confirmed parents of tomorrow's slots in published requests get one email each through the
 * outbox, never twice (another round, another process); the waitlist, the cancelled, the
 * deactivated, drafts and other days get nothing.
 */
describe('volunteer reminders', () => {
  let payload: Payload
  let f: SchoolFixture
  let teacher: string
  let parents: Parent[]
  let trip: VolunteerRequest

  const slot = (overrides: Record<string, unknown> = {}) => ({
    label: 'Begeleiden heenreis',
    date: TOMORROW,
    from: '08:30',
    to: '10:00',
    places: 2,
    ...overrides,
  })
  const create = async (data: Record<string, unknown>) => {
    const res = await rest('POST', '/volunteer-requests?depth=0', {
      token: teacher,
      body: {
        title: 'Schoolreis naar de Efteling',
        description: 'Wie gaat er mee?',
        audience: 'groups',
        status: 'published',
        waitlist: true,
        slots: [slot()],
        ...data,
      },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: VolunteerRequest }).doc
  }
  const callAs = (
    handler: (req: PayloadRequest) => Promise<Response> | Response,
    user: Parent,
    body: unknown,
    id: string,
  ) => callEndpointAs(payload, handler, user, body, id)
  const signUp = (parent: Parent, request: VolunteerRequest, slotIndex = 0, comes?: string) =>
    callAs(
      signUpEndpoint.handler,
      parent,
      { slot: request.slots[slotIndex]!.id, ...(comes ? { comes } : {}) },
      request.id,
    )
  /** A sign-up written straight to the database: one the endpoints would no longer make. */
  const storeSignup = (request: VolunteerRequest, parent: Parent) => {
    const slotId = request.slots[0]!.id!
    return payload.create({
      collection: 'volunteer-signups',
      data: {
        request: request.id,
        slot: slotId,
        slotLabel: request.slots[0]!.label,
        parent: parent.id,
        comes: parent.name,
        status: 'confirmed',
        activeKey: `${request.id}:${slotId}:${parent.id}`,
      },
      depth: 0,
    })
  }
  const ourEmails = () => new Set([...parents, f.parents.deactivated].map((p) => p.email))
  /** The queued reminder emails to this file's parents. */
  const reminders = async () =>
    (
      await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'sendEmail' } },
        limit: 0,
        pagination: false,
        depth: 0,
      })
    ).docs
      .map((job) => job.input as QueuedInput)
      .filter((input) => input.kind === 'volunteer-reminder' && ourEmails().has(input.to))

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    const big = await createBigGroup(payload, 4, f.teacherTwoGroups.id)
    parents = (
      await payload.find({
        collection: 'parents',
        where: { email: { in: big.emails } },
        sort: 'email',
        limit: 0,
        pagination: false,
        depth: 0,
      })
    ).docs as Parent[]
    // Monday 22 March 2027, 10:00 in Amsterdam: a week before, sign-up is open.
    setClock('2027-03-22T09:00:00Z')

    const groups = [big.group.id]
    trip = await create({
      groups,
      slots: [
        slot(),
        slot({ label: 'Begeleiden terugreis', date: '2027-03-31', from: '14:00', to: '15:30' }),
      ],
    })
    const draft = await create({ groups, title: 'Luizencontrole', status: 'draft' })
    const otherDay = await create({
      groups,
      title: 'Voorleesochtend',
      slots: [slot({ label: 'Voorlezen', date: '2027-04-02' })],
    })

    const [p0, p1, p2, p3] = parents as [Parent, Parent, Parent, Parent]
    expect(await signUp(p0, trip, 0, 'Opa Henk')).toMatchObject({ body: { status: 'confirmed' } })
    expect(await signUp(p1, trip)).toMatchObject({ body: { status: 'confirmed' } })
    expect(await signUp(p2, trip)).toMatchObject({ body: { status: 'waitlist' } })
    expect(await signUp(p3, trip)).toMatchObject({ body: { status: 'waitlist' } })
    // p3 leaves the waitlist (no place came free: nobody is promoted).
    const p3Signup = (
      await payload.find({
        collection: 'volunteer-signups',
        where: { and: [{ request: { equals: trip.id } }, { parent: { equals: p3.id } }] },
        depth: 0,
      })
    ).docs[0] as VolunteerSignup
    expect(await callAs(cancelSignupEndpoint.handler, p3, {}, p3Signup.id)).toMatchObject({
      status: 200,
      body: { status: 'cancelled', promoted: false },
    })
    // The day after tomorrow, another request on another day, a draft: not tomorrow's reminder.
    expect(await signUp(p0, trip, 1)).toMatchObject({ body: { status: 'confirmed' } })
    expect(await signUp(p1, otherDay)).toMatchObject({ body: { status: 'confirmed' } })
    await storeSignup(draft, p2)
    // A parent who signed up and was deactivated since.
    await storeSignup(trip, f.parents.deactivated)
  })
  afterAll(() => resetClock())

  it('sends nothing before 16:00 school time the day before', async () => {
    expect(await sendVolunteerReminders({ payload, now: BEFORE_FOUR })).toEqual({
      day: null,
      queued: 0,
    })
    expect(await reminders()).toEqual([])
  })

  it('from 16:00 on, each confirmed parent of tomorrow’s slots gets one reminder', async () => {
    const result = await sendVolunteerReminders({ payload, now: AT_FOUR })
    expect(result.day).toBe(TOMORROW)
    const [p0, p1] = parents as [Parent, Parent]
    const queued = await reminders()
    expect(queued.map((q) => q.to).sort()).toEqual([p0.email, p1.email].sort())
    expect(queued.every((q) => q.subject === 'Morgen: Schoolreis naar de Efteling')).toBe(true)

    const text = (to: string) =>
      openEmailBody(queued.find((q) => q.to === to)!.sealed).text.replace(/\s+/g, ' ')
    expect(text(p0.email)).toContain('Begeleiden heenreis, dinsdag 30 maart 08:30–10:00')
    expect(text(p0.email)).toContain('Wie komt: Opa Henk.')
    expect(text(p1.email)).toContain(`Wie komt: ${p1.name}.`)
    expect(text(p1.email)).toContain('Meld u dan af in Schoolpost')
    expect(text(p1.email)).toContain(`${env.portalUrl}/hulpvragen#hulpvraag-${trip.id}`)
    expect(text(p1.email)).not.toContain('terugreis')
  })

  it('another round, or another process with its own memory, queues nothing more', async () => {
    expect(await sendVolunteerReminders({ payload, now: AT_FOUR })).toEqual({
      day: TOMORROW,
      queued: 0,
    })
    expect(await sendVolunteerReminders({ payload, now: EVENING })).toEqual({
      day: TOMORROW,
      queued: 0,
    })
    // A fresh copy of the module: what a second CMS process or the worker would start with.
    vi.resetModules()
    const fresh = await import('../../src/collections/VolunteerSignups/reminders')
    const [a, b] = await Promise.all([
      fresh.sendVolunteerReminders({ payload, now: EVENING }),
      fresh.sendVolunteerReminders({ payload, now: EVENING }),
    ])
    expect(a.queued + b.queued).toBe(0)
    expect(await reminders()).toHaveLength(2)
  })

  it('a parent confirmed later that evening is reminded in the next round, once', async () => {
    // The first of the waitlist gets the place p1 gives back (cancelling is possible until 08:30).
    setClock(EVENING.toISOString())
    const [, p1, p2] = parents as [Parent, Parent, Parent]
    const p1Signup = (
      await payload.find({
        collection: 'volunteer-signups',
        where: {
          and: [
            { request: { equals: trip.id } },
            { parent: { equals: p1.id } },
            { slot: { equals: trip.slots[0]!.id } },
          ],
        },
        depth: 0,
      })
    ).docs[0] as VolunteerSignup
    expect(await callAs(cancelSignupEndpoint.handler, p1, {}, p1Signup.id)).toMatchObject({
      status: 200,
      body: { promoted: true },
    })
    expect(await sendVolunteerReminders({ payload, now: EVENING })).toEqual({
      day: TOMORROW,
      queued: 1,
    })
    expect(await sendVolunteerReminders({ payload, now: EVENING })).toMatchObject({ queued: 0 })
    const queued = await reminders()
    expect(queued.filter((q) => q.to === p2.email)).toHaveLength(1)
    expect(queued).toHaveLength(3)
  })
})
