import type { Endpoint, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import { bumpVisibilityVersion } from '../../../access/lib/visibility-version'
import { idOf } from '../../../access/lib/users'
import { reportsUpdate } from '../../../access/reports-read'
import { jsonError, parseJsonBody } from '../../../lib/json-body'
import type { Report } from '../../../payload-types'

export const REPORT_ACTIONS = ['hide-post', 'hide-media', 'close'] as const
export type ReportAction = (typeof REPORT_ACTIONS)[number]

const UNKNOWN_ACTION =
  'Onbekende actie. Kies "Bericht verbergen voor ouders", "Foto verbergen voor ouders" of "Melding afhandelen".'

const body = z.object(
  { action: z.enum(REPORT_ACTIONS, { message: UNKNOWN_ACTION }) },
  { message: UNKNOWN_ACTION },
)

/** What the "Melding afhandelen" panel in /admin shows (and what every action answers with). */
export type ReportHandlingState = {
  status: Report['status']
  post: { id: string; title: string; hidden: boolean }
  media: { id: string; filename: string | null; hidden: boolean; inPost: boolean } | null
}

type Loaded = { ok: true; report: Report } | { ok: false; response: Response }

/**
 * The report, if the user may update it: the collection's own `reportsUpdate` decides (directors:
 * every report; a teacher: reports on their groups' posts; office and parents: none). Only after
 * that check does anything run with overrideAccess.
 */
async function loadReport(req: PayloadRequest): Promise<Loaded> {
  const forbidden = () =>
    jsonError(403, 'forbidden', 'Je mag deze melding niet afhandelen.') as Response
  const id = String(req.routeParams?.id ?? '')
  const access = await reportsUpdate({ req, id })
  if (!access) return { ok: false, response: forbidden() }
  const report = await req.payload.findByID({
    collection: 'reports',
    id,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
  })
  if (!report)
    return { ok: false, response: jsonError(404, 'not-found', 'Deze melding bestaat niet.') }
  if (access !== true) {
    const inScope = await req.payload.count({
      collection: 'reports',
      where: { and: [{ id: { equals: report.id } }, access] },
      overrideAccess: true,
      req,
    })
    if (inScope.totalDocs === 0) return { ok: false, response: forbidden() }
  }
  return { ok: true, report }
}

async function handlingState(req: PayloadRequest, report: Report): Promise<ReportHandlingState> {
  const postId = idOf(report.post)!
  const mediaId = idOf(report.media)
  const [post, media] = await Promise.all([
    req.payload.findByID({
      collection: 'posts',
      id: postId,
      depth: 0,
      overrideAccess: true,
      req,
      select: { title: true, hidden: true, gallery: true },
    }),
    mediaId
      ? req.payload.findByID({
          collection: 'media',
          id: mediaId,
          depth: 0,
          overrideAccess: true,
          req,
          disableErrors: true,
          select: { filename: true, hidden: true },
        })
      : null,
  ])
  const gallery = (post.gallery ?? []).map((m) => idOf(m as string | { id: string }))
  return {
    status: report.status,
    post: { id: post.id, title: post.title, hidden: !!post.hidden },
    media: media
      ? {
          id: media.id,
          filename: media.filename ?? null,
          hidden: !!media.hidden,
          inPost: gallery.includes(media.id),
        }
      : null,
  }
}

/**
 * Flips a "hidden for parents" flag straight in the database (in the request's transaction).
 * Deliberately not `payload.update`: that re-runs the publish checks of a post, and a post is
 * often hidden precisely because one of its photos broke them afterwards (a guardian withdrew
 * consent) — hiding must never be refused for that. Nothing derives from these flags.
 */
async function setHidden(req: PayloadRequest, collection: 'posts' | 'media', id: string) {
  await req.payload.db.updateOne({
    collection,
    id,
    data: { hidden: true, updatedAt: new Date().toISOString() },
    req,
    returning: false,
  })
  // Straight to the column, so the hooks that bump the visibility version do not run: bump here.
  await bumpVisibilityVersion(req)
}

/** GET /api/reports/:id/handle — the state the admin panel shows (hidden or not, status). */
export const reportHandlingState: Endpoint = {
  path: '/:id/handle',
  method: 'get',
  handler: async (req) => {
    const loaded = await loadReport(req)
    if (!loaded.ok) return loaded.response
    return Response.json(
      { ok: true, state: await handlingState(req, loaded.report) },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}

/**
 * POST /api/reports/:id/handle `{ action }` (S15): staff who may update the report hide its post
 * or its photo for parents, or close it. Hiding also moves an open report to "In behandeling".
 * One transaction; the answer carries a Dutch message and the new state.
 */
export const handleReport: Endpoint = {
  path: '/:id/handle',
  method: 'post',
  handler: async (req) => {
    const loaded = await loadReport(req)
    if (!loaded.ok) return loaded.response
    const parsed = await parseJsonBody(req, body)
    if (!parsed.ok) return parsed.response
    const { action } = parsed.data
    const { report } = loaded
    const before = await handlingState(req, report)

    if (action === 'hide-media') {
      if (!before.media)
        return jsonError(400, 'no-media', 'Deze melding gaat niet over één foto of video.')
      if (!before.media.inPost)
        return jsonError(400, 'media-not-in-post', 'Deze foto hoort niet (meer) bij dit bericht.')
    }

    const shouldCommit = await initTransaction(req)
    let message: string
    try {
      if (action === 'hide-post') {
        if (!before.post.hidden) await setHidden(req, 'posts', before.post.id)
        message = before.post.hidden
          ? 'Het bericht was al verborgen voor ouders.'
          : 'Het bericht is verborgen voor ouders.'
      } else if (action === 'hide-media') {
        const media = before.media!
        if (!media.hidden) await setHidden(req, 'media', media.id)
        message = media.hidden
          ? 'De foto was al verborgen voor ouders.'
          : 'De foto is verborgen voor ouders.'
      } else {
        message =
          report.status === 'afgehandeld'
            ? 'Deze melding was al afgehandeld.'
            : 'De melding is afgehandeld.'
      }
      const status: Report['status'] =
        action === 'close'
          ? 'afgehandeld'
          : report.status === 'open'
            ? 'in-behandeling'
            : report.status
      if (status !== report.status) {
        await req.payload.update({
          collection: 'reports',
          id: report.id,
          data: { status },
          depth: 0,
          overrideAccess: true,
          req,
        })
      }
      const state = await handlingState(req, { ...report, status })
      if (shouldCommit) await commitTransaction(req)
      return Response.json(
        { ok: true, message, state },
        { headers: { 'Cache-Control': 'no-store' } },
      )
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  },
}
