import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { queueDueMessageBundles as QueueDueMessageBundles } from '../../src/notifications/queue-due-message-bundles'
import type { Conversation, Parent } from '../../src/payload-types'
import { resetClock, setClock } from './helpers/clock'
import { drainJobs } from './helpers/jobs'
import { deliveredTo, mailStub } from './helpers/mail'
import { rest, testPayload } from './helpers/payload'
import {
  createSchoolFixture,
  FIXTURE_PASSWORD,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'

/**
 * Email about conversations (issue #14, S6–S8) through the real outbox and the Resend stub:
 * parents hear about a message from the school (following their choice, checked when the email
 * is made, without the text); teachers hear about parents' messages only after school, in one
 * bundle per teacher of what they have not read.
 *
 * The school clock runs in a week of its own: Saturday 27 February 2027, then Monday 1 March
 * (school 08:30–14:30 CET, so the bundle is due at 13:30Z) and Tuesday 2 March.
 */
describe('conversation emails', () => {
  const stub = mailStub()
  let payload: Payload
  let f: SchoolFixture
  let queueDueMessageBundles: typeof QueueDueMessageBundles
  let cmsUrl: string
  const t: Record<string, string> = {}
  let unlinked: Parent
  let inactive: Parent
  let childTalk: Conversation
  let question: Conversation

  const start = async (token: string, body: Record<string, unknown>) => {
    const res = await rest('POST', '/conversations', { token, body })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: Conversation }).doc
  }
  const write = async (token: string, conversation: string, text: string) => {
    const res = await rest('POST', '/messages', { token, body: { conversation, body: text } })
    expect(res.status, await res.clone().text()).toBe(201)
  }
  /** What this file's people received (other files share the database and the stub). */
  const mine = () => {
    const ours = new Set(
      [
        f.teacherTwoGroups,
        f.teacherOther,
        f.director,
        f.office,
        ...Object.values(f.parents),
        unlinked,
        inactive,
      ].map((p) => p.email),
    )
    return stub.delivered.filter((m) => m.to.some((to) => ours.has(to)))
  }
  const links = (text: string) => [...new Set(text.match(/https?:\/\/[^\s"<>\]]+/g) ?? [])]
  const threadLink = (c: Conversation) => `http://portal.test/gesprekken/${c.id}`
  const adminLink = (c: Conversation) => `${cmsUrl}/admin/collections/conversations/${c.id}`

  beforeAll(async () => {
    payload = await testPayload()
    queueDueMessageBundles = (await import('../../src/notifications/queue-due-message-bundles'))
      .queueDueMessageBundles
    cmsUrl = (await import('../../src/lib/env')).env.cmsUrl
    f = await createSchoolFixture(payload)
    // Group B (pupil b1, guardians one and two) gets a second teacher.
    await payload.update({
      collection: 'groups',
      id: f.groups.b.id,
      data: { teachers: [f.teacherTwoGroups.id, f.teacherOther.id] },
    })
    const parent = (name: string, status: Parent['status']) =>
      payload.create({
        collection: 'parents',
        data: {
          name,
          email: `${name}.${f.groups.b.id.slice(0, 8)}@fixture.test`,
          password: FIXTURE_PASSWORD,
          status,
          children: [f.pupils.b1.id],
        },
      })
    unlinked = await parent('unlinked', 'active')
    inactive = await parent('inactive', 'deactivated')
    t.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    t.otherTeacher = await fixtureToken(payload, 'staff', f.teacherOther.email)
    t.guardian1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email)
    t.guardian2 = await fixtureToken(payload, 'parents', f.parents.guardianTwo.email)
    // Jobs other files left in the shared database are theirs: only this file's mail counts.
    await payload.delete({ collection: 'payload-jobs', where: { completedAt: { exists: false } } })
    stub.reset()
  })
  afterAll(() => resetClock())

  it('a parent asks a question on Saturday evening: nobody is emailed', async () => {
    setClock('2027-02-27T19:00:00Z')
    question = await start(t.guardian1!, { pupil: f.pupils.b1.id, subject: 'Tandarts maandag' })
    await write(t.guardian1!, question.id, 'Mag B1 maandag om 11 uur weg voor de tandarts?')
    await drainJobs(payload)
    expect(mine()).toHaveLength(0)
  })

  it('a message from the teacher in a kind-gesprek emails each active guardian once, without its text', async () => {
    setClock('2027-03-01T08:00:00Z') // Monday 09:00, during school
    childTalk = await start(t.teacher!, { pupil: f.pupils.b1.id, subject: 'Lezen en de bril' })
    const text = 'B1 leest veel beter, maar knijpt haar ogen dicht bij het bord.'
    await write(t.teacher!, childTalk.id, text)
    // Unlinked before the email is made: checked at sending, so nothing for them.
    await payload.update({ collection: 'parents', id: unlinked.id, data: { children: [] } })
    await drainJobs(payload)

    for (const guardian of [f.parents.guardianOne, f.parents.guardianTwo]) {
      const mails = deliveredTo(guardian.email, stub)
      expect(mails).toHaveLength(1)
      const mail = mails[0]!
      expect(mail.subject).toBe(`Nieuw bericht van ${f.teacherTwoGroups.name} over B1`)
      for (const body of [mail.text ?? '', mail.html ?? '']) {
        expect(body).not.toContain(text)
        expect(body).not.toContain('knijpt')
      }
      // One link to the thread, and the one-click unsubscribe for this kind.
      const found = links(mail.text ?? '')
      expect(found).toContain(threadLink(childTalk))
      expect(found.filter((l) => !l.includes('/afmelden/'))).toEqual([threadLink(childTalk)])
      expect(mail.headers?.['List-Unsubscribe']).toMatch(/^<http:\/\/portal\.test\/afmelden\//)
    }
    expect(deliveredTo(unlinked.email, stub)).toHaveLength(0)
    expect(deliveredTo(inactive.email, stub)).toHaveLength(0)
    // The writer's colleagues and the writer are not mailed about a message from the school.
    expect(deliveredTo(f.teacherTwoGroups.email, stub)).toHaveLength(0)
    expect(deliveredTo(f.teacherOther.email, stub)).toHaveLength(0)
  })

  it('a retried fan-out sends nothing twice', async () => {
    const message = (
      await payload.find({
        collection: 'messages',
        where: { conversation: { equals: childTalk.id } },
        limit: 1,
      })
    ).docs[0]!
    await payload.jobs.queue({ task: 'notifyMessage', input: { message: message.id } })
    await drainJobs(payload)
    expect(deliveredTo(f.parents.guardianOne.email, stub)).toHaveLength(1)
    expect(deliveredTo(f.parents.guardianTwo.email, stub)).toHaveLength(1)
  })

  it("a parent's own choice 'uit' is kept; an answer to a question reaches only the asking parent", async () => {
    // The parent sets it themselves, as the portal does (a field parents may write).
    const saved = await rest('PATCH', `/parents/${f.parents.guardianTwo.id}`, {
      token: t.guardian2!,
      body: { notifications: { messages: 'off' } },
    })
    expect(saved.status, await saved.clone().text()).toBe(200)
    const stored = await payload.findByID({ collection: 'parents', id: f.parents.guardianTwo.id })
    expect(stored.notifications).toMatchObject({ news: 'direct', group: 'direct', messages: 'off' })
    stub.reset()

    await write(t.teacher!, childTalk.id, 'Wilt u een afspraak maken bij de opticien?')
    await write(t.teacher!, question.id, 'Dat is goed, ik zet het in de agenda.')
    await drainJobs(payload)
    const toGuardian1 = deliveredTo(f.parents.guardianOne.email, stub)
    expect(
      toGuardian1.map((m) => links(m.text ?? '').find((l) => l.includes('/gesprekken/'))),
    ).toEqual(expect.arrayContaining([threadLink(childTalk), threadLink(question)]))
    expect(toGuardian1).toHaveLength(2)
    expect(deliveredTo(f.parents.guardianTwo.email, stub)).toHaveLength(0)
  })

  it("a parent's message during school hours emails nobody at once", async () => {
    stub.reset()
    await write(t.guardian1!, childTalk.id, 'Dank u, we maken een afspraak bij de opticien.')
    await write(t.guardian1!, question.id, 'Top, dank u wel! Hij neemt zijn gymspullen mee.')
    await drainJobs(payload)
    expect(mine()).toHaveLength(0)
  })

  it('after school: one bundle per teacher of what they have not read, with links, sent once', async () => {
    // The second teacher reads both conversations during the day.
    for (const c of [childTalk, question]) {
      const res = await rest('POST', `/conversations/${c.id}/read`, { token: t.otherTeacher! })
      expect(res.status, await res.clone().text()).toBe(200)
    }
    // Still school (14:29): nothing is due yet that was not due before.
    setClock('2027-03-01T13:29:00Z')
    expect((await queueDueMessageBundles({ payload })).date).toBe('2027-02-26')
    await drainJobs(payload)
    expect(mine()).toHaveLength(0)

    setClock('2027-03-01T14:00:00Z') // 15:00, school is out
    const due = await queueDueMessageBundles({ payload })
    expect(due).toEqual({ date: '2027-03-01', teachers: 1 })
    await drainJobs(payload)

    // The teacher answered the Saturday question (so read it); the two later messages are new.
    const mails = deliveredTo(f.teacherTwoGroups.email, stub)
    expect(mails).toHaveLength(1)
    const mail = mails[0]!
    expect(mail.subject).toBe('Je hebt 2 nieuwe berichten van ouders')
    const found = links(mail.html ?? '')
    expect(found).toEqual(expect.arrayContaining([adminLink(childTalk), adminLink(question)]))
    expect(mail.text).toContain('Lezen en de bril')
    expect(mail.text).toContain('Over B1')
    for (const body of [mail.text ?? '', mail.html ?? '']) {
      expect(body).not.toContain('opticien')
      expect(body).not.toContain('gymspullen')
    }
    // The teacher who read everything gets nothing; parents get nothing.
    expect(deliveredTo(f.teacherOther.email, stub)).toHaveLength(0)
    expect(mine()).toHaveLength(1)

    // Later rounds, and a retried bundle job, send nothing more.
    expect(await queueDueMessageBundles({ payload })).toEqual({ date: '2027-03-01', teachers: 0 })
    await payload.jobs.queue({
      task: 'sendMessageBundle',
      input: {
        teacher: f.teacherTwoGroups.id,
        date: '2027-03-01',
        since: '2027-02-26T13:30:00.000Z',
        until: '2027-03-01T13:30:00.000Z',
      },
    })
    await drainJobs(payload)
    expect(mine()).toHaveLength(1)
  })

  it("a message in the evening is in the next school day's bundle, for every teacher who has not read it", async () => {
    stub.reset()
    setClock('2027-03-01T19:00:00Z') // Monday 20:00
    await write(t.guardian1!, childTalk.id, 'Het is gelukt, morgen heeft ze haar bril op.')
    await drainJobs(payload)
    expect(mine()).toHaveLength(0)

    setClock('2027-03-02T14:00:00Z') // Tuesday 15:00
    expect(await queueDueMessageBundles({ payload })).toEqual({ date: '2027-03-02', teachers: 2 })
    await drainJobs(payload)
    for (const teacher of [f.teacherTwoGroups, f.teacherOther]) {
      const mails = deliveredTo(teacher.email, stub)
      expect(mails.map((m) => m.subject)).toEqual(['Je hebt 1 nieuw bericht van ouders'])
      expect(links(mails[0]!.html ?? '')).toContain(adminLink(childTalk))
      expect(links(mails[0]!.html ?? '')).not.toContain(adminLink(question))
    }
  })
  it('the one-click unsubscribe in a message email switches off only messages', async () => {
    stub.reset()
    setClock('2027-03-02T15:00:00Z')
    await write(t.teacher!, childTalk.id, 'Fijn, dank u voor het laten weten.')
    await drainJobs(payload)
    const latest = deliveredTo(f.parents.guardianOne.email, stub)
    expect(latest).toHaveLength(1)
    const header = latest[0]!.headers!['List-Unsubscribe']!
    const token = /afmelden\/([\w.-]+)>/.exec(header)![1]!
    const status = await rest('GET', `/parents/unsubscribe?token=${token}`)
    expect(await status.json()).toMatchObject({
      ok: true,
      kind: 'messages',
      scopeLabel: 'over berichten in gesprekken',
    })
    expect((await rest('POST', '/parents/unsubscribe', { body: { token } })).status).toBe(200)
    const parent = await payload.findByID({ collection: 'parents', id: f.parents.guardianOne.id })
    expect(parent.notifications).toMatchObject({ news: 'direct', group: 'direct', messages: 'off' })

    stub.reset()
    await write(t.teacher!, childTalk.id, 'Tot morgen!')
    await drainJobs(payload)
    expect(mine()).toHaveLength(0)
  })
})
