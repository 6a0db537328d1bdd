import type { Payload, PayloadRequest } from 'payload'
import { createLocalReq } from 'payload'

import { setConsent } from '../collections/ImageConsents/endpoints/set-consent'
import { handleReport, type ReportAction } from '../collections/Reports/endpoints/handle-report'
import { env } from '../lib/env'
import type { Media, Parent, Post, Staff } from '../payload-types'
import { drawScene, makeClip } from './demo-pictures'
import {
  type DemoPicture,
  type DemoPost,
  demoPosts,
  demoRefusal,
  demoReports,
} from './demo-school-content'

const DAY = 24 * 60 * 60 * 1000

async function findDemoMedia(payload: Payload, alt: string): Promise<Media | undefined> {
  const { docs } = await payload.find({
    collection: 'media',
    where: { alt: { equals: alt } },
    limit: 1,
    depth: 0,
  })
  return docs[0]
}

/**
 * A drawn demo picture, uploaded by a teacher through the real pipeline and tagged with the
 * pupils in it (found again by its description on a later start). Returns its id.
 */
export async function uploadDemoPicture(
  payload: Payload,
  {
    ids,
    count,
    item,
    variant,
    uploader,
  }: {
    ids: DemoIds
    count: Counter
    item: DemoPicture
    variant: number
    uploader: Staff & { collection: 'staff' }
  },
): Promise<string> {
  const found = await findDemoMedia(payload, item.alt)
  if (found) {
    count.existing++
    return found.id
  }
  const data = await drawScene(item.scene, variant)
  const doc = await payload.create({
    collection: 'media',
    data: {
      alt: item.alt,
      pupils: (item.pupils ?? []).map((name) => ids.pupils[name]!),
      noRecognisablePupils: !!item.noRecognisablePupils,
    },
    file: { data, mimetype: 'image/jpeg', name: `IMG_${2040 + variant}.jpg`, size: data.length },
    user: uploader,
    overrideAccess: false,
  })
  count.created++
  return doc.id
}

export type DemoIds = {
  staff: Record<string, string>
  groups: Record<string, string>
  pupils: Record<string, string>
}

type Counter = { created: number; existing: number }
type StaffUser = Staff & { collection: 'staff' }
type ParentUser = Parent & { collection: 'parents' }

function paragraphs(texts: string[]): NonNullable<Post['body']> {
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

/** At a school-day hour (13:30 UTC) this many days from the seed run. */
function daysFrom(now: number, days: number): string {
  const date = new Date(now + days * DAY)
  date.setUTCHours(13, 30, 0, 0)
  return date.toISOString()
}

/** Calls one of our REST endpoints in-process as `user`, exactly as the route handler would. */
export async function callEndpoint(
  payload: Payload,
  handler: (req: PayloadRequest) => Promise<Response> | Response,
  user: StaffUser | ParentUser,
  body: unknown,
  routeParams: Record<string, string> = {},
): Promise<void> {
  const req = await createLocalReq(
    { user, req: { routeParams, json: async () => body } as Partial<PayloadRequest> },
    payload,
  )
  const res = await handler(req)
  if (!res.ok) throw new Error(`Demo seed: endpoint refused (${res.status}): ${await res.text()}`)
}

/**
 * The lived-in part of the demo school (demo-school-content.ts), written as its people would:
 * teachers upload through the real pipeline (type check, sharp sizes, metadata stripped, video
 * posters) and publish under their own access rules, a guardian refuses through the consent
 * endpoint, a parent reports and the director handles it through the report endpoint. Every item
 * is found by its natural key first, so a second run changes nothing.
 */
export async function seedDemoContent(
  payload: Payload,
  ids: DemoIds,
  count: Counter,
): Promise<void> {
  const now = Date.now()
  const seedStarted = new Date(now).toISOString()

  const staff = new Map<string, StaffUser>()
  const asStaff = async (key: string): Promise<StaffUser> => {
    let user = staff.get(key)
    if (!user) {
      const doc = await payload.findByID({ collection: 'staff', id: ids.staff[key]!, depth: 0 })
      user = { ...doc, collection: 'staff' }
      staff.set(key, user)
    }
    return user
  }
  const asParent = async (email: string): Promise<ParentUser> => {
    const { docs } = await payload.find({
      collection: 'parents',
      where: { email: { equals: email } },
      limit: 1,
      depth: 0,
    })
    return { ...docs[0]!, collection: 'parents' }
  }

  const findMedia = (alt: string) => findDemoMedia(payload, alt)
  const picture = (item: DemoPicture, variant: number, uploader: StaffUser) =>
    uploadDemoPicture(payload, { ids, count, item, variant, uploader })

  async function video(alt: string, uploader: StaffUser): Promise<string | null> {
    const found = await findMedia(alt)
    if (found) {
      count.existing++
      return found.id
    }
    const data = await makeClip(env.ffmpegPath)
    if (!data) {
      payload.logger.warn('Demo-school: geen ffmpeg gevonden, de demo krijgt geen video.')
      return null
    }
    const doc = await payload.create({
      collection: 'media',
      // A moving test pattern: nobody on it.
      data: { alt, noRecognisablePupils: true },
      file: { data, mimetype: 'video/mp4', name: 'VID_0312.mp4', size: data.length },
      user: uploader,
      overrideAccess: false,
    })
    count.created++
    return doc.id
  }

  const postIds: Record<string, string> = {}
  let scheduledPostId: string | null = null
  let variant = 0
  for (const post of demoPosts) {
    const { docs } = await payload.find({
      collection: 'posts',
      where: { title: { equals: post.title } },
      limit: 1,
      depth: 0,
    })
    if (docs[0]) {
      count.existing++
      postIds[post.title] = docs[0].id
      continue
    }
    const author = await asStaff(post.author)
    const gallery: string[] = []
    for (const item of post.pictures ?? []) gallery.push(await picture(item, ++variant, author))
    if (post.video) {
      const id = await video(post.video.alt, author)
      if (id) gallery.push(id)
    }
    const created = await payload.create({
      collection: 'posts',
      data: postData(post, gallery, ids, now),
      user: author,
      overrideAccess: false,
    })
    count.created++
    postIds[post.title] = created.id
    if (post.scheduledInDays !== undefined) scheduledPostId = created.id
    else {
      // Publishing stamps "now"; the demo's history happened over the past weeks. Written
      // straight to the column (as report handling does): nothing is derived from it.
      await payload.db.updateOne({
        collection: 'posts',
        id: created.id,
        data: { publishedAt: daysFrom(now, -post.daysAgo!) },
        returning: false,
      })
    }
  }

  // After the photos were published, as in real life: the refusal hides them from then on (a
  // photo of a refused pupil could not be published at all).
  const guardian = await asParent(demoRefusal.guardian)
  const refusedPupil = ids.pupils[demoRefusal.pupil]!
  const consent = await payload.find({
    collection: 'image-consents',
    where: { and: [{ pupil: { equals: refusedPupil } }, { guardian: { equals: guardian.id } }] },
    limit: 1,
    depth: 0,
  })
  if (consent.docs[0]) count.existing++
  else {
    await callEndpoint(payload, setConsent.handler, guardian, {
      pupil: refusedPupil,
      allowed: false,
    })
    count.created++
  }

  for (const report of demoReports) {
    const reporter = await asParent(report.reporter)
    const post = postIds[report.post]!
    const { docs } = await payload.find({
      collection: 'reports',
      where: { and: [{ reporter: { equals: reporter.id } }, { post: { equals: post } }] },
      limit: 1,
      depth: 0,
    })
    if (docs[0]) {
      count.existing++
      continue
    }
    const media = 'picture' in report ? (await findMedia(report.picture))?.id : undefined
    const filed = await payload.create({
      collection: 'reports',
      // `status` is the parent's to omit (the hook files it as open); the type asks for it.
      data: { post, media, category: report.category, text: report.text, status: 'open' },
      user: reporter,
      overrideAccess: false,
    })
    count.created++
    if (!('handled' in report)) continue
    const handler = await asStaff(report.handled.by)
    const handle = (action: ReportAction) =>
      callEndpoint(payload, handleReport.handler, handler, { action }, { id: filed.id })
    await handle('hide-media')
    await payload.update({
      collection: 'reports',
      id: filed.id,
      data: { staffNote: report.handled.staffNote },
      user: handler,
      overrideAccess: false,
    })
    await handle('close')
  }

  // The saves above queued what they always queue: an email round per post, mail to staff per
  // report. This is history, though: on a fresh start it would mail every demo parent a dozen
  // times about old news. Only the scheduled post keeps its round, sent when it goes live.
  const queued = await payload.find({
    collection: 'payload-jobs',
    where: { createdAt: { greater_than_equal: seedStarted } },
    limit: 0,
    pagination: false,
    depth: 0,
  })
  const history = queued.docs
    .filter((job) => (job.input as { post?: string } | null)?.post !== scheduledPostId)
    .map((job) => job.id)
  if (history.length) {
    await payload.delete({ collection: 'payload-jobs', where: { id: { in: history } } })
  }
}

function postData(post: DemoPost, gallery: string[], ids: DemoIds, now: number) {
  const scheduled = post.scheduledInDays !== undefined
  return {
    title: post.title,
    body: paragraphs(post.paragraphs),
    teaser: post.teaser,
    gallery,
    audience: post.groups ? ('groups' as const) : ('school' as const),
    groups: (post.groups ?? []).map((name) => ids.groups[name]!),
    status: scheduled ? ('scheduled' as const) : ('published' as const),
    publishAt: scheduled ? daysFrom(now, post.scheduledInDays!) : undefined,
    // Unpinned posts leave the flag unset, like every post made through the API.
    ...(post.pinned ? { pinned: true } : {}),
  }
}
