import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Media, Post, Report } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { uploadMedia } from './helpers/upload'

type HandleAnswer = {
  ok: boolean
  code?: string
  message: string
  state?: {
    status: Report['status']
    post: { id: string; title: string; hidden: boolean }
    media: { id: string; filename: string | null; hidden: boolean; inPost: boolean } | null
  }
}

/** Staff handle a report (S15): hide the post or the photo for parents, close the report. */
describe('handling a report: POST /api/reports/:id/handle (S15)', () => {
  let payload: Payload
  let f: SchoolFixture
  const tokens: Record<
    'director' | 'office' | 'teacher' | 'otherTeacher' | 'parent' | 'otherParent',
    string
  > = {
    director: '',
    office: '',
    teacher: '',
    otherTeacher: '',
    parent: '',
    otherParent: '',
  }
  let photo: Media
  let strayPhoto: Media
  let post: Post
  let report: Report

  const png = () => plainPng(900, 600, '#58a')
  const upload = async (name: string, pupils: string[]) =>
    (
      (await (await uploadMedia(tokens.teacher, await png(), name, { pupils })).json()) as {
        doc: Media
      }
    ).doc
  const handle = async (token: string, id: string, body: unknown) => {
    const res = await rest('POST', `/reports/${id}/handle`, { token, body })
    return { status: res.status, body: (await res.json()) as HandleAnswer }
  }

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    tokens.director = await fixtureToken(payload, 'staff', f.director.email)
    tokens.office = await fixtureToken(payload, 'staff', f.office.email)
    tokens.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email) // groups A and B
    tokens.otherTeacher = await fixtureToken(payload, 'staff', f.teacherOther.email) // group C
    tokens.parent = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1 (A) and c1 (C)
    tokens.otherParent = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1 (B)
    photo = await upload('uitje.png', [f.pupils.a1.id, f.pupils.a2.id])
    strayPhoto = await upload('ander.png', [f.pupils.a1.id, f.pupils.a2.id])
    const created = await rest('POST', '/posts', {
      token: tokens.teacher,
      body: {
        title: 'Uitje groep A',
        audience: 'groups',
        groups: [f.groups.a.id],
        status: 'published',
        gallery: [photo.id],
      },
    })
    expect(created.status).toBe(201)
    post = ((await created.json()) as { doc: Post }).doc
    const reported = await rest('POST', '/reports', {
      token: tokens.parent,
      body: { post: post.id, media: photo.id, category: 'privacy', text: 'Mijn kind staat erop.' },
    })
    expect(reported.status).toBe(201)
    report = ((await reported.json()) as { doc: Report }).doc
  })

  it('refuses parents, the office and a teacher of another group (403); an unknown report is 404', async () => {
    for (const who of ['parent', 'otherParent', 'office', 'otherTeacher'] as const) {
      const res = await handle(tokens[who], report.id, { action: 'hide-post' })
      expect([who, res.status, res.body.message]).toEqual([
        who,
        403,
        'Je mag deze melding niet afhandelen.',
      ])
      expect(
        (await rest('GET', `/reports/${report.id}/handle`, { token: tokens[who] })).status,
      ).toBe(403)
    }
    expect((await handle('', report.id, { action: 'close' })).status).toBe(403)
    expect(
      (await handle(tokens.director, '00000000-0000-4000-8000-000000000000', { action: 'close' }))
        .status,
    ).toBe(404)
    // Nothing changed.
    const parentView = await rest('GET', `/posts/${post.id}`, { token: tokens.parent })
    expect(parentView.status).toBe(200)
  })

  it('answers a bad action or body with a Dutch 400', async () => {
    for (const body of [{ action: 'delete-post' }, {}, 'hide-post']) {
      const res = await handle(tokens.director, report.id, body)
      expect(res.status).toBe(400)
      expect(res.body.code).toBe('invalid-input')
      expect(res.body.message).toMatch(/^Onbekende actie/)
    }
  })

  it('shows the teacher of the group the current state', async () => {
    const res = await rest('GET', `/reports/${report.id}/handle`, { token: tokens.teacher })
    expect(res.status).toBe(200)
    expect(((await res.json()) as HandleAnswer).state).toEqual({
      status: 'open',
      post: { id: post.id, title: 'Uitje groep A', hidden: false },
      media: { id: photo.id, filename: photo.filename, hidden: false, inPost: true },
      message: null,
    })
  })

  it('the teacher of the group hides the photo: gone for parents, the post stays', async () => {
    const res = await handle(tokens.teacher, report.id, { action: 'hide-media' })
    expect(res.status).toBe(200)
    expect(res.body.message).toBe('De foto is verborgen voor ouders.')
    expect(res.body.state?.media?.hidden).toBe(true)
    expect(res.body.state?.status).toBe('in-behandeling')
    expect((await rest('GET', `/media/${photo.id}`, { token: tokens.parent })).status).toBe(404)
    expect(
      (await rest('GET', `/media/file/${photo.sizes!.feed!.filename}`, { token: tokens.parent }))
        .status,
    ).toBeGreaterThanOrEqual(403)
    const parentView = await rest('GET', `/posts/${post.id}?depth=1`, { token: tokens.parent })
    expect(parentView.status).toBe(200)
    expect(((await parentView.json()) as Post).gallery).toEqual([])
    const again = await handle(tokens.teacher, report.id, { action: 'hide-media' })
    expect([again.status, again.body.message]).toEqual([
      200,
      'De foto was al verborgen voor ouders.',
    ])
  })

  it('the director hides the post — even after a guardian withdrew consent — and parents lose it', async () => {
    // A refusal makes the photo unpublishable; hiding the post must still work.
    const refused = await rest('POST', '/image-consents/set', {
      token: tokens.parent,
      body: { pupil: f.pupils.a1.id, allowed: false },
    })
    expect(refused.status).toBe(200)

    const res = await handle(tokens.director, report.id, { action: 'hide-post' })
    expect(res.status).toBe(200)
    expect(res.body.message).toBe('Het bericht is verborgen voor ouders.')
    expect(res.body.state?.post.hidden).toBe(true)

    const read = await rest('GET', `/posts/${post.id}`, { token: tokens.parent })
    expect(read.status).toBe(404)
    const list = (await (
      await rest('GET', '/posts?limit=100', { token: tokens.parent })
    ).json()) as {
      docs: Post[]
    }
    expect(list.docs.map((p) => p.id)).not.toContain(post.id)

    // Only the flag changed: the post keeps its groups, gallery and status for staff.
    const staffView = (await (
      await rest('GET', `/posts/${post.id}?depth=0`, { token: tokens.director })
    ).json()) as Post
    expect(staffView).toMatchObject({
      hidden: true,
      status: 'published',
      groups: [f.groups.a.id],
      gallery: [photo.id],
      title: 'Uitje groep A',
    })
  })

  it('closing sets the status; the reporting parent sees it', async () => {
    const res = await handle(tokens.teacher, report.id, { action: 'close' })
    expect(res.status).toBe(200)
    expect(res.body.message).toBe('De melding is afgehandeld.')
    expect(res.body.state?.status).toBe('afgehandeld')
    const own = (await (
      await rest('GET', `/reports/${report.id}`, { token: tokens.parent })
    ).json()) as Report
    expect(own.status).toBe('afgehandeld')
    const again = await handle(tokens.director, report.id, { action: 'close' })
    expect([again.status, again.body.message]).toEqual([200, 'Deze melding was al afgehandeld.'])
    // Hiding again later does not reopen it.
    const hide = await handle(tokens.director, report.id, { action: 'hide-post' })
    expect([hide.status, hide.body.message, hide.body.state?.status]).toEqual([
      200,
      'Het bericht was al verborgen voor ouders.',
      'afgehandeld',
    ])
  })

  it('refuses to hide a photo the report does not name, or one that is not in the post (400)', async () => {
    const aboutPost = await payload.create({
      collection: 'reports',
      data: { post: post.id, category: 'other', text: 'Over het bericht.', status: 'open' },
    })
    const noMedia = await handle(tokens.director, aboutPost.id, { action: 'hide-media' })
    expect([noMedia.status, noMedia.body.code, noMedia.body.message]).toEqual([
      400,
      'no-media',
      'Deze melding gaat niet over één foto of video.',
    ])
    const stray = await payload.create({
      collection: 'reports',
      data: {
        post: post.id,
        media: strayPhoto.id,
        category: 'other',
        text: 'Andere foto.',
        status: 'open',
      },
    })
    const notInPost = await handle(tokens.director, stray.id, { action: 'hide-media' })
    expect([notInPost.status, notInPost.body.code, notInPost.body.message]).toEqual([
      400,
      'media-not-in-post',
      'Deze foto hoort niet (meer) bij dit bericht.',
    ])
    const strayAfter = await payload.findByID({ collection: 'media', id: strayPhoto.id })
    expect(strayAfter.hidden).toBeFalsy()
    const reportAfter = await payload.findByID({ collection: 'reports', id: stray.id })
    expect(reportAfter.status).toBe('open')
  })
})
