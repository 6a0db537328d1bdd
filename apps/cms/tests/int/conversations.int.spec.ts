import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Conversation, Message } from '../../src/payload-types'
import { resetClock, setClock } from './helpers/clock'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

type Token = string
const ABUSIVE = 'Jij bent een kankerlijer en je moet mijn kind met rust laten.'

/**
 * Conversations through the CMS's REST API (S6, S7, S19): who takes part is who people are now —
 * a pupil changing group, a guardian unlinked or deactivated, another family, another group's
 * teacher, the office and a director who has to open a conversation first (recorded).
 */
describe('conversations', () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<string, Token> = {}

  const start = (token: Token, body: Record<string, unknown>) =>
    rest('POST', '/conversations', { token, body })
  const write = (token: Token, conversation: string, text: string) =>
    rest('POST', '/messages', { token, body: { conversation, body: text } })
  const messagesOf = async (token: Token, conversation: string) => {
    const res = await rest(
      'GET',
      `/messages?where[conversation][equals]=${conversation}&limit=100`,
      {
        token,
      },
    )
    expect(res.status).toBe(200)
    return ((await res.json()) as { docs: Message[] }).docs
  }
  const canRead = async (token: Token, conversation: string) =>
    (await rest('GET', `/conversations/${conversation}?depth=0`, { token })).status === 200
  /** The endpoints shaped for pages follow the same rule: the thread, and the overview's list. */
  const pageChannels = async (token: Token, conversation: string) => {
    const thread = await rest('GET', `/conversations/${conversation}/thread`, { token })
    const overview = await rest('GET', '/conversations/overview', { token })
    const listed =
      overview.status === 200 &&
      ((await overview.json()) as { conversations: { id: string }[] }).conversations.some(
        (c) => c.id === conversation,
      )
    return { thread: thread.status, listed }
  }

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    t.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email) // groups A and B
    t.otherTeacher = await fixtureToken(payload, 'staff', f.teacherOther.email) // group C
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    t.office = await fixtureToken(payload, 'staff', f.office.email)
    t.guardian1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1
    t.guardian2 = await fixtureToken(payload, 'parents', f.parents.guardianTwo.email) // b1
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1, c1
  })
  afterAll(() => resetClock())

  let childTalk: Conversation
  let question: Conversation

  it('a teacher starts a kind-gesprek about a pupil of their group; not about another group', async () => {
    const res = await start(t.teacher!, {
      pupil: f.pupils.b1.id,
      subject: '  Hoe gaat het met lezen?  ',
      kind: 'teacher', // the kind follows from who starts it
      startedByParent: f.parents.multiGroup.id,
    })
    expect(res.status, await res.clone().text()).toBe(201)
    childTalk = ((await res.json()) as { doc: Conversation }).doc
    expect(childTalk).toMatchObject({
      kind: 'child',
      subject: 'Hoe gaat het met lezen?',
      starterName: `${f.teacherTwoGroups.name} (school)`,
    })
    const stored = await payload.findByID({ collection: 'conversations', id: childTalk.id })
    expect(stored.startedByParent ?? null).toBeNull()

    const other = await start(t.otherTeacher!, { pupil: f.pupils.b1.id, subject: 'Vraag' })
    expect(other.status).toBe(403)
    expect((await start(t.office!, { pupil: f.pupils.b1.id, subject: 'Vraag' })).status).toBe(403)
  })

  it('a parent asks the teachers about their own child, never about another', async () => {
    const res = await start(t.guardian1!, {
      pupil: f.pupils.b1.id,
      subject: 'Gymspullen',
      kind: 'child',
    })
    expect(res.status, await res.clone().text()).toBe(201)
    question = ((await res.json()) as { doc: Conversation }).doc
    expect(question).toMatchObject({ kind: 'teacher', starterName: f.parents.guardianOne.name })
    const notMine = await start(t.guardian1!, { pupil: f.pupils.c1.id, subject: 'Vraag' })
    expect(notMine.status).toBe(403)
    const abusiveSubject = await start(t.guardian1!, {
      pupil: f.pupils.b1.id,
      subject: 'Kankerjuf',
    })
    expect(abusiveSubject.status).toBe(422)
  })

  it('participants: both guardians and the teachers in a kind-gesprek; only the asking parent in a question', async () => {
    for (const token of [t.guardian1!, t.guardian2!, t.teacher!]) {
      expect(await canRead(token, childTalk.id)).toBe(true)
    }
    for (const token of [t.multi!, t.otherTeacher!, t.office!]) {
      expect(await canRead(token, childTalk.id)).toBe(false)
    }
    expect(await canRead(t.guardian1!, question.id)).toBe(true)
    expect(await canRead(t.teacher!, question.id)).toBe(true)
    expect(await canRead(t.guardian2!, question.id)).toBe(false)
    // A list never holds what the one-by-one read refuses.
    const list = await rest('GET', '/conversations?limit=100&depth=0', { token: t.guardian2! })
    const ids = ((await list.json()) as { docs: Conversation[] }).docs.map((c) => c.id)
    expect(ids).toContain(childTalk.id)
    expect(ids).not.toContain(question.id)
  })

  it('messages reach the participants; a parent cannot ask who wrote what', async () => {
    expect((await write(t.teacher!, childTalk.id, 'Ze leest al veel beter!')).status).toBe(201)
    const reply = await write(t.guardian2!, childTalk.id, 'Fijn om te horen, dank u.')
    expect(reply.status, await reply.clone().text()).toBe(201)
    for (const token of [t.guardian1!, t.guardian2!, t.teacher!]) {
      expect((await messagesOf(token, childTalk.id)).map((m) => m.body)).toEqual([
        'Ze leest al veel beter!',
        'Fijn om te horen, dank u.',
      ])
    }
    expect(await messagesOf(t.multi!, childTalk.id)).toEqual([])
    expect(await messagesOf(t.otherTeacher!, childTalk.id)).toEqual([])
    expect((await write(t.multi!, childTalk.id, 'Hallo')).status).toBe(404)
    expect((await write(t.otherTeacher!, childTalk.id, 'Hallo')).status).toBe(404)
    const probe = await rest(
      'GET',
      `/messages?where[authorParent][equals]=${f.parents.guardianTwo.id}`,
      { token: t.guardian1! },
    )
    expect(probe.status).toBe(400)
    const stored = await payload.find({
      collection: 'conversations',
      where: { id: { equals: childTalk.id } },
    })
    expect(stored.docs[0]!.lastMessageAt).toBeTruthy()
  })

  it('a teacher answers a question: the asking parent reads it, the other guardian does not', async () => {
    const asked = await write(t.guardian1!, question.id, 'Wanneer is er gym?')
    expect(asked.status).toBe(201)
    const answer = await write(t.teacher!, question.id, 'Op dinsdag en vrijdag.')
    expect(answer.status, await answer.clone().text()).toBe(201)
    expect((await messagesOf(t.guardian1!, question.id)).map((m) => m.body)).toEqual([
      'Wanneer is er gym?',
      'Op dinsdag en vrijdag.',
    ])
    expect(await messagesOf(t.guardian2!, question.id)).toEqual([])
  })

  it('an abusive parent message is held: the writer reads why and rephrases, others never see it, directors do', async () => {
    const res = await write(t.guardian1!, childTalk.id, ABUSIVE)
    expect(res.status).toBe(201)
    const held = ((await res.json()) as { doc: Message }).doc
    expect(held).toMatchObject({ status: 'held', heldRule: 'abuse' })
    expect((await messagesOf(t.guardian1!, childTalk.id)).map((m) => m.id)).toContain(held.id)
    for (const token of [t.guardian2!, t.teacher!]) {
      expect((await messagesOf(token, childTalk.id)).map((m) => m.id)).not.toContain(held.id)
    }
    const forDirector = await rest('GET', '/messages?where[status][equals]=held&limit=100', {
      token: t.director!,
    })
    const heldIds = ((await forDirector.json()) as { docs: Message[] }).docs.map((m) => m.id)
    expect(heldIds).toContain(held.id)

    const rephrased = await rest('PATCH', `/messages/${held.id}`, {
      token: t.guardian1!,
      body: { body: 'Ik ben boos en wil graag een gesprek.' },
    })
    expect(rephrased.status, await rephrased.clone().text()).toBe(200)
    expect(((await rephrased.json()) as { doc: Message }).doc).toMatchObject({
      status: 'delivered',
      heldRule: null,
    })
    expect((await messagesOf(t.teacher!, childTalk.id)).map((m) => m.id)).toContain(held.id)
  })

  it('staff messages that fail the conduct check are refused in Dutch', async () => {
    const res = await write(t.teacher!, childTalk.id, 'Wat een kankerlijer.')
    expect(res.status).toBe(422)
    const answer = (await res.json()) as { errors: { message: string; data?: { rule?: string } }[] }
    expect(answer.errors[0]!.data?.rule).toBe('abuse')
  })

  it('a parent corrects their own message within five minutes; not later, not someone else’s', async () => {
    const res = await write(t.guardian2!, childTalk.id, 'Tot mogen!')
    const mine = ((await res.json()) as { doc: Message }).doc
    const fix = (token: Token, text: string) =>
      rest('PATCH', `/messages/${mine.id}`, { token, body: { body: text } })
    const fixed = await fix(t.guardian2!, 'Tot morgen!')
    expect(fixed.status).toBe(200)
    expect(((await fixed.json()) as { doc: Message }).doc.editedAt).toBeTruthy()
    expect((await fix(t.guardian1!, 'Niet van mij')).status).toBe(403)
    setClock(new Date(Date.now() + 6 * 60 * 1000).toISOString())
    try {
      expect((await fix(t.guardian2!, 'Te laat')).status).toBe(409)
    } finally {
      resetClock()
    }
    // The status is the school's: a parent naming it changes nothing.
    const status = await rest('PATCH', `/messages/${mine.id}`, {
      token: t.guardian2!,
      body: { status: 'hidden' },
    })
    expect([200, 409]).toContain(status.status)
    expect((await payload.findByID({ collection: 'messages', id: mine.id })).status).toBe(
      'delivered',
    )
  })

  it('a teacher hides a message: parents no longer see it, nothing is deleted', async () => {
    const res = await write(t.guardian1!, childTalk.id, 'Dit had ik niet moeten schrijven.')
    const message = ((await res.json()) as { doc: Message }).doc
    const hidden = await rest('PATCH', `/messages/${message.id}`, {
      token: t.teacher!,
      body: { status: 'hidden' },
    })
    expect(hidden.status, await hidden.clone().text()).toBe(200)
    expect((await messagesOf(t.guardian2!, childTalk.id)).map((m) => m.id)).not.toContain(
      message.id,
    )
    expect((await messagesOf(t.teacher!, childTalk.id)).map((m) => m.id)).toContain(message.id)
    expect((await rest('DELETE', `/messages/${message.id}`, { token: t.teacher! })).status).toBe(
      403,
    )
    expect(
      (await rest('DELETE', `/conversations/${childTalk.id}`, { token: t.director! })).status,
    ).toBe(403)
  })

  it('a director opens a conversation only on the record; then reads and writes', async () => {
    expect(await canRead(t.director!, childTalk.id)).toBe(true) // the list, for safeguarding
    expect(
      (await messagesOf(t.director!, childTalk.id)).filter((m) => m.status !== 'held'),
    ).toEqual([])
    expect((await write(t.director!, childTalk.id, 'Even meelezen.')).status).toBe(403)
    const opened = await rest('POST', '/conversation-openings', {
      token: t.director!,
      body: {
        conversation: childTalk.id,
        reason: 'Zorgmelding van de intern begeleider',
        director: f.teacherOther.id,
      },
    })
    expect(opened.status, await opened.clone().text()).toBe(201)
    const opening = ((await opened.json()) as { doc: { id: string; director: unknown } }).doc
    // Who opened it is the login, never what the request says.
    expect(opening.director).toMatchObject({ id: f.director.id })
    expect((await messagesOf(t.director!, childTalk.id)).length).toBeGreaterThan(2)
    expect((await write(t.director!, childTalk.id, 'Ik lees mee.')).status).toBe(201)
    for (const token of [t.teacher!, t.guardian1!, t.office!]) {
      const res = await rest('GET', '/conversation-openings', { token })
      expect(res.status).toBe(403)
    }
    const rewrite = await rest('PATCH', `/conversation-openings/${opening.id}`, {
      token: t.director!,
      body: { reason: 'anders' },
    })
    expect(rewrite.status).toBe(403)
    expect(
      (await rest('DELETE', `/conversation-openings/${opening.id}`, { token: t.director! })).status,
    ).toBe(403)
  })

  it('read marks: a participant marks read, the others see who read up to when', async () => {
    const marked = await rest('POST', `/conversations/${childTalk.id}/read`, {
      token: t.guardian1!,
    })
    expect(marked.status).toBe(200)
    expect(((await marked.json()) as { readAt: string }).readAt).toBeTruthy()
    expect(
      (await rest('POST', `/conversations/${childTalk.id}/read`, { token: t.multi! })).status,
    ).toBe(404)
    const reads = await rest(
      'GET',
      `/conversation-reads?where[conversation][equals]=${childTalk.id}&limit=50`,
      { token: t.teacher! },
    )
    const docs = ((await reads.json()) as { docs: Record<string, unknown>[] }).docs
    expect(docs.map((d) => d.readerName)).toContain(f.parents.guardianOne.name)
    expect(docs.every((d) => !('readKey' in d))).toBe(true)
    // Twice at once: still one mark per reader.
    await Promise.all([
      rest('POST', `/conversations/${childTalk.id}/read`, { token: t.guardian2! }),
      rest('POST', `/conversations/${childTalk.id}/read`, { token: t.guardian2! }),
    ])
    const rows = await payload.count({
      collection: 'conversation-reads',
      where: {
        and: [
          { conversation: { equals: childTalk.id } },
          { readerParent: { equals: f.parents.guardianTwo.id } },
        ],
      },
    })
    expect(rows.totalDocs).toBe(1)
    expect(
      (
        await rest('POST', '/conversation-reads', {
          token: t.guardian1!,
          body: { conversation: childTalk.id },
        })
      ).status,
    ).toBe(403)
  })

  it('overview and thread: unread counts, who read the latest message, the composer facts', async () => {
    // A Monday at 10:00 UTC (school hours in Amsterdam, summer or winter), a week or more from
    // now: every message written so far is older.
    const base = new Date(Date.now() + 7 * 86_400_000)
    base.setUTCDate(base.getUTCDate() + ((8 - base.getUTCDay()) % 7))
    base.setUTCHours(10, 0, 0, 0)
    const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000).toISOString()
    type Overview = {
      conversations: { id: string; unread: number; pupil: { firstName: string } }[]
      unreadTotal: number
    }
    type Thread = {
      messages: { body: string; mine: boolean; fromSchool: boolean; status: string }[]
      latestReadBy: string[]
      school: { replyTime: string; duringSchoolHours: boolean; phone: string }
      conversation: { id: string; subject: string; pupil: { firstName: string } }
    }
    const overview = async (token: Token) => {
      const res = await rest('GET', '/conversations/overview', { token })
      expect(res.status, await res.clone().text()).toBe(200)
      return (await res.json()) as Overview
    }
    const thread = async (token: Token, id: string) => {
      const res = await rest('GET', `/conversations/${id}/thread`, { token })
      expect(res.status, await res.clone().text()).toBe(200)
      return (await res.json()) as Thread
    }
    const unreadIn = (o: Overview, id: string) => o.conversations.find((c) => c.id === id)?.unread
    const read = (token: Token, id: string) => rest('POST', `/conversations/${id}/read`, { token })

    try {
      setClock(at(0))
      for (const token of [t.guardian1!, t.guardian2!, t.teacher!]) {
        expect((await read(token, childTalk.id)).status).toBe(200)
      }
      expect(unreadIn(await overview(t.guardian1!), childTalk.id)).toBe(0)

      setClock(at(1))
      expect((await write(t.teacher!, childTalk.id, 'Morgen gaan we naar het bos.')).status).toBe(
        201,
      )
      setClock(at(2))
      expect((await write(t.teacher!, childTalk.id, 'Laarzen mee graag.')).status).toBe(201)
      setClock(at(3))
      const forGuardian = await overview(t.guardian1!)
      expect(unreadIn(forGuardian, childTalk.id)).toBe(2)
      expect(forGuardian.unreadTotal).toBeGreaterThanOrEqual(2)
      expect(forGuardian.conversations.find((c) => c.id === childTalk.id)?.pupil.firstName).toBe(
        'B1',
      )
      // The writer has nothing unread of their own; the question is the asker's alone.
      expect(unreadIn(await overview(t.teacher!), childTalk.id)).toBe(0)
      expect(unreadIn(await overview(t.guardian2!), question.id)).toBeUndefined()

      const seen = await thread(t.guardian1!, childTalk.id)
      expect(seen.conversation.subject).toBe('Hoe gaat het met lezen?')
      expect(seen.messages.at(-1)).toMatchObject({
        body: 'Laarzen mee graag.',
        mine: false,
        fromSchool: true,
        status: 'delivered',
      })
      expect(seen.school.duringSchoolHours).toBe(true)
      expect(seen.school.replyTime).toBeTruthy()
      expect(seen.latestReadBy).toEqual([])

      expect((await read(t.guardian1!, childTalk.id)).status).toBe(200)
      expect(unreadIn(await overview(t.guardian1!), childTalk.id)).toBe(0)
      expect(unreadIn(await overview(t.guardian2!), childTalk.id)).toBe(2)
      const forTeacher = await thread(t.teacher!, childTalk.id)
      expect(forTeacher.latestReadBy).toEqual([f.parents.guardianOne.name])

      setClock(at(4))
      expect((await write(t.guardian2!, childTalk.id, 'Komt goed!')).status).toBe(201)
      expect(unreadIn(await overview(t.teacher!), childTalk.id)).toBe(1)
      // Writing is reading: the writer is up to date.
      expect(unreadIn(await overview(t.guardian2!), childTalk.id)).toBe(0)
      const mine = (await thread(t.guardian2!, childTalk.id)).messages.at(-1)
      expect(mine).toMatchObject({ body: 'Komt goed!', mine: true, fromSchool: false })

      // After school the composer no longer says "teachers read after school".
      setClock(new Date(base.getTime() + 9 * 3_600_000).toISOString())
      expect((await thread(t.guardian1!, childTalk.id)).school.duringSchoolHours).toBe(false)
    } finally {
      resetClock()
    }

    // Nobody else gets the thread: another family, another group's teacher, the office, anyone.
    for (const token of [t.multi!, t.otherTeacher!]) {
      expect((await rest('GET', `/conversations/${childTalk.id}/thread`, { token })).status).toBe(
        404,
      )
    }
    expect(
      (await rest('GET', `/conversations/${childTalk.id}/thread`, { token: t.office! })).status,
    ).toBe(403)
    expect((await rest('GET', `/conversations/${childTalk.id}/thread`, {})).status).toBe(401)
    expect((await rest('GET', '/conversations/overview', {})).status).toBe(401)
    expect(
      (await rest('GET', '/conversations/overview?pagina=0', { token: t.teacher! })).status,
    ).toBe(400)
    expect(
      (
        await rest('GET', `/conversations/${childTalk.id}/thread?voor=gisteren`, {
          token: t.teacher!,
        })
      ).status,
    ).toBe(400)
  })

  it('"Meld dit bericht": a participant reports a message to the directors; the text passes the conduct check', async () => {
    const fromTeacher = (await messagesOf(t.guardian2!, childTalk.id)).find(
      (m) => m.status === 'delivered' && !m.authorParent,
    )!
    const ownMessage = (await messagesOf(t.guardian2!, childTalk.id)).find(
      (m) =>
        (typeof m.authorParent === 'string' ? m.authorParent : m.authorParent?.id) ===
        f.parents.guardianTwo.id,
    )!
    const report = (token: Token, message: string, text: string) =>
      rest('POST', '/reports', {
        token,
        body: { message, category: 'inappropriate', text },
      })

    const filed = await report(t.guardian2!, fromTeacher.id, 'Dit vind ik geen fijne toon.')
    expect(filed.status, await filed.clone().text()).toBe(201)
    const filedId = ((await filed.json()) as { doc: { id: string } }).doc.id
    // Not one's own message, not a message of someone else's conversation.
    expect((await report(t.guardian2!, ownMessage.id, 'Eigen bericht')).status).toBe(400)
    expect((await report(t.multi!, fromTeacher.id, 'Niet mijn gesprek')).status).toBe(400)
    // A message report is the directors': the teacher (a participant) does not read it.
    expect((await rest('GET', `/reports/${filedId}`, { token: t.teacher! })).status).toBe(404)
    expect((await rest('GET', `/reports/${filedId}`, { token: t.director! })).status).toBe(200)

    // A report text that fails the conduct check is kept, for the directors, with the reason.
    const rude = await report(t.guardian1!, fromTeacher.id, `Die juf is een ${'kanker'}lijer.`)
    expect(rude.status, await rude.clone().text()).toBe(201)
    const rudeId = ((await rude.json()) as { doc: { id: string; heldRule?: unknown } }).doc
    expect(rudeId.heldRule).toBeUndefined() // not the parent's to read
    const stored = await payload.findByID({ collection: 'reports', id: rudeId.id })
    expect(stored.heldRule).toBe('abuse')

    // The director hides the reported message for parents from the report.
    const hidden = await rest('POST', `/reports/${filedId}/handle`, {
      token: t.director!,
      body: { action: 'hide-message' },
    })
    expect(hidden.status, await hidden.clone().text()).toBe(200)
    expect((await payload.findByID({ collection: 'messages', id: fromTeacher.id })).status).toBe(
      'hidden',
    )
    expect((await messagesOf(t.guardian2!, childTalk.id)).map((m) => m.id)).not.toContain(
      fromTeacher.id,
    )
    const wrong = await rest('POST', `/reports/${filedId}/handle`, {
      token: t.director!,
      body: { action: 'hide-post' },
    })
    expect(wrong.status).toBe(400)
  })

  it('a pupil changing group takes the conversation to the new teachers at once', async () => {
    await payload.update({
      collection: 'pupils',
      id: f.pupils.b1.id,
      data: { group: f.groups.c.id },
    })
    try {
      expect(await canRead(t.teacher!, childTalk.id)).toBe(false)
      expect(await pageChannels(t.teacher!, childTalk.id)).toEqual({ thread: 404, listed: false })
      expect(await canRead(t.otherTeacher!, childTalk.id)).toBe(true)
      expect(await pageChannels(t.otherTeacher!, childTalk.id)).toEqual({
        thread: 200,
        listed: true,
      })
      expect((await messagesOf(t.otherTeacher!, childTalk.id)).length).toBeGreaterThan(0)
      expect((await write(t.teacher!, childTalk.id, 'Nog één ding')).status).toBe(404)
    } finally {
      await payload.update({
        collection: 'pupils',
        id: f.pupils.b1.id,
        data: { group: f.groups.b.id },
      })
    }
  })

  it('an unlinked guardian and a deactivated one lose access at once', async () => {
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { children: [] },
    })
    expect(await canRead(t.guardian2!, childTalk.id)).toBe(false)
    expect(await messagesOf(t.guardian2!, childTalk.id)).toEqual([])
    expect(await pageChannels(t.guardian2!, childTalk.id)).toEqual({ thread: 404, listed: false })
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { children: [f.pupils.b1.id] },
    })
    expect(await canRead(t.guardian2!, childTalk.id)).toBe(true)
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { status: 'deactivated' },
    })
    expect(await canRead(t.guardian2!, childTalk.id)).toBe(false)
    expect((await write(t.guardian2!, childTalk.id, 'Hallo?')).status).not.toBe(201)
    // A deactivated parent's token is refused on the page endpoints as on the rest.
    expect((await pageChannels(t.guardian2!, childTalk.id)).thread).toBe(401)
    expect(
      (await rest('POST', `/conversations/${childTalk.id}/read`, { token: t.guardian2! })).status,
    ).toBe(401)
  })
})
