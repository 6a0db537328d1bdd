import type { Payload } from 'payload'
import { createLocalReq } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import { refusedPupilIds } from '../../src/access/lib/parent-visibility'
import { REFUSED_SUFFIX } from '../../src/collections/Pupils/hooks/tag-label'
import { testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture } from './helpers/school-fixture'

/**
 * The picker's label follows a consent change made in the same request, also when that request
 * had already read the consent facts (they are cached per request).
 */
describe('tag labels after a consent change (S16)', () => {
  let payload: Payload
  let f: SchoolFixture

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
  })

  it('a refusal marks the pupil even when the request read the facts before', async () => {
    const req = await createLocalReq({}, payload)
    // An earlier step of the same request (e.g. an access check) reads and caches the facts.
    expect((await refusedPupilIds(req)).has(f.pupils.b1.id)).toBe(false)
    await payload.create({
      collection: 'image-consents',
      data: { pupil: f.pupils.b1.id, guardian: f.parents.guardianOne.id, allowed: false },
      req,
    })
    const pupil = await payload.findByID({ collection: 'pupils', id: f.pupils.b1.id, depth: 0 })
    expect(pupil.tagLabel).toBe(`${pupil.firstName} ${pupil.lastName}${REFUSED_SUFFIX}`)
  })
})
