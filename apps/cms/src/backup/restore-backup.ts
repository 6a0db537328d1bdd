import { createHash, randomUUID } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createClient } from '@libsql/client'
import type { ReadEntry } from 'tar'

import {
  BackupError,
  corrupt,
  DATABASE_ENTRY,
  type FileRecord,
  isMediaDirectory,
  isMongoDbUrl,
  isSafeMediaPath,
  type Manifest,
  MANIFEST_ENTRY,
  manifestSchema,
  MEDIA_PREFIX,
  MONGODB_REFUSAL,
  S3_REFUSAL,
  readArchive,
  secretCheck,
} from './archive'
import { fileUrl, sqliteFileFromUrl } from './sqlite-file'

export type RestoreOptions = {
  /** The archive `createBackup` wrote. */
  from: string
  databaseUrl: string
  mediaDir: string
  /** Files live in an S3 bucket (S3_BUCKET): refused, the media would land where nothing reads them. */
  mediaInBucket?: boolean
  /** Overwrite a database that has data and write into a MEDIA_DIR that is not empty. */
  force?: boolean
  /** PAYLOAD_SECRET of the install being restored into: compared with the backup's check value. */
  secret?: string
  log?: (line: string) => void
}

export type RestoreResult = {
  manifest: Manifest
  databaseFile: string
  mediaDir: string
  mediaFiles: number
  /** Migrations this version has that the backup had not applied: the CMS runs them on start. */
  pendingMigrations: string[]
  warnings: string[]
}

const MAX_MANIFEST_BYTES = 64 * 1024 * 1024
/** Rows here are no school data: the migration history and short-lived runtime state. */
const NOT_DATA_TABLES = ['payload_migrations', 'rate_limit_hits', 'leases', 'spent_tokens']
/** Found in a fresh folder or volume and not data of Schoolpost. */
const IGNORED_IN_MEDIA_DIR = new Set(['lost+found', '.gitkeep'])

/**
 * Restores a backup into an empty install: the database file and MEDIA_DIR. Nothing is written
 * before the target has been found empty (or `force`) and every entry of the archive matches the
 * size and SHA-256 in its manifest. The files are then unpacked beside their destinations (checked
 * again while writing) and moved into place, the database last. The CMS must not be running; on
 * its next start it applies the migrations this version has and the backup had not (as usual).
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  if (isMongoDbUrl(options.databaseUrl)) throw new BackupError(MONGODB_REFUSAL)
  if (options.mediaInBucket) throw new BackupError(S3_REFUSAL)
  const log = options.log ?? (() => {})
  const dbFile = sqliteFileFromUrl(options.databaseUrl)
  const mediaDir = path.resolve(options.mediaDir)
  const from = path.resolve(options.from)
  if (!(await stat(from).catch(() => null))?.isFile()) {
    throw new BackupError(`Back-upbestand niet gevonden: ${from}`)
  }

  const tablesWithData = await databaseTablesWithData(dbFile)
  const mediaEntries = await mediaDirEntries(mediaDir)
  if (!options.force && (tablesWithData.length > 0 || mediaEntries.length > 0)) {
    const reasons: string[] = []
    if (tablesWithData.length > 0) {
      reasons.push(`de database ${dbFile} bevat al gegevens (${summarize(tablesWithData)})`)
    }
    if (mediaEntries.length > 0) {
      reasons.push(`MEDIA_DIR ${mediaDir} is niet leeg (${summarize(mediaEntries)})`)
    }
    throw new BackupError(
      `Herstellen kan alleen in een lege installatie: ${reasons.join(' en ')}. Er is niets ` +
        'veranderd. Kies een lege DATABASE_URL en MEDIA_DIR, of overschrijf deze installatie ' +
        'met --force (stop eerst het CMS).',
    )
  }

  log(`Back-up controleren: ${from} …`)
  const manifest = await verifyArchive(from)
  const known = await knownMigrationNames()
  const unknown = manifest.migrations.filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    throw new BackupError(
      `Deze back-up komt van een nieuwere versie van Schoolpost (${manifest.app.version}): ` +
        `deze versie kent de migratie(s) ${unknown.join(', ')} niet. Er is niets veranderd. ` +
        'Werk Schoolpost eerst bij en herstel dan.',
    )
  }

  log('Bestanden terugzetten …')
  const mediaFiles = await unpack(from, manifest, dbFile, mediaDir)

  const warnings: string[] = []
  if (manifest.media.missing.length > 0) {
    warnings.push(
      `De back-up is gemaakt met --allow-missing: ${manifest.media.missing.length} bestand(en) ` +
        `van foto's of video's ontbraken toen al (${summarize(manifest.media.missing)}).`,
    )
  }
  if (
    manifest.secretCheck &&
    options.secret &&
    manifest.secretCheck !== secretCheck(options.secret)
  ) {
    warnings.push(
      'PAYLOAD_SECRET is anders dan bij de back-up: iedereen moet opnieuw inloggen, e-mails die ' +
        'nog in de wachtrij stonden kunnen niet meer worden verstuurd en afmeldlinks in eerder ' +
        'verstuurde e-mails werken niet meer. Gebruik het geheim van de oude installatie om dat ' +
        'te voorkomen.',
    )
  }
  return {
    manifest,
    databaseFile: dbFile,
    mediaDir,
    mediaFiles,
    pendingMigrations: known.filter((name) => !manifest.migrations.includes(name)),
    warnings,
  }
}

/**
 * The migrations this version has: the files beside src/migrations/index.ts, which lists exactly
 * these (importing it would load the SQLite adapter, seconds and ~300 MB, for the names alone).
 */
export async function knownMigrationNames(): Promise<string[]> {
  const dir = fileURLToPath(new URL('../migrations/', import.meta.url))
  return (await readdir(dir))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.slice(0, -'.ts'.length))
    .sort()
}

function summarize(names: string[]): string {
  const shown = names.slice(0, 5).join(', ')
  return names.length > 5 ? `${shown} en nog ${names.length - 5}` : shown
}

/** Tables with at least one row; a started CMS without school data (migrations only) has none. */
async function databaseTablesWithData(dbFile: string): Promise<string[]> {
  const info = await stat(dbFile).catch(() => null)
  if (!info || info.size === 0) return []
  if (!info.isFile()) throw new BackupError(`${dbFile} (DATABASE_URL) is geen bestand.`)
  const client = createClient({ url: fileUrl(dbFile) })
  try {
    const tables = (
      await client.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
      )
    ).rows
      .map((r) => String(r.name))
      .filter((name) => !NOT_DATA_TABLES.includes(name))
    const withData: string[] = []
    for (const table of tables) {
      const found = await client.execute(`SELECT 1 FROM "${table.replaceAll('"', '""')}" LIMIT 1`)
      if (found.rows.length > 0) withData.push(table)
    }
    return withData
  } catch (error) {
    throw new BackupError(
      `${dbFile} (DATABASE_URL) is geen leesbare SQLite-database: ${(error as Error).message}`,
    )
  } finally {
    client.close()
  }
}

async function mediaDirEntries(mediaDir: string): Promise<string[]> {
  const info = await stat(mediaDir).catch(() => null)
  if (!info) return []
  if (!info.isDirectory()) throw new BackupError(`MEDIA_DIR ${mediaDir} is geen map.`)
  return (await readdir(mediaDir)).filter((name) => !IGNORED_IN_MEDIA_DIR.has(name)).sort()
}

/** Only allowed names, each once, every one as the manifest describes it. Writes nothing. */
async function verifyArchive(file: string): Promise<Manifest> {
  const seen = new Map<string, FileRecord>()
  let manifestBody: Buffer | undefined
  await readArchive(file, async (entry) => {
    if (isMediaDirectory(entry)) {
      entry.resume()
      return
    }
    const name = checkEntry(entry)
    if (seen.has(name) || (name === MANIFEST_ENTRY && manifestBody)) {
      throw corrupt(`${name} staat er twee keer in`)
    }
    if (name === MANIFEST_ENTRY) {
      if ((entry.size ?? 0) > MAX_MANIFEST_BYTES) throw corrupt('het manifest is te groot')
      const chunks: Buffer[] = []
      entry.on('data', (chunk: Buffer) => chunks.push(chunk))
      await entry.promise()
      manifestBody = Buffer.concat(chunks)
      return
    }
    const hash = createHash('sha256')
    let size = 0
    entry.on('data', (chunk: Buffer) => {
      hash.update(chunk)
      size += chunk.length
    })
    await entry.promise()
    seen.set(name, { path: name, size, sha256: hash.digest('hex') })
  })
  if (!manifestBody) throw corrupt('het manifest ontbreekt')
  let parsed: unknown
  try {
    parsed = JSON.parse(manifestBody.toString('utf8'))
  } catch {
    throw corrupt('het manifest is geen geldige JSON')
  }
  const result = manifestSchema.safeParse(parsed)
  if (!result.success) {
    const format = (parsed as { format?: unknown; formatVersion?: unknown } | null) ?? {}
    if (format.format === 'schoolpost-backup' && format.formatVersion !== 1) {
      throw new BackupError(
        `Deze back-up heeft formaatversie ${String(format.formatVersion)}; deze versie van ` +
          'Schoolpost kent alleen versie 1. Werk Schoolpost eerst bij.',
      )
    }
    throw corrupt('het manifest heeft niet de verwachte vorm')
  }
  const manifest = result.data
  const listed = new Map(manifest.files.map((f) => [f.path, f]))
  if (listed.size !== manifest.files.length)
    throw corrupt('het manifest noemt een bestand twee keer')
  if (!listed.has(DATABASE_ENTRY)) throw corrupt('de database ontbreekt in het manifest')
  for (const [name, expected] of listed) {
    const actual = seen.get(name)
    if (!actual) throw corrupt(`${name} ontbreekt`)
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256) {
      throw corrupt(`controlegetal (SHA-256) van ${name} klopt niet`)
    }
  }
  for (const name of seen.keys()) {
    if (!listed.has(name)) throw corrupt(`${name} staat niet in het manifest`)
  }
  return manifest
}

/** The entry's name if it is a regular file this format has; anything else is refused. */
function checkEntry(entry: ReadEntry): string {
  const name = entry.path
  if (entry.type !== 'File' && entry.type !== 'OldFile') {
    throw corrupt(`onverwacht item ${name} (${entry.type})`)
  }
  if (name !== DATABASE_ENTRY && name !== MANIFEST_ENTRY && !isSafeMediaPath(name)) {
    throw corrupt(`onverwachte naam ${JSON.stringify(name)}`)
  }
  return name
}

/**
 * Writes every file beside its destination (media in a hidden folder inside MEDIA_DIR, so the
 * moves stay on one file system even when MEDIA_DIR is a mounted volume), checking each against
 * the manifest again, then moves them into place: media first, the database last, its old WAL
 * and shared-memory files removed first (they belong to the database being replaced).
 */
async function unpack(
  from: string,
  manifest: Manifest,
  dbFile: string,
  mediaDir: string,
): Promise<number> {
  const expected = new Map(manifest.files.map((f) => [f.path, f]))
  await mkdir(mediaDir, { recursive: true })
  await mkdir(path.dirname(dbFile), { recursive: true })
  const staging = await mkdtemp(path.join(mediaDir, '.restore-'))
  const stagedDb = path.join(
    path.dirname(dbFile),
    `.${path.basename(dbFile)}.restore-${randomUUID().slice(0, 8)}`,
  )
  const staged = (name: string) =>
    name === DATABASE_ENTRY
      ? stagedDb
      : path.join(staging, ...name.slice(MEDIA_PREFIX.length).split('/'))
  let writing: ReturnType<typeof createWriteStream> | undefined
  try {
    const written = new Set<string>()
    await readArchive(from, async (entry) => {
      if (isMediaDirectory(entry) || entry.path === MANIFEST_ENTRY) {
        entry.resume()
        await entry.promise()
        return
      }
      const name = checkEntry(entry)
      const want = expected.get(name)
      if (!want || written.has(name)) throw corrupt(`${name} komt niet overeen met het manifest`)
      const target = staged(name)
      await mkdir(path.dirname(target), { recursive: true })
      const hash = createHash('sha256')
      await new Promise<void>((resolve, reject) => {
        const output = createWriteStream(target, { flags: 'wx', flush: true })
        writing = output
        entry.on('data', (chunk: Buffer) => {
          hash.update(chunk)
          if (!output.write(chunk)) {
            entry.pause()
            output.once('drain', () => entry.resume())
          }
        })
        entry.on('end', () => output.end())
        output.on('error', reject)
        output.on('close', () => resolve())
      })
      writing = undefined
      if (hash.digest('hex') !== want.sha256) {
        throw corrupt(`controlegetal (SHA-256) van ${name} klopt niet`)
      }
      written.add(name)
    })
    if (written.size !== expected.size)
      throw corrupt('niet alle bestanden uit het manifest gevonden')

    let mediaFiles = 0
    for (const name of written) {
      if (name === DATABASE_ENTRY) continue
      const final = path.join(mediaDir, ...name.slice(MEDIA_PREFIX.length).split('/'))
      await mkdir(path.dirname(final), { recursive: true })
      await rename(staged(name), final)
      mediaFiles++
    }
    // Never replace a database under a WAL of another database: SQLite would apply it.
    for (const suffix of ['-wal', '-shm', '-journal']) await rm(dbFile + suffix, { force: true })
    await rename(stagedDb, dbFile)
    return mediaFiles
  } finally {
    writing?.destroy()
    await rm(staging, { recursive: true, force: true })
    await rm(stagedDb, { force: true })
  }
}
