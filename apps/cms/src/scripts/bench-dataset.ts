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
  /** `pnpm bench:absences`: the Monday it reports on, who reports, how to check what is stored. */
  absences?: AbsenceBench
}

type AbsenceBench = {
  /** A Monday that is a school day, a week or more after the build. */
  day: string
  /** The school's clock during the run: 08:00 while parents sign in, 08:10 for the reports. */
  openAt: string
  reportAt: string
  password: string
  director: { email: string; password: string }
  /** One parent per pupil: 200 distinct pupils. */
  reporters: { email: string; pupil: string; firstName: string }[]
  /** The same pupils again, by the other guardian where there is one. */
  duplicates: { email: string; pupil: string }[]
  history: { absences: number; leaveRequests: number }
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
  const slugs = [
    'groups',
    'pupils',
    'parents',
    'posts',
    'media',
    'image-consents',
    'conversations',
    'messages',
  ] as const
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
  const calendar = await schoolCalendar()

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
  type PupilFacts = { id: string; firstName: string; group: (typeof groups)[number] }
  const pupilFacts = new Map<string, PupilFacts>()
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
      pupilFacts.set(id, { id, firstName, group })
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
  const history = await writeAbsenceHistory({ write, rand, families, pupilFacts, calendar })
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

  transactionID = await begin()
  const conversations = await writeConversationHistory({ write, rand, families, pupilFacts, now })
  await payload.db.commitTransaction(transactionID)

  const absences = await prepareAbsenceBench({ families, pupilFacts, calendar, history })

  return {
    set: 'year',
    builtAt: new Date().toISOString(),
    login: { email: YEAR_PARENT, password: YEAR_PASSWORD },
    expectTitle: YEAR_MARKER,
    counts: {
      families: families.length,
      refusedConsents: refusals,
      ...(await counts()),
      ...conversations,
    },
    absences,
  }
}

/** The school's holidays (the demo's calendar) and the settings the rules read. */
async function schoolCalendar() {
  const { demoClosedPeriods } = await import('../seed/demo-absences')
  const { getSchoolNow, toAbsenceSettings } = await import('@schoolpost/policies')
  await payload.updateGlobal({
    slug: 'school-settings',
    data: { closedPeriods: demoClosedPeriods },
  })
  const settings = toAbsenceSettings(
    await payload.findGlobal({ slug: 'school-settings', depth: 0 }),
  )
  const today = getSchoolNow({ now: new Date(), timeZone: settings.timeZone }).date
  return { settings, today }
}

type BenchFamily = { lastName: string; children: string[]; parents: string[] }

const QUESTIONS = ['Gymspullen', 'Huiswerk', 'Ziekte opa', 'Zwemles', 'Schoolreisje', 'Lezen']
const TALKS = ['Hoe gaat het in de klas', 'Rekenen', 'Samenwerken', 'Rapportgesprek']

/**
 * A year of conversations (issue #14): three per family on average, half a kind-gesprek a
 * teacher started, half a question from the first guardian, two to eight messages each, every
 * participant's read mark at the last message — the history the list, the unread counts and a
 * thread must not grow with. The measured parent (family 0's first guardian) has read
 * everything, like most parents at 08:00, so their start page is the usual one. Written as the
 * hooks would write it.
 */
async function writeConversationHistory({
  write,
  rand,
  families,
  pupilFacts,
  now,
}: {
  write: (collection: CollectionSlug, data: Record<string, unknown>) => Promise<string>
  rand: () => number
  families: BenchFamily[]
  pupilFacts: Map<string, BenchPupil>
  now: number
}) {
  let conversations = 0
  let messages = 0
  let reads = 0
  for (const family of families) {
    const asker = family.parents[0]
    if (!asker) continue
    const askerName = `Ouder 1 ${family.lastName}`
    // 0–6, three on average; the measured family has four (its list is measured).
    const count = family === families[0] ? 4 : Math.floor(rand() * 7)
    for (let c = 0; c < count; c++) {
      const pupil = pupilFacts.get(family.children[c % family.children.length]!)!
      const teacher = pupil.group.teacher
      const teacherName = 'Leerkracht (school)'
      const isQuestion = rand() < 0.5
      const startedAt = now - Math.floor(rand() * 360) * DAY - 6 * 3_600_000
      const length = 2 + Math.floor(rand() * 7)
      const lastAt = new Date(startedAt + (length - 1) * 3 * 3_600_000).toISOString()
      const kind = isQuestion ? 'teacher' : 'child'
      const starterParent = isQuestion ? asker : null
      const conversation = await write('conversations', {
        pupil: pupil.id,
        subject: isQuestion
          ? QUESTIONS[Math.floor(rand() * QUESTIONS.length)]
          : `${TALKS[Math.floor(rand() * TALKS.length)]} (${pupil.firstName})`,
        kind,
        starterName: isQuestion ? askerName : teacherName,
        startedByParent: starterParent,
        startedByStaff: isQuestion ? null : teacher,
        lastMessageAt: lastAt,
        createdAt: new Date(startedAt).toISOString(),
        updatedAt: lastAt,
      })
      conversations++
      for (let m = 0; m < length; m++) {
        const fromParent = isQuestion ? m % 2 === 0 : m % 2 === 1
        const sentAt = new Date(startedAt + m * 3 * 3_600_000).toISOString()
        await write('messages', {
          conversation,
          body: fromParent
            ? 'Dank voor het bericht. Thuis gaat het goed; we houden het in de gaten.'
            : 'Fijn om te horen. Ik laat het weten als er iets verandert in de klas.',
          status: 'delivered',
          heldRule: null,
          authorName: fromParent ? askerName : teacherName,
          authorParent: fromParent ? asker : null,
          authorStaff: fromParent ? null : teacher,
          sentAt,
          editedAt: null,
          pupil: pupil.id,
          kind,
          starterParent,
          createdAt: sentAt,
          updatedAt: sentAt,
        })
        messages++
      }
      const readers = [
        { collection: 'staff', id: teacher, name: teacherName },
        ...(isQuestion ? [asker] : family.parents).map((id) => ({
          collection: 'parents',
          id,
          name: askerName,
        })),
      ]
      for (const reader of readers) {
        await write('conversation-reads', {
          conversation,
          readerName: reader.name,
          readAt: lastAt,
          readerParent: reader.collection === 'parents' ? reader.id : null,
          readerStaff: reader.collection === 'staff' ? reader.id : null,
          readKey: `${conversation}:${reader.collection}:${reader.id}`,
          pupil: pupil.id,
          kind,
          starterParent,
          createdAt: lastAt,
          updatedAt: lastAt,
        })
        reads++
      }
    }
  }
  return { conversations, messages, conversationReads: reads }
}
type BenchPupil = { id: string; firstName: string; group: { id: string; teacher: string } }

/**
 * A year of absences as a school has them (about 4 in 100 pupils away on a school day, one in five
 * an appointment, most seen by the teacher, a few withdrawn or phoned in) and leave requests in
 * every state: the history every absence request must not grow with. Written with the adapter,
 * so every field the hooks would set is set here, as they would.
 */
async function writeAbsenceHistory({
  write,
  rand,
  families,
  pupilFacts,
  calendar,
}: {
  write: (collection: CollectionSlug, data: Record<string, unknown>) => Promise<string>
  rand: () => number
  families: BenchFamily[]
  pupilFacts: Map<string, BenchPupil>
  calendar: Awaited<ReturnType<typeof schoolCalendar>>
}) {
  const { addCalendarDays, checkSchoolDay, getInstantAt } = await import('@schoolpost/policies')
  const { settings, today } = calendar
  const office = await write('staff', {
    name: 'Administratie Bench',
    email: 'administratie@bench.test',
    role: 'office',
  })
  const guardianOf = new Map<string, { id: string; name: string }>()
  for (const family of families) {
    for (const child of family.children) {
      const id = family.parents[0]
      if (id) guardianOf.set(child, { id, name: `Ouder 1 ${family.lastName}` })
    }
  }
  const pupils = [...pupilFacts.values()].filter((p) => guardianOf.has(p.id))
  const at = (date: string, time: string) =>
    getInstantAt({ date, time, timeZone: settings.timeZone }).toISOString()
  const plannedReasons = ['tandarts', 'huisarts', 'ziekenhuis', 'therapie', 'overig'] as const
  let absences = 0
  for (let date = addCalendarDays(today, -365); date < today; date = addCalendarDays(date, 1)) {
    if (!checkSchoolDay({ date, settings }).ok) continue
    const away = new Set<BenchPupil>()
    const count = 14 + Math.floor(rand() * 14)
    while (away.size < count) away.add(pupils[Math.floor(rand() * pupils.length)]!)
    for (const pupil of away) {
      const guardian = guardianOf.get(pupil.id)!
      const planned = rand() < 0.2
      const phoned = !planned && rand() < 0.1
      const roll = rand()
      const status = roll < 0.03 ? 'cancelled' : roll < 0.95 ? 'acknowledged' : 'reported'
      const reportedAt = planned ? at(addCalendarDays(date, -2), '19:30') : at(date, '07:40')
      const reason = planned ? plannedReasons[Math.floor(rand() * plannedReasons.length)]! : 'ziek'
      await write('absences', {
        title: `${planned ? 'Afspraak' : 'Ziek'} · ${pupil.firstName} · ${date}`,
        pupil: pupil.id,
        kind: planned ? 'planned' : 'sick',
        date,
        fromTime: planned ? '10:30' : null,
        toTime: planned ? '11:30' : null,
        reason,
        note: planned ? 'Controle, daarna komt hij/zij weer naar school.' : null,
        status,
        channel: phoned ? 'phone' : 'portal',
        group: pupil.group.id,
        reporterName: phoned ? 'Administratie Bench (school)' : guardian.name,
        reportedBy: phoned ? null : guardian.id,
        recordedBy: phoned ? office : null,
        acknowledgedBy: status === 'acknowledged' ? pupil.group.teacher : null,
        acknowledgedAt: status === 'acknowledged' ? at(date, '08:40') : null,
        cancelledAt: status === 'cancelled' ? at(date, '07:50') : null,
        // Unique while active: a withdrawn report frees its day.
        activeKey: status === 'cancelled' ? null : `${pupil.id}:${date}`,
        createdAt: reportedAt,
        updatedAt: reportedAt,
      })
      absences++
    }
  }
  const leaveReasons = ['familie', 'vakantie', 'religie', 'medisch-sociaal', 'overig'] as const
  const statuses = ['approved', 'approved', 'refused', 'withdrawn', 'requested'] as const
  let leaveRequests = 0
  for (let i = 0; i < 60; i++) {
    const pupil = pupils[Math.floor(rand() * pupils.length)]!
    const guardian = guardianOf.get(pupil.id)!
    const from = addCalendarDays(today, -330 + i * 6)
    const to = addCalendarDays(from, i % 3)
    const status = statuses[i % statuses.length]!
    const requestedAt = at(addCalendarDays(from, -60), '20:15')
    const decided = status === 'approved' || status === 'refused'
    await write('leave-requests', {
      title: `Verlof · ${pupil.firstName} · ${from}`,
      pupil: pupil.id,
      from,
      to,
      reason: leaveReasons[i % leaveReasons.length],
      note: 'Bruiloft van een oom in het buitenland.',
      status,
      decisionMessage: decided
        ? status === 'approved'
          ? 'Akkoord, veel plezier.'
          : 'Dit valt niet onder gewichtige omstandigheden.'
        : null,
      late: false,
      schoolDays: 1 + (i % 3),
      beyondDirector: false,
      group: pupil.group.id,
      requesterName: guardian.name,
      requestedBy: guardian.id,
      decidedBy: null,
      decidedAt: decided ? at(addCalendarDays(from, -50), '12:00') : null,
      createdAt: requestedAt,
      updatedAt: requestedAt,
    })
    leaveRequests++
  }
  return { absences, leaveRequests }
}

/**
 * The parents of `pnpm bench:absences`: the first guardian of 200 families (one child each: 200
 * distinct pupils) and the other guardian where there is one, all with the measured parent's
 * password (its salt and hash, made by Payload's own hashing, copied: hashing 300 passwords would
 * only cost time); a director to count what was stored; the Monday and the clock.
 */
async function prepareAbsenceBench({
  families,
  pupilFacts,
  calendar,
  history,
}: {
  families: BenchFamily[]
  pupilFacts: Map<string, BenchPupil>
  calendar: Awaited<ReturnType<typeof schoolCalendar>>
  history: { absences: number; leaveRequests: number }
}): Promise<AbsenceBench> {
  const { addCalendarDays, checkSchoolDay, getInstantAt, weekdayOf } =
    await import('@schoolpost/policies')
  const { settings, today } = calendar
  let day = addCalendarDays(today, 7)
  while (weekdayOf(day) !== 'monday' || !checkSchoolDay({ date: day, settings }).ok) {
    day = addCalendarDays(day, 1)
  }
  const measured = await payload.db.findOne<{ id: string; salt?: string; hash?: string }>({
    collection: 'parents',
    where: { email: { equals: YEAR_PARENT } },
  })
  if (!measured?.salt || !measured.hash) throw new Error('bench-dataset: no password hash to copy')
  const { salt, hash } = measured
  const director = { email: 'directeur@bench.test', password: YEAR_PASSWORD }
  await payload.create({
    collection: 'staff',
    data: { name: 'Directeur Bench', role: 'director', ...director },
  })
  const reporters: AbsenceBench['reporters'] = []
  const duplicates: AbsenceBench['duplicates'] = []
  const transactionID = await payload.db.beginTransaction()
  const req = { transactionID } as never
  for (const family of families.slice(1, 201)) {
    const pupil = pupilFacts.get(family.children[0]!)!
    const [first, second] = family.parents.map((id, p) => ({
      id,
      email: `ouder-${families.indexOf(family)}-${p}@bench.test`,
    }))
    for (const guardian of [first!, ...(second ? [second] : [])]) {
      await payload.db.updateOne({
        collection: 'parents',
        id: guardian.id,
        data: { salt, hash },
        req,
        returning: false,
      })
    }
    reporters.push({ email: first!.email, pupil: pupil.id, firstName: pupil.firstName })
    duplicates.push({ email: (second ?? first)!.email, pupil: pupil.id })
  }
  await payload.db.commitTransaction(transactionID!)
  const at = (time: string) =>
    getInstantAt({ date: day, time, timeZone: settings.timeZone }).toISOString()
  return {
    day,
    openAt: at('08:00'),
    reportAt: at('08:10'),
    password: YEAR_PASSWORD,
    director,
    reporters,
    duplicates,
    history,
  }
}

/**
 * Every parent of the dataset accepted the house rules in force (S18): the benches measure a
 * school day, not each parent's first login (the gate would send them all to /huisregels).
 */
async function acceptHouseRules(): Promise<void> {
  const { readHouseRulesVersion } = await import('../globals/HouseRules/current')
  const version = await readHouseRulesVersion(payload)
  await payload.db.updateMany({
    collection: 'parents',
    where: { status: { equals: 'active' } },
    data: { houseRules: { version, acceptedAt: new Date().toISOString() } },
    returning: false,
  })
}

try {
  const started = performance.now()
  const manifest = setName === 'small' ? await buildSmall() : await buildYear()
  await acceptHouseRules()
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
