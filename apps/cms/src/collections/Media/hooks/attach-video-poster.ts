import { writeFile } from 'node:fs/promises'
import path from 'node:path'

import type { CollectionBeforeChangeHook } from 'payload'
import sharp from 'sharp'

import { env } from '../../../lib/env'
import { MEDIA_SIZES, WEBP_QUALITY } from '../sizes'
import { VIDEO_POSTER } from './check-upload'

type SizeData = {
  filename: string
  width: number
  height: number
  mimeType: string
  filesize: number
}

/**
 * A video gets the same derived sizes as a photo, made from its poster frame: WebP stills, no
 * metadata, never enlarged. Stored as the media item's `sizes`, they are served by Payload's file
 * endpoint under exactly the same access rules as the sizes of a photo, removed with the video,
 * and shown by the admin as its thumbnail. The video's own width and height come from the frame
 * (after rotation), so pages can reserve its space before it loads.
 */
export const attachVideoPoster: CollectionBeforeChangeHook = async ({ data, req }) => {
  const poster = req.context[VIDEO_POSTER] as Buffer | null | undefined
  if (poster === undefined || !String(data.mimeType ?? '').startsWith('video/')) return data
  delete req.context[VIDEO_POSTER]
  if (!poster || typeof data.filename !== 'string') return data

  const base = path.parse(data.filename).name
  const frame = await sharp(poster).metadata()
  const sizes: Record<string, SizeData> = {}
  for (const size of MEDIA_SIZES) {
    const { data: webp, info } = await sharp(poster)
      .resize({ width: size.width, withoutEnlargement: true })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer({ resolveWithObject: true })
    const filename = `${base}-poster-${info.width}x${info.height}.webp`
    await writeFile(path.join(env.mediaDir, filename), webp)
    sizes[size.name] = {
      filename,
      width: info.width,
      height: info.height,
      mimeType: 'image/webp',
      filesize: webp.length,
    }
  }
  return { ...data, width: frame.width, height: frame.height, sizes }
}
