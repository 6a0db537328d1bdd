import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from './helpers/payload'
import { asUser, createSchoolFixture, type SchoolFixture } from './helpers/school-fixture'

describe('school-settings global', () => {
  let payload: Payload
  let f: SchoolFixture
  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
  })

  it('has the brief defaults: Europe/Amsterdam, 08:15 cutoff, minimum 2 pupils per photo', async () => {
    const settings = await payload.findGlobal({ slug: 'school-settings' })
    expect(settings.timeZone).toBe('Europe/Amsterdam')
    expect(settings.absenceCutoff).toBe('08:15')
    expect(settings.minPupilsPerPhoto).toBe(2)
    expect(settings.schoolHours?.wednesday).toMatchObject({ start: '08:30', end: '12:15' })
  })

  it('is readable by every logged-in user, including parents', async () => {
    const settings = await payload.findGlobal({
      slug: 'school-settings',
      user: asUser('parents', f.parents.multiGroup),
      overrideAccess: false,
    })
    expect(settings.phone).toBeTruthy()
  })

  it('is not readable by a deactivated parent', async () => {
    await expect(
      payload.findGlobal({
        slug: 'school-settings',
        user: asUser('parents', f.parents.deactivated),
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('only a director edits it', async () => {
    for (const user of [
      asUser('staff', f.teacherOther),
      asUser('staff', f.office),
      asUser('parents', f.parents.multiGroup),
    ]) {
      await expect(
        payload.updateGlobal({
          slug: 'school-settings',
          data: { phone: '010 000 00 00' },
          user,
          overrideAccess: false,
        }),
      ).rejects.toMatchObject({ status: 403 })
    }
    const updated = await payload.updateGlobal({
      slug: 'school-settings',
      data: { phone: '071 765 43 21' },
      user: asUser('staff', f.director),
      overrideAccess: false,
    })
    expect(updated.phone).toBe('071 765 43 21')
  })

  it('refuses school hours that end before they start, in Dutch, writing nothing', async () => {
    const before = await payload.findGlobal({ slug: 'school-settings' })
    await expect(
      payload.updateGlobal({
        slug: 'school-settings',
        data: {
          schoolName: 'Half geschreven',
          schoolHours: { monday: { start: '14:30', end: '08:30' } },
        },
        user: asUser('staff', f.director),
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: { errors: [{ message: expect.stringMatching(/maandag moet na de begintijd/) }] },
    })
    const after = await payload.findGlobal({ slug: 'school-settings' })
    expect(after.schoolName).toBe(before.schoolName)
  })

  it('refuses malformed times and a portrait minimum below 2', async () => {
    await expect(
      payload.updateGlobal({
        slug: 'school-settings',
        data: { absenceCutoff: '8.15' },
        user: asUser('staff', f.director),
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
    await expect(
      payload.updateGlobal({
        slug: 'school-settings',
        data: { minPupilsPerPhoto: 1 },
        user: asUser('staff', f.director),
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })
})
