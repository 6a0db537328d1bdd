import exifr from 'exifr'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import type { Media } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { testPayload } from './helpers/payload'
import { storedFile } from './helpers/stored-files'
import {
  createSchoolFixture,
  FIXTURE_PASSWORD,
  type SchoolFixture,
  fixtureToken,
} from './helpers/school-fixture'
import { phoneJpeg, uploadMedia } from './helpers/upload'

describe('upload pipeline (S12, S13)', { tags: ['media-files'] }, () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  const countMedia = async () => (await payload.count({ collection: 'media' })).totalDocs

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
  })

  it('rotates, strips EXIF/GPS from every file and writes WebP sizes that are never enlarged', async () => {
    const original = await phoneJpeg()
    expect((await exifr.gps(original))?.latitude).toBeCloseTo(52.2)
    const started = performance.now()
    const res = await uploadMedia(teacherToken, original, 'klas.jpg', {
      pupils: [f.pupils.a1.id, f.pupils.a2.id, f.pupils.b1.id],
    })
    const ms = performance.now() - started
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: Media }
    console.log(`upload pipeline: 12 MP JPEG processed in ${Math.round(ms)} ms`)

    // Orientation 6 applied: the 4000×3000 sensor image is a 3000×4000 portrait photo.
    expect([doc.width, doc.height]).toEqual([3000, 4000])
    const stored = await storedFile(doc.filename!)
    expect(await exifr.parse(stored).catch(() => undefined)).toBeFalsy()
    expect(await exifr.gps(stored).catch(() => undefined)).toBeFalsy()

    for (const [name, width] of [
      ['thumbnail', 400],
      ['feed', 1080],
      ['full', 2048],
    ] as const) {
      const size = doc.sizes?.[name]
      expect(size?.mimeType).toBe('image/webp')
      expect(size?.width).toBe(width)
      const meta = await sharp(await storedFile(size!.filename!)).metadata()
      expect(meta.format).toBe('webp')
      expect(meta.exif).toBeUndefined()
      expect(meta.xmp).toBeUndefined()
      expect(meta.icc).toBeUndefined()
    }
    expect(doc.publishable).toBe(true)
  })

  it('never enlarges a small image', async () => {
    const small = await sharp({
      create: { width: 300, height: 200, channels: 3, background: '#abc' },
    })
      .png()
      .toBuffer()
    const res = await uploadMedia(teacherToken, small, 'klein.png', { noRecognisablePupils: true })
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: Media }
    for (const name of ['thumbnail', 'feed', 'full'] as const)
      expect(doc.sizes?.[name]?.width ?? 0).toBeLessThanOrEqual(300)
  })

  it('refuses a decompression bomb without decoding it, storing nothing', async () => {
    const bomb = await sharp({
      create: { width: 10_000, height: 10_000, channels: 3, background: '#000' },
    })
      .png({ compressionLevel: 9 })
      .toBuffer()
    const before = await countMedia()
    const res = await uploadMedia(teacherToken, bomb, 'bom.png')
    expect(res.status).toBe(413)
    expect((await res.json()).errors[0].message).toMatch(/te groot om te verwerken/)
    expect(await countMedia()).toBe(before)
  })

  it('refuses truncated, mismatched and unsupported files with a Dutch 4xx', async () => {
    const before = await countMedia()
    const jpeg = await phoneJpeg({ width: 800, height: 600 })
    const truncated = await uploadMedia(
      teacherToken,
      jpeg.subarray(0, Math.floor(jpeg.length / 3)),
      'half.jpg',
    )
    expect([415, 422, 400]).toContain(truncated.status)

    const text = await uploadMedia(
      teacherToken,
      Buffer.from('<html><script>alert(1)</script></html>'),
      'foto.jpg',
    )
    expect(text.status).toBe(415)
    expect((await text.json()).errors[0].message).toMatch(/Dit bestandstype kan niet/)

    const heic = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypheic'),
      Buffer.from([0, 0, 0, 0]),
      Buffer.from('mif1heic'),
      Buffer.alloc(64),
    ])
    // A HEIC header without an image: the decoder cannot read it (real HEICs: media-heic spec).
    const heicRes = await uploadMedia(teacherToken, heic, 'IMG_0001.HEIC')
    expect(heicRes.status).toBe(422)
    expect((await heicRes.json()).errors[0].message).toMatch(/HEIC.*als JPEG/)
    expect(await countMedia()).toBe(before)

    // A PNG named .jpg is stored as what it is.
    const png = await plainPng(50, 50)
    const renamed = await uploadMedia(teacherToken, png, 'eigenlijk-png.jpg', {
      noRecognisablePupils: true,
    })
    expect(renamed.status).toBe(201)
    expect(((await renamed.json()) as { doc: Media }).doc.mimeType).toBe('image/png')
  })

  it('refuses uploads by parents and the office (S14)', async () => {
    const parentToken = (
      await payload.login({
        collection: 'parents',
        data: { email: f.parents.multiGroup.email, password: FIXTURE_PASSWORD },
      })
    ).token
    const officeToken = (
      await payload.login({
        collection: 'staff',
        data: { email: f.office.email, password: FIXTURE_PASSWORD },
      })
    ).token
    const png = await plainPng(20, 20)
    expect((await uploadMedia(parentToken, png, 'p.png')).status).toBe(403)
    expect((await uploadMedia(officeToken, png, 'o.png')).status).toBe(403)
    expect((await uploadMedia(undefined, png, 'a.png')).status).toBe(403)
  })

  it('marks untagged photos and portraits as not publishable', async () => {
    const png = await plainPng(40, 40)
    const untagged = (
      (await (await uploadMedia(teacherToken, png, 'u.png')).json()) as { doc: Media }
    ).doc
    const portrait = (
      (await (
        await uploadMedia(teacherToken, png, 'p.png', { pupils: [f.pupils.a1.id] })
      ).json()) as { doc: Media }
    ).doc
    const contradictory = (
      (await (
        await uploadMedia(teacherToken, png, 'c.png', {
          pupils: [f.pupils.a1.id, f.pupils.a2.id],
          noRecognisablePupils: true,
        })
      ).json()) as { doc: Media }
    ).doc
    expect([untagged.publishable, portrait.publishable, contradictory.publishable]).toEqual([
      false,
      false,
      false,
    ])
  })
})
