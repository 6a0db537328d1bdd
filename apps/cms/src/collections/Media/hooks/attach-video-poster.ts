import path from 'node:path'

import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import sharp from 'sharp'

import { MEDIA_SIZES, WEBP_QUALITY } from '../sizes'
import { storedMediaFiles } from '../storage/stored-media-files'
import { VIDEO_POSTER } from './check-upload'

type SizeData = {
  filename: string | null
  width: number | null
  height: number | null
  mimeType: string | null
  filesize: number | null
}

const POSTER_FILES = 'videoPosterFiles'
type PosterFiles = { video: string; files: { filename: string; data: Buffer }[] }

const NO_SIZE: SizeData = {
  filename: null,
  width: null,
  height: null,
  mimeType: null,
  filesize: null,
}

/**
 * A video gets the same derived sizes as a photo, made from its poster frame: WebP stills, no
 * metadata, never enlarged. Stored as the media item's `sizes`, they are served by Payload's file
 * endpoint under exactly the same access rules as the sizes of a photo, removed with the video,
 * and shown by the admin as its thumbnail. The video's own width and height come from the frame
 * (after rotation), so pages can reserve its space before it loads. A new video without a usable
 * frame clears what a replaced file left behind.
 */
export const attachVideoPoster: CollectionBeforeChangeHook = async ({ data, req }) => {
  const poster = req.context[VIDEO_POSTER] as Buffer | null | undefined
  if (poster === undefined || !String(data.mimeType ?? '').startsWith('video/')) return data
  delete req.context[VIDEO_POSTER]
  const noPoster = Object.fromEntries(MEDIA_SIZES.map(({ name }) => [name, NO_SIZE]))
  if (!poster || typeof data.filename !== 'string') {
    return { ...data, width: null, height: null, sizes: noPoster }
  }

  const base = path.parse(data.filename).name
  const frame = await sharp(poster).metadata()
  const sizes: Record<string, SizeData> = {}
  const files: PosterFiles['files'] = []
  for (const size of MEDIA_SIZES) {
    const { data: webp, info } = await sharp(poster)
      .resize({ width: size.width, withoutEnlargement: true })
      .webp({ quality: WEBP_QUALITY })
      .toBuffer({ resolveWithObject: true })
    const filename = `${base}-poster-${info.width}x${info.height}.webp`
    files.push({ filename, data: webp })
    sizes[size.name] = {
      filename,
      width: info.width,
      height: info.height,
      mimeType: 'image/webp',
      filesize: webp.length,
    }
  }
  req.context[POSTER_FILES] = { video: data.filename, files } satisfies PosterFiles
  return { ...data, width: frame.width, height: frame.height, sizes }
}

/**
 * The posters are written only once the item itself is stored (a refused save leaves no stray
 * files), still inside the save's transaction: if writing fails, nothing is saved. Where to (disk
 * or bucket) is storage/media-files.ts; Payload deletes them with the video, as any size.
 */
export const writeVideoPosters: CollectionAfterChangeHook = async ({ doc, req }) => {
  const pending = req.context[POSTER_FILES] as PosterFiles | undefined
  if (!pending || pending.video !== doc.filename) return doc
  delete req.context[POSTER_FILES]
  await Promise.all(
    pending.files.map((file) => storedMediaFiles().write(file.filename, file.data, 'image/webp')),
  )
  return doc
}
