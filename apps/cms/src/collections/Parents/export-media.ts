import { makeZip, predictLength } from 'client-zip'
import type { PayloadRequest } from 'payload'

import type { ParentUser } from '../../access/lib/users'
import type { Media } from '../../payload-types'
import { storedMediaFiles } from '../Media/storage/stored-media-files'

/** Posts read per query while listing what goes into the zip. */
const PAGE = 100

/** One file of the zip: where it goes in the zip, and which stored file it is. */
export type MediaExportEntry = {
  name: string
  filename: string
  size: number
  lastModified: Date
}

const EXTENSIONS: Record<string, string> = {
  'image/webp': 'webp',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
}

/** A post's title as a folder name every operating system accepts. */
export function folderName(date: string, title: string): string {
  const clean = title
    .normalize('NFC')
    // Control characters, path separators and what Windows refuses in names.
    .replace(/[\p{Cc}\\/:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
    .slice(0, 80)
  return `${date} ${clean || 'Bericht'}`
}

/**
 * The file a parent gets of an item: the full-size WebP of a photo (what the portal shows, every
 * one without metadata), the video itself.
 */
function chosenFile(media: Media): { filename: string; size: number; mimeType: string } | null {
  const full = media.sizes?.full
  if (!media.mimeType?.startsWith('video/') && full?.filename && full.filesize)
    return { filename: full.filename, size: full.filesize, mimeType: full.mimeType ?? 'image/webp' }
  if (media.filename && media.filesize)
    return { filename: media.filename, size: media.filesize, mimeType: media.mimeType ?? '' }
  return null
}

/**
 * What the zip of a parent holds (AVG, issue #16): every photo and video in the posts the parent
 * may read now, resolved by reading posts and media *as the parent* (`overrideAccess: false`), so
 * exactly the visibility rules of every other read decide — never more. One folder per post
 * ("2026-11-20 Herfstwandeling"), newest first; an item in two posts is in the first only. Lists
 * names and sizes only (the zip's length is known before a byte is sent); the files are read
 * while the zip streams.
 */
export async function mediaExportEntries(
  req: PayloadRequest,
  parent: ParentUser,
): Promise<MediaExportEntry[]> {
  const entries: MediaExportEntry[] = []
  const seen = new Set<string>()
  const folders = new Map<string, number>()
  for (let page = 1; ; page++) {
    // Depth 1: Payload populates only the gallery items the parent may read (media access), and
    // the posts hook drops the rest — the portal's own view of the post.
    const posts = await req.payload.find({
      collection: 'posts',
      user: parent,
      overrideAccess: false,
      depth: 1,
      limit: PAGE,
      page,
      sort: '-publishedAt',
      select: { title: true, publishedAt: true, gallery: true },
      populate: {
        media: { filename: true, filesize: true, mimeType: true, sizes: true, createdAt: true },
      },
    })
    for (const post of posts.docs) {
      const date = (post.publishedAt ?? '').slice(0, 10) || 'zonder-datum'
      let folder = folderName(date, post.title ?? '')
      const taken = folders.get(folder) ?? 0
      folders.set(folder, taken + 1)
      if (taken) folder = `${folder} (${taken + 1})`
      let n = 0
      for (const value of post.gallery ?? []) {
        if (!value || typeof value !== 'object') continue
        const item = value as Media
        const id = item.id
        if (seen.has(id)) continue
        const file = chosenFile(item)
        if (!file) continue
        seen.add(id)
        n++
        const ext = EXTENSIONS[file.mimeType] ?? file.filename.split('.').pop() ?? 'bin'
        entries.push({
          name: `${folder}/${String(n).padStart(2, '0')}.${ext}`,
          filename: file.filename,
          size: file.size,
          lastModified: new Date(post.publishedAt ?? item.createdAt),
        })
      }
    }
    if (!posts.hasNextPage) break
  }
  return entries
}

/** The zip's exact length for these entries (client-zip's own prediction). */
export function zipLength(entries: readonly MediaExportEntry[]): number {
  return Number(predictLength(entries.map(({ name, size }) => ({ name, size }))))
}

/**
 * The zip as a stream: files are opened one after another as the client reads (stored, not
 * compressed: photos and videos are compressed already), so memory holds one chunk, not a file.
 */
export function mediaZip(entries: readonly MediaExportEntry[]): ReadableStream<Uint8Array> {
  const files = storedMediaFiles()
  async function* inputs() {
    for (const entry of entries) {
      const stream = await files.open(entry.filename)
      if (!stream) throw new Error(`A media file is missing from storage: ${entry.filename}`)
      yield { name: entry.name, size: entry.size, lastModified: entry.lastModified, input: stream }
    }
  }
  return makeZip(inputs())
}
