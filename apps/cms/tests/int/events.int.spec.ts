import { type Agenda, agenda } from '@schoolpost/contracts'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Event } from '../../src/payload-types'
import { resetClock, setClock } from './helpers/clock'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

/**
 * The school's calendar (issue #15): who may put what in whose calendar, the date and time rules,
 * and the parent's agenda (this month and the next; their groups and the school; the closed
 * periods; their own volunteer slots) — never another group's items or a draft.
 */
describe('calendar events and the parent’s agenda', () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<string, string> = {}

  const create = (token: string, data: Record<string, unknown>) =>
    rest('POST', '/events?depth=0', {
      token,
      body: {
        title: 'Sinterklaas',
        audience: 'groups',
        allDay: true,
        date: '2026-12-04',
        status: 'published',
        ...data,
      },
    })
  /** The titles this file made (other files' school-wide items share the database). */
  const OURS = new Set([
    'Projectweek',
    'Schoolreis A',
    'Kerstdiner',
    'Alleen groep B',
    'Concept',
    'Te laat',
    'Samen met groep C',
    'Alleen A',
  ])
  const ours = (answer: Agenda) => answer.events.map((e) => e.title).filter((t) => OURS.has(t))
  const agendaOf = async (token: string, query = '') => {
    const res = await rest('GET', `/events/agenda${query}`, { token })
    return { status: res.status, body: (await res.json()) as Agenda }
  }

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    t.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email) // groups A and B
    t.otherTeacher = await fixtureToken(payload, 'staff', f.teacherOther.email) // group C
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    t.office = await fixtureToken(payload, 'staff', f.office.email)
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1, c1
    t.guardian1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1
    // Monday 7 December 2026, 10:30 in Amsterdam.
    setClock('2026-12-07T09:30:00Z')
    await payload.updateGlobal({
      slug: 'school-settings',
      data: {
        closedPeriods: [
          { label: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' },
          { label: 'Zomervakantie', from: '2027-07-17', to: '2027-08-29' },
        ],
      },
    })
  })
  afterAll(() => resetClock())

  it('a teacher fills the calendar of their own groups; only a director the whole school’s', async () => {
    const res = await create(t.teacher!, { groups: [f.groups.a.id], title: 'Schoolreis A' })
    expect(res.status, await res.clone().text()).toBe(201)
    expect(((await res.json()) as { doc: Event }).doc.createdBy).toBe(f.teacherTwoGroups.id)
    expect((await create(t.otherTeacher!, { groups: [f.groups.a.id] })).status).toBe(403)
    const school = await create(t.teacher!, { audience: 'school' })
    expect(school.status).toBe(403)
    expect(await school.text()).toContain('zet de directie in de agenda')
    expect((await create(t.office!, { groups: [f.groups.a.id] })).status).toBe(403)
    expect((await create(t.multi!, { groups: [f.groups.a.id] })).status).toBe(403)
    expect(
      (
        await create(t.director!, {
          audience: 'school',
          title: 'Kerstdiner',
          allDay: false,
          date: '2026-12-17',
          from: '17:00',
          to: '19:00',
        })
      ).status,
    ).toBe(201)
  })

  it('a teacher deletes only items all of whose groups are theirs', async () => {
    const shared = await create(t.director!, {
      groups: [f.groups.a.id, f.groups.c.id],
      title: 'Samen met groep C',
    })
    const sharedId = ((await shared.json()) as { doc: Event }).doc.id
    const own = await create(t.teacher!, { groups: [f.groups.a.id], title: 'Alleen A' })
    const ownId = ((await own.json()) as { doc: Event }).doc.id
    const refused = await rest('DELETE', `/events/${sharedId}`, { token: t.teacher! })
    expect(refused.status).toBe(403)
    expect(await refused.text()).toContain('alleen ouders van je eigen groepen')
    expect((await rest('GET', `/events/${sharedId}`, { token: t.director! })).status).toBe(200)
    expect((await rest('DELETE', `/events/${ownId}`, { token: t.teacher! })).status).toBe(200)
    expect((await rest('DELETE', `/events/${sharedId}`, { token: t.director! })).status).toBe(200)
  })

  it('refuses dates and times that make no sense, in Dutch on their fields', async () => {
    const res = await create(t.teacher!, {
      groups: [f.groups.a.id],
      allDay: false,
      date: '2026-12-10',
      from: '10:00',
      to: '09:00',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('De eindtijd ligt na de begintijd.')
    const days = await create(t.teacher!, {
      groups: [f.groups.a.id],
      date: '2026-12-10',
      endDate: '2026-12-09',
    })
    expect(days.status).toBe(400)
    expect(await days.text()).toContain('De einddatum ligt niet voor de begindatum.')
    const noGroup = await create(t.director!, { groups: [] })
    expect(noGroup.status).toBe(400)
  })

  it('the parent’s agenda: this month and the next, their groups and the school, the closed periods', async () => {
    await create(t.teacher!, {
      groups: [f.groups.b.id],
      title: 'Alleen groep B',
      date: '2026-12-11',
    })
    await create(t.teacher!, {
      groups: [f.groups.a.id],
      title: 'Concept',
      status: 'draft',
      date: '2026-12-11',
    })
    await create(t.teacher!, { groups: [f.groups.a.id], title: 'Te laat', date: '2027-02-01' })
    await create(t.teacher!, {
      groups: [f.groups.a.id],
      title: 'Projectweek',
      date: '2026-11-30',
      endDate: '2026-12-02',
    })
    const mine = await agendaOf(t.multi!)
    expect(mine.status).toBe(200)
    expect(agenda.safeParse(mine.body).success).toBe(true)
    expect(mine.body).toMatchObject({
      from: '2026-12-01',
      to: '2027-01-31',
      timeZone: 'Europe/Amsterdam',
    })
    // Not group B's, not the draft, not February's; the project week that began in November.
    // (Other test files put school-wide items in the shared database: only this file's count.)
    expect(ours(mine.body)).toEqual(['Projectweek', 'Schoolreis A', 'Kerstdiner'])
    expect(mine.body.events.find((e) => e.title === 'Kerstdiner')).toMatchObject({
      allDay: false,
      from: '17:00',
      to: '19:00',
      audienceLabel: 'Alle ouders',
    })
    // A group's item says which of the parent's children it is for (multi: A1 in group A).
    expect(mine.body.events.find((e) => e.title === 'Schoolreis A')?.audienceLabel).toBe(
      `${f.groups.a.name} (A1)`,
    )
    expect(mine.body.closed).toEqual([
      { label: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' },
    ])
    // Group B's parent sees B's item and the school's, not A's.
    expect(ours((await agendaOf(t.guardian1!)).body)).toEqual(['Alleen groep B', 'Kerstdiner'])
    expect((await agendaOf(t.teacher!)).status).toBe(403)
    expect((await agendaOf('')).status).toBe(401)
  })

  it('asks for a bounded range only', async () => {
    expect((await agendaOf(t.multi!, '?van=2027-01-01&tot=2027-01-31')).status).toBe(200)
    expect((await agendaOf(t.multi!, '?van=2027-01-01&tot=2027-12-31')).status).toBe(400)
    expect((await agendaOf(t.multi!, '?van=gisteren&tot=2027-01-31')).status).toBe(400)
    expect((await agendaOf(t.multi!, '?van=2027-01-31&tot=2027-01-01')).status).toBe(400)
  })
})
