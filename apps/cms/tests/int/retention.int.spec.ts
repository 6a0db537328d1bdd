import { randomUUID } from 'node:crypto'

import type { CollectionSlug, Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { runRetentionIfDue } from '../../src/jobs/retention'
import { rest, testPayload } from './helpers/payload'
import {
  asUser,
  createSchoolFixture,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'
import { storedFileNames } from './helpers/stored-files'
import { publishPhotoPost } from './helpers/upload'

/**
 * The night's retention run (issue #16) with the default settings, on Wednesday 9 December 2026:
 * posts and media from before 1 August 2025, absences from before 9 December 2021, the email log
 * before 10 September and the security log before 9 December 2025 go; what is newer, what a
 * remaining post still shows and a post with an open report stay. Old rows are made by writing
 * their dates straight into the database, as years of use would have left them.
 */
describe('retention', { tags: ['media-files'] }, () => {
  let payload: Payload
  let f: SchoolFixture
  let token: string
  const at = (iso: string) => new Date(iso)
  const NIGHT = at('2026-12-09T02:30:00Z') // 03:30 school time
  const ids: Record<string, string> = {}
  const files: Record<string, string> = {}

  const backdate = (collection: CollectionSlug, id: string, data: Record<string, string>) =>
    payload.db.updateOne({ collection, id, data })
  const exists = async (collection: CollectionSlug, id: string) =>
    (await payload.count({ collection, where: { id: { equals: id } } })).totalDocs === 1
  const rawCreate = async (collection: CollectionSlug, data: Record<string, unknown>) =>
    String(((await payload.db.create({ collection, data })) as { id: string }).id)

  beforeAll(async () => {
    payload = await testPayload()
    // The night is this file's: a run another file (the demo seed) logged for that day would
    // make it look done already.
    await payload.db.deleteMany({
      collection: 'audit-events',
      where: { key: { equals: 'retention:2026-12-09' } },
    })
    f = await createSchoolFixture(payload)
    token = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    const group = f.groups.a.id
    const pupils = [f.pupils.a1.id, f.pupils.a2.id]
    const OLD = '2024-05-01T10:00:00.000Z'

    const old = await publishPhotoPost(token, { title: 'Schoolreis 2024', groupId: group, pupils })
    ids.oldPost = old.post.id
    ids.oldPhoto = old.photo.id
    files.oldPhoto = old.photo.filename!
    await backdate('posts', old.post.id, { publishedAt: OLD, createdAt: OLD })
    await backdate('media', old.photo.id, { createdAt: OLD })

    // An old photo shown again in this year's post stays.
    const reused = await publishPhotoPost(token, { title: 'Terugblik', groupId: group, pupils })
    ids.reusedPhoto = reused.photo.id
    ids.recentPost = reused.post.id
    await backdate('media', reused.photo.id, { createdAt: OLD })

    // An old post with a report still open stays until staff handle the report.
    const reported = await publishPhotoPost(token, {
      title: 'Sportdag 2024',
      groupId: group,
      pupils,
    })
    ids.reportedPost = reported.post.id
    await backdate('posts', reported.post.id, { publishedAt: OLD, createdAt: OLD })
    await payload.create({
      collection: 'reports',
      data: { post: reported.post.id, category: 'privacy', text: 'Mijn kind staat erop' } as never,
      user: asUser('parents', f.parents.multiGroup),
      overrideAccess: false,
    })

    const draft = await rest('POST', '/posts', {
      token,
      body: { title: 'Nooit verstuurd', audience: 'groups', groups: [group], status: 'draft' },
    })
    ids.oldDraft = ((await draft.json()) as { doc: { id: string } }).doc.id
    await backdate('posts', ids.oldDraft, { createdAt: OLD, updatedAt: OLD })

    const absence = (date: string) =>
      rawCreate('absences', {
        pupil: f.pupils.a1.id,
        kind: 'sick',
        date,
        status: 'acknowledged',
        channel: 'portal',
      })
    ids.oldAbsence = await absence('2021-12-08')
    ids.keptAbsence = await absence('2021-12-09')
    const leave = (from: string, to: string) =>
      rawCreate('leave-requests', {
        pupil: f.pupils.a1.id,
        from,
        to,
        reason: 'familie',
        note: 'Bruiloft',
        status: 'approved',
      })
    ids.oldLeave = await leave('2021-06-01', '2021-06-02')
    ids.keptLeave = await leave('2021-12-08', '2021-12-10')

    // Written, then dated back (an adapter may stamp its own time on a create).
    const mail = async (createdAt: string) => {
      const id = await rawCreate('email-log', {
        to: 'ouder@fixture.test',
        subject: 'Nieuw bericht',
        kind: 'post',
        status: 'sent',
        idempotencyKey: `retention:${randomUUID()}`,
      })
      await backdate('email-log', id, { createdAt, updatedAt: createdAt })
      return id
    }
    ids.oldMail = await mail('2026-09-09T21:59:00.000Z')
    ids.keptMail = await mail('2026-09-09T22:00:00.000Z')
    const logRow = async (createdAt: string) => {
      const id = await rawCreate('audit-events', {
        type: 'login',
        actorType: 'unknown',
        summary: 'Ingelogd op het ouderportaal.',
        key: randomUUID(),
      })
      await backdate('audit-events', id, { createdAt, updatedAt: createdAt })
      return id
    }
    ids.oldLog = await logRow('2025-12-08T22:59:00.000Z')
    ids.keptLog = await logRow('2025-12-08T23:00:00.000Z')
  })

  it('waits for the night: nothing happens before 02:00 school time', async () => {
    expect(await runRetentionIfDue({ payload, now: at('2026-12-09T00:59:00Z') })).toBeNull()
    expect(await exists('posts', ids.oldPost!)).toBe(true)
  })

  it('removes what is past its term and keeps the rest, files included', async () => {
    expect(await storedFileNames()).toContain(files.oldPhoto)
    // The database also holds the earlier test files' rows: a round may run out of its budget,
    // and the next round goes on (as the runner's next rounds would).
    let run = await runRetentionIfDue({ payload, now: NIGHT })
    for (let round = 0; run && !run.complete && round < 30; round++)
      run = await runRetentionIfDue({ payload, now: NIGHT })
    expect(run?.complete).toBe(true)

    const state = async (collection: CollectionSlug, names: string[]) =>
      Object.fromEntries(
        await Promise.all(names.map(async (name) => [name, await exists(collection, ids[name]!)])),
      )
    expect(await state('posts', ['oldPost', 'oldDraft', 'reportedPost', 'recentPost'])).toEqual({
      oldPost: false,
      oldDraft: false,
      reportedPost: true,
      recentPost: true,
    })
    expect(await state('media', ['oldPhoto', 'reusedPhoto'])).toEqual({
      oldPhoto: false,
      reusedPhoto: true,
    })
    expect(await state('absences', ['oldAbsence', 'keptAbsence'])).toEqual({
      oldAbsence: false,
      keptAbsence: true,
    })
    expect(await state('leave-requests', ['oldLeave', 'keptLeave'])).toEqual({
      oldLeave: false,
      keptLeave: true,
    })
    expect(await state('email-log', ['oldMail', 'keptMail'])).toEqual({
      oldMail: false,
      keptMail: true,
    })
    expect(await state('audit-events', ['oldLog', 'keptLog'])).toEqual({
      oldLog: false,
      keptLog: true,
    })
    // The photo's stored files (original and sizes) are gone with it.
    const stored = await storedFileNames()
    const stem = files.oldPhoto!.replace(/\.[^.]+$/, '')
    expect(stored.filter((name) => name.startsWith(stem))).toEqual([])
  })

  it('logs the night once, with what it removed, and does not run again that day', async () => {
    const rows = await payload.find({
      collection: 'audit-events',
      where: { key: { equals: 'retention:2026-12-09' } },
      depth: 0,
    })
    expect(rows.docs).toHaveLength(1)
    expect(rows.docs[0]).toMatchObject({ type: 'retention', actorType: 'system' })
    expect(rows.docs[0]!.summary).toMatch(
      /^Bewaartermijnen toegepast: \d+ berichten, \d+ foto('s en video's| of video), .*verwijderd\. \d+ bewaard/,
    )
    expect(await runRetentionIfDue({ payload, now: at('2026-12-09T20:00:00Z') })).toBeNull()
    const again = await payload.count({
      collection: 'audit-events',
      where: { key: { equals: 'retention:2026-12-09' } },
    })
    expect(again.totalDocs).toBe(1)
  })
})
