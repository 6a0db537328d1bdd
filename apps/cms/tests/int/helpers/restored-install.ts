/**
 * The CMS on a restored install (backup-restore.int.spec.ts): started with the DATABASE_URL and
 * MEDIA_DIR of the restore target, it opens the database as the CMS does on start (pending
 * migrations applied as usual) and sends back, over IPC, what Payload reads there.
 */
import { getPayload } from 'payload'

import config from '../../../src/payload.config'

export type RestoredIds = { posts: string[]; media: string[]; consents: string[] }

export type RestoredAnswer =
  | {
      type: 'result'
      migrations: string[]
      posts: { id: string; title: string; status: unknown; groups: unknown; gallery: unknown }[]
      media: {
        id: string
        filename: unknown
        filesize: unknown
        width: unknown
        height: unknown
        sizes: unknown
      }[]
      consents: { id: string; pupil: unknown; guardian: unknown; allowed: unknown }[]
    }
  | { type: 'error'; message: string }

const ids = JSON.parse(process.argv[2] ?? '{}') as RestoredIds

async function read(): Promise<RestoredAnswer> {
  const payload = await getPayload({ config })
  try {
    const all = { depth: 0, pagination: false, sort: 'id', overrideAccess: true } as const
    const migrations = await payload.find({ collection: 'payload-migrations', ...all })
    const posts = await payload.find({
      collection: 'posts',
      where: { id: { in: ids.posts } },
      ...all,
    })
    const media = await payload.find({
      collection: 'media',
      where: { id: { in: ids.media } },
      ...all,
    })
    const consents = await payload.find({
      collection: 'image-consents',
      where: { id: { in: ids.consents } },
      ...all,
    })
    return {
      type: 'result',
      migrations: migrations.docs.map((m) => String(m.name)).sort(),
      posts: posts.docs.map((p) => ({
        id: p.id,
        title: p.title,
        status: p.status,
        groups: p.groups,
        gallery: p.gallery,
      })),
      media: media.docs.map((m) => ({
        id: m.id,
        filename: m.filename,
        filesize: m.filesize,
        width: m.width,
        height: m.height,
        sizes: m.sizes,
      })),
      consents: consents.docs.map((c) => ({
        id: c.id,
        pupil: c.pupil,
        guardian: c.guardian,
        allowed: c.allowed,
      })),
    }
  } finally {
    await payload.destroy()
  }
}

const answer = await read().catch((error: unknown): RestoredAnswer => ({
  type: 'error',
  message: error instanceof Error ? (error.stack ?? error.message) : String(error),
}))
process.send!(answer, () => process.exit(0))
