import { createHmac } from 'node:crypto'
import { createReadStream } from 'node:fs'

import { Parser, type ReadEntry } from 'tar'
import { z } from 'zod'

/**
 * A backup of the embedded install is one gzipped tar:
 *   database.sqlite   a consistent snapshot of the SQLite database (VACUUM INTO)
 *   media/<name>      every file in MEDIA_DIR (originals, WebP sizes, video posters)
 *   manifest.json     what is in it, with the size and SHA-256 of every other entry (written last)
 */
export const DATABASE_ENTRY = 'database.sqlite'
export const MANIFEST_ENTRY = 'manifest.json'
export const MEDIA_PREFIX = 'media/'
export const BACKUP_FORMAT = 'schoolpost-backup'
export const BACKUP_FORMAT_VERSION = 1

/** The collections whose row counts the manifest records (a quick check after a restore). */
export const MAIN_COLLECTIONS = [
  'staff',
  'parents',
  'groups',
  'pupils',
  'image-consents',
  'posts',
  'media',
  'reports',
] as const

/** A refusal or failure with a Dutch message for the person running the command. */
export class BackupError extends Error {
  override name = 'BackupError'
}

/**
 * The same test as `databaseKindFor` (db/select-database-adapter.ts), which these commands do not
 * import: it loads both database adapters (seconds and ~300 MB) for one string comparison.
 */
export function isMongoDbUrl(url: string): boolean {
  return url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')
}

export const MONGODB_REFUSAL =
  'DATABASE_URL wijst naar MongoDB: backup en restore zijn er alleen voor de ingebouwde SQLite-database. ' +
  'Maak bij MongoDB een back-up met `mongodump` en zet die terug met `mongorestore`; kopieer de ' +
  'mediabestanden (de bucket, of MEDIA_DIR) apart. Zie de productiedocumentatie.'

export const S3_REFUSAL =
  'S3_BUCKET is gezet: de mediabestanden staan in de bucket, niet in MEDIA_DIR, dus deze back-up ' +
  'zou alle foto’s en video’s missen. Maak een back-up van de bucket (versiebeheer of replicatie ' +
  'bij de opslagdienst, of `aws s3 sync`) en van de database; zie de productiedocumentatie.'

const fileRecord = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type FileRecord = z.infer<typeof fileRecord>

export const manifestSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  /** When the database snapshot was taken (the media were copied right after it). */
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string(), payload: z.string().nullable() }),
  database: z.object({
    kind: z.literal('sqlite'),
    entry: z.literal(DATABASE_ENTRY),
    method: z.literal('VACUUM INTO'),
    sqliteVersion: z.string(),
  }),
  /** The migrations applied in the snapshot, oldest first. */
  migrations: z.array(z.string()),
  /** Rows per main collection in the snapshot. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  media: z.object({
    /** Files named by the snapshot's media rows (original and every size). */
    referenced: z.number().int().nonnegative(),
    /** Media files in the archive: the referenced ones and any other file found in MEDIA_DIR. */
    archived: z.number().int().nonnegative(),
    /** Archived files no row of the snapshot names (uploaded after the snapshot, or orphans). */
    unreferenced: z.number().int().nonnegative(),
    /** Referenced files that were not on disk (only with --allow-missing; normally empty). */
    missing: z.array(z.string()),
  }),
  /** Tells a restore whether it runs with the same PAYLOAD_SECRET (the secret is not in here). */
  secretCheck: z.string().nullable(),
  files: z.array(fileRecord),
})
export type Manifest = z.infer<typeof manifestSchema>

/**
 * One-way check value of PAYLOAD_SECRET: the outbox's sealed emails, unsubscribe links and every
 * login token depend on the secret, so a restore warns when it differs.
 */
export function secretCheck(secret: string): string {
  return createHmac('sha256', secret).update('schoolpost-backup-secret-check-v1').digest('hex')
}

/** `media/<name>` with only plain, relative segments: nothing can land outside MEDIA_DIR. */
export function isSafeMediaPath(name: string): boolean {
  if (!name.startsWith(MEDIA_PREFIX)) return false
  const rest = name.slice(MEDIA_PREFIX.length)
  if (rest === '' || rest.includes('\\') || rest.includes('\0')) return false
  return rest.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..')
}

/** Directory entries (a backup re-packed with another tar) carry nothing and are skipped. */
export function isMediaDirectory(entry: ReadEntry): boolean {
  if (entry.type !== 'Directory') return false
  const name = entry.path.replace(/\/+$/, '')
  return name === 'media' || isSafeMediaPath(name)
}

export function corrupt(detail: string): BackupError {
  return new BackupError(
    `De back-up is beschadigd of niet compleet (${detail}). Er is niets teruggezet.`,
  )
}

/**
 * Streams a (gzipped) tar entry by entry. `onEntry` consumes the entry and settles when it is
 * done with it; the first failure, of the file, the archive or `onEntry`, stops reading and
 * rejects. The archive is never held in memory.
 */
export function readArchive(
  file: string,
  onEntry: (entry: ReadEntry) => Promise<void>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const pending: Promise<void>[] = []
    let failed = false
    const input = createReadStream(file)
    const fail = (error: unknown) => {
      if (failed) return
      failed = true
      input.destroy()
      reject(error instanceof BackupError ? error : corrupt(String((error as Error)?.message)))
    }
    // strict: every warning of the parser (bad header, truncated data, bad gzip) is an error.
    const parser = new Parser({
      strict: true,
      onReadEntry: (entry) => {
        pending.push(
          onEntry(entry).catch((error: unknown) => {
            entry.resume()
            fail(error)
          }),
        )
      },
    })
    input.on('error', (error) => fail(new BackupError(`Kan ${file} niet lezen: ${error.message}`)))
    parser.on('error', fail)
    parser.on('end', () => {
      Promise.all(pending).then(() => {
        if (!failed) resolve()
      }, fail)
    })
    input.pipe(parser)
  })
}
