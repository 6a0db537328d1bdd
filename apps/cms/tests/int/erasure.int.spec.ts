import { randomUUID } from 'node:crypto'

import config from '@payload-config'
import type { CollectionSlug, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { queueEmail } from '../../src/email/queue-email'
import type { Media, Parent, Pupil } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { rest, testPayload } from './helpers/payload'
import {
  acceptedHouseRules,
  asUser,
  createSchoolFixture,
  FIXTURE_PASSWORD,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'
import { storedFileNames } from './helpers/stored-files'
import { uploadMedia } from './helpers/upload'

type ErasureAnswer = {
  dryRun: boolean
  parents: { id: string; name: string; email: string }[]
  pupils: { id: string; name: string }[]
  effects: { key: string; label: string; count: number }[]
}

/**
 * Erasing a departed family (issue #16): a dry run that says what will happen and changes
 * nothing, then the erasure, after which no collection of the config (Payload's own included)
 * and no stored file holds anything of the family — names, addresses, phone, ids — except the
 * consent history, kept as proof without the persons. Photos lose the children's tags; one left
 * with fewer than the minimum becomes unpublishable; the rest of the school is untouched.
 */
describe('erasing a family', { tags: ['media-files'] }, () => {
  let payload: Payload
  let f: SchoolFixture
  const tag = `Wis${randomUUID().slice(0, 8)}`
  /** A phone number no other row can hold by chance (it carries the tag). */
  const phone = (first: string) => `06 ${first} ${tag}`
  const t = {} as Record<'director' | 'teacher' | 'anna' | 'bram', string>
  let anna: Parent
  let bram: Parent
  let kees: Pupil
  let lies: Pupil
  const photos: Record<string, Media> = {}
  let conversationId: string
  const consentChanges: string[] = []
  const needles: string[] = []

  const erase = (token: string, body: Record<string, unknown>) =>
    rest('POST', '/parents/erase', { token, body })
  const upload = async (name: string, pupils: string[]) => {
    const res = await uploadMedia(t.teacher, await plainPng(900, 600, '#4a8'), name, { pupils })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: Media }).doc
  }
  const filesOf = (m: Media) => [
    m.filename!,
    m.sizes!.thumbnail!.filename!,
    m.sizes!.feed!.filename!,
    m.sizes!.full!.filename!,
  ]

  /** Every stored document of every collection of the config, hidden fields included. */
  async function everything(): Promise<Record<string, string>> {
    const all: Record<string, string> = {}
    const built = await config
    for (const collection of built.collections) {
      const found = await payload.find({
        collection: collection.slug as CollectionSlug,
        depth: 0,
        pagination: false,
        overrideAccess: true,
        showHiddenFields: true,
      })
      all[collection.slug] = JSON.stringify(found.docs)
    }
    for (const global of built.globals)
      all[`global:${global.slug}`] = JSON.stringify(
        await payload.findGlobal({ slug: global.slug as never, depth: 0, showHiddenFields: true }),
      )
    return all
  }
  /** Which collections still hold which needle. */
  const traces = (all: Record<string, string>) =>
    Object.entries(all).flatMap(([slug, json]) =>
      needles.filter((needle) => json.includes(needle)).map((needle) => `${slug}: ${needle}`),
    )

  beforeAll(async () => {
    payload = (await testPayload()) as Payload
    f = await createSchoolFixture(payload)
    await payload.updateGlobal({
      slug: 'school-settings',
      data: { minPupilsPerPhoto: 2, defaultImageConsent: 'allowed' },
    })
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    t.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    const pupil = (firstName: string, group: string) =>
      payload.create({ collection: 'pupils', data: { firstName, lastName: tag, group } })
    kees = await pupil('Kees', f.groups.a.id)
    lies = await pupil('Lies', f.groups.b.id)
    const accepted = await acceptedHouseRules(payload)
    const parent = (first: string, children: string[]) =>
      payload.create({
        collection: 'parents',
        data: {
          name: `${first} ${tag}`,
          email: `${first.toLowerCase()}.${tag.toLowerCase()}@fixture.test`,
          phone: phone(first),
          password: FIXTURE_PASSWORD,
          status: 'active',
          children,
          ...accepted,
        },
      })
    anna = await parent('Anna', [kees.id, lies.id])
    bram = await parent('Bram', [kees.id])
    needles.push(tag, anna.email, bram.email, anna.id, bram.id, kees.id, lies.id, phone('Anna'))

    // Anna logs in (the security log keeps her address) and both choose about Kees.
    const login = await rest('POST', '/parents/portal-login', {
      body: { email: anna.email, password: FIXTURE_PASSWORD },
      headers: { 'X-Forwarded-For': '198.51.100.90' },
    })
    expect(login.status).toBe(200)
    t.anna = ((await login.json()) as { token: string }).token
    t.bram = await fixtureToken(payload, 'parents', bram.email)
    for (const token of [t.anna, t.bram]) {
      const res = await rest('POST', '/image-consents/set', {
        token,
        body: { pupil: kees.id, allowed: true },
      })
      expect(res.status).toBe(200)
    }
    const history = await payload.find({
      collection: 'image-consent-changes',
      where: { pupil: { equals: kees.id } },
      depth: 0,
    })
    consentChanges.push(...history.docs.map((doc) => doc.id))
    expect(consentChanges).toHaveLength(2)

    // Photos: one keeps too few tags without Kees, one keeps enough, one goes with the chat.
    photos.portraitAfter = await upload('met-kees.png', [kees.id, f.pupils.a1.id])
    photos.stillGroup = await upload('klas.png', [kees.id, f.pupils.a1.id, f.pupils.a2.id])
    photos.chat = await upload('voor-kees.png', [kees.id, f.pupils.a2.id])
    const post = await rest('POST', '/posts', {
      token: t.teacher,
      body: {
        title: 'Kunstproject',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        gallery: [photos.portraitAfter!.id, photos.stillGroup!.id],
      },
    })
    expect(post.status, await post.clone().text()).toBe(201)
    const postId = ((await post.json()) as { doc: { id: string } }).doc.id
    const report = await rest('POST', '/reports', {
      token: t.anna,
      body: { post: postId, category: 'other', text: `Groet van Anna ${tag}` },
    })
    expect(report.status, await report.clone().text()).toBe(201)

    // A conversation about Kees with a photo, Anna's answer, and the director opening it.
    const talk = await rest('POST', '/conversations', {
      token: t.teacher,
      body: { pupil: kees.id, subject: 'Tekening' },
    })
    expect(talk.status, await talk.clone().text()).toBe(201)
    conversationId = ((await talk.json()) as { doc: { id: string } }).doc.id
    needles.push(conversationId)
    const photoMessage = await rest('POST', '/messages', {
      token: t.teacher,
      body: { conversation: conversationId, body: 'Kijk eens', attachments: [photos.chat!.id] },
    })
    expect(photoMessage.status, await photoMessage.clone().text()).toBe(201)
    const answer = await rest('POST', '/messages', {
      token: t.anna,
      body: { conversation: conversationId, body: `Mooi! Groet, Anna ${tag}` },
    })
    expect(answer.status, await answer.clone().text()).toBe(201)
    const opening = await rest('POST', '/conversation-openings', {
      token: t.director,
      body: { conversation: conversationId, reason: `Zorg om Kees ${tag}` },
    })
    expect(opening.status).toBe(201)

    // Feedback, an absence, a leave request, the iCal link, a queued and a logged email.
    const feedback = await rest('POST', '/feedback', {
      token: t.anna,
      body: { topic: 'school', message: `Fijne school, groet ${tag}` },
    })
    expect(feedback.status, await feedback.clone().text()).toBe(201)
    await payload.db.create({
      collection: 'absences',
      data: {
        pupil: kees.id,
        kind: 'sick',
        date: '2026-12-01',
        status: 'reported',
        channel: 'portal',
        reportedBy: anna.id,
        reporterName: anna.name,
      },
    })
    await payload.db.create({
      collection: 'leave-requests',
      data: {
        pupil: lies.id,
        from: '2027-02-01',
        to: '2027-02-02',
        reason: 'familie',
        note: `Bruiloft ${tag}`,
        status: 'requested',
        requestedBy: anna.id,
        requesterName: anna.name,
      },
    })
    expect((await rest('POST', '/parents/calendar-feed', { token: t.anna })).status).toBe(201)
    await queueEmail({
      payload,
      email: {
        to: anna.email,
        subject: 'Nieuw bericht',
        kind: 'test',
        html: '<p>Hallo</p>',
        text: 'Hallo',
        idempotencyKey: `erasure:${tag}`,
      },
    })
    await payload.db.create({
      collection: 'email-log',
      data: {
        to: bram.email,
        subject: 'Uitnodiging',
        kind: 'invitation',
        status: 'sent',
        idempotencyKey: `erasure-log:${tag}`,
      },
    })
    // Before anything is erased, every needle is somewhere (the walk below can find them).
    const before = traces(await everything())
    for (const needle of needles) expect(before.some((trace) => trace.endsWith(needle))).toBe(true)
  })

  it('is for directors only, needs one starting point and an explicit confirmation', async () => {
    const teacher = await erase(t.teacher, { parent: anna.id, dryRun: true })
    expect(teacher.status).toBe(403)
    expect((await erase(t.anna, { parent: anna.id, dryRun: true })).status).toBe(403)
    const both = await erase(t.director, { parent: anna.id, pupil: kees.id, dryRun: true })
    expect(both.status).toBe(400)
    expect(JSON.stringify(await both.json())).toContain('Kies één ouder of één leerling')
    const unconfirmed = await erase(t.director, { parent: anna.id, dryRun: false, confirm: 'ja' })
    expect(unconfirmed.status).toBe(400)
    expect(JSON.stringify(await unconfirmed.json())).toContain('Typ WISSEN')
    // An id of the database's own form whose pupil is gone.
    const gone = await payload.create({
      collection: 'pupils',
      data: { firstName: 'Weg', lastName: tag, group: f.groups.a.id },
    })
    await payload.delete({ collection: 'pupils', id: gone.id })
    const unknown = await erase(t.director, { pupil: gone.id, dryRun: true })
    expect(unknown.status).toBe(404)
    expect(JSON.stringify(await unknown.json())).toContain('bestaat niet')
    const garbage = await erase(t.director, { parent: { $ne: null }, dryRun: true })
    expect(garbage.status).toBe(400)
    expect(
      await payload.count({ collection: 'parents', where: { id: { equals: anna.id } } }),
    ).toEqual(expect.objectContaining({ totalDocs: 1 }))
  })

  it('a dry run from either parent or child names the whole family and what will happen, and changes nothing', async () => {
    const before = await everything()
    const res = await erase(t.director, { parent: bram.id, dryRun: true })
    expect(res.status).toBe(200)
    const plan = (await res.json()) as ErasureAnswer
    expect(plan.dryRun).toBe(true)
    expect(plan.parents.map((p) => p.id).sort()).toEqual([anna.id, bram.id].sort())
    expect(plan.pupils.map((p) => p.id).sort()).toEqual([kees.id, lies.id].sort())
    const effects = Object.fromEntries(plan.effects.map((e) => [e.key, e.count]))
    expect(effects).toMatchObject({
      'media-tags': 2,
      'media-unpublishable': 1,
      'message-photos': 1,
      reports: 1,
      'consent-history': 2,
      consents: 2,
      pupils: 2,
      parents: 2,
      absences: 1,
      'leave-requests': 1,
      conversations: 1,
      messages: 2,
      feedback: 1,
      emails: 2,
    })
    expect(effects.audit).toBeGreaterThanOrEqual(4)
    for (const e of plan.effects) expect(e.label).toMatch(/^[A-Z]/)
    // From the child, the same family.
    const fromChild = (await (
      await erase(t.director, { pupil: lies.id, dryRun: true })
    ).json()) as ErasureAnswer
    expect(fromChild.parents.map((p) => p.id).sort()).toEqual([anna.id, bram.id].sort())
    // Nothing changed, in any collection (the security log aside: nothing is logged for a dry run).
    const after = await everything()
    for (const slug of Object.keys(before)) {
      if (slug === 'audit-events' || slug === 'payload-kv') continue
      expect(after[slug], slug).toBe(before[slug])
    }
  })

  it('erases the family: nothing of it is left in any collection or stored file, except anonymised proof', async () => {
    const filesBefore = await storedFileNames()
    for (const file of filesOf(photos.chat!)) expect(filesBefore).toContain(file)
    const res = await erase(t.director, { parent: anna.id, dryRun: false, confirm: 'WISSEN' })
    expect(res.status, await res.clone().text()).toBe(200)
    expect(((await res.json()) as ErasureAnswer).dryRun).toBe(false)

    // The walk: every collection of the config and the globals.
    expect(traces(await everything())).toEqual([])

    // Stored files: the chat photo's are gone, the school's photos stay.
    const files = await storedFileNames()
    for (const file of filesOf(photos.chat!)) expect(files).not.toContain(file)
    for (const file of [...filesOf(photos.portraitAfter!), ...filesOf(photos.stillGroup!)])
      expect(files).toContain(file)

    // The consent history stays as proof, without the persons.
    const history = await payload.find({
      collection: 'image-consent-changes',
      where: { id: { in: consentChanges } },
      depth: 0,
    })
    expect(history.docs.map((h) => [h.pupil ?? null, h.guardian ?? null, h.to])).toEqual([
      [null, null, 'allowed'],
      [null, null, 'allowed'],
    ])
  })

  it('leaves the photos without the children’s tags; too few left is no longer shareable', async () => {
    const read = async (id: string) =>
      payload.findByID({
        collection: 'media',
        id,
        depth: 0,
        overrideAccess: false,
        user: asUser('staff', f.director),
      })
    const portrait = await read(photos.portraitAfter!.id)
    expect([portrait.pupils, portrait.publishable]).toEqual([[f.pupils.a1.id], false])
    const group = await read(photos.stillGroup!.id)
    expect([group.pupils, group.publishable]).toEqual([[f.pupils.a1.id, f.pupils.a2.id], true])
  })

  it('ends the family’s sessions, keeps the rest of the school, and logs the erasure without names', async () => {
    // Her token names an account that no longer exists: nobody is signed in with it.
    const me = await rest('GET', '/parents/me', { token: t.anna })
    expect(((await me.json()) as { user: unknown }).user).toBeNull()
    expect((await rest('GET', '/parents/export', { token: t.anna })).status).toBe(401)
    const others = await payload.count({
      collection: 'parents',
      where: { id: { in: [f.parents.multiGroup.id, f.parents.guardianOne.id] } },
    })
    expect(others.totalDocs).toBe(2)
    const log = await payload.find({
      collection: 'audit-events',
      where: { type: { equals: 'erasure' } },
      sort: '-createdAt',
      limit: 1,
      depth: 0,
    })
    expect(log.docs[0]).toMatchObject({
      actorId: f.director.id,
      summary: expect.stringMatching(
        /^Gezin gewist: 2 ouders en 2 leerlingen\. 2 foto's en video's zonder hun tags, 1 foto uit gesprekken verwijderd\.$/,
      ),
    })
  })
})
