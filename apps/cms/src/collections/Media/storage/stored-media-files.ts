import { env } from '../../../lib/env'
import { mediaFilesFor, type MediaFiles } from './media-files'

let files: MediaFiles | undefined

/** This install's media files (MEDIA_DIR or the S3 bucket, as configured). */
export function storedMediaFiles(): MediaFiles {
  return (files ??= mediaFilesFor(env))
}
