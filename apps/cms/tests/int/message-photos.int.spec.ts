import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import type { ConversationThread } from '@schoolpost/contracts'
import type { Conversation, Media, Message } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { rest, testPayload } from './helpers/payload'
import {
  acceptedHouseRules,
  createSchoolFixture,
  FIXTURE_PASSWORD,
  fixtureToken,
  type SchoolFixture,
} from './helpers/school-fixture'
import { uploadMedia } from './helpers/upload'

type Token = string

async function createParentToken(payload: Payload, children: string[]): Promise<Token> {
  const email = `ouder-b2.${randomUUID().slice(0, 8)}@fixture.test`
  await payload.create({
    collection: 'parents',
    data: {
      name: 'Ouder B2',
      email,
      password: FIXTURE_PASSWORD,
      status: 'active',
      children,
      ...(await acceptedHouseRules(payload)),
    },
  })
  return fixtureToken(payload, 'parents', email)
}

/**
 * Photos staff attach to conversation messages (S6) under exactly the image rules of posts (S13,
 * S16): checked when sending, and for parents re-checked at every read — on every channel a photo
 * has (the thread, the media item, the list, each derived file) and for everyone the
 * authorization matrix names: another family, another group's teacher, a former teacher, an
 * unlinked and a deactivated guardian.
 */
describe('photos in conversation messages', { tags: ['media-files'] }, () => {
  let payload: Payload
  let f: SchoolFixture
  const t: Record<string, Token> = {}
  let talk: Conversation
  let groupPhoto: Media
  let mixedGroups: Media
  let portrait: Media
  let otherTeachersPhoto: Media
  let message: Message
  let b2Id: string

  const upload = async (token: Token, name: string, pupils: string[]) => {
    const res = await uploadMedia(token, await plainPng(900, 600, '#4a8'), name, { pupils })
    expect(res.status, await res.clone().text()).toBe(201)
    return ((await res.json()) as { doc: Media }).doc
  }
  const send = (token: Token, text: string, attachments: string[]) =>
    rest('POST', '/messages', {
      token,
      body: { conversation: talk.id, body: text, attachments },
    })
  const derivedFiles = (m: Media) => [
    m.sizes!.thumbnail!.filename!,
    m.sizes!.feed!.filename!,
    m.sizes!.full!.filename!,
  ]
  const messageCount = async () =>
    (await payload.count({ collection: 'messages', where: { conversation: { equals: talk.id } } }))
      .totalDocs

  /**
   * Every channel to the photo, for one caller: the thread's attachment, the item, the list and
   * each derived file (true = seen).
   */
  async function channels(token: Token, m: Media = groupPhoto) {
    const thread = await rest('GET', `/conversations/${talk.id}/thread`, { token })
    const inThread =
      thread.status === 200 &&
      ((await thread.json()) as ConversationThread).messages.some((msg) =>
        msg.attachments.some((a) => a.id === m.id),
      )
    const item = await rest('GET', `/media/${m.id}?depth=0`, { token })
    const list = await rest('GET', `/media?where[id][equals]=${m.id}&depth=0`, { token })
    const listed =
      list.status === 200 && ((await list.json()) as { docs: Media[] }).docs.length === 1
    const files = await Promise.all(
      derivedFiles(m).map(
        async (file) => (await rest('GET', `/media/file/${file}`, { token })).status === 200,
      ),
    )
    return { thread: inThread, item: item.status === 200, list: listed, files }
  }
  const everywhere = (seen: boolean) => ({
    thread: seen,
    item: seen,
    list: seen,
    files: [seen, seen, seen],
  })

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    t.teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email) // groups A and B
    t.otherTeacher = await fixtureToken(payload, 'staff', f.teacherOther.email) // group C
    t.director = await fixtureToken(payload, 'staff', f.director.email)
    t.guardian1 = await fixtureToken(payload, 'parents', f.parents.guardianOne.email) // b1
    t.guardian2 = await fixtureToken(payload, 'parents', f.parents.guardianTwo.email) // b1
    t.multi = await fixtureToken(payload, 'parents', f.parents.multiGroup.email) // a1, c1
    await payload.updateGlobal({
      slug: 'school-settings',
      data: { minPupilsPerPhoto: 2, defaultImageConsent: 'allowed' },
    })
    // b1's group gets two more pupils, one with a guardian of its own.
    const inB = (firstName: string) =>
      payload.create({
        collection: 'pupils',
        data: { firstName, lastName: 'Foto', group: f.groups.b.id },
      })
    const b2 = await inB('B2')
    const b3 = await inB('B3')
    t.guardianB2 = await createParentToken(payload, [b2.id])
    b2Id = b2.id
    groupPhoto = await upload(t.teacher!, 'knutselen.png', [f.pupils.b1.id, b2.id, b3.id])
    mixedGroups = await upload(t.teacher!, 'samen.png', [
      f.pupils.a1.id,
      f.pupils.a2.id,
      f.pupils.b1.id,
    ])
    portrait = await upload(t.teacher!, 'portret.png', [f.pupils.b1.id])
    otherTeachersPhoto = await upload(t.otherTeacher!, 'groep-c.png', [
      f.pupils.c1.id,
      f.pupils.c2.id,
    ])
    const res = await rest('POST', '/conversations', {
      token: t.teacher!,
      body: { pupil: f.pupils.b1.id, subject: 'Knutselwerk' },
    })
    expect(res.status, await res.clone().text()).toBe(201)
    talk = ((await res.json()) as { doc: Conversation }).doc
  })

  it('refuses a photo that breaks the image rules, naming it, and writes nothing', async () => {
    const before = await messageCount()
    const tooFew = await send(t.teacher!, 'Kijk eens!', [portrait.id])
    expect(tooFew.status).toBe(422)
    expect(JSON.stringify(await tooFew.json())).toContain('Foto 1: Een foto met minder dan 2')
    // A photo with pupils of another group would show them to this family.
    const mixed = await send(t.teacher!, 'Kijk eens!', [mixedGroups.id])
    expect(mixed.status).toBe(422)
    expect(JSON.stringify(await mixed.json())).toContain(
      'Foto 1: Op deze foto staan 2 leerlingen uit een andere groep',
    )
    // Another teacher's upload is not the sender's to share (nor to know of).
    expect((await send(t.teacher!, 'Kijk eens!', [otherTeachersPhoto.id])).status).toBe(404)
    expect([400, 404]).toContain((await send(t.teacher!, 'Kijk eens!', ['no-such-photo'])).status)
    // Six is the most: seven are refused before anything is looked up.
    const seven = Array.from({ length: 7 }, (_, i) => `${groupPhoto.id}-${i}`)
    expect((await send(t.teacher!, 'Zeven', seven)).status).toBe(400)
    expect(await messageCount()).toBe(before)
  })

  it('a teacher sends a photo that passes; both guardians see it on every channel', async () => {
    // The same photo twice counts once.
    const res = await send(t.teacher!, 'Daan heeft vandaag prachtig geknutseld.', [
      groupPhoto.id,
      groupPhoto.id,
    ])
    expect(res.status, await res.clone().text()).toBe(201)
    message = ((await res.json()) as { doc: Message }).doc
    const stored = await payload.findByID({ collection: 'messages', id: message.id, depth: 0 })
    expect(stored.attachments).toEqual([groupPhoto.id])
    expect(stored.withPhotos).toBe(true)

    for (const token of [t.guardian1!, t.guardian2!, t.teacher!]) {
      expect(await channels(token)).toEqual(everywhere(true))
    }
    // A director has every photo, but reads the conversation only after opening it (recorded).
    expect(await channels(t.director!)).toEqual({ ...everywhere(true), thread: false })
    // The thread gives the derived sizes only: never the original file of an image.
    const thread = (await (
      await rest('GET', `/conversations/${talk.id}/thread`, { token: t.guardian1! })
    ).json()) as ConversationThread
    const shown = thread.messages.find((m) => m.id === message.id)!.attachments
    expect(shown).toEqual([
      expect.objectContaining({ kind: 'image', id: groupPhoto.id, sizes: expect.any(Object) }),
    ])
    expect(JSON.stringify(shown)).not.toContain(groupPhoto.filename!)
    expect(
      (await rest('GET', `/media/file/${groupPhoto.filename}`, { token: t.guardian1! })).status,
    ).not.toBe(200)
  })

  it('another family and another group’s teacher see nothing of it', async () => {
    expect(await channels(t.multi!)).toEqual(everywhere(false))
    expect(await channels(t.otherTeacher!)).toEqual(everywhere(false))
    expect(await channels('')).toEqual(everywhere(false))
  })

  it('a parent cannot attach photos, not even ones they may see', async () => {
    const res = await send(t.guardian1!, 'Wat mooi!', [groupPhoto.id])
    expect(res.status, await res.clone().text()).toBe(201)
    const id = ((await res.json()) as { doc: Message }).doc.id
    const stored = await payload.findByID({ collection: 'messages', id, depth: 0 })
    expect(stored.attachments ?? []).toEqual([])
    expect(stored.withPhotos).toBeFalsy()
    // Staff cannot swap photos afterwards either: after sending, staff change only the status.
    await rest('PATCH', `/messages/${message.id}`, {
      token: t.teacher!,
      body: { attachments: [portrait.id] },
    })
    const after = await payload.findByID({ collection: 'messages', id: message.id, depth: 0 })
    expect(after.attachments).toEqual([groupPhoto.id])
  })

  it('a refused consent removes the photo from the message at once, for parents only', async () => {
    // B2's guardian refuses; the photo tags B2.
    const refuse = await rest('POST', '/image-consents/set', {
      token: t.guardianB2!,
      body: { pupil: b2Id, allowed: false },
    })
    expect(refuse.status).toBe(200)
    expect(await channels(t.guardian1!)).toEqual(everywhere(false))
    // The message itself stays; staff still see the photo.
    const thread = (await (
      await rest('GET', `/conversations/${talk.id}/thread`, { token: t.guardian1! })
    ).json()) as ConversationThread
    expect(thread.messages.find((m) => m.id === message.id)).toMatchObject({ attachments: [] })
    expect(await channels(t.teacher!)).toEqual(everywhere(true))
    // And a new message with it is refused now.
    expect((await send(t.teacher!, 'Nog een keer', [groupPhoto.id])).status).toBe(422)

    await rest('POST', '/image-consents/set', {
      token: t.guardianB2!,
      body: { pupil: b2Id, allowed: true },
    })
    expect(await channels(t.guardian1!)).toEqual(everywhere(true))
  })

  it('hiding the message hides its photo from parents; staff keep it', async () => {
    const hide = await rest('PATCH', `/messages/${message.id}`, {
      token: t.teacher!,
      body: { status: 'hidden' },
    })
    expect(hide.status, await hide.clone().text()).toBe(200)
    expect(await channels(t.guardian1!)).toEqual(everywhere(false))
    expect(await channels(t.teacher!)).toEqual(everywhere(true))
    await rest('PATCH', `/messages/${message.id}`, {
      token: t.teacher!,
      body: { status: 'delivered' },
    })
    expect(await channels(t.guardian1!)).toEqual(everywhere(true))
  })

  it('a pupil changing group takes the photo to the new teacher; the former keeps only their upload', async () => {
    await payload.update({
      collection: 'pupils',
      id: f.pupils.b1.id,
      data: { group: f.groups.c.id },
    })
    try {
      expect(await channels(t.otherTeacher!)).toEqual(everywhere(true))
      // The former teacher no longer reads the conversation; the photo is still their own upload.
      const former = await channels(t.teacher!)
      expect(former.thread).toBe(false)
      expect(former.item).toBe(true)
    } finally {
      await payload.update({
        collection: 'pupils',
        id: f.pupils.b1.id,
        data: { group: f.groups.b.id },
      })
    }
    expect(await channels(t.otherTeacher!)).toEqual(everywhere(false))
  })

  it('an unlinked guardian and a deactivated one lose the photo at once', async () => {
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { children: [] },
    })
    expect(await channels(t.guardian2!)).toEqual(everywhere(false))
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { children: [f.pupils.b1.id] },
    })
    expect(await channels(t.guardian2!)).toEqual(everywhere(true))
    await payload.update({
      collection: 'parents',
      id: f.parents.guardianTwo.id,
      data: { status: 'deactivated' },
    })
    expect(await channels(t.guardian2!)).toEqual(everywhere(false))
  })
})
