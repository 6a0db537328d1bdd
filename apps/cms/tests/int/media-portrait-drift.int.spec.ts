import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Media, Post, Pupil } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { rest, testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { uploadMedia } from './helpers/upload'

/**
 * Issue #9 item 5 (S13): what parents see follows the *current* school settings and tags, not a
 * flag stored when the photo was saved. Raising the minimum or deleting a tagged pupil hides the
 * photos that are now portraits, through REST and every file size, at once.
 */
describe(
  'the portrait rule follows the current settings and tags (S13)',
  { tags: ['media-files'] },
  () => {
    let payload: Payload
    let f: SchoolFixture
    let directorToken: string
    let teacherToken: string
    let parentToken: string
    let threePupils: Media
    let twoPupils: Media
    let leaving: Pupil
    let post: Post

    const sizes = (m: Media) => [
      m.sizes!.thumbnail!.filename!,
      m.sizes!.feed!.filename!,
      m.sizes!.full!.filename!,
    ]
    const setMinimum = (minPupilsPerPhoto: number) =>
      payload.updateGlobal({ slug: 'school-settings', data: { minPupilsPerPhoto } })

    /** Every channel a parent has to one photo: the item, the list, the post's gallery, each file. */
    async function parentSees(m: Media): Promise<boolean[]> {
      const item = await rest('GET', `/media/${m.id}`, { token: parentToken })
      const list = (await (
        await rest('GET', `/media?where[id][equals]=${m.id}`, { token: parentToken })
      ).json()) as { docs: Media[] }
      const gallery = (await (
        await rest('GET', `/posts/${post.id}?depth=1`, { token: parentToken })
      ).json()) as { gallery: Media[] }
      const files = await Promise.all(
        sizes(m).map((file) => rest('GET', `/media/file/${file}`, { token: parentToken })),
      )
      return [
        item.status === 200,
        list.docs.length === 1,
        gallery.gallery.some((g) => g.id === m.id),
        ...files.map((r) => r.status === 200),
      ]
    }
    const everywhere = (seen: boolean) => Array.from({ length: 6 }, () => seen)

    beforeAll(async () => {
      payload = await testPayload()
      f = await createSchoolFixture(payload)
      directorToken = await fixtureToken(payload, 'staff', f.director.email)
      teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
      parentToken = await fixtureToken(payload, 'parents', f.parents.multiGroup.email)
      leaving = await payload.create({
        collection: 'pupils',
        data: { firstName: 'Vertrekt', lastName: 'Binnenkort', group: f.groups.a.id },
      })
      const png = await plainPng(1200, 800, '#c84')
      const upload = async (name: string, pupils: string[]) =>
        (
          (await (await uploadMedia(teacherToken, png, name, { pupils })).json()) as {
            doc: Media
          }
        ).doc
      threePupils = await upload('drie.png', [f.pupils.a1.id, f.pupils.a2.id, f.pupils.b1.id])
      twoPupils = await upload('twee.png', [f.pupils.a1.id, leaving.id])
      const res = await rest('POST', '/posts', {
        token: teacherToken,
        body: {
          title: 'Schoolreis',
          audience: 'groups',
          groups: [f.groups.a.id],
          status: 'published',
          gallery: [threePupils.id, twoPupils.id],
        },
      })
      expect(res.status).toBe(201)
      post = ((await res.json()) as { doc: Post }).doc
    })

    afterAll(async () => {
      await setMinimum(2)
    })

    it('a parent sees both photos while the minimum is 2', async () => {
      expect(await parentSees(threePupils)).toEqual(everywhere(true))
      expect(await parentSees(twoPupils)).toEqual(everywhere(true))
    })

    it('raising the minimum to 4 hides a 3-pupil photo everywhere; lowering it shows it again', async () => {
      await setMinimum(4)
      try {
        expect(await parentSees(threePupils)).toEqual(everywhere(false))
        // Staff see the same current rule: the photo is not publishable, and its status says so.
        const staffView = (await (
          await rest('GET', `/media/${threePupils.id}`, { token: directorToken })
        ).json()) as Media
        expect(staffView.publishable).toBe(false)
        expect(staffView.consentStatus).toMatch(/^Niet deelbaar/)
        // Publishing another post with it is refused by the same rule, in Dutch.
        const refused = await rest('POST', '/posts', {
          token: teacherToken,
          body: {
            title: 'Nog een keer',
            audience: 'groups',
            groups: [f.groups.a.id],
            status: 'published',
            gallery: [threePupils.id],
          },
        })
        expect(refused.status).toBe(400)
        expect(JSON.stringify(await refused.json())).toContain('portretfoto')
      } finally {
        await setMinimum(2)
      }
      expect(await parentSees(threePupils)).toEqual(everywhere(true))
    })

    it('deleting a tagged pupil turns a 2-pupil photo into a portrait at once', async () => {
      const res = await rest('DELETE', `/pupils/${leaving.id}`, { token: directorToken })
      expect(res.status).toBe(200)
      expect(await parentSees(twoPupils)).toEqual(everywhere(false))
      const staffView = (await (
        await rest('GET', `/media/${twoPupils.id}`, { token: directorToken })
      ).json()) as Media
      expect(staffView.publishable).toBe(false)
    })
  },
)
