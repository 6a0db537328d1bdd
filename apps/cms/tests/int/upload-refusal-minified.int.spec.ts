import { APIError, Forbidden, NotFound, ValidationError } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { testPayload } from './helpers/payload'
import { createSchoolFixture, fixtureToken } from './helpers/school-fixture'
import { uploadMedia } from './helpers/upload'

/**
 * The production build minifies class names, and Payload formats an error by its `name`
 * (`this.constructor.name`): a public APIError then answers "An unknown error occurred." (seen
 * for every refused upload in the production build and the admin's toast). Payload reads no
 * NODE_ENV on this path (isErrorPublic looks at `isPublic` and `config.debug` only), so this
 * reproduces the build the way it differs: error classes whose names are gone.
 */
const CLASSES = [APIError, Forbidden, NotFound, ValidationError]
const names = CLASSES.map((c) => c.name)

describe('refused uploads with minified class names (as in the production build)', () => {
  let token: string
  beforeAll(async () => {
    const payload = await testPayload()
    const school = await createSchoolFixture(payload)
    token = await fixtureToken(payload, 'staff', school.teacherTwoGroups.email)
    for (const c of CLASSES) Object.defineProperty(c, 'name', { value: '' })
  })
  afterAll(() => {
    CLASSES.forEach((c, i) => Object.defineProperty(c, 'name', { value: names[i] }))
  })

  it('an SVG, an HTML file named .jpg and a PDF answer the Dutch refusal, not "An unknown error occurred."', async () => {
    const files: [string, Buffer][] = [
      [
        'tekening.svg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      ],
      [
        'foto.jpg',
        Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'),
      ],
      ['brief.pdf', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF')],
    ]
    for (const [name, data] of files) {
      const res = await uploadMedia(token, data, name, { alt: name })
      const body = await res.json()
      expect([name, res.status, body.errors?.[0]?.message]).toEqual([
        name,
        415,
        'Dit bestandstype kan niet. Upload een foto (JPEG, PNG, WebP) of een video (MP4, WebM, MOV).',
      ])
    }
  })
})
