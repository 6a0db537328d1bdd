import { randomUUID } from 'node:crypto'

import { fileTypeFromBuffer } from 'file-type'
import type { CollectionBeforeOperationHook } from 'payload'
import { APIError } from 'payload'
import sharp from 'sharp'

import { env } from '../../../lib/env'

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp']
export const VIDEO_TYPES = ['video/mp4', 'video/webm', 'video/quicktime']
const HEIF = [
  'image/heic',
  'image/heif',
  'image/heic-sequence',
  'image/heif-sequence',
  'image/avif',
]

/**
 * Before Payload touches an upload: the type is decided by the bytes, never the name; phone HEIC
 * photos get their own explanation (no decoder for them here); an image whose decoded size would
 * exceed the pixel limit (a decompression bomb) is refused before any decoding happens.
 */
export const checkUpload: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const file = req.file
  if (!file?.data?.length) return args
  const detected = await fileTypeFromBuffer(file.data)
  const mime = detected?.mime ?? 'onbekend'
  if (HEIF.includes(mime)) {
    throw new APIError(
      'HEIC-foto’s (van iPhone) kunnen we nog niet verwerken. Zet op de telefoon Instellingen › Camera › Formaten op "Meest compatibel", of exporteer de foto als JPEG.',
      415,
      undefined,
      true,
    )
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
      throw new APIError(
        `Deze foto is te groot om te verwerken (meer dan ${Math.round(env.mediaMaxPixels / 1_000_000)} megapixel).`,
        413,
        undefined,
        true,
      )
    }
  }
  // Trust the bytes: Payload stores the detected type, whatever the browser claimed. The stored
  // name is random: a phone's "IMG_Noor verjaardag (1).jpg" says too much and is awkward in URLs.
  file.mimetype = mime
  file.name = `${randomUUID()}.${detected?.ext ?? 'bin'}`
  return args
}
