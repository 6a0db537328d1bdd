import { parentFeedbackList } from '@schoolpost/contracts'
import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Feedback } from '../../src/payload-types'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

/**
 * Feedback from parents (S20) through the CMS: a parent sends a tip (checked like the portal
 * checks it, stamped with the sender whatever the request says), every staff member reads it but
 * only directors see who sent an anonymous one, directors answer, and the parent reads the answer.
 */
describe('feedback from parents', () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<string, string> = {}

  const send = async (token: string, body: Record<string, unknown>) => {
    const res = await rest('POST', '/feedback?depth=0', { token, body })
    return {
      status: res.status,
      body: (await res.json()) as { doc?: Feedback; errors?: unknown[] },
    }
  }
  const countOf = async (parentId: string) =>
    (await payload.count({ collection: 'feedback', where: { parent: { equals: parentId } } }))
      .totalDocs

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    t.teacher = await fixtureToken(payload, 'staff', f.teacherOther.email)
    t.office = await fixtureToken(payload, 'staff', f.office.email)
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
    t.guardian = await fixtureToken(payload, 'parents', f.parents.guardianOne.email)
  })

  it('records a parent’s tip as theirs, new, whatever else the request claims', async () => {
    const { status, body } = await send(t.multi!, {
      topic: 'schoolpost',
      message: '  Fijn dat de agenda nu in mijn telefoon staat!  ',
      anonymous: true,
      parent: f.parents.guardianOne.id,
      parentName: 'Iemand anders',
      status: 'afgehandeld',
      answer: 'Zelf beantwoord',
      answeredAt: '2026-01-01T00:00:00.000Z',
    })
    expect(status).toBe(201)
    const stored = await payload.findByID({ collection: 'feedback', id: body.doc!.id, depth: 0 })
    expect(stored).toMatchObject({
      topic: 'schoolpost',
      message: 'Fijn dat de agenda nu in mijn telefoon staat!',
      anonymous: true,
      parent: f.parents.multiGroup.id,
      parentName: f.parents.multiGroup.name,
      status: 'nieuw',
    })
    expect(stored.answer ?? null).toBeNull()
    expect(stored.answeredAt ?? null).toBeNull()
  })

  it('refuses an unknown topic, a text without substance and abuse, in Dutch, storing nothing', async () => {
    const before = await countOf(f.parents.guardianOne.id)
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { topic: 'admin', message: 'Een tekst van genoeg lengte.' },
        'topic',
        /Kies|geldig|ongeldig/i,
      ],
      [{ topic: 'school', message: 'kort' }, 'message', /minstens 10 tekens/],
      [
        { topic: 'school', message: 'Wat een klootzakken zijn jullie toch.' },
        'message',
        /Je feedback is niet verstuurd: het bevat een scheldwoord/,
      ],
      [{ topic: 'school', message: 'x'.repeat(4001) }, 'message', /./],
    ]
    for (const [body, path, message] of cases) {
      const res = await send(t.guardian!, body)
      expect([JSON.stringify(body).slice(0, 40), res.status]).toEqual([
        JSON.stringify(body).slice(0, 40),
        400,
      ])
      const details = JSON.stringify(res.body)
      expect(details).toContain(`"path":"${path}"`)
      expect(details).toMatch(message)
    }
    expect(await countOf(f.parents.guardianOne.id)).toBe(before)
    // Staff do not send feedback.
    expect(
      (await send(t.teacher!, { topic: 'school', message: 'Een tip van een leraar.' })).status,
    ).toBe(403)
  })

  it('shows the sender of an anonymous tip to directors only; a named one to every staff member', async () => {
    const anonymous = await send(t.guardian!, {
      topic: 'huisregels',
      message: 'De regel over groepsapps mag duidelijker.',
      anonymous: true,
    })
    const named = await send(t.guardian!, {
      topic: 'school',
      message: 'Het schoolplein is mooi geworden.',
      anonymous: false,
    })
    const read = async (token: string, id: string) =>
      (await (await rest('GET', `/feedback/${id}?depth=0`, { token })).json()) as Feedback
    for (const who of ['teacher', 'office'] as const) {
      const hidden = await read(t[who]!, anonymous.body.doc!.id)
      expect([who, hidden.message, hidden.parent, hidden.parentName]).toEqual([
        who,
        'De regel over groepsapps mag duidelijker.',
        undefined,
        undefined,
      ])
      const shown = await read(t[who]!, named.body.doc!.id)
      expect([who, shown.parentName]).toEqual([who, f.parents.guardianOne.name])
    }
    const byDirector = await read(t.director!, anonymous.body.doc!.id)
    expect(byDirector.parentName).toBe(f.parents.guardianOne.name)
    // Nor can a teacher find out by asking about the sender.
    for (const query of [
      `where[parent][equals]=${f.parents.guardianOne.id}`,
      `where[parentName][like]=${encodeURIComponent(f.parents.guardianOne.name)}`,
    ]) {
      const res = await rest('GET', `/feedback?${query}&depth=0`, { token: t.teacher })
      const docs = res.status === 200 ? ((await res.json()) as { docs: Feedback[] }).docs : []
      expect(docs.map((d) => d.id)).not.toContain(anonymous.body.doc!.id)
    }
  })

  it('lets only directors answer; the parent reads the answer, not who wrote it', async () => {
    const { body } = await send(t.multi!, {
      topic: 'anders',
      message: 'Kan de nieuwsbrief ook in het Engels?',
      anonymous: false,
    })
    const id = body.doc!.id
    for (const token of [t.teacher, t.office, t.multi, t.guardian])
      expect(
        (await rest('PATCH', `/feedback/${id}`, { token, body: { answer: 'Nee' } })).status,
      ).toBe(403)

    const answered = await rest('PATCH', `/feedback/${id}?depth=0`, {
      token: t.director,
      body: { answer: 'Goed idee, we zoeken een vertaler.', answeredBy: f.teacherOther.id },
    })
    expect(answered.status).toBe(200)
    const stored = await payload.findByID({ collection: 'feedback', id, depth: 0 })
    expect(stored).toMatchObject({
      answer: 'Goed idee, we zoeken een vertaler.',
      answeredBy: f.director.id,
      status: 'in-behandeling',
    })
    expect(stored.answeredAt).toMatch(/^\d{4}-\d\d-\d\dT/)

    // The parent's own list, in the contract's shape: their feedback only, with the answer.
    const list = await rest('GET', '/feedback?depth=0&sort=-createdAt&limit=50', { token: t.multi })
    const docs = parentFeedbackList.parse(await list.json()).docs
    expect(docs.every((d) => d.id !== undefined)).toBe(true)
    const mine = docs.find((d) => d.id === id)!
    expect(mine).toMatchObject({
      answer: 'Goed idee, we zoeken een vertaler.',
      status: 'in-behandeling',
    })
    expect(mine).not.toHaveProperty('answeredBy')
    const others = await rest('GET', '/feedback?depth=0&limit=50', { token: t.guardian })
    const theirs = ((await others.json()) as { docs: Feedback[] }).docs.map((d) => d.id)
    expect(theirs).not.toContain(id)
    expect((await rest('GET', `/feedback/${id}`, { token: t.guardian })).status).toBe(404)

    // Nobody deletes feedback through the API.
    expect((await rest('DELETE', `/feedback/${id}`, { token: t.director })).status).toBe(403)
  })

  it('emails the parent once per answer (through the outbox), not for a change of status', async () => {
    const { body } = await send(t.guardian!, {
      topic: 'school',
      message: 'Kunnen de gymtijden in de agenda komen?',
      anonymous: true,
    })
    const id = body.doc!.id
    const queued = async () =>
      (
        await payload.find({
          collection: 'payload-jobs',
          where: { taskSlug: { equals: 'sendEmail' } },
          pagination: false,
          depth: 0,
        })
      ).docs
        .map((job) => job.input as { to: string; kind: string; subject: string })
        .filter(
          (input) => input.to === f.parents.guardianOne.email && input.kind === 'feedback-answer',
        )
    expect(await queued()).toEqual([])
    const answer = (text: string) =>
      rest('PATCH', `/feedback/${id}?depth=0`, { token: t.director, body: { answer: text } })
    expect((await answer('Ja, vanaf januari.')).status).toBe(200)
    expect((await queued()).map((mail) => mail.subject)).toEqual([
      'De school heeft uw feedback beantwoord',
    ])
    const status = await rest('PATCH', `/feedback/${id}?depth=0`, {
      token: t.director,
      body: { status: 'afgehandeld' },
    })
    expect(status.status).toBe(200)
    expect(await queued()).toHaveLength(1)
    // A changed answer is a new answer: the parent hears of it too.
    expect((await answer('Ja, vanaf januari, op dinsdag en vrijdag.')).status).toBe(200)
    expect(await queued()).toHaveLength(2)
  })
})
