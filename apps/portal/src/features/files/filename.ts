/**
 * File names of media as the portal accepts them in its file route and in the pages it builds:
 * letters, digits, dot, underscore and hyphen, at most 200 characters, never "..". Anything else
 * is not a CMS file name and is never forwarded.
 */
const MEDIA_FILENAME = /^[A-Za-z0-9._-]{1,200}$/

export function isValidMediaFilename(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    MEDIA_FILENAME.test(value) &&
    !value.includes('..') &&
    value !== '.' &&
    !value.startsWith('.')
  )
}

/** The portal's own URL of a media file (the only URL pages ever use for images and videos). */
export function mediaFileUrl(filename: string): string {
  return `/bestanden/${encodeURIComponent(filename)}`
}
