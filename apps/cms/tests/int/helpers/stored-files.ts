import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { storedMediaFiles } from '../../../src/collections/Media/storage/stored-media-files'

/**
 * What the CMS stored for a media file, wherever it stores files: MEDIA_DIR, or the S3 bucket in
 * the S3 leg (.ci/s3-leg.sh). Tests look at the stored bytes through this, never at a folder.
 */
export async function storedFile(filename: string): Promise<Buffer> {
  const bytes = await storedMediaFiles().read(filename)
  if (!bytes) throw new Error(`${filename} is not stored (${storedMediaFiles().kind})`)
  return bytes
}

/** A stored file as a local path (for tools such as ffprobe that read files). */
export async function storedFileOnDisk(filename: string): Promise<string> {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sp-stored-')), filename)
  writeFileSync(file, await storedFile(filename))
  return file
}

export function storedFileNames(): Promise<string[]> {
  return storedMediaFiles().list()
}
