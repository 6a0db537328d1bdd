import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { queueDueDigests as QueueDueDigests } from '../../src/notifications/queue-due-digests'
import type { createUnsubscribeToken as CreateUnsubscribeToken } from '../../src/notifications/unsubscribe-token'
import type { Parent, Post } from '../../src/payload-types'
import { ResendStub } from '../support/resend-stub'
import { drainJobs } from './helpers/jobs'
import type { rest as Rest } from './helpers/payload'
import {
  createBigGroup,
  createSchoolFixture,
  FIXTURE_PASSWORD,
  type SchoolFixture,
  fixtureToken,
} from './helpers/school-fixture'

/**
 * Email notifications of new posts (C1) against the local Resend stub with the real SDK: fan-out
 * through the job queue, batches of at most 100, retries, preferences, digests and unsubscribe.
 */
describe('post notifications (C1)', () => {
  const stub = new ResendStub()
  let payload: Payload
  let rest: typeof Rest
  let f: SchoolFixture
  let teacherToken: string
  let directorToken: string
  let queueDueDigests: typeof QueueDueDigests
  let createUnsubscribeToken: typeof CreateUnsubscribeToken
  let secret: string

  /** Publishes (or saves) a post as the teacher of groups A and B over REST; returns it and the latency. */
  async function savePost(data: Record<string, unknown>, token = teacherToken) {
    const started = performance.now()
    const res = await rest('POST', '/posts', {
      token,
      body: { audience: 'groups', status: 'published', ...data },
    })
    const ms = performance.now() - started
    expect(res.status, await res.clone().text()).toBe(201)
    return { post: ((await res.json()) as { doc: Post }).doc, ms }
  }

  const deliveredTo = (address: string) => stub.delivered.filter((m) => m.to.includes(address))
  const aboutPost = (post: Post) =>
    stub.delivered.filter((m) => (m.html ?? '').includes(`/berichten/${post.id}`))

  const bigGroup = (count: number, teacherId: string) => createBigGroup(payload, count, teacherId)

  async function counts(post: Post) {
    const res = await rest('GET', `/posts/${post.id}`, { token: directorToken })
    const doc = (await res.json()) as Post
    return { queued: doc.emailQueued, sent: doc.emailSent, failed: doc.emailFailed }
  }

  beforeAll(async () => {
    process.env.RESEND_BASE_URL = await stub.start()
    process.env.RESEND_API_KEY = 're_test_key'
    // Imported only now: the CMS reads RESEND_* when its configuration loads.
    const helpers = await import('./helpers/payload')
    rest = helpers.rest
    payload = await helpers.testPayload()
    queueDueDigests = (await import('../../src/notifications/queue-due-digests')).queueDueDigests
    createUnsubscribeToken = (await import('../../src/notifications/unsubscribe-token'))
      .createUnsubscribeToken
    secret = (await import('../../src/lib/env')).env.payloadSecret
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    directorToken = await fixtureToken(payload, 'staff', f.director.email)
  })
  afterAll(() => stub.stop())
  beforeEach(async () => {
    await drainJobs(payload, 60_000)
    stub.reset()
  })

  it('publishing queues the fan-out and returns before any email is sent', async () => {
    const { post } = await savePost({ title: 'Gymles', groups: [f.groups.a.id] })
    expect(stub.calls).toHaveLength(0)
    const jobs = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'notifyPost' }, 'input.post': { equals: post.id } },
    })
    expect(jobs.docs).toHaveLength(1)

    await drainJobs(payload)
    // Group A: the parent with children in A and C; the deactivated parent of a2 gets nothing.
    expect(aboutPost(post).map((m) => m.to[0])).toEqual([f.parents.multiGroup.email])
    expect(deliveredTo(f.parents.deactivated.email)).toHaveLength(0)
    expect(await counts(post)).toEqual({ queued: 0, sent: 1, failed: 0 })
  })

  it('700 recipients: exactly 700 emails in 7 batch calls of at most 100', async () => {
    const { group, emails } = await bigGroup(700, f.teacherTwoGroups.id)
    const { post, ms } = await savePost({
      title: 'Schoolreisje',
      teaser: 'Alles over het schoolreisje van volgende week.',
      groups: [group.id],
    })
    const started = Date.now()
    await drainJobs(payload, 120_000)
    console.log(
      `notifications: publish request ${ms.toFixed(0)} ms, 700 emails delivered ${Date.now() - started} ms later in ${stub.calls.length} calls`,
    )

    const delivered = aboutPost(post)
    expect(delivered).toHaveLength(700)
    expect(new Set(delivered.map((m) => m.to[0]))).toEqual(new Set(emails))
    expect(stub.calls.filter((c) => c.path === '/emails/batch')).toHaveLength(7)
    expect(stub.batchSizes.every((n) => n <= 100)).toBe(true)
    expect(await counts(post)).toEqual({ queued: 0, sent: 700, failed: 0 })

    // The email: subject, teaser, group name and link; one-click unsubscribe; no body or photos.
    const mail = delivered[0]!
    expect(mail.subject).toBe('Schoolreisje')
    expect(mail.text).toContain('Alles over het schoolreisje van volgende week.')
    expect(mail.text).toContain(group.name)
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click')
    expect(mail.headers?.['List-Unsubscribe']).toMatch(
      /^<http:\/\/portal\.test\/afmelden\/[\w.-]+>$/,
    )
    expect(mail.html).not.toMatch(/<img/i)
  }, 300_000)

  it('500 and 429 for a while: after recovery every parent has exactly one email', async () => {
    const { group, emails } = await bigGroup(150, f.teacherTwoGroups.id)
    stub.failNext(
      { status: 500 },
      { status: 429, retryAfter: 1 },
      { status: 503 },
      { status: 429, retryAfter: 1 },
    )
    const { post } = await savePost({ title: 'Ouderavond', groups: [group.id] })
    await drainJobs(payload, 120_000)

    const delivered = aboutPost(post)
    expect(delivered).toHaveLength(150)
    for (const email of emails) expect(deliveredTo(email)).toHaveLength(1)
    expect(stub.calls.map((c) => c.status).filter((s) => s !== 200)).toEqual([500, 429, 503, 429])
    // Each retried batch carried the same idempotency key as its first attempt.
    expect(new Set(stub.calls.map((c) => c.idempotencyKey)).size).toBe(2)
    expect(await counts(post)).toEqual({ queued: 0, sent: 150, failed: 0 })
  }, 300_000)

  it('an address Resend refuses is recorded as failed and does not block the others', async () => {
    const { group, emails } = await bigGroup(5, f.teacherTwoGroups.id)
    stub.rejectAddresses.add(emails[2]!)
    const { post } = await savePost({ title: 'Luizencontrole', groups: [group.id] })
    await drainJobs(payload)

    expect(aboutPost(post)).toHaveLength(4)
    expect(stub.calls).toHaveLength(1)
    expect(await counts(post)).toEqual({ queued: 0, sent: 4, failed: 1 })
    const failed = await payload.find({
      collection: 'email-log',
      where: { to: { equals: emails[2] } },
    })
    expect(failed.docs[0]).toMatchObject({ status: 'failed' })
  })

  it('a failing batch is given up after its retries and says so', async () => {
    const { group } = await bigGroup(3, f.teacherTwoGroups.id)
    stub.failNext(...Array.from({ length: 7 }, () => ({ status: 500 })))
    const { post } = await savePost({ title: 'Storing', groups: [group.id] })
    await drainJobs(payload, 60_000)
    expect(stub.calls).toHaveLength(7)
    expect(await counts(post)).toEqual({ queued: 0, sent: 0, failed: 3 })
  })

  it('respects "uit" and "dagelijks overzicht"; the digest groups several posts in one email', async () => {
    // Group B: b1's two guardians. One wants no group email, the other a daily digest.
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianOne.id,
      data: { notifications: { group: 'off', news: 'direct' } },
    })
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { notifications: { group: 'digest', news: 'direct' } },
    })
    const first = (await savePost({ title: 'Voorleeswedstrijd', groups: [f.groups.b.id] })).post
    const second = (
      await savePost({ title: 'Kerstviering', teaser: 'Met hapjes.', groups: [f.groups.b.id] })
    ).post
    await drainJobs(payload)
    expect(deliveredTo(f.parents.guardianOne.email)).toHaveLength(0)
    expect(deliveredTo(f.parents.guardianTwo.email)).toHaveLength(0)
    expect(await counts(first)).toEqual({ queued: 1, sent: 0, failed: 0 })

    // Before the next digest moment nothing is due; after it, one email with both posts.
    const early = await queueDueDigests({ payload, now: new Date() })
    expect(early.parents).toBe(0)
    const tomorrowEvening = new Date(Date.now() + 36 * 3_600_000)
    const due = await queueDueDigests({ payload, now: tomorrowEvening })
    expect(due.parents).toBeGreaterThanOrEqual(1)
    await drainJobs(payload)
    const digests = deliveredTo(f.parents.guardianTwo.email)
    expect(digests).toHaveLength(1)
    expect(digests[0]!.subject).toMatch(/2 nieuwe berichten/)
    expect(digests[0]!.text).toContain('Voorleeswedstrijd')
    expect(digests[0]!.text).toContain('Kerstviering')
    expect(digests[0]!.text).toContain(`/berichten/${first.id}`)
    expect(await counts(second)).toEqual({ queued: 0, sent: 1, failed: 0 })
    // Nothing new: no second digest.
    stub.reset()
    expect((await queueDueDigests({ payload, now: tomorrowEvening })).parents).toBe(0)
    await drainJobs(payload)
    expect(stub.calls).toHaveLength(0)
  })

  it('editing does not notify again; "opnieuw melden" does, once', async () => {
    const { post } = await savePost({ title: 'Sportdag', groups: [f.groups.a.id] })
    await drainJobs(payload)
    expect(aboutPost(post)).toHaveLength(1)

    const edit = await rest('PATCH', `/posts/${post.id}`, {
      token: teacherToken,
      body: { title: 'Sportdag (nieuwe tijd)' },
    })
    expect(edit.status).toBe(200)
    await drainJobs(payload)
    expect(aboutPost(post)).toHaveLength(1)

    const again = await rest('PATCH', `/posts/${post.id}`, {
      token: teacherToken,
      body: { notifyAgain: true },
    })
    const saved = ((await again.json()) as { doc: Post }).doc
    expect(saved.notifyAgain).toBe(false)
    await drainJobs(payload)
    const both = aboutPost(post)
    expect(both).toHaveLength(2)
    expect(both[1]!.subject).toBe('Sportdag (nieuwe tijd)')
  })

  it('a scheduled post notifies at its moment, and only the parents linked by then', async () => {
    const tag = randomUUID().slice(0, 8)
    const leaving = await payload.create({
      collection: 'parents',
      data: {
        name: 'Vertrekkend',
        email: `vertrekkend.${tag}@fixture.test`,
        password: FIXTURE_PASSWORD,
        status: 'active',
        children: [f.pupils.c2.id],
      },
    })
    const teacherC = await fixtureToken(payload, 'staff', f.teacherOther.email)
    const publishAt = new Date(Date.now() + 3000).toISOString()
    const { post } = await savePost(
      { title: 'Later', groups: [f.groups.c.id], status: 'scheduled', publishAt },
      teacherC,
    )
    await payload.jobs.run({ limit: 100, sequential: true })
    expect(aboutPost(post)).toHaveLength(0)
    await payload.update({ collection: 'parents', id: leaving.id, data: { children: [] } })
    await drainJobs(payload)
    expect(aboutPost(post).map((m) => m.to[0])).toEqual([f.parents.multiGroup.email])
  })

  it('invited (not yet activated) parents get nothing', async () => {
    const tag = randomUUID().slice(0, 8)
    const invited = await payload.create({
      collection: 'parents',
      data: {
        name: 'Nog niet actief',
        email: `uitgenodigd.${tag}@fixture.test`,
        password: FIXTURE_PASSWORD,
        status: 'invited',
        children: [f.pupils.a2.id],
      },
    })
    const { post } = await savePost({ title: 'Uitnodiging', groups: [f.groups.a.id] })
    await drainJobs(payload)
    expect(deliveredTo(invited.email)).toHaveLength(0)
    expect(aboutPost(post)).toHaveLength(1)
  })

  it('unsubscribe: the link in the email switches that kind off; a forged token changes nothing', async () => {
    await payload.update({
      collection: 'parents',
      id: f.parents.multiGroup.id,
      data: { notifications: { group: 'direct', news: 'direct' } },
    })
    const { post } = await savePost({ title: 'Afmeldtest', groups: [f.groups.a.id] })
    await drainJobs(payload)
    const header = aboutPost(post)[0]!.headers!['List-Unsubscribe']!
    const token = /afmelden\/([\w.-]+)>/.exec(header)![1]!

    const status = await rest('GET', `/parents/unsubscribe?token=${token}`)
    expect(await status.json()).toMatchObject({ ok: true, kind: 'group' })

    const forged = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`
    const refused = await rest('POST', '/parents/unsubscribe', { body: { token: forged } })
    expect(refused.status).toBe(400)
    expect(((await refused.json()) as { message: string }).message).toMatch(/afmeldlink klopt niet/)
    // A token for someone else, signed with another secret, is refused too.
    const otherSecret = createUnsubscribeToken({
      claim: { parentId: f.parents.guardianOne.id, kind: 'news' },
      secret: `${secret}-not`,
    })
    expect(
      (await rest('POST', '/parents/unsubscribe', { body: { token: otherSecret } })).status,
    ).toBe(400)
    expect((await rest('POST', '/parents/unsubscribe', { body: {} })).status).toBe(400)
    let parent = (await payload.findByID({
      collection: 'parents',
      id: f.parents.multiGroup.id,
    })) as Parent
    expect(parent.notifications).toMatchObject({ group: 'direct', news: 'direct' })

    const done = await rest('POST', '/parents/unsubscribe', { body: { token } })
    expect(done.status).toBe(200)
    expect(((await done.json()) as { message: string }).message).toMatch(/geen e-mail meer/)
    parent = (await payload.findByID({
      collection: 'parents',
      id: f.parents.multiGroup.id,
    })) as Parent
    expect(parent.notifications).toMatchObject({ group: 'off', news: 'direct' })

    stub.reset()
    await savePost({ title: 'Na afmelden', groups: [f.groups.a.id] })
    await drainJobs(payload)
    expect(deliveredTo(f.parents.multiGroup.email)).toHaveLength(0)
  })

  it('parents cannot read notification rows or the counts', async () => {
    const token = await fixtureToken(payload, 'parents', f.parents.guardianOne.email)
    const list = await rest('GET', '/post-notifications', { token })
    expect(list.status).toBe(403)
    const { post } = await savePost({ title: 'Tellers', groups: [f.groups.b.id] })
    const res = await rest('GET', `/posts/${post.id}`, { token })
    const doc = (await res.json()) as Record<string, unknown>
    expect(doc.title).toBe('Tellers')
    expect(doc).not.toHaveProperty('emailSent')
    expect(doc).not.toHaveProperty('notifyRound')
  })
})
