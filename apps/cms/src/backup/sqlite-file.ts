import path from 'node:path'

import { BackupError } from './archive'

/**
 * The database file a `file:` DATABASE_URL names, read the way the libSQL client reads it (its
 * own RFC 3986 parser, so relative URLs such as `file:data/schoolpost.db` work): an optional
 * empty or `localhost` authority, a percent-encoded path, query and fragment ignored. A relative
 * path is relative to the working directory, as it is for the CMS itself.
 */
export function sqliteFileFromUrl(url: string): string {
  const match = /^file:(\/\/(?<authority>[^/?#]*))?(?<path>[^?#]*)(\?[^#]*)?(#.*)?$/su.exec(url)
  const authority = match?.groups?.authority?.toLowerCase()
  const rawPath = match?.groups?.path ?? ''
  if (!match || (authority !== undefined && authority !== '' && authority !== 'localhost')) {
    throw new BackupError(`DATABASE_URL is geen bruikbare "file:"-URL: ${url}`)
  }
  let file: string
  try {
    file = decodeURIComponent(rawPath)
  } catch {
    throw new BackupError(`DATABASE_URL bevat een ongeldige %-codering: ${url}`)
  }
  if (file === '' || file === ':memory:') {
    throw new BackupError(
      'DATABASE_URL wijst naar een database in het geheugen: daar valt niets te bewaren.',
    )
  }
  return path.resolve(file)
}

/** A `file:` URL for an absolute path that the libSQL client reads back as exactly that path. */
export function fileUrl(file: string): string {
  return `file:${path.resolve(file).split('/').map(encodeURIComponent).join('/')}`
}
