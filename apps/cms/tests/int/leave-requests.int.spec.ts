import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { LeaveRequest } from '../../src/payload-types'
import { resetClock, setClock } from './helpers/clock'
import { drainJobs } from './helpers/jobs'
import { deliveredTo } from './helpers/mail'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'

/**
 * Extraordinary leave (issue #13): a parent requests it for their own child, "te laat" within
 * the school's notice; only the director decides (a refusal says why); the parent reads the
 * decision, teachers see approved leave of their groups and never the family's reasons.
 */
describe('leave requests', () => {
  let payload: Payload
  let f: SchoolFixture
  const tokens: Record<string, string> = {}
  const request = (token: string, body: Record<string, unknown>) =>
    rest('POST', '/leave-requests', { token, body })
  const decide = (token: string, id: string, body: Record<string, unknown>) =>
    rest('PATCH', `/leave-requests/${id}`, { token, body })

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    tokens.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1, c1
    tokens.guardian1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1
    tokens.teacherAB = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    tokens.office = await fixtureToken(payload, 'staff', f.office.email)
    tokens.director = await fixtureToken(payload, 'staff', f.director.email)
  })
  beforeEach(() => setClock('2026-12-07T10:00:00Z')) // Monday 7 December 2026
  afterAll(() => resetClock())

  it('marks a request inside the notice as "te laat" and counts the school days it covers', async () => {
    const onTime = await request(tokens.guardian1!, {
      pupil: f.pupils.b1.id,
      from: '2027-02-01', // 8 weeks ahead
      to: '2027-02-05',
      reason: 'familie',
      note: 'Bruiloft in Marokko',
    })
    expect(onTime.status, await onTime.clone().text()).toBe(201)
    expect(((await onTime.json()) as { doc: LeaveRequest }).doc).toMatchObject({
      status: 'requested',
      late: false,
      schoolDays: 5,
      beyondDirector: false,
    })
    const late = await request(tokens.multi!, {
      pupil: f.pupils.a1.id,
      from: '2027-01-11',
      to: '2027-01-11',
      reason: 'vakantie',
      note: 'Eerder weg',
    })
    expect(((await late.json()) as { doc: LeaveRequest }).doc).toMatchObject({ late: true })
  })

  it('refuses what cannot be a request, another family’s child, and staff filing one', async () => {
    const base = { from: '2027-03-01', to: '2027-03-02', reason: 'familie', note: 'x' }
    const past = await request(tokens.multi!, {
      ...base,
      pupil: f.pupils.a1.id,
      from: '2026-12-07',
    })
    expect(past.status).toBe(422)
    expect(JSON.stringify(await past.json())).toContain('een dag die nog komt')
    expect(
      (await request(tokens.multi!, { ...base, pupil: f.pupils.a1.id, to: '2027-02-01' })).status,
    ).toBe(422)
    expect((await request(tokens.multi!, { ...base, pupil: f.pupils.b1.id })).status).toBe(403)
    expect((await request(tokens.office!, { ...base, pupil: f.pupils.b1.id })).status).toBe(403)
    const forged = await request(tokens.multi!, {
      ...base,
      pupil: f.pupils.a1.id,
      status: 'approved',
      late: false,
      schoolDays: 1,
      decisionMessage: 'Goedgekeurd door mij',
    })
    expect(((await forged.json()) as { doc: LeaveRequest }).doc).toMatchObject({
      status: 'requested',
      schoolDays: 2,
      decisionMessage: null,
    })
  })

  it('only the director decides; a refusal needs a message; the decision is final and mailed', async () => {
    const made = await request(tokens.guardian1!, {
      pupil: f.pupils.b1.id,
      from: '2027-03-08',
      to: '2027-03-09',
      reason: 'religie',
      note: 'Suikerfeest',
    })
    const id = ((await made.json()) as { doc: LeaveRequest }).doc.id
    expect((await decide(tokens.teacherAB!, id, { status: 'approved' })).status).toBe(403)
    expect((await decide(tokens.office!, id, { status: 'approved' })).status).toBe(403)
    expect((await decide(tokens.guardian1!, id, { status: 'approved' })).status).toBe(403)
    expect((await decide(tokens.director!, id, { status: 'refused' })).status).toBe(400)
    const refused = await decide(tokens.director!, id, {
      status: 'refused',
      decisionMessage: 'Kan niet: ga na schooltijd.',
    })
    expect(refused.status).toBe(200)
    expect((await decide(tokens.director!, id, { status: 'approved' })).status).toBe(409)
    const seen = (await (
      await rest('GET', `/leave-requests/${id}`, { token: tokens.guardian1! })
    ).json()) as LeaveRequest
    expect(seen).toMatchObject({
      status: 'refused',
      decisionMessage: 'Kan niet: ga na schooltijd.',
    })

    await drainJobs(payload)
    const toParent = deliveredTo(f.parents.guardianOne.email).map((m) => m.subject)
    expect(toParent).toContain('Besluit over het verlof van B1')
    const toDirector = deliveredTo(f.director.email)
    expect(toDirector.map((m) => m.subject)).toContain('Nieuwe verlofaanvraag')
    for (const mail of [...toDirector, ...deliveredTo(f.parents.guardianOne.email)]) {
      expect(`${mail.text}${mail.html}`).not.toContain('Suikerfeest')
      expect(`${mail.text}${mail.html}`).not.toContain('ga na schooltijd')
    }
  })

  it('a parent withdraws an open request; teachers see approved leave of their groups without reasons', async () => {
    const made = await request(tokens.multi!, {
      pupil: f.pupils.a1.id,
      from: '2027-04-05',
      to: '2027-04-06',
      reason: 'medisch-sociaal',
      note: 'Operatie van opa',
    })
    const id = ((await made.json()) as { doc: LeaveRequest }).doc.id
    expect(
      (await decide(tokens.director!, id, { status: 'approved', decisionMessage: 'Sterkte.' }))
        .status,
    ).toBe(200)
    expect((await decide(tokens.multi!, id, { status: 'withdrawn' })).status).toBe(409)
    const asTeacher = (await (
      await rest('GET', `/leave-requests?limit=100&depth=0`, { token: tokens.teacherAB! })
    ).json()) as { docs: LeaveRequest[] }
    expect(asTeacher.docs.length).toBeGreaterThan(0)
    expect(asTeacher.docs.every((d) => d.status === 'approved')).toBe(true)
    const approved = asTeacher.docs.find((d) => d.id === id)!
    expect(approved).toMatchObject({ from: '2027-04-05', to: '2027-04-06' })
    expect(approved.note).toBeUndefined()
    expect(approved.reason).toBeUndefined()
    expect(approved.decisionMessage).toBeUndefined()

    const open = await request(tokens.multi!, {
      pupil: f.pupils.c1.id,
      from: '2027-04-12',
      to: '2027-04-12',
      reason: 'overig',
      note: 'Zwemexamen',
    })
    const openId = ((await open.json()) as { doc: LeaveRequest }).doc.id
    const withdrawn = await decide(tokens.multi!, openId, { status: 'withdrawn' })
    expect(withdrawn.status).toBe(200)
    expect((await decide(tokens.director!, openId, { status: 'approved' })).status).toBe(409)
  })
})
