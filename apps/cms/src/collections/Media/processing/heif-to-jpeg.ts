import sharp from 'sharp'

import { readHeifContainer } from './heif-container'
import { decodeHeif, type Decoded } from './heif-worker-pool'
import { displayP3Profile, withIccProfile } from './jpeg-icc'

/**
 * HEIC/HEIF photos (iPhones, many Android phones) to JPEG. sharp's prebuilt libvips cannot decode
 * HEVC, so the primary image is decoded by libheif-js in a worker (`heif-worker-pool.ts`) and
 * handed to sharp as raw pixels.
 *
 * - The pixel count is checked before anything is decoded: first from the container's `ispe`
 *   box here (`heif-container.ts`), then from libheif's own view of the primary image in the
 *   worker.
 * - The container's rotation/mirroring (`irot`/`imir`) is applied by libheif; the raw pixels carry
 *   no EXIF, so nothing is rotated twice. The colour profile (phones: Display P3) travels into the
 *   JPEG (`jpeg-icc.ts`), so sharp converts the colours to sRGB later, as it does for every other
 *   photo.
 */

export type HeifResult =
  { ok: true; jpeg: Buffer; width: number; height: number } | { ok: false; reason: HeifFailure }

/**
 * too-large: over the pixel limit (nothing decoded); unreadable: not a readable HEIF image
 * (corrupt, truncated, a codec libheif-js lacks such as AV1); unavailable: the decoder itself
 * could not be loaded (an installation problem, not the user's).
 */
export type HeifFailure = 'too-large' | 'unreadable' | 'unavailable'

/**
 * The primary image of a HEIC/HEIF file as a JPEG (quality 92, with the file's colour profile,
 * no other metadata), or why not. Never throws.
 */
export async function heifToJpeg(data: Buffer, maxPixels: number): Promise<HeifResult> {
  const container = readHeifContainer(data)
  if (container.width && container.height && container.width * container.height > maxPixels)
    return { ok: false, reason: 'too-large' }
  let decoded: Decoded
  try {
    decoded = await decodeHeif(data, maxPixels)
  } catch {
    return { ok: false, reason: 'unavailable' } // the worker could not even be started
  }
  if (!decoded.ok) return decoded
  const { width, height, channels, pixels } = decoded
  try {
    let image = sharp(pixels, { raw: { width, height, channels }, limitInputPixels: maxPixels })
    if (channels === 4) image = image.flatten({ background: '#ffffff' })
    // Visually lossless; Payload re-encodes the original (q80, 4:2:0) like every other photo.
    const jpeg = await image.jpeg({ quality: 92 }).toBuffer()
    const icc = container.icc ?? (container.p3 ? await displayP3Profile() : undefined)
    return { ok: true, jpeg: icc ? withIccProfile(jpeg, icc) : jpeg, width, height }
  } catch {
    return { ok: false, reason: 'unreadable' }
  }
}
