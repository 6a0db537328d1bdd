import exifr from 'exifr'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Payload } from 'payload'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'

import { heifToJpeg } from '../../src/collections/Media/processing/heif-to-jpeg'
import { heifDecoderRunning } from '../../src/collections/Media/processing/heif-worker-pool'
import type { Media } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { testPayload } from './helpers/payload'
import { createSchoolFixture, type SchoolFixture, fixtureToken } from './helpers/school-fixture'
import { storedFile } from './helpers/stored-files'
import { uploadMedia } from './helpers/upload'

/**
 * An iPhone-style portrait photo (see tests/fixtures/make-phone-heic.mjs): 4032×3024 HEVC pixels
 * plus "rotate 90° clockwise", Display P3, EXIF with GPS and orientation 6. Top left of the sensor
 * image is a pure red block, so after the rotation it is top right.
 */
const phoneHeic = readFileSync(
  path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/phone.heic'),
)

/** The same file with another major brand (mif1: image/heif, msf1: image/heif-sequence). */
function withBrand(brand: string): Buffer {
  const copy = Buffer.from(phoneHeic)
  copy.write(brand, 8, 'latin1')
  return copy
}

/** The fixture claiming another size in its (first, primary) `ispe` box. */
function withIspe(width: number, height: number): Buffer {
  const copy = Buffer.from(phoneHeic)
  const at = copy.indexOf('ispe', 0, 'latin1')
  copy.writeUInt32BE(width, at + 8)
  copy.writeUInt32BE(height, at + 12)
  return copy
}

async function pixel(file: Buffer, x: number, y: number): Promise<number[]> {
  const px = await sharp(file).extract({ left: x, top: y, width: 1, height: 1 }).raw().toBuffer()
  return [...px.subarray(0, 3)]
}

describe('HEIC/HEIF uploads are converted to JPEG (S12)', { tags: ['media-files'] }, () => {
  let payload: Payload
  let f: SchoolFixture
  let teacherToken: string
  const countMedia = async () => (await payload.count({ collection: 'media' })).totalDocs

  beforeAll(async () => {
    payload = await testPayload()
    f = await createSchoolFixture(payload)
    teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
  })

  it('does not start the decoder before a HEIC arrives, nor for a HEIC bomb', async () => {
    const png = await plainPng(60, 40)
    expect((await uploadMedia(teacherToken, png, 'gewoon.png')).status).toBe(201)
    expect(heifDecoderRunning()).toBe(false)

    // 10 000 × 10 000 claimed by the container: refused from the header, nothing decoded.
    const before = await countMedia()
    const bomb = await uploadMedia(teacherToken, withIspe(10_000, 10_000), 'IMG_0002.HEIC')
    expect(bomb.status).toBe(413)
    expect((await bomb.json()).errors[0].message).toMatch(/te groot om te verwerken/)
    expect(await countMedia()).toBe(before)
    expect(heifDecoderRunning()).toBe(false)
  })

  it('converts a phone HEIC: upright, sRGB, WebP sizes, no EXIF or GPS', async () => {
    expect((await exifr.gps(phoneHeic))?.latitude).toBeCloseTo(52.2)

    // The conversion alone: cold (worker + WebAssembly start) and warm.
    let started = performance.now()
    const cold = await heifToJpeg(phoneHeic, 50_000_000)
    const coldMs = performance.now() - started
    started = performance.now()
    const warm = await heifToJpeg(phoneHeic, 50_000_000)
    const warmMs = performance.now() - started
    expect(cold.ok && warm.ok).toBe(true)
    expect(heifDecoderRunning()).toBe(true)

    started = performance.now()
    const res = await uploadMedia(teacherToken, phoneHeic, 'IMG_0001.HEIC', {
      pupils: [f.pupils.a1.id, f.pupils.a2.id],
    })
    const uploadMs = performance.now() - started
    expect(res.status).toBe(201)
    const { doc } = (await res.json()) as { doc: Media }
    console.log(
      `heic conversion: ${Math.round(warmMs)} ms (12 MP, warm; first one ${Math.round(coldMs)} ms incl. decoder start); whole upload ${Math.round(uploadMs)} ms`,
    )

    expect(doc.mimeType).toBe('image/jpeg')
    expect(doc.filename).toMatch(/^[0-9a-f-]{36}\.jpg$/)
    // irot applied once: the 4032×3024 sensor image is a 3024×4032 portrait (the EXIF orientation
    // 6 in the HEIC is not applied a second time).
    expect([doc.width, doc.height]).toEqual([3024, 4032])
    const stored = await storedFile(doc.filename!)
    const meta = await sharp(stored).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 3024, 4032])
    expect(meta.orientation).toBeUndefined()
    expect(meta.exif).toBeUndefined()
    expect(meta.icc).toBeUndefined()
    expect(await exifr.parse(stored).catch(() => undefined)).toBeFalsy()
    expect(await exifr.gps(stored).catch(() => undefined)).toBeFalsy()

    // The red block is top right now, and Display P3 red came out as sRGB red (not 234,51,35).
    const [r, g, b] = await pixel(stored, 2900, 300)
    expect(r).toBeGreaterThan(240)
    expect(g).toBeLessThan(30)
    expect(b).toBeLessThan(30)
    const [tlRed, tlGreen] = await pixel(stored, 100, 100)
    expect(tlGreen).toBeGreaterThan(tlRed!) // green background

    for (const [name, width] of [
      ['thumbnail', 400],
      ['feed', 1080],
      ['full', 2048],
    ] as const) {
      const size = doc.sizes?.[name]
      expect(size?.mimeType).toBe('image/webp')
      expect(size?.width).toBe(width)
      expect(size?.height).toBe(Math.round((width * 4032) / 3024))
      const sized = await storedFile(size!.filename!)
      const sizeMeta = await sharp(sized).metadata()
      expect(sizeMeta.format).toBe('webp')
      expect(sizeMeta.exif).toBeUndefined()
      expect(sizeMeta.xmp).toBeUndefined()
      expect(sizeMeta.icc).toBeUndefined()
      expect(await exifr.gps(sized).catch(() => undefined)).toBeFalsy()
    }
    expect(doc.publishable).toBe(true)
  })

  it('converts the mif1 (image/heif) and msf1 (image/heif-sequence) brands too', async () => {
    for (const brand of ['mif1', 'msf1']) {
      const res = await uploadMedia(teacherToken, withBrand(brand), `foto-${brand}.heif`, {
        noRecognisablePupils: true,
      })
      expect(res.status, brand).toBe(201)
      const { doc } = (await res.json()) as { doc: Media }
      expect([doc.mimeType, doc.width, doc.height]).toEqual(['image/jpeg', 3024, 4032])
    }
  })

  it('refuses a truncated or empty HEIC with a Dutch 4xx, storing nothing', async () => {
    const before = await countMedia()
    for (const [bytes, name] of [
      [phoneHeic.subarray(0, Math.floor(phoneHeic.length / 2)), 'half.heic'],
      [phoneHeic.subarray(0, 600), 'kop.heic'],
    ] as const) {
      const res = await uploadMedia(teacherToken, bytes, name)
      expect(res.status, name).toBe(422)
      expect((await res.json()).errors[0].message).toMatch(/HEIC-foto kunnen we niet lezen/)
    }
    expect(await countMedia()).toBe(before)
  })

  it('survives garbage inside the HEVC data and keeps converting afterwards', async () => {
    const garbled = Buffer.from(phoneHeic)
    const mdat = garbled.indexOf('mdat', 0, 'latin1')
    for (let i = mdat + 200; i < garbled.length; i += 7) garbled[i] = (i * 31) & 0xff
    const result = await heifToJpeg(garbled, 50_000_000)
    // libde265 may conceal errors and return grey blocks; it must never throw or hang.
    expect(result.ok || result.reason === 'unreadable').toBe(true)
    expect((await heifToJpeg(phoneHeic, 1_000_000)).ok).toBe(false) // over a 1 MP limit
    const again = await heifToJpeg(phoneHeic, 50_000_000)
    expect(again.ok && [again.width, again.height]).toEqual([3024, 4032])
  })
})
