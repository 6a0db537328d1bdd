import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { createWriteStream, existsSync, readFileSync } from 'node:fs'
import { mkdir, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import path from 'node:path'

import { createClient, type Client } from '@libsql/client'
import { Header, Pack, ReadEntry } from 'tar'

import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  BackupError,
  DATABASE_ENTRY,
  type FileRecord,
  isMongoDbUrl,
  MAIN_COLLECTIONS,
  type Manifest,
  MANIFEST_ENTRY,
  MEDIA_PREFIX,
  MONGODB_REFUSAL,
  S3_REFUSAL,
  secretCheck,
} from './archive'
import { fileUrl, sqliteFileFromUrl } from './sqlite-file'

export type BackupOptions = {
  databaseUrl: string
  mediaDir: string
  /** Files live in an S3 bucket (S3_BUCKET): refused, the archive would hold no media. */
  mediaInBucket?: boolean
  /** The archive to write (never overwritten); a directory gets a dated file name inside it. */
  out: string
  /** PAYLOAD_SECRET: only a one-way check value of it goes into the manifest. */
  secret?: string
  /** Write the backup even when files that media rows name are not on disk (listed as missing). */
  allowMissing?: boolean
  log?: (line: string) => void
  /** Called between the snapshot and the copy of the media (tests: a change in that window). */
  afterSnapshot?: (attempt: number) => Promise<void>
}

export type BackupResult = {
  file: string
  bytes: number
  manifest: Manifest
  /** 1, or more when a photo was deleted between the snapshot and the copy of its files. */
  attempts: number
}

const MAX_ATTEMPTS = 3
const CHUNK = 256 * 1024

/**
 * An online backup of the embedded install: a consistent snapshot of the SQLite database, taken
 * with `VACUUM INTO` on its own connection while the CMS keeps running (WAL: the CMS's writers
 * never wait for it, it reads one committed state), then every file in MEDIA_DIR, streamed into
 * one tar.gz with a manifest. Media files are written once and never changed in place (Payload
 * picks a new, unused name for every upload and every replaced file), so copying them after the
 * snapshot is consistent as long as each file a media row of the snapshot names is still there:
 * that is checked, and if a photo was deleted in between, the backup is taken again.
 */
export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  if (isMongoDbUrl(options.databaseUrl)) throw new BackupError(MONGODB_REFUSAL)
  if (options.mediaInBucket) throw new BackupError(S3_REFUSAL)
  const log = options.log ?? (() => {})
  const dbFile = sqliteFileFromUrl(options.databaseUrl)
  if (!(await isFile(dbFile))) {
    throw new BackupError(`Geen SQLite-database gevonden op ${dbFile} (DATABASE_URL).`)
  }
  const mediaDir = path.resolve(options.mediaDir)
  const out = await archivePath(options.out)
  const allowMissing = options.allowMissing ?? false
  const work = await mkdtemp(path.join(path.dirname(out), '.schoolpost-backup-'))
  try {
    for (let attempt = 1; ; attempt++) {
      const snapshotFile = path.join(work, `snapshot-${attempt}.sqlite`)
      const partial = path.join(work, `archive-${attempt}.tar.gz`)
      log(`Momentopname van ${dbFile} …`)
      const takenAt = new Date()
      await snapshot(dbFile, snapshotFile)
      const facts = { ...(await readSnapshot(snapshotFile)), takenAt }
      await options.afterSnapshot?.(attempt)
      // A file the snapshot names but that is gone already: deleted since (a new snapshot no
      // longer names it), or really missing. Checked before the (long) copy of the media.
      let missing = allowMissing ? [] : await absent(facts.referenced, mediaDir)
      if (missing.length === 0) {
        log(`Archief schrijven (${facts.referenced.size} mediabestanden in de database) …`)
        const packed = await writeArchive({
          partial,
          snapshotFile,
          mediaDir,
          facts,
          secret: options.secret,
          allowMissing,
        })
        missing = allowMissing ? [] : packed.missing
        if (missing.length === 0) {
          if (existsSync(out)) throw new BackupError(`${out} bestaat al: er is niets overschreven.`)
          await rename(partial, out)
          const bytes = (await stat(out)).size
          return { file: out, bytes, manifest: packed.manifest, attempts: attempt }
        }
      }
      await rm(partial, { force: true })
      await rm(snapshotFile, { force: true })
      if (attempt === MAX_ATTEMPTS) {
        throw new BackupError(
          `Deze bestanden horen bij foto's of video's in de database, maar staan niet in ` +
            `MEDIA_DIR (${mediaDir}):\n${listed(missing)}\n` +
            'Er is geen back-up geschreven. Zet de bestanden terug, of maak toch een back-up ' +
            'met --allow-missing (de ontbrekende bestanden staan dan in het manifest).',
        )
      }
      log('Bestanden van een foto of video ontbreken (net verwijderd?): nieuwe momentopname …')
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

async function archivePath(requested: string): Promise<string> {
  let out = path.resolve(requested)
  if (/[\\/]$/.test(requested)) await mkdir(out, { recursive: true })
  const found = await stat(out).catch(() => null)
  if (found?.isDirectory()) {
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')
    out = path.join(out, `schoolpost-${stamp}.tar.gz`)
  } else if (found) {
    throw new BackupError(
      `${out} bestaat al: kies een nieuwe naam, een back-up wordt nooit overschreven.`,
    )
  }
  if (existsSync(out)) throw new BackupError(`${out} bestaat al: kies een nieuwe naam.`)
  await mkdir(path.dirname(out), { recursive: true })
  return out
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() ?? false
}

/**
 * `VACUUM INTO` copies the database as one read transaction sees it, into a new compact file,
 * without taking the write lock: the running CMS keeps writing (to its WAL) meanwhile. The copy
 * is not synced to disk (`synchronous = OFF`, this connection only): it is a temporary file read
 * right after, and forcing it out stalled the CMS's own commits by up to ~0.4 s (measured on a
 * 165 MB database; without it they stayed under ~30 ms). Set back before closing, in case this
 * connection is the last one and checkpoints the live database's WAL.
 */
async function snapshot(dbFile: string, target: string): Promise<void> {
  const client = createClient({ url: fileUrl(dbFile) })
  try {
    await client.execute('PRAGMA busy_timeout = 10000')
    await client.execute('PRAGMA synchronous = OFF')
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
    await client.execute('PRAGMA synchronous = FULL')
  } finally {
    client.close()
  }
}

type SnapshotFacts = {
  takenAt: Date
  sqliteVersion: string
  migrations: string[]
  counts: Record<string, number>
  /** Archive paths (`media/<name>`) of every file a media row names. */
  referenced: Set<string>
}

async function readSnapshot(file: string): Promise<Omit<SnapshotFacts, 'takenAt'>> {
  const client = createClient({ url: fileUrl(file) })
  try {
    const check = await client.execute('PRAGMA quick_check')
    if (String(check.rows[0]?.[0]) !== 'ok') {
      throw new BackupError(
        `De momentopname van de database is niet in orde: ${check.rows[0]?.[0]}`,
      )
    }
    const tables = new Set(
      (await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'")).rows.map((r) =>
        String(r.name),
      ),
    )
    const migrations = tables.has('payload_migrations')
      ? (
          await client.execute(
            "SELECT name FROM payload_migrations WHERE name <> 'dev' ORDER BY name",
          )
        ).rows.map((r) => String(r.name))
      : []
    const counts: Record<string, number> = {}
    for (const slug of MAIN_COLLECTIONS) {
      const table = slug.replaceAll('-', '_')
      if (!tables.has(table)) continue
      const result = await client.execute(`SELECT count(*) AS n FROM ${quote(table)}`)
      counts[slug] = Number(result.rows[0]?.n ?? 0)
    }
    return {
      sqliteVersion: String(
        (await client.execute('SELECT sqlite_version() AS v')).rows[0]?.v ?? 'onbekend',
      ),
      migrations,
      counts,
      referenced: tables.has('media') ? await referencedMedia(client) : new Set(),
    }
  } finally {
    client.close()
  }
}

/** The original and every size (posters of a video included) of every media row. */
async function referencedMedia(client: Client): Promise<Set<string>> {
  const columns = (await client.execute('PRAGMA table_info(media)')).rows
    .map((r) => String(r.name))
    .filter((name) => name === 'filename' || /^sizes_\w+_filename$/.test(name))
  const files = new Set<string>()
  if (columns.length === 0) return files
  const rows = await client.execute(`SELECT ${columns.map(quote).join(', ')} FROM media`)
  for (const row of rows.rows) {
    for (const column of columns) {
      const name = row[column]
      if (typeof name === 'string' && name !== '') files.add(MEDIA_PREFIX + name)
    }
  }
  return files
}

function listed(names: string[], max = 20): string {
  const lines = names.slice(0, max).map((name) => `- ${name}`)
  if (names.length > max) lines.push(`- … en nog ${names.length - max}`)
  return lines.join('\n')
}

async function absent(names: Set<string>, mediaDir: string): Promise<string[]> {
  const missing: string[] = []
  for (const name of names) {
    if (!(await isFile(path.join(mediaDir, ...name.slice(MEDIA_PREFIX.length).split('/'))))) {
      missing.push(name)
    }
  }
  return missing.sort()
}

function quote(identifier: string): string {
  return `"${identifier.replaceAll('"', '""')}"`
}

/** Every regular file under MEDIA_DIR, as sorted archive paths (a missing folder is empty). */
async function listMedia(mediaDir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  const entries = await readdir(mediaDir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return []
      throw error
    },
  )
  for (const entry of entries) {
    if (!entry.isFile()) continue
    const absolute = path.join(entry.parentPath, entry.name)
    found.set(MEDIA_PREFIX + path.relative(mediaDir, absolute).split(path.sep).join('/'), absolute)
  }
  return new Map([...found].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

async function writeArchive(args: {
  partial: string
  snapshotFile: string
  mediaDir: string
  facts: SnapshotFacts
  secret: string | undefined
  allowMissing: boolean
}): Promise<{ manifest: Manifest; missing: string[] }> {
  const pack = new Pack({ gzip: true, portable: true })
  // Owner-only: the archive holds every family's data and the accounts' password hashes.
  const output = createWriteStream(args.partial, { flags: 'wx', flush: true, mode: 0o600 })
  const failed = new Promise<never>((_, reject) => {
    pack.on('error', reject)
    output.on('error', reject)
  })
  failed.catch(() => {})
  const closed = Promise.race([once(output, 'close'), failed])
  pack.pipe(output)

  try {
    return await fillArchive(pack, args, failed, closed)
  } catch (error) {
    output.destroy()
    throw error
  }
}

async function fillArchive(
  pack: Pack,
  args: Parameters<typeof writeArchive>[0],
  failed: Promise<never>,
  closed: Promise<unknown>,
): Promise<{ manifest: Manifest; missing: string[] }> {
  const files: FileRecord[] = []
  const database = await addFile(pack, DATABASE_ENTRY, args.snapshotFile, failed)
  if (!database) throw new BackupError('De momentopname van de database is verdwenen.')
  files.push(database)
  const archived = new Set<string>()
  for (const [name, absolute] of await listMedia(args.mediaDir)) {
    // A file deleted since the listing is skipped: it is only missing if the snapshot names it.
    const record = await addFile(pack, name, absolute, failed)
    if (!record) continue
    files.push(record)
    archived.add(name)
  }
  const missing = [...args.facts.referenced].filter((name) => !archived.has(name)).sort()
  const manifest: Manifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: args.facts.takenAt.toISOString(),
    app: appInfo(),
    database: {
      kind: 'sqlite',
      entry: DATABASE_ENTRY,
      method: 'VACUUM INTO',
      sqliteVersion: args.facts.sqliteVersion,
    },
    migrations: args.facts.migrations,
    counts: args.facts.counts,
    media: {
      referenced: args.facts.referenced.size,
      archived: archived.size,
      unreferenced: [...archived].filter((name) => !args.facts.referenced.has(name)).length,
      missing: args.allowMissing ? missing : [],
    },
    secretCheck: args.secret ? secretCheck(args.secret) : null,
    files,
  }
  const body = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
  await addEntry(pack, MANIFEST_ENTRY, body.length, new Date(), failed, async (write) => {
    await write(body)
  })
  pack.end()
  await closed
  return { manifest, missing }
}

/** Adds one file to the archive while hashing it; null when the file no longer exists. */
async function addFile(
  pack: Pack,
  name: string,
  source: string,
  failed: Promise<never>,
): Promise<FileRecord | null> {
  const handle = await open(source, 'r').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw error
  })
  if (!handle) return null
  try {
    const info = await handle.stat()
    if (!info.isFile()) return null
    const hash = createHash('sha256')
    await addEntry(pack, name, info.size, info.mtime, failed, async (write) => {
      for (let position = 0; position < info.size;) {
        const length = Math.min(CHUNK, info.size - position)
        // A fresh buffer per chunk: the archive may still hold the previous one.
        const buffer = Buffer.allocUnsafe(length)
        const { bytesRead } = await handle.read(buffer, 0, length, position)
        if (bytesRead === 0) throw new BackupError(`${source} werd korter tijdens het lezen.`)
        const chunk = buffer.subarray(0, bytesRead)
        hash.update(chunk)
        position += bytesRead
        await write(chunk)
      }
    })
    return { path: name, size: info.size, sha256: hash.digest('hex') }
  } finally {
    await handle.close()
  }
}

/**
 * One entry of exactly `size` bytes. The pack takes entries one after another; a write waits
 * while the entry's data is not taken yet, so at most a chunk per entry is held in memory.
 */
async function addEntry(
  pack: Pack,
  name: string,
  size: number,
  mtime: Date,
  failed: Promise<never>,
  fill: (write: (chunk: Buffer) => Promise<void>) => Promise<void>,
): Promise<void> {
  const entry = new ReadEntry(new Header({ path: name, type: 'File', size, mode: 0o644, mtime }))
  pack.add(entry)
  await fill(async (chunk) => {
    if (!entry.write(chunk)) await Promise.race([once(entry, 'drain'), failed])
  })
  entry.end()
}

let cachedAppInfo: Manifest['app'] | undefined

function appInfo(): Manifest['app'] {
  if (cachedAppInfo) return cachedAppInfo
  const own = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    name: string
    version: string
  }
  cachedAppInfo = { name: own.name, version: own.version, payload: payloadVersion() }
  return cachedAppInfo
}

function payloadVersion(): string | null {
  try {
    let dir = path.dirname(createRequire(import.meta.url).resolve('payload'))
    while (dir !== path.dirname(dir)) {
      const file = path.join(dir, 'package.json')
      if (existsSync(file)) {
        const info = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version?: string }
        if (info.name === 'payload') return info.version ?? null
      }
      dir = path.dirname(dir)
    }
  } catch {
    // The version is informative only.
  }
  return null
}
