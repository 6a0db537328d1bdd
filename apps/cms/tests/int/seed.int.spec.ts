import { rmSync } from 'node:fs'

import type { CollectionSlug, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { ConversationThread } from '@schoolpost/contracts'
import type { Media, Message, Post, Pupil, Report } from '../../src/payload-types'
import { DEMO_PASSWORD, demoGroups } from '../../src/seed/demo-school-data'
import { demoAbsences } from '../../src/seed/demo-absences'
import { demoPosts, demoRefusal } from '../../src/seed/demo-school-content'
import { type SeedResult, seedDemoSchool } from '../../src/seed/seed-demo-school'
import { rest, testPayload } from './helpers/payload'

// The demo school on a database of its own: the run's shared one holds other files' records, and
// the seed leaves the scheduled post's announcement waiting in the queue (other files drain it).
const ownDatabase = vi.hoisted(() => {
  const file = `${process.env.TEST_DB_FILE}.seed.db`
  const shared = process.env.DATABASE_URL
  // The MongoDB leg gives every file a database of its own already (setup-database.ts).
  if (!shared?.startsWith('mongodb')) process.env.DATABASE_URL = `file:${file}`
  return { file, shared }
})

const COUNTED: CollectionSlug[] = [
  'staff',
  'groups',
  'pupils',
  'parents',
  'posts',
  'media',
  'image-consents',
  'image-consent-changes',
  'reports',
  'absences',
  'leave-requests',
  'payload-jobs',
]

const ids = (values: unknown) =>
  ((values ?? []) as (string | { id: string })[]).map((v) => (typeof v === 'string' ? v : v.id))

/** The lived-in demo school (issue #10): seeded through the real pipeline, and only once. */
describe('demo school seed', () => {
  let payload: Payload
  let first: SeedResult
  let second: SeedResult
  let countsAfterFirst: Record<string, number>
  let posts: Post[]

  const countAll = async () =>
    Object.fromEntries(
      await Promise.all(
        COUNTED.map(async (collection) => [
          collection,
          (await payload.count({ collection })).totalDocs,
        ]),
      ),
    ) as Record<string, number>

  const parentToken = async (email: string) =>
    (await payload.login({ collection: 'parents', data: { email, password: DEMO_PASSWORD } }))
      .token!
  const mediaByAlt = async (alt: string) =>
    (await payload.find({ collection: 'media', where: { alt: { equals: alt } }, depth: 0 }))
      .docs[0] as Media
  const postTitled = (title: string) => posts.find((p) => p.title === title)!

  afterAll(async () => {
    await payload.destroy()
    process.env.DATABASE_URL = ownDatabase.shared
    for (const suffix of ['', '-wal', '-shm']) rmSync(ownDatabase.file + suffix, { force: true })
  })

  beforeAll(async () => {
    payload = await testPayload()
    first = await seedDemoSchool(payload)
    console.log(`demo seed: ${first.created} created in ${first.durationMs} ms`)
    countsAfterFirst = await countAll()
    second = await seedDemoSchool(payload)
    console.log(`demo seed again: ${second.existing} found in ${second.durationMs} ms`)
    posts = (await payload.find({ collection: 'posts', limit: 0, pagination: false, depth: 0 }))
      .docs
  }, 240_000)

  it('a second run finds everything and changes nothing', async () => {
    expect(first.created).toBeGreaterThan(0)
    expect(second.created).toBe(0)
    expect(second.existing).toBeGreaterThan(first.existing)
    expect(await countAll()).toEqual(countsAfterFirst)
  })

  it('every group has posts from the past weeks; news, pinned posts and one scheduled post', async () => {
    expect(posts).toHaveLength(demoPosts.length)
    const groups = await payload.find({ collection: 'groups', limit: 0, depth: 0 })
    for (const group of demoGroups) {
      const id = groups.docs.find((g) => g.name === group.name)!.id
      const own = posts.filter((p) => ids(p.groups).includes(id) && p.status === 'published')
      expect([group.name, own.length >= 2]).toEqual([group.name, true])
    }
    const published = posts.filter((p) => p.status === 'published')
    const now = Date.now()
    for (const post of published) {
      const age = now - Date.parse(post.publishedAt!)
      expect([post.title, age > 0 && age < 5 * 7 * 24 * 3600 * 1000]).toEqual([post.title, true])
    }
    expect(posts.filter((p) => p.audience === 'school' && p.status === 'published').length).toBe(4)
    expect(posts.filter((p) => p.pinned).length).toBeGreaterThanOrEqual(2)
    const scheduled = posts.filter((p) => p.status === 'scheduled')
    expect(scheduled).toHaveLength(1)
    expect(Date.parse(scheduled[0]!.publishAt!)).toBeGreaterThan(now)
    expect(posts.filter((p) => ids(p.gallery).length >= 2).length).toBeGreaterThanOrEqual(3)
  })

  it('the photos and the video went through the upload pipeline: WebP sizes, a poster, random names', async () => {
    const media = (await payload.find({ collection: 'media', limit: 0, depth: 0 })).docs
    const videos = media.filter((m) => m.mimeType === 'video/mp4')
    expect(videos).toHaveLength(1)
    expect(videos[0]!.sizes?.feed?.mimeType).toBe('image/webp')
    expect(videos[0]!.sizes?.feed?.filename).toMatch(/-poster-\d+x\d+\.webp$/)
    for (const m of media) {
      expect(m.filename).toMatch(/^[0-9a-f-]{36}\.(jpg|mp4)$/)
      expect(m.sizes?.thumbnail?.mimeType).toBe('image/webp')
    }
    // Several pupils per photo, and one photo explicitly without recognisable pupils.
    expect(media.filter((m) => ids(m.pupils).length >= 3).length).toBeGreaterThanOrEqual(5)
    expect(media.some((m) => m.noRecognisablePupils && m.mimeType === 'image/jpeg')).toBe(true)
  })

  it('the refused pupil is marked in the tagging picker, and her photo is hidden from every parent (REST)', async () => {
    const lotte = (
      await payload.find({
        collection: 'pupils',
        where: { fullName: { equals: demoRefusal.pupil } },
        depth: 0,
      })
    ).docs[0] as Pupil
    expect(lotte.tagLabel).toBe(`${demoRefusal.pupil} — geen toestemming voor beeld`)
    const changes = await payload.find({
      collection: 'image-consent-changes',
      where: { pupil: { equals: lotte.id } },
      depth: 0,
    })
    expect(changes.docs.map((c) => c.to)).toEqual(['refused'])

    // Fatima's Emir is in Lotte's group 7: the same post, one photo visible, Lotte's not.
    const post = postTitled('Hutten bouwen in het bos')
    const withLotte = await mediaByAlt('Groep 7 bij de hut op de open plek')
    const withoutLotte = await mediaByAlt('Groep 7 bouwt een hut van takken')
    expect(ids(withLotte.pupils)).toContain(lotte.id)
    expect(ids(post.gallery)).toEqual(expect.arrayContaining([withLotte.id, withoutLotte.id]))
    for (const email of ['fatima.yilmaz@ouders.test', demoRefusal.guardian]) {
      const token = await parentToken(email)
      const readable = async (m: Media) => [
        (await rest('GET', `/media/${m.id}`, { token })).status,
        (await rest('GET', `/media/file/${m.sizes!.feed!.filename}`, { token })).status,
      ]
      expect([email, await readable(withoutLotte)]).toEqual([email, [200, 200]])
      // The item is "not found"; Payload's file endpoint refuses with 403.
      expect([email, await readable(withLotte)]).toEqual([email, [404, 403]])
      const gallery = (await (
        await rest('GET', `/posts/${post.id}?depth=1`, { token })
      ).json()) as { gallery: Media[] }
      expect(gallery.gallery.map((m) => m.id)).toContain(withoutLotte.id)
      expect(gallery.gallery.map((m) => m.id)).not.toContain(withLotte.id)
    }
  })

  it('a parent of another group sees neither the group post nor its video', async () => {
    const token = await parentToken('eva.dejong@ouders.test') // Daan, Groep 1-2
    const videoPost = postTitled('Onze eigen animatiefilm')
    expect((await rest('GET', `/posts/${videoPost.id}`, { token })).status).toBe(404)
    const video = ids(videoPost.gallery)[0]!
    expect((await rest('GET', `/media/${video}`, { token })).status).toBe(404)
  })

  it('one report was handled by the director (photo hidden, note, closed), one is still open', async () => {
    const all = (await payload.find({ collection: 'reports', depth: 0, sort: 'createdAt' }))
      .docs as Report[]
    const reports = all.filter((r) => r.post)
    expect(reports.map((r) => r.status)).toEqual(['afgehandeld', 'open'])
    expect(reports[0]!.staffNote).toMatch(/verborgen/)
    const photo = await payload.findByID({
      collection: 'media',
      id: ids([reports[0]!.media])[0]!,
      depth: 0,
    })
    expect(photo.hidden).toBe(true)
    expect(reports.map((r) => r.category)).not.toContain('privacy')
  })

  it('has the school calendar, today’s absences for the teachers and leave as the director decided it', async () => {
    const settings = await payload.findGlobal({ slug: 'school-settings' })
    expect(settings.closedPeriods?.map((p) => p.label)).toEqual(
      expect.arrayContaining(['Kerstvakantie', 'Zomervakantie', 'Studiedag team']),
    )
    const absences = (
      await payload.find({ collection: 'absences', limit: 0, pagination: false, depth: 0 })
    ).docs
    expect(absences).toHaveLength(demoAbsences.length)
    const byStatus = (status: string) => absences.filter((a) => a.status === status).length
    expect(byStatus('reported')).toBeGreaterThanOrEqual(2)
    expect(byStatus('acknowledged')).toBeGreaterThanOrEqual(2)
    expect(byStatus('cancelled')).toBe(1)
    expect(absences.filter((a) => a.channel === 'phone')).toHaveLength(1)
    // The reports of "today" share one school day; the planned one has its times.
    const today = absences.filter((a) => a.note === demoAbsences[0]!.note)[0]!
    expect(absences.filter((a) => a.date === today.date).length).toBe(3)
    expect(absences.find((a) => a.kind === 'planned' && a.date === today.date)).toMatchObject({
      fromTime: '10:00',
      toTime: '11:00',
    })
    const leave = (await payload.find({ collection: 'leave-requests', limit: 0, depth: 0 })).docs
    expect(leave.map((l) => l.status).sort()).toEqual(['approved', 'refused', 'requested'])
    expect(leave.find((l) => l.status === 'refused')!.decisionMessage).toMatch(/^Afgewezen/)
    // Made as the parent, so computed as for any request: school days and "te laat".
    expect(leave.find((l) => l.status === 'requested')).toMatchObject({
      late: false,
      schoolDays: 2,
    })
  })

  it('a conversation shows a teacher’s photo to Noor’s guardians; Nadia’s report of a message waits for the directors', async () => {
    const noorTalk = (
      await payload.find({
        collection: 'conversations',
        where: { subject: { equals: 'Noor en het lezen' } },
        depth: 0,
      })
    ).docs[0]!
    const thread = (await (
      await rest('GET', `/conversations/${noorTalk.id}/thread`, {
        token: await parentToken('fatima.yilmaz@ouders.test'),
      })
    ).json()) as ConversationThread
    const photo = thread.messages[0]!.attachments[0]!
    expect(photo).toMatchObject({
      kind: 'image',
      alt: 'Noor leest voor aan haar leesgroepje in de leeshoek',
    })
    // Another family sees neither the conversation nor the photo.
    const eva = await parentToken('eva.dejong@ouders.test')
    expect((await rest('GET', `/media/${photo.id}`, { token: eva })).status).toBe(404)

    const messageReports = (
      await payload.find({ collection: 'reports', where: { message: { exists: true } }, depth: 1 })
    ).docs as Report[]
    expect(messageReports).toHaveLength(1)
    expect(messageReports[0]).toMatchObject({ status: 'open', category: 'inappropriate' })
    expect((messageReports[0]!.message as Message).authorName).toBe('Ruben Peters')
  })

  it('Groep 5a’s parents signed up to cycle along (the return trip full, Joyce waiting); the Christmas dinner opens later', async () => {
    const requests = (await payload.find({ collection: 'volunteer-requests', depth: 0 })).docs
    expect(requests.map((r) => r.title).sort()).toEqual([
      'Begeleiders gezocht: kinderboerderij',
      'Helpen bij het kerstdiner',
    ])
    const farm = requests.find((r) => r.title.includes('kinderboerderij'))!
    const signups = (
      await payload.find({
        collection: 'volunteer-signups',
        where: { request: { equals: farm.id } },
        sort: 'createdAt',
        depth: 0,
      })
    ).docs
    expect(signups.map((s) => [s.slotLabel, s.comes, s.status])).toEqual([
      ['Meefietsen heenweg', 'Nadia Peters', 'confirmed'],
      ['Meefietsen heenweg', 'Opa Jan Hendriks', 'confirmed'],
      ['Meefietsen terugweg', 'Samir van Dijk', 'confirmed'],
      ['Meefietsen terugweg', 'Joyce Dekker', 'waitlist'],
    ])
    const dinner = requests.find((r) => r.title.includes('kerstdiner'))!
    expect(Date.parse(dinner.opensAt!)).toBeGreaterThan(Date.now())
  })

  it("a guardian of Noor reads the conversations without email: his own 'messages' choice", async () => {
    const kemal = await payload.find({
      collection: 'parents',
      where: { email: { equals: 'kemal.yilmaz@ouders.test' } },
      depth: 0,
    })
    expect(kemal.docs[0]!.notifications).toEqual({
      news: 'direct',
      group: 'direct',
      messages: 'off',
    })
  })

  it('the house rules are at version 2; Hans accepted only version 1, Tom never logged in', async () => {
    const rules = await payload.findGlobal({ slug: 'house-rules', depth: 0 })
    expect(rules.version).toBe(2)
    expect(rules.changeNote).toMatch(/agenda-link/)
    const accepted = async (email: string) => {
      const parent = (
        await payload.find({ collection: 'parents', where: { email: { equals: email } }, depth: 0 })
      ).docs[0]!
      const rows = await payload.find({
        collection: 'house-rules-acceptances',
        where: { parent: { equals: parent.id } },
        sort: 'version',
        depth: 0,
      })
      return [parent.houseRules?.version ?? null, rows.docs.map((r) => r.version)]
    }
    expect(await accepted('fatima.yilmaz@ouders.test')).toEqual([2, [1, 2]])
    expect(await accepted('hans.koster@ouders.test')).toEqual([1, [1]])
    expect(await accepted('tom.vos@ouders.test')).toEqual([null, []])
  })

  it('has feedback from parents: one answered by the director, one new and anonymous', async () => {
    const feedback = (await payload.find({ collection: 'feedback', depth: 0, sort: 'createdAt' }))
      .docs
    expect(feedback.map((f) => [f.topic, f.status, f.anonymous, !!f.answer])).toEqual([
      ['schoolpost', 'afgehandeld', false, true],
      ['huisregels', 'nieuw', true, false],
    ])
  })

  it('the security log shows logins, the Postma family’s erasure and last night’s retention run; Linda’s choice stays as proof', async () => {
    const log = (
      await payload.find({ collection: 'audit-events', depth: 0, sort: 'createdAt', limit: 0 })
    ).docs
    const of = (type: string) => log.filter((row) => row.type === type)
    expect(of('login').map((row) => row.actorName)).toEqual(
      expect.arrayContaining(['Eva de Jong', 'Mark Visser']),
    )
    expect(of('login-failed').map((row) => [row.actorName, row.summary])).toEqual([
      ['Mark Visser', 'Inloggen op het ouderportaal met een verkeerd wachtwoord.'],
    ])
    expect(of('erasure').map((row) => row.summary)).toEqual([
      "Gezin gewist: 1 ouder en 1 leerling. 0 foto's en video's zonder hun tags, 0 foto's uit gesprekken verwijderd.",
    ])
    expect(of('retention')).toHaveLength(1)
    // Nothing of the Postmas is left but the anonymised change of Sem's consent.
    expect(JSON.stringify(log)).not.toMatch(/Postma|linda/i)
    expect(
      await payload.count({
        collection: 'parents',
        where: { email: { equals: 'linda.postma@ouders.test' } },
      }),
    ).toMatchObject({ totalDocs: 0 })
    const history = await payload.find({ collection: 'image-consent-changes', depth: 0, limit: 0 })
    const anonymous = history.docs.filter((row) => !row.guardian)
    expect(anonymous.map((row) => [row.pupil ?? null, row.to])).toEqual([[null, 'refused']])
  })

  it('queues no email about the old news or the demo conversations; only the scheduled post will be announced', async () => {
    const jobs = (await payload.find({ collection: 'payload-jobs', limit: 0, depth: 0 })).docs
    const scheduled = posts.find((p) => p.status === 'scheduled')!
    expect(jobs.map((j) => [j.taskSlug, (j.input as { post?: string }).post])).toEqual([
      ['notifyPost', scheduled.id],
    ])
    expect(Date.parse(jobs[0]!.waitUntil!)).toBeGreaterThan(Date.now())
  })
})
