import { randomUUID } from 'node:crypto'

import { fileTypeFromBuffer } from 'file-type'
import type { CollectionBeforeOperationHook } from 'payload'
import { APIError, Forbidden } from 'payload'
import sharp from 'sharp'

import { hasRole } from '../../../access/lib/users'
import { env } from '../../../lib/env'
import { heifToJpeg } from '../processing/heif-to-jpeg'
import { cleanVideo, type VideoContainer } from '../processing/strip-video-metadata'

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp']
/** The video types we take, and the container ffmpeg writes each back as. */
const CONTAINER: Record<string, VideoContainer> = {
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
}
export const VIDEO_TYPES = Object.keys(CONTAINER)
/** The poster frame of a video upload, from here to the `attachVideoPoster` hook. */
export const VIDEO_POSTER = 'videoPoster'
/** What file-type reports for the HEIF brands phones write: heic/heix, mif1, msf1, hevc/hevx. */
const HEIF = ['image/heic', 'image/heif', 'image/heic-sequence', 'image/heif-sequence']

const PHONE_ADVICE =
  'Deel de foto als JPEG, of zet op de iPhone Instellingen › Camera › Formaten op "Meest compatibel".'

const tooLarge = () =>
  new APIError(
    `Deze foto is te groot om te verwerken (meer dan ${Math.round(env.mediaMaxPixels / 1_000_000)} megapixel).`,
    413,
    undefined,
    true,
  )

/**
 * Before Payload touches an upload: the type is decided by the bytes, never the name; phone HEIC
 * photos are converted to JPEG (`processing/heif-to-jpeg.ts`) and then treated like any other
 * photo; an image whose decoded size would exceed the pixel limit (a decompression bomb) is
 * refused before any decoding happens; a video is replaced by a copy without metadata
 * (`processing/strip-video-metadata.ts`), and its poster frame is kept for `attachVideoPoster`.
 */
export const checkUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data?.length) return args
  // Payload checks access only after this hook, inside the operation's transaction (which holds
  // SQLite's write lock): nobody but those who may upload gets a file decoded or remuxed.
  if (!args.overrideAccess && !hasRole(req, 'director', 'teacher')) throw new Forbidden(req.t)
  const detected = await fileTypeFromBuffer(file.data)
  let mime = detected?.mime ?? 'onbekend'
  let ext = detected?.ext ?? 'bin'
  if (mime === 'image/avif') {
    throw new APIError(
      'AVIF-foto’s kunnen we niet verwerken. Deel de foto als JPEG.',
      415,
      undefined,
      true,
    )
  }
  if (HEIF.includes(mime)) {
    const result = await heifToJpeg(file.data, env.mediaMaxPixels)
    if (!result.ok && result.reason === 'too-large') throw tooLarge()
    if (!result.ok && result.reason === 'unavailable') {
      req.payload.logger.error(
        'HEIC upload refused: the HEIF decoder (libheif-js) could not be loaded',
      )
      throw new APIError(
        `HEIC-foto’s kunnen we op dit moment niet verwerken. ${PHONE_ADVICE}`,
        415,
        undefined,
        true,
      )
    }
    if (!result.ok) {
      throw new APIError(
        `Deze HEIC-foto kunnen we niet lezen: het bestand is beschadigd, onvolledig of van een soort die we niet ondersteunen. ${PHONE_ADVICE}`,
        422,
        undefined,
        true,
      )
    }
    // From here on it is a JPEG like any other; the pipeline below and Payload's sharp pass strip
    // its metadata (the HEIC's EXIF and GPS never reach the JPEG: only pixels and colour do).
    file.data = result.jpeg
    file.size = result.jpeg.length
    mime = 'image/jpeg'
    ext = 'jpg'
  }
  if (![...IMAGE_TYPES, ...VIDEO_TYPES].includes(mime)) {
    throw new APIError(
      'Dit bestandstype kan niet. Upload een foto (JPEG, PNG, WebP) of een video (MP4, WebM, MOV).',
      415,
      undefined,
      true,
    )
  }
  if (IMAGE_TYPES.includes(mime)) {
    let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>
    try {
      meta = await sharp(file.data, { limitInputPixels: false }).metadata()
    } catch {
      throw new APIError(
        'Deze foto is beschadigd of onvolledig en kan niet worden gelezen.',
        422,
        undefined,
        true,
      )
    }
    if (!meta.width || !meta.height || meta.width * meta.height > env.mediaMaxPixels) {
      throw tooLarge()
    }
  }
  if (VIDEO_TYPES.includes(mime)) {
    const container = CONTAINER[mime]!
    const result = await cleanVideo(file.data, container, env.ffmpegPath)
    if (!result.ok && result.reason === 'unavailable') {
      req.payload.logger.error(
        `Video upload refused: ffmpeg not found (FFMPEG_PATH=${env.ffmpegPath})`,
      )
      throw new APIError(
        'Video’s kunnen we op dit moment niet verwerken. Probeer het later opnieuw of vraag de beheerder om hulp.',
        503,
        undefined,
        true,
      )
    }
    if (!result.ok) {
      throw new APIError(
        'Deze video is beschadigd of onvolledig en kan niet worden gelezen.',
        422,
        undefined,
        true,
      )
    }
    // Only the copy without metadata is ever stored: the original bytes are not kept anywhere.
    file.data = result.video
    file.size = result.video.length
    ext = container
    req.context[VIDEO_POSTER] = result.poster
  }
  // Trust the bytes: Payload stores the detected type, whatever the browser claimed. The stored
  // name is random: a phone's "IMG_Noor verjaardag (1).jpg" says too much and is awkward in URLs.
  file.mimetype = mime
  file.name = `${randomUUID()}.${ext}`
  return args
}
