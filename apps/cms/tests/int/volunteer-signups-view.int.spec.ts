import { signupsPerSlot, type SignupsPerSlot } from '@schoolpost/contracts'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { VolunteerRequest } from '../../src/payload-types'
import { resetClock, setClock } from './helpers/clock'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

/**
 * Who signed up per slot (S4, issue #15), as staff see it in a request's edit view
 * (`GET /api/volunteer-requests/:id/signups-per-slot`): the request's teacher, the directors and
 * the office see who comes with name and phone and the waitlist in order; a teacher of another
 * group, parents and anonymous callers get nothing. A staff cancellation promotes the waitlist.
 */
describe('volunteer sign-ups per slot (admin view)', () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<string, string> = {}
  let request: VolunteerRequest
  const signups: Record<string, string> = {}

  const view = (token: string, id = request.id) =>
    rest('GET', `/volunteer-requests/${id}/signups-per-slot`, { token })
  const viewOk = async (token: string): Promise<SignupsPerSlot> => {
    const res = await view(token)
    expect(res.status, await res.clone().text()).toBe(200)
    return signupsPerSlot.parse(await res.json())
  }
  const signUp = async (token: string, slotId: string, comes?: string) => {
    const res = await rest('POST', `/volunteer-requests/${request.id}/signups`, {
      token,
      body: { slot: slotId, ...(comes ? { comes } : {}) },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    return (await res.json()) as { status: string; signup: string }
  }

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    // Real-looking names; one parent without a phone.
    await payload.update({
      collection: 'parents',
      id: f.parents.multiGroup.id,
      data: { name: 'Eva de Vries', phone: '06 12345678' },
    })
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianOne.id,
      data: { name: 'Sanne Jansen', phone: '+31 20 1234567' },
    })
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { name: 'Mo Bakker', phone: null },
    })
    t.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email) // groups A and B
    t.otherTeacher = await fixtureToken(payload, 'staff', f.teacherOther.email) // group C
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    t.office = await fixtureToken(payload, 'staff', f.office.email)
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1, c1
    t.guardian1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1
    t.guardian2 = await fixtureToken(payload, 'parents', f.parents.guardianTwo.email) // b1
    // Monday 1 March 2027, 10:00 in Amsterdam: before the excursion on 9 March.
    setClock('2027-03-01T09:00:00Z')

    const res = await rest('POST', '/volunteer-requests?depth=0', {
      token: t.teacher,
      body: {
        title: 'Kinderboerderij',
        description: 'Wie rijdt mee?',
        audience: 'groups',
        groups: [f.groups.a.id, f.groups.b.id],
        status: 'published',
        waitlist: true,
        slots: [
          { label: 'Heenreis', date: '2027-03-09', from: '08:30', to: '09:15', places: 1 },
          { label: 'Terugreis', date: '2027-03-09', from: '14:00', to: '14:45', places: 2 },
        ],
      },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    request = ((await res.json()) as { doc: VolunteerRequest }).doc

    const [outward] = request.slots
    // One place: the first gets it, the next two wait in the order they signed up.
    const first = await signUp(t.multi, outward!.id!, 'Opa Kees')
    const second = await signUp(t.guardian1, outward!.id!)
    const third = await signUp(t.guardian2, outward!.id!)
    expect([first.status, second.status, third.status]).toEqual([
      'confirmed',
      'waitlist',
      'waitlist',
    ])
    signups.kees = first.signup
    signups.sanne = second.signup
    signups.mo = third.signup
  })
  afterAll(() => resetClock())

  it('the request’s teacher, the director and the office see who comes per slot', async () => {
    const [outward, back] = request.slots
    const expected = {
      slots: [
        {
          id: outward!.id,
          label: 'Heenreis',
          date: '2027-03-09',
          from: '08:30',
          to: '09:15',
          places: 1,
          confirmed: [
            {
              signup: signups.kees,
              comes: 'Opa Kees',
              parentName: 'Eva de Vries',
              phone: '06 12345678',
              promotedAt: null,
            },
          ],
          waitlist: [
            {
              signup: signups.sanne,
              comes: 'Sanne Jansen',
              parentName: 'Sanne Jansen',
              since: expect.any(String),
            },
            {
              signup: signups.mo,
              comes: 'Mo Bakker',
              parentName: 'Mo Bakker',
              since: expect.any(String),
            },
          ],
        },
        {
          id: back!.id,
          label: 'Terugreis',
          date: '2027-03-09',
          from: '14:00',
          to: '14:45',
          places: 2,
          confirmed: [],
          waitlist: [],
        },
      ],
    }
    for (const token of [t.teacher!, t.director!, t.office!]) {
      const answer = await viewOk(token)
      expect(answer).toEqual(expected)
      const [sanne, mo] = answer.slots[0]!.waitlist
      expect(Date.parse(sanne!.since)).toBeLessThanOrEqual(Date.parse(mo!.since))
    }
  })

  it('nobody else: a teacher of another group 404, a parent 403, anonymous 401', async () => {
    const other = await view(t.otherTeacher!)
    expect(other.status).toBe(404)
    expect(await other.json()).toMatchObject({ ok: false, code: 'not-found' })

    for (const token of [t.multi!, t.guardian1!]) {
      const parent = await view(token)
      expect(parent.status).toBe(403)
      expect(await parent.json()).toMatchObject({ ok: false, code: 'staff-only' })
    }
    const anonymous = await view('')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.json()).toMatchObject({ ok: false, message: 'Log eerst in.' })

    expect((await view(t.director!, 'no-such-request')).status).toBe(404)
  })

  it('after a staff cancellation the first on the waitlist is listed with the place', async () => {
    const cancelled = await rest('POST', `/volunteer-signups/${signups.kees}/cancel`, {
      token: t.teacher!,
    })
    expect(cancelled.status, await cancelled.clone().text()).toBe(200)
    expect(await cancelled.json()).toMatchObject({ status: 'cancelled', promoted: true })

    const answer = await viewOk(t.teacher!)
    expect(answer.slots[0]).toMatchObject({
      confirmed: [
        {
          signup: signups.sanne,
          comes: 'Sanne Jansen',
          parentName: 'Sanne Jansen',
          phone: '+31 20 1234567',
          promotedAt: expect.any(String),
        },
      ],
      waitlist: [{ signup: signups.mo, parentName: 'Mo Bakker' }],
    })
    expect(answer.slots[0]!.waitlist).toHaveLength(1)
    // The director sees the same list.
    expect(await viewOk(t.director!)).toEqual(answer)
  })
})
