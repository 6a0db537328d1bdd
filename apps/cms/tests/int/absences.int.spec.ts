import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'

import { idOf } from '../../src/access/lib/users'
import type { Absence } from '../../src/payload-types'
import { resetClock, setClock } from './helpers/clock'
import { drainJobs } from './helpers/jobs'
import { deliveredTo } from './helpers/mail'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'

// Monday 7 December 2026 in Amsterdam (UTC+1): 08:00 is 07:00Z, the cutoff 08:15 is 07:15Z.
const MONDAY = '2026-12-07'
const TUESDAY = '2026-12-08'
const WEDNESDAY = '2026-12-09'

/**
 * Absences through the CMS on every channel (S9, S10): what the portal refuses, the CMS refuses
 * when called directly; the office records phone calls; one report per child and day; who reads
 * and changes which report.
 */
describe('absence reports', () => {
  let payload: Payload
  let f: SchoolFixture
  const tokens: Record<string, string> = {}

  const report = (token: string, body: Record<string, unknown>) =>
    rest('POST', '/absences', { token, body })
  const sick = (token: string, pupil: string, date = MONDAY) =>
    report(token, { pupil, kind: 'sick', date })

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    tokens.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1 (A), c1 (C)
    tokens.guardian1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1 (B)
    tokens.guardian2 = await fixtureToken(payload, 'parents', f.parents.guardianTwo.email) // b1 (B)
    tokens.teacherAB = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    tokens.teacherC = await fixtureToken(payload, 'staff', f.teacherOther.email)
    tokens.office = await fixtureToken(payload, 'staff', f.office.email)
    tokens.director = await fixtureToken(payload, 'staff', f.director.email)
  })
  beforeEach(() => setClock('2026-12-07T07:00:00Z'))
  afterAll(() => resetClock())

  it('accepts a sick report before the cutoff and refuses it from 08:15, with the phone number', async () => {
    setClock('2026-12-07T07:14:58Z')
    const ok = await sick(tokens.multi!, f.pupils.a1.id)
    expect(ok.status, await ok.clone().text()).toBe(201)
    const doc = ((await ok.json()) as { doc: Absence }).doc
    expect(doc).toMatchObject({
      kind: 'sick',
      reason: 'ziek',
      status: 'reported',
      channel: 'portal',
    })
    expect(idOf(doc.group)).toBe(f.groups.a.id)

    setClock('2026-12-07T07:15:00Z')
    const late = await sick(tokens.multi!, f.pupils.c1.id)
    expect(late.status).toBe(422)
    const body = JSON.stringify(await late.json())
    expect(body).toContain('Bel de school')
    // The school's number as the settings hold it now (other files change it).
    const { phone } = await payload.findGlobal({ slug: 'school-settings', depth: 0 })
    expect(body).toContain(phone)
    expect(
      (
        await payload.count({
          collection: 'absences',
          where: { pupil: { equals: f.pupils.c1.id } },
        })
      ).totalDocs,
    ).toBe(0)
  })

  it('refuses a planned absence for today and accepts it for tomorrow, with times in school hours', async () => {
    const today = await report(tokens.guardian1!, {
      pupil: f.pupils.b1.id,
      kind: 'planned',
      date: MONDAY,
      reason: 'tandarts',
    })
    expect(today.status).toBe(422)
    expect(JSON.stringify(await today.json())).toContain('uiterlijk de dag ervoor')
    const wrongTimes = await report(tokens.guardian1!, {
      pupil: f.pupils.b1.id,
      kind: 'planned',
      date: WEDNESDAY,
      reason: 'tandarts',
      fromTime: '11:30',
      toTime: '13:00', // Wednesday ends at 12:15
    })
    expect(wrongTimes.status).toBe(422)
    const tomorrow = await report(tokens.guardian1!, {
      pupil: f.pupils.b1.id,
      kind: 'planned',
      date: TUESDAY,
      reason: 'tandarts',
      fromTime: '10:00',
      toTime: '11:00',
      note: 'Controle',
    })
    expect(tomorrow.status, await tomorrow.clone().text()).toBe(201)
    const noReason = await report(tokens.guardian1!, {
      pupil: f.pupils.b1.id,
      kind: 'planned',
      date: WEDNESDAY,
    })
    expect(noReason.status).toBe(400)
  })

  it('refuses a second report for the same child and day, from the other guardian too, pointing at the first', async () => {
    const first = await sick(tokens.guardian1!, f.pupils.b1.id, TUESDAY)
    expect(first.status).toBe(409) // the planned absence of the test above is that day's report
    const answer = (await first.json()) as {
      errors: { message: string; data?: { existing?: string } }[]
    }
    expect(answer.errors[0]!.message).toContain('al een afwezigheid gemeld')
    const existing = await payload.find({
      collection: 'absences',
      where: { and: [{ pupil: { equals: f.pupils.b1.id } }, { date: { equals: TUESDAY } }] },
    })
    expect(answer.errors[0]!.data?.existing).toBe(existing.docs[0]!.id)
    expect((await sick(tokens.guardian2!, f.pupils.b1.id, TUESDAY)).status).toBe(409)
  })

  it('logs a refusal by what was refused, never by its message (it names the child)', async () => {
    const lines: unknown[] = []
    const keep = (...args: unknown[]) => {
      lines.push(args)
    }
    const spies = (['info', 'warn', 'error'] as const).map((level) =>
      vi.spyOn(payload.logger, level).mockImplementation(keep as never),
    )
    let message: string | undefined
    try {
      const answer = await sick(tokens.guardian2!, f.pupils.b1.id, TUESDAY)
      expect(answer.status).toBe(409)
      message = ((await answer.json()) as { errors: { message: string }[] }).errors[0]!.message
      expect(message).toContain(`Voor ${f.pupils.b1.firstName} is`)
    } finally {
      spies.forEach((spy) => spy.mockRestore())
    }
    expect(lines).toContainEqual([
      expect.objectContaining({
        msg: 'Verzoek geweigerd',
        status: 409,
        code: 'duplicate',
        collection: 'absences',
        method: 'POST',
      }),
    ])
    const logged = JSON.stringify(lines)
    expect(logged).not.toContain(message!)
    expect(logged).not.toContain(`Voor ${f.pupils.b1.firstName}`)
    expect(logged).not.toContain('gemeld')
  })

  it('lets two guardians reporting at the same instant end with exactly one report', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        sick(i % 2 ? tokens.guardian1! : tokens.guardian2!, f.pupils.b1.id, MONDAY),
      ),
    )
    const statuses = answers.map((a) => a.status).sort()
    const bodies = await Promise.all(answers.map((a) => a.clone().text()))
    expect(
      statuses.filter((s) => s !== 201 && s !== 409),
      bodies.join('\n'),
    ).toEqual([])
    expect(statuses.filter((s) => s === 201)).toHaveLength(1)
    expect(statuses.filter((s) => s === 409)).toHaveLength(5)
    const stored = await payload.count({
      collection: 'absences',
      where: {
        and: [
          { pupil: { equals: f.pupils.b1.id } },
          { date: { equals: MONDAY } },
          { status: { not_equals: 'cancelled' } },
        ],
      },
    })
    expect(stored.totalDocs).toBe(1)
  })

  it('refuses a child that is not the parent’s own, and whatever only hooks set', async () => {
    const other = await sick(tokens.multi!, f.pupils.b1.id, TUESDAY)
    expect(other.status).toBe(403)
    const forged = await report(tokens.multi!, {
      pupil: f.pupils.c1.id,
      kind: 'sick',
      date: TUESDAY,
      status: 'acknowledged',
      channel: 'phone',
      group: f.groups.b.id,
      reporterName: 'De directeur',
      activeKey: 'x',
    })
    expect(forged.status, await forged.clone().text()).toBe(201)
    const doc = ((await forged.json()) as { doc: Absence }).doc
    expect(doc).toMatchObject({ status: 'reported', channel: 'portal' })
    expect(idOf(doc.group)).toBe(f.groups.c.id)
    expect(doc.reporterName).toBe(f.parents.multiGroup.name)
  })

  it('lets the office record a phoned-in absence after the cutoff, marked as such', async () => {
    setClock('2026-12-07T09:30:00Z')
    const res = await sick(tokens.office!, f.pupils.c2.id)
    expect(res.status, await res.clone().text()).toBe(201)
    const doc = ((await res.json()) as { doc: Absence }).doc
    expect(doc).toMatchObject({ channel: 'phone', status: 'reported' })
    expect(doc.reporterName).toContain('(school)')
    // Teachers do not record absences; the calendar still holds for the office.
    expect((await sick(tokens.teacherC!, f.pupils.c2.id, TUESDAY)).status).toBe(403)
    expect((await sick(tokens.office!, f.pupils.c2.id, '2026-12-12')).status).toBe(422)
  })

  it('shows every guardian the reports of their child, each teacher only their groups', async () => {
    const list = async (token: string) =>
      (
        (await (await rest('GET', '/absences?limit=100&depth=0', { token })).json()) as {
          docs: Absence[]
        }
      ).docs
    const b1 = (await list(tokens.guardian2!)).filter((d) => d.pupil === f.pupils.b1.id)
    expect(b1.length).toBeGreaterThanOrEqual(2)
    expect(b1.every((d) => d.reportedBy === undefined)).toBe(true) // parents see a name, not an id
    expect((await list(tokens.guardian1!)).every((d) => d.pupil === f.pupils.b1.id)).toBe(true)
    const groupsOf = async (token: string) => new Set((await list(token)).map((d) => d.group))
    expect([...(await groupsOf(tokens.teacherAB!))].sort()).toEqual(
      [f.groups.a.id, f.groups.b.id].sort(),
    )
    expect([...(await groupsOf(tokens.teacherC!))]).toEqual([f.groups.c.id])
    expect((await list(tokens.office!)).length).toBeGreaterThanOrEqual(4)
  })

  it('a teacher acknowledges reports of their groups only, one or all at once; a parent sees "gezien"', async () => {
    // This file's pupils only: the run's database holds other files' reports too.
    const pupils = Object.values(f.pupils).map((p) => p.id)
    const reported = await payload.find({
      collection: 'absences',
      where: {
        and: [
          { date: { equals: MONDAY } },
          { status: { equals: 'reported' } },
          { pupil: { in: pupils } },
        ],
      },
      depth: 0,
    })
    const ids = reported.docs.map((d) => d.id)
    const byC = await rest('POST', '/absences/acknowledge', {
      token: tokens.teacherC!,
      body: { ids },
    })
    expect(byC.status).toBe(200)
    const cDone = ((await byC.json()) as { acknowledged: string[] }).acknowledged
    const groupOf = new Map(reported.docs.map((d) => [d.id, d.group]))
    expect(cDone.length).toBeGreaterThan(0)
    expect(cDone.every((id) => groupOf.get(id) === f.groups.c.id)).toBe(true)

    const byAB = await rest('POST', '/absences/acknowledge', {
      token: tokens.teacherAB!,
      body: { ids },
    })
    const abDone = ((await byAB.json()) as { acknowledged: string[] }).acknowledged
    expect(
      abDone.every((id) => [f.groups.a.id, f.groups.b.id].includes(groupOf.get(id) as string)),
    ).toBe(true)
    expect(new Set([...cDone, ...abDone])).toEqual(new Set(ids))

    const mine = await rest(
      'GET',
      `/absences/${ids.find((id) => groupOf.get(id) === f.groups.a.id)}`,
      {
        token: tokens.multi!,
      },
    )
    const seen = (await mine.json()) as Absence
    expect(seen.status).toBe('acknowledged')
    expect(seen.acknowledgedBy).toBeUndefined()
    expect(
      (await rest('POST', '/absences/acknowledge', { token: tokens.multi!, body: { ids } })).status,
    ).toBe(403)
    expect(
      (
        await rest('POST', '/absences/acknowledge', {
          token: tokens.teacherAB!,
          body: { ids: 'x' },
        })
      ).status,
    ).toBe(400)
  })

  it('a parent withdraws a planned absence until its day starts, and nothing else', async () => {
    setClock('2026-12-07T20:00:00Z')
    const made = await report(tokens.multi!, {
      pupil: f.pupils.a1.id,
      kind: 'planned',
      date: WEDNESDAY,
      reason: 'huisarts',
    })
    expect(made.status).toBe(201)
    const id = ((await made.json()) as { doc: Absence }).doc.id
    const patch = (token: string, body: Record<string, unknown>) =>
      rest('PATCH', `/absences/${id}`, { token, body })
    expect((await patch(tokens.multi!, { status: 'acknowledged' })).status).toBe(403)
    const edited = await patch(tokens.multi!, { date: '2026-12-10' })
    expect(edited.status).toBe(200)
    expect(((await edited.json()) as { doc: Absence }).doc.date).toBe(WEDNESDAY)

    setClock('2026-12-08T23:00:00Z') // Wednesday 00:00 in Amsterdam
    expect((await patch(tokens.multi!, { status: 'cancelled' })).status).toBe(409)
    setClock('2026-12-08T22:59:59Z')
    const withdrawn = await patch(tokens.multi!, { status: 'cancelled' })
    expect(withdrawn.status).toBe(200)
    expect(((await withdrawn.json()) as { doc: Absence }).doc.status).toBe('cancelled')
    // The day is free again, and the withdrawn report stays (history is never deleted).
    expect((await rest('DELETE', `/absences/${id}`, { token: tokens.director! })).status).toBe(403)
    expect((await patch(tokens.director!, { status: 'reported' })).status).toBe(409)
  })

  it('refuses a closed day from the school settings, and the day after it is the next school day', async () => {
    const settings = await payload.findGlobal({ slug: 'school-settings' })
    await payload.updateGlobal({
      slug: 'school-settings',
      data: { closedPeriods: [{ label: 'Studiedag', from: TUESDAY, to: TUESDAY }] },
    })
    try {
      setClock('2026-12-07T18:00:00Z')
      expect((await sick(tokens.multi!, f.pupils.c1.id, TUESDAY)).status).toBe(422)
      const next = await sick(tokens.multi!, f.pupils.c1.id, WEDNESDAY)
      expect(next.status, await next.clone().text()).toBe(201)
    } finally {
      await payload.updateGlobal({
        slug: 'school-settings',
        data: { closedPeriods: settings.closedPeriods ?? [] },
      })
    }
  })

  it('confirms to the reporting parent with the first name and day, never the reason or note', async () => {
    await drainJobs(payload)
    const mails = deliveredTo(f.parents.guardianOne.email)
    const subjects = mails.map((m) => m.subject)
    expect(subjects).toContain('Ontvangen: afmelding van B1 voor dinsdag 8 december')
    for (const mail of mails) {
      const all = `${mail.subject}\n${mail.text}\n${mail.html}`
      expect(all).not.toContain('Controle')
      expect(all.toLowerCase()).not.toContain('tandarts')
      expect(all).not.toContain(f.pupils.b1.lastName)
    }
    // The other guardian reported nothing that was stored: no email.
    expect(deliveredTo(f.parents.guardianTwo.email).map((m) => m.subject)).not.toContain(
      'Ontvangen: afmelding van B1 voor dinsdag 8 december',
    )
  })
})
