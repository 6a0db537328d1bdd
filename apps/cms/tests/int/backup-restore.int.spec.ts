import { fork } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { createClient, type Client } from '@libsql/client'
import type { Payload } from 'payload'
import { create as createTar, extract as extractTar } from 'tar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { createBackup, type BackupResult } from '../../src/backup/create-backup'
import { knownMigrationNames, restoreBackup } from '../../src/backup/restore-backup'
import { isMongoDbUrl } from '../../src/backup/archive'
import { databaseKindFor } from '../../src/db/select-database-adapter'
import { migrations } from '../../src/migrations'
import { fileUrl } from '../../src/backup/sqlite-file'
import type { ImageConsent, Media, Post } from '../../src/payload-types'
import { plainPng } from './helpers/images'
import { testPayload } from './helpers/payload'
import type { RestoredAnswer, RestoredIds } from './helpers/restored-install'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'
import { phoneJpeg, publishPhotoPost, uploadMedia } from './helpers/upload'

/**
 * Issue #12: backups of the embedded install. The backup is taken from the run's live database
 * while this process's Payload has it open, and restored into an empty database file and media
 * folder, which are then read with a second, independent client and by a fresh CMS process.
 */
const here = path.dirname(fileURLToPath(import.meta.url))
const liveMediaDir = () => process.env.MEDIA_DIR!

/** Every stored file of a media item: the original and each size (sizes may share one file). */
const filesOf = (doc: Media): string[] => [
  ...new Set(
    [doc.filename, ...Object.values(doc.sizes ?? {}).map((size) => size?.filename)].filter(
      (name): name is string => typeof name === 'string' && name !== '',
    ),
  ),
]

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

async function rows(client: Client, sql: string, args: string[]) {
  const result = await client.execute({ sql, args })
  return result.rows.map((row) => Object.fromEntries(result.columns.map((c) => [c, row[c]])))
}

const inList = (ids: string[]) => ids.map(() => '?').join(', ')

/** Whatever a refused or failed restore may have left: nothing at all is allowed. */
async function leftovers(dir: string): Promise<string[]> {
  return existsSync(dir) ? await readdir(dir, { recursive: true }) : []
}

describe('what the commands know without loading the database adapters', () => {
  it('the migrations of this version and the MongoDB test are those of the CMS', async () => {
    expect(await knownMigrationNames()).toEqual(migrations.map((m) => m.name).sort())
    for (const url of ['mongodb://h/db', 'mongodb+srv://h/db', 'file:x.db', 'file:///x.db']) {
      expect(isMongoDbUrl(url)).toBe(databaseKindFor(url) === 'mongodb')
    }
  })
})

describe('backup and restore refuse MongoDB', () => {
  it('points to mongodump/mongorestore and the bucket copy, writing nothing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'schoolpost-backup-mongo-'))
    try {
      await expect(
        createBackup({
          databaseUrl: 'mongodb://localhost:27017/schoolpost',
          mediaDir: path.join(dir, 'media'),
          out: path.join(dir, 'backup.tar.gz'),
        }),
      ).rejects.toThrow(/MongoDB.*`mongodump`.*`mongorestore`.*bucket/s)
      await expect(
        restoreBackup({
          from: path.join(dir, 'backup.tar.gz'),
          databaseUrl: 'mongodb+srv://cluster.example/schoolpost',
          mediaDir: path.join(dir, 'media'),
        }),
      ).rejects.toThrow(/`mongorestore`/)
      expect(await leftovers(dir)).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

describe('backup and restore refuse media in an S3 bucket', () => {
  it('say that the archive would miss every photo and point to the bucket, writing nothing', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'schoolpost-backup-s3-'))
    try {
      await expect(
        createBackup({
          databaseUrl: `file:${path.join(dir, 'x.db')}`,
          mediaDir: path.join(dir, 'media'),
          mediaInBucket: true,
          out: path.join(dir, 'backup.tar.gz'),
        }),
      ).rejects.toThrow(/S3_BUCKET is gezet.*alle foto’s en video’s missen.*bucket/s)
      await expect(
        restoreBackup({
          from: path.join(dir, 'backup.tar.gz'),
          databaseUrl: `file:${path.join(dir, 'x.db')}`,
          mediaDir: path.join(dir, 'media'),
          mediaInBucket: true,
        }),
      ).rejects.toThrow(/S3_BUCKET is gezet/)
      expect(await leftovers(dir)).toEqual([])
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})

// The backup itself is about the embedded SQLite default: left out of the MongoDB leg (tag).
describe(
  'online backup of the embedded install, restored into an empty one',
  { tags: ['sqlite-only'] },
  () => {
    let payload: Payload
    let f: SchoolFixture
    let work: string
    let live: Client
    let backup: BackupResult
    const photos: Media[] = []
    const posts: Post[] = []
    const consents: ImageConsent[] = []
    const target = () => ({
      databaseFile: path.join(work, 'restored', 'schoolpost.db'),
      mediaDir: path.join(work, 'restored', 'media'),
    })
    const ids = (): RestoredIds => ({
      posts: posts.map((p) => p.id).sort(),
      media: photos.map((m) => m.id).sort(),
      consents: consents.map((c) => c.id).sort(),
    })

    beforeAll(async () => {
      payload = await testPayload()
      f = await createSchoolFixture(payload)
      work = await mkdtemp(path.join(os.tmpdir(), 'schoolpost-backup-test-'))
      live = createClient({ url: `file:${process.env.TEST_DB_FILE}` })
      const teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)

      // A published group post with a PNG, and a second post with a phone JPEG large enough for
      // every size (thumbnail, feed, full), both through REST as the admin uploads them.
      const first = await publishPhotoPost(teacher, {
        title: `Back-up gymles ${randomUUID().slice(0, 8)}`,
        groupId: f.groups.a.id,
        pupils: [f.pupils.a1.id, f.pupils.a2.id],
      })
      photos.push(first.photo)
      posts.push(first.post)
      const uploaded = await uploadMedia(
        teacher,
        await phoneJpeg({ width: 2400, height: 1800 }),
        'uitje.jpg',
        {
          pupils: [f.pupils.b1.id, f.pupils.a1.id],
        },
      )
      expect(uploaded.status).toBe(201)
      const second = ((await uploaded.json()) as { doc: Media }).doc
      expect(filesOf(second)).toHaveLength(4)
      photos.push(second)
      posts.push(
        await payload.create({
          collection: 'posts',
          data: {
            title: `Back-up schoolreis ${randomUUID().slice(0, 8)}`,
            audience: 'groups',
            groups: [f.groups.b.id],
            status: 'published',
            gallery: [second.id],
          },
        }),
      )
      consents.push(
        await payload.create({
          collection: 'image-consents',
          data: { pupil: f.pupils.a1.id, guardian: f.parents.multiGroup.id, allowed: true },
        }),
        await payload.create({
          collection: 'image-consents',
          data: { pupil: f.pupils.b1.id, guardian: f.parents.guardianOne.id, allowed: false },
        }),
      )

      backup = await createBackup({
        databaseUrl: process.env.DATABASE_URL!,
        mediaDir: liveMediaDir(),
        out: path.join(work, 'backup.tar.gz'),
        secret: payload.secret,
      })
    }, 180_000)

    afterAll(async () => {
      live?.close()
      if (payload) {
        for (const post of posts) await payload.delete({ collection: 'posts', id: post.id })
        for (const consent of consents) {
          await payload.delete({ collection: 'image-consents', id: consent.id })
        }
        for (const photo of photos) await payload.delete({ collection: 'media', id: photo.id })
      }
      if (work) await rm(work, { recursive: true, force: true })
    })

    it('writes the archive readable by its owner only (it holds every family’s data)', () => {
      expect(statSync(backup.file).mode & 0o077).toBe(0)
    })

    it('writes one archive whose manifest lists every file of every photo with its SHA-256', async () => {
      const { manifest } = backup
      expect(backup.attempts).toBe(1)
      expect(manifest.format).toBe('schoolpost-backup')
      expect(manifest.database).toMatchObject({ kind: 'sqlite', method: 'VACUUM INTO' })
      expect(manifest.app.name).toBe('@schoolpost/cms')
      expect(manifest.secretCheck).toMatch(/^[0-9a-f]{64}$/)
      const applied = (
        await rows(
          live,
          "SELECT name FROM payload_migrations WHERE name <> 'dev' ORDER BY name",
          [],
        )
      ).map((r) => r.name)
      expect(manifest.migrations).toEqual(applied)
      expect(manifest.counts.posts).toBeGreaterThanOrEqual(2)
      expect(manifest.counts['image-consents']).toBeGreaterThanOrEqual(2)
      expect(manifest.media.missing).toEqual([])
      expect(manifest.media.archived).toBeGreaterThanOrEqual(manifest.media.referenced)

      const listed = new Map(manifest.files.map((file) => [file.path, file]))
      for (const photo of photos) {
        for (const name of filesOf(photo)) {
          const bytes = readFileSync(path.join(liveMediaDir(), name))
          expect(listed.get(`media/${name}`)).toEqual({
            path: `media/${name}`,
            size: bytes.length,
            sha256: sha256(bytes),
          })
        }
      }
    })

    it('restores into an empty database file and media folder: the same posts, photos and consents', async () => {
      const { databaseFile, mediaDir } = target()
      const result = await restoreBackup({
        from: backup.file,
        databaseUrl: `file:${databaseFile}`,
        mediaDir,
        secret: payload.secret,
      })
      expect(result.warnings).toEqual([])
      expect(result.pendingMigrations).toEqual([])
      expect(result.mediaFiles).toBe(backup.manifest.media.archived)

      // A second client of its own, on the restored file only.
      const restored = createClient({ url: fileUrl(databaseFile) })
      try {
        expect((await rows(restored, 'PRAGMA integrity_check', []))[0]).toEqual({
          integrity_check: 'ok',
        })
        const { posts: postIds, media: mediaIds, consents: consentIds } = ids()
        const same = async (sql: string, args: string[]) =>
          expect(await rows(restored, sql, args)).toEqual(await rows(live, sql, args))
        await same(`SELECT * FROM posts WHERE id IN (${inList(postIds)}) ORDER BY id`, postIds)
        await same(
          `SELECT * FROM posts_rels WHERE parent_id IN (${inList(postIds)}) ORDER BY id`,
          postIds,
        )
        await same(`SELECT * FROM media WHERE id IN (${inList(mediaIds)}) ORDER BY id`, mediaIds)
        await same(
          `SELECT * FROM media_rels WHERE parent_id IN (${inList(mediaIds)}) ORDER BY id`,
          mediaIds,
        )
        await same(
          `SELECT * FROM image_consents WHERE id IN (${inList(consentIds)}) ORDER BY id`,
          consentIds,
        )
        expect(
          await rows(
            restored,
            `SELECT count(*) AS n FROM posts WHERE id IN (${inList(postIds)})`,
            postIds,
          ),
        ).toEqual([{ n: 2 }])
        for (const [slug, count] of Object.entries(backup.manifest.counts)) {
          const table = slug.replaceAll('-', '_')
          expect(await rows(restored, `SELECT count(*) AS n FROM ${table}`, [])).toEqual([
            { n: count },
          ])
        }
      } finally {
        restored.close()
      }

      // Every file of every photo, byte for byte; and nothing of the unpacking left behind.
      for (const photo of photos) {
        for (const name of filesOf(photo)) {
          const original = readFileSync(path.join(liveMediaDir(), name))
          expect(readFileSync(path.join(mediaDir, name)).equals(original)).toBe(true)
        }
      }
      expect((await readdir(mediaDir)).filter((name) => name.startsWith('.'))).toEqual([])
      expect((await readdir(path.dirname(databaseFile))).sort()).toEqual(['media', 'schoolpost.db'])
    })

    it('the restored install starts as the CMS does and Payload reads the same data there', async () => {
      const { databaseFile, mediaDir } = target()
      const child = fork(path.join(here, 'helpers/restored-install.ts'), [JSON.stringify(ids())], {
        execArgv: ['--import', 'tsx'],
        env: { ...process.env, DATABASE_URL: `file:${databaseFile}`, MEDIA_DIR: mediaDir },
        stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      })
      const answer = await new Promise<RestoredAnswer>((resolve, reject) => {
        child.once('message', (message: RestoredAnswer) => resolve(message))
        child.once('error', reject)
        child.once('exit', (code) => reject(new Error(`restored CMS exited with ${code}`)))
      })
      if (answer.type === 'error') throw new Error(`restored CMS: ${answer.message}`)
      expect(answer.migrations).toEqual(backup.manifest.migrations)

      const all = { depth: 0, pagination: false, sort: 'id', overrideAccess: true } as const
      const { posts: postIds, media: mediaIds, consents: consentIds } = ids()
      const livePosts = await payload.find({
        collection: 'posts',
        where: { id: { in: postIds } },
        ...all,
      })
      expect(answer.posts).toEqual(
        livePosts.docs.map((p) => ({
          id: p.id,
          title: p.title,
          status: p.status,
          groups: p.groups,
          gallery: p.gallery,
        })),
      )
      const liveMedia = await payload.find({
        collection: 'media',
        where: { id: { in: mediaIds } },
        ...all,
      })
      expect(answer.media).toEqual(
        liveMedia.docs.map((m) => ({
          id: m.id,
          filename: m.filename,
          filesize: m.filesize,
          width: m.width,
          height: m.height,
          sizes: m.sizes,
        })),
      )
      const liveConsents = await payload.find({
        collection: 'image-consents',
        where: { id: { in: consentIds } },
        ...all,
      })
      expect(answer.consents).toEqual(
        liveConsents.docs.map((c) => ({
          id: c.id,
          pupil: c.pupil,
          guardian: c.guardian,
          allowed: c.allowed,
        })),
      )
    }, 120_000)

    it('refuses a target with data or a MEDIA_DIR that is not empty, and changes nothing', async () => {
      // The run's own database has data: refused, and not a row of it changed.
      const emptyMedia = path.join(work, 'never-created')
      const before = await rows(live, 'SELECT count(*) AS n FROM posts', [])
      await expect(
        restoreBackup({
          from: backup.file,
          databaseUrl: process.env.DATABASE_URL!,
          mediaDir: emptyMedia,
        }),
      ).rejects.toThrow(
        /Herstellen kan alleen in een lege installatie: de database .* bevat al gegevens/,
      )
      expect(await rows(live, 'SELECT count(*) AS n FROM posts', [])).toEqual(before)
      expect(existsSync(emptyMedia)).toBe(false)

      // An empty database but a media folder with a file in it: refused, nothing written.
      const other = path.join(work, 'other')
      await mkdir(path.join(other, 'media'), { recursive: true })
      writeFileSync(path.join(other, 'media', 'foto.jpg'), 'al hier')
      await expect(
        restoreBackup({
          from: backup.file,
          databaseUrl: `file:${path.join(other, 'schoolpost.db')}`,
          mediaDir: path.join(other, 'media'),
        }),
      ).rejects.toThrow(/MEDIA_DIR .* is niet leeg \(foto\.jpg\).*--force/s)
      expect((await leftovers(other)).sort()).toEqual(['media', path.join('media', 'foto.jpg')])
    })

    it('--force replaces an install with data, and never under the WAL of the old database', async () => {
      const own = path.join(work, 'forced')
      const databaseFile = path.join(own, 'schoolpost.db')
      const mediaDir = path.join(own, 'media')
      const databaseUrl = `file:${databaseFile}`
      await restoreBackup({ from: backup.file, databaseUrl, mediaDir })
      const { posts: postIds } = ids()

      // Changes that live only in the WAL, as a CMS that was killed leaves them behind (closing
      // would checkpoint them into the file and remove the WAL: a copy is put back after).
      const changed = createClient({ url: fileUrl(databaseFile) })
      let staleWal: Buffer
      try {
        await changed.execute('PRAGMA journal_mode = WAL') // as the CMS sets it on start
        await changed.execute({
          sql: 'DELETE FROM posts_rels WHERE parent_id = ?',
          args: [postIds[0]!],
        })
        await changed.execute({
          sql: "UPDATE posts SET title = 'gewijzigd' WHERE id = ?",
          args: [postIds[0]!],
        })
        staleWal = readFileSync(`${databaseFile}-wal`)
      } finally {
        changed.close()
      }
      expect(staleWal.length).toBeGreaterThan(0)
      writeFileSync(`${databaseFile}-wal`, staleWal)

      await expect(restoreBackup({ from: backup.file, databaseUrl, mediaDir })).rejects.toThrow(
        /bevat al gegevens .* en MEDIA_DIR .* is niet leeg/s,
      )
      await restoreBackup({ from: backup.file, databaseUrl, mediaDir, force: true })
      expect(existsSync(`${databaseFile}-wal`)).toBe(false)

      const again = createClient({ url: fileUrl(databaseFile) })
      try {
        expect((await rows(again, 'PRAGMA integrity_check', []))[0]).toEqual({
          integrity_check: 'ok',
        })
        const sql = `SELECT id, title FROM posts WHERE id IN (${inList(postIds)}) ORDER BY id`
        expect(await rows(again, sql, postIds)).toEqual(await rows(live, sql, postIds))
        const rels = `SELECT * FROM posts_rels WHERE parent_id IN (${inList(postIds)}) ORDER BY id`
        expect(await rows(again, rels, postIds)).toEqual(await rows(live, rels, postIds))
      } finally {
        again.close()
      }
    })

    it('refuses an archive whose content does not match its manifest, before writing anything', async () => {
      // Unpacked and packed again with one byte of one photo changed: a valid tar.gz, a wrong file.
      const unpacked = path.join(work, 'unpacked')
      await mkdir(unpacked)
      await extractTar({ file: backup.file, cwd: unpacked })
      const victim = `media/${photos[1]!.filename}`
      const bytes = readFileSync(path.join(unpacked, victim))
      bytes[bytes.length >> 1]! ^= 0xff
      await writeFile(path.join(unpacked, victim), bytes)
      const tampered = path.join(work, 'tampered.tar.gz')
      await createTar(
        { gzip: true, file: tampered, cwd: unpacked, portable: true },
        backup.manifest.files.map((file) => file.path).concat('manifest.json'),
      )

      // Cut short, and a flipped byte inside the compressed stream.
      const whole = readFileSync(backup.file)
      const truncated = path.join(work, 'truncated.tar.gz')
      writeFileSync(truncated, whole.subarray(0, whole.length >> 1))
      const flipped = Buffer.from(whole)
      flipped[flipped.length >> 1]! ^= 0xff
      const damaged = path.join(work, 'damaged.tar.gz')
      writeFileSync(damaged, flipped)

      for (const [archive, message] of [
        [
          tampered,
          new RegExp(`controlegetal \\(SHA-256\\) van ${victim.replace(/\./g, '\\.')} klopt niet`),
        ],
        [truncated, /beschadigd of niet compleet/],
        [damaged, /beschadigd of niet compleet/],
      ] as const) {
        const fresh = path.join(work, `fresh-${path.basename(archive, '.tar.gz')}`)
        await expect(
          restoreBackup({
            from: archive,
            databaseUrl: `file:${path.join(fresh, 'schoolpost.db')}`,
            mediaDir: path.join(fresh, 'media'),
          }),
        ).rejects.toThrow(message)
        expect(await leftovers(fresh)).toEqual([])
      }
    })

    it('a photo deleted, and one uploaded, between the snapshot and the copy of the files', async () => {
      const teacher = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
      const upload = async (name: string) => {
        const res = await uploadMedia(teacher, await plainPng(320, 240, '#c84'), name, {
          noRecognisablePupils: true,
        })
        expect(res.status).toBe(201)
        return ((await res.json()) as { doc: Media }).doc
      }
      const doomed = await upload('weg.png')
      let late: Media | undefined
      const result = await createBackup({
        databaseUrl: process.env.DATABASE_URL!,
        mediaDir: liveMediaDir(),
        out: path.join(work, 'during-changes.tar.gz'),
        afterSnapshot: async (attempt) => {
          // After the first snapshot the doomed photo is deleted (its files with it): that
          // snapshot names files that are gone, so the backup takes a new one.
          if (attempt === 1) await payload.delete({ collection: 'media', id: doomed.id })
          // After the second, a photo is uploaded: its files are copied, its row is not in there.
          if (attempt === 2) {
            late = await upload('laat.png')
            photos.push(late)
          }
        },
      })
      expect(result.attempts).toBe(2)
      expect(result.manifest.media.missing).toEqual([])
      const archived = new Set(result.manifest.files.map((file) => file.path))
      for (const name of filesOf(doomed)) expect(archived.has(`media/${name}`)).toBe(false)
      for (const name of filesOf(late!)) expect(archived.has(`media/${name}`)).toBe(true)
      expect(result.manifest.media.unreferenced).toBeGreaterThanOrEqual(filesOf(late!).length)

      // Restored: neither photo has a row; the late one's files are there, unused.
      const fresh = path.join(work, 'during-changes')
      await restoreBackup({
        from: result.file,
        databaseUrl: `file:${path.join(fresh, 'schoolpost.db')}`,
        mediaDir: path.join(fresh, 'media'),
      })
      const restored = createClient({ url: fileUrl(path.join(fresh, 'schoolpost.db')) })
      try {
        const sql = 'SELECT count(*) AS n FROM media WHERE id IN (?, ?)'
        expect(await rows(restored, sql, [doomed.id, late!.id])).toEqual([{ n: 0 }])
      } finally {
        restored.close()
      }
      for (const name of filesOf(late!))
        expect(existsSync(path.join(fresh, 'media', name))).toBe(true)
    })
  },
)
