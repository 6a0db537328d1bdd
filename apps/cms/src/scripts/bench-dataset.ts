/**
 * The databases of `pnpm bench:portal` (bench/src/portal): run by the bench, not by hand, as
 * `node --import tsx src/scripts/bench-dataset.ts <small|year> <empty folder>`. It writes
 * `<folder>/cms.db`, the media files under `<folder>/media` and, last, `<folder>/manifest.json`
 * (the login of the measured parent, a title the start page must show, the counts). The bench
 * caches the folder by a hash of this file, the seed and the migrations.
 *
 * - `small`: the demo school, seeded exactly as `pnpm start` does (about 30 posts).
 * - `year`: one school year at a real school's size: 8 groups, 400 families, ~500 pupils,
 *   3,000 posts over the past year (a few pinned, some hidden, drafts, scheduled ones in the
 *   future) and 15,000 photos with pupils tagged and some consents refused. The bulk rows are
 *   written with the adapter (`payload.db.create`: no hooks, no upload pipeline) in a few large
 *   transactions. Every photo row has file names of its own, each a hard link to one real JPEG
 *   and its WebP sizes, so the file route streams real bytes. The measured parent is made through
 *   the Local API (hooks: the password is hashed), like the demo seed makes its parents.
 */
import { randomUUID } from 'node:crypto'
import { linkSync, mkdirSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { CollectionSlug } from 'payload'
import sharp from 'sharp'

const [setName, outArg] = process.argv.slice(2)
if ((setName !== 'small' && setName !== 'year') || !outArg) {
  console.error('usage: bench-dataset.ts <small|year> <empty folder>')
  process.exit(2)
}
const outDir = path.resolve(outArg)
const mediaDir = path.join(outDir, 'media')
mkdirSync(mediaDir, { recursive: true })

// A script of its own: no outbox runner, no mail leaves (nothing is sent; jobs only queue).
process.env.SCHOOLPOST_ENV = 'test'
process.env.DATABASE_URL = `file:${path.join(outDir, 'cms.db')}`
process.env.MEDIA_DIR = mediaDir
process.env.PAYLOAD_SECRET ||= 'schoolpost-bench-dataset-secret-0123456789'

const { getPayload } = await import('payload')
const { sql } = await import('@payloadcms/db-sqlite')
const config = (await import('../payload.config')).default
const payload = await getPayload({ config })

type BenchManifest = {
  set: 'small' | 'year'
  builtAt: string
  login: { email: string; password: string }
  /** A title the parent's start page shows (a pinned post): the page is the real one. */
  expectTitle: string
  counts: Record<string, number>
}

const YEAR_PASSWORD = 'Bench-wachtwoord-2026'
const YEAR_PARENT = 'bench-parent@example.nl'
const YEAR_MARKER = 'Jaarplanning en vakanties van dit schooljaar'
const DAY = 24 * 60 * 60 * 1000

/** A small deterministic generator: the same school on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function paragraphs(texts: string[]) {
  return {
    root: {
      type: 'root',
      version: 1,
      format: '',
      indent: 0,
      direction: 'ltr',
      children: texts.map((text) => ({
        type: 'paragraph',
        version: 1,
        format: '',
        indent: 0,
        direction: 'ltr',
        textFormat: 0,
        children: [
          { type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' },
        ],
      })),
    },
  }
}

async function counts(): Promise<Record<string, number>> {
  const slugs = ['groups', 'pupils', 'parents', 'posts', 'media', 'image-consents'] as const
  const entries = await Promise.all(
    slugs.map(async (collection) => [collection, (await payload.count({ collection })).totalDocs]),
  )
  return Object.fromEntries(entries)
}

async function buildSmall(): Promise<BenchManifest> {
  const { seedDemoSchool } = await import('../seed/seed-demo-school')
  const { DEMO_PASSWORD } = await import('../seed/demo-school-data')
  await seedDemoSchool(payload)
  return {
    set: 'small',
    builtAt: new Date().toISOString(),
    login: { email: 'fatima.yilmaz@ouders.test', password: DEMO_PASSWORD },
    expectTitle: 'Studiedag: vrijdag zijn alle kinderen vrij',
    counts: await counts(),
  }
}

/** One JPEG original and its WebP sizes (as the pipeline names them), written once. */
async function sourceImages() {
  const { drawScene } = await import('../seed/demo-pictures')
  const { MEDIA_SIZES, WEBP_QUALITY } = await import('../collections/Media/sizes')
  const sourceDir = path.join(outDir, 'source')
  mkdirSync(sourceDir, { recursive: true })
  // The demo's drawn playground (1200 × 900), so both datasets serve files of the same size.
  const original = await drawScene('playground', 1)
  const { width = 0, height = 0 } = await sharp(original).metadata()
  const originalPath = path.join(sourceDir, 'original.jpg')
  writeFileSync(originalPath, original)
  const sizes = []
  for (const size of MEDIA_SIZES) {
    // Never enlarged, as the pipeline does (withoutEnlargement).
    const sizeWidth = Math.min(size.width, width)
    const sizeHeight = Math.round((height * sizeWidth) / width)
    const data = await sharp(original)
      .resize(sizeWidth, sizeHeight)
      .webp({ quality: WEBP_QUALITY })
      .toBuffer()
    const file = path.join(sourceDir, `${size.name}.webp`)
    writeFileSync(file, data)
    sizes.push({
      name: size.name,
      width: sizeWidth,
      height: sizeHeight,
      filesize: data.length,
      file,
    })
  }
  return {
    original: { width, height, filesize: original.length, file: originalPath },
    sizes,
  }
}

/** A list written as text: words split at `separator`. */
const words = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((word) => word.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
const FIRST_NAMES = words(
  `Noor Emma Daan Tess Liam Mila Sem Julia Lucas Saar Finn Zoë Levi Yara Milan Evi Adam Lotte
  Bram Fenna Noah Sara Mohammed Lina Luuk Anna Jesse Nina Thijs Roos`,
  /\s+/,
)
const LAST_NAMES = words(
  `de Jong, Jansen, de Vries, van den Berg, van Dijk, Bakker, Janssen, Visser, Smit, Meijer, de
  Boer, Mulder, de Groot, Bos, Vos, Peters, Hendriks, van Leeuwen, Dekker, Brouwer, de Wit,
  Dijkstra, Smits, de Graaf, van der Meer, Yilmaz, El Amrani, Kaya, Koster, Willems`,
  /,/,
)
const TOPICS = words(
  `Uitstapje naar het museum, Gymles buiten, Voorlezen in de bibliotheek, Rekenen met blokken,
  Knutselen voor de herfsttafel, Bezoek van de brandweer, Moestuin: de eerste oogst, Sportdag,
  Project dinosaurussen, Kerstviering in de klas, Voorjaarswandeling, Schoolreisje, Muziekles
  met de juf, Spreekbeurten, Kinderboekenweek, Paasontbijt`,
  /,/,
)

async function buildYear(): Promise<BenchManifest> {
  const rand = random(2026)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!
  const now = Date.now()
  const image = await sourceImages()

  const begin = async () => {
    const id = await payload.db.beginTransaction()
    if (id === null) throw new Error('bench-dataset: the database adapter has no transactions')
    return id
  }
  let transactionID = await begin()
  const req = () => ({ transactionID }) as never
  let pending = 0
  /** A few large transactions: SQLite writes thousands of rows per commit, not one per fsync. */
  const write = async (
    collection: CollectionSlug,
    data: Record<string, unknown>,
  ): Promise<string> => {
    const id = randomUUID()
    await payload.db.create({ collection, data, customID: id, req: req(), returning: false })
    if (++pending >= 5000) {
      await payload.db.commitTransaction(transactionID)
      transactionID = await begin()
      pending = 0
    }
    return id
  }

  const director = await write('staff', {
    name: 'Directie Bench',
    email: 'directie@bench.test',
    role: 'director',
  })
  const groups: { id: string; teacher: string; pupils: string[] }[] = []
  for (let g = 0; g < 8; g++) {
    const teacher = await write('staff', {
      name: `Leerkracht groep ${g + 1}`,
      email: `leerkracht${g + 1}@bench.test`,
      role: 'teacher',
    })
    const id = await write('groups', {
      name: `Groep ${g + 1}`,
      schoolYear: '2026-2027',
      sortOrder: g + 1,
      teachers: [teacher],
    })
    groups.push({ id, teacher, pupils: [] })
  }

  // 400 families: the first 100 have two children (in neighbouring groups), the others one;
  // three in five families have two guardians. Family 0 is the measured parent's.
  type Family = { lastName: string; children: string[]; parents: string[] }
  const families: Family[] = []
  let pupilCount = 0
  for (let f = 0; f < 400; f++) {
    const lastName = `${pick(LAST_NAMES)}`
    const children: string[] = []
    const childCount = f < 100 ? 2 : 1
    for (let c = 0; c < childCount; c++) {
      const group = groups[(f * 3 + c * 4) % 8]!
      const firstName = `${pick(FIRST_NAMES)}`
      const id = await write('pupils', {
        firstName,
        lastName,
        fullName: `${firstName} ${lastName}`,
        tagLabel: `${firstName} ${lastName[0]}. (${pupilCount + 1})`,
        group: group.id,
      })
      pupilCount++
      group.pupils.push(id)
      children.push(id)
    }
    families.push({ lastName, children, parents: [] })
  }
  for (const [f, family] of families.entries()) {
    const guardians = f % 5 < 3 ? 2 : 1
    for (let p = 0; p < guardians; p++) {
      if (f === 0 && p === 0) continue // made through the Local API below
      family.parents.push(
        await write('parents', {
          name: `Ouder ${p + 1} ${family.lastName}`,
          email: `ouder-${f}-${p}@bench.test`,
          status: 'active',
          preferredLanguage: 'nl',
          notifications: { news: 'direct', group: 'direct' },
          children: family.children,
        }),
      )
    }
  }

  // About one pupil in twenty has a guardian who refused images; a third have explicit consent.
  let refusals = 0
  for (const [f, family] of families.entries()) {
    const guardian = family.parents[0]
    if (!guardian) continue
    for (const pupil of family.children) {
      const roll = rand()
      if (f !== 0 && roll < 0.05) {
        await write('image-consents', { pupil, guardian, allowed: false })
        refusals++
      } else if (roll < 0.35) {
        await write('image-consents', { pupil, guardian, allowed: true })
      }
    }
  }

  // 3,000 posts over the past year, newest first: one in five is school news. Media come first,
  // each a row with its own hard-linked files.
  let mediaCount = 0
  const allPupils = groups.flatMap((g) => g.pupils)
  const linkFiles = (base: string) => {
    linkSync(image.original.file, path.join(mediaDir, `${base}.jpg`))
    const sizes: Record<string, unknown> = {}
    for (const size of image.sizes) {
      const filename = `${base}-${size.width}x${size.height}.webp`
      linkSync(size.file, path.join(mediaDir, filename))
      sizes[size.name] = {
        filename,
        mimeType: 'image/webp',
        width: size.width,
        height: size.height,
        filesize: size.filesize,
      }
    }
    return sizes
  }
  for (let i = 0; i < 3000; i++) {
    const school = i % 5 === 0
    const group = groups[Math.floor(rand() * 8)]!
    const author = school ? director : group.teacher
    const publishedAt = new Date(now - 3 * 60 * 60 * 1000 - (i / 3000) * 365 * DAY).toISOString()
    const gallery: string[] = []
    // 0–10 photos, 5 on average; the last post takes what makes exactly 15,000.
    const photos = i === 2999 ? 15_000 - mediaCount : i % 11
    for (let m = 0; m < photos; m++) {
      const base = `bench-${String(mediaCount + 1).padStart(5, '0')}`
      const pool = school ? allPupils : group.pupils
      const anonymous = rand() < 0.1
      const tagged = anonymous
        ? []
        : [...new Set(Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(pool)))]
      gallery.push(
        await write('media', {
          alt: `Foto ${m + 1} bij bericht ${i + 1}`,
          filename: `${base}.jpg`,
          mimeType: 'image/jpeg',
          filesize: image.original.filesize,
          width: image.original.width,
          height: image.original.height,
          sizes: linkFiles(base),
          pupils: tagged,
          noRecognisablePupils: anonymous,
          hidden: rand() < 0.02,
          uploadedBy: author,
          createdAt: publishedAt,
          updatedAt: publishedAt,
        }),
      )
      mediaCount++
    }
    const scheduled = i % 100 === 7
    const draft = i % 100 === 13
    // Pinned: the marker (school news, newest) and one recent post of each group.
    const pinned = i === 0 || (!school && i < 80 && i % 9 === 1)
    const title = i === 0 ? YEAR_MARKER : `${school ? 'Nieuws' : pick(TOPICS)} (bericht ${i + 1})`
    await write('posts', {
      title,
      body: paragraphs([
        `Dit is bericht ${i + 1} van het schooljaar. ${school ? 'Voor alle ouders van de school.' : 'Voor de ouders van de groep.'}`,
        'We hadden een mooie dag met elkaar. Op de foto’s zie je wat we gedaan hebben; vragen kun je altijd stellen aan de leerkracht.',
      ]),
      teaser: `Bericht ${i + 1}: kort nieuws uit de school.`,
      gallery,
      audience: school ? 'school' : 'groups',
      groups: school ? [] : [group.id],
      status: scheduled ? 'scheduled' : draft ? 'draft' : 'published',
      publishAt: scheduled ? new Date(now + (30 + (i % 270)) * DAY).toISOString() : null,
      publishedAt: scheduled || draft ? null : publishedAt,
      pinned,
      hidden: i !== 0 && i % 50 === 21,
      author,
      createdAt: publishedAt,
      updatedAt: publishedAt,
    })
  }
  await payload.db.commitTransaction(transactionID)

  // The measured parent: children in two groups, made like the demo seed makes its parents.
  const family = families[0]!
  const parent = await payload.create({
    collection: 'parents',
    data: {
      name: 'Bench Ouder',
      email: YEAR_PARENT,
      password: YEAR_PASSWORD,
      status: 'active',
      children: family.children,
    },
  })
  family.parents.unshift(parent.id)

  return {
    set: 'year',
    builtAt: new Date().toISOString(),
    login: { email: YEAR_PARENT, password: YEAR_PASSWORD },
    expectTitle: YEAR_MARKER,
    counts: { families: families.length, refusedConsents: refusals, ...(await counts()) },
  }
}

try {
  const started = performance.now()
  const manifest = setName === 'small' ? await buildSmall() : await buildYear()
  // One self-contained file to copy: the WAL folded into the database.
  await (payload.db as unknown as SQLiteAdapter).drizzle.run(sql`PRAGMA wal_checkpoint(TRUNCATE)`)
  writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  const db = statSync(path.join(outDir, 'cms.db')).size
  console.log(
    `bench-dataset ${setName}: ${JSON.stringify(manifest.counts)}, ` +
      `${(db / 1e6).toFixed(1)} MB, ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
} finally {
  await payload.destroy()
}
process.exit(0)
