import type { Endpoint, PayloadRequest } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import { bumpVisibilityVersion } from '../../../access/lib/visibility-version'
import { idOf } from '../../../access/lib/users'
import { reportsUpdate } from '../../../access/reports-read'
import { jsonError, parseJsonBody } from '../../../lib/json-body'
import type { Report } from '../../../payload-types'

export const REPORT_ACTIONS = ['hide-post', 'hide-media', 'hide-message', 'close'] as const
export type ReportAction = (typeof REPORT_ACTIONS)[number]

const UNKNOWN_ACTION =
  'Onbekende actie. Kies "Bericht verbergen voor ouders", "Foto verbergen voor ouders", "Gespreksbericht verbergen voor ouders" of "Melding afhandelen".'

const body = z.object(
  { action: z.enum(REPORT_ACTIONS, { message: UNKNOWN_ACTION }) },
  { message: UNKNOWN_ACTION },
)

/** What the "Melding afhandelen" panel in /admin shows (and what every action answers with). */
export type ReportHandlingState = {
  status: Report['status']
  /** `null` for a report about a message in a conversation. */
  post: { id: string; title: string; hidden: boolean } | null
  media: { id: string; filename: string | null; hidden: boolean; inPost: boolean } | null
  /** The reported conversation message (issue #14), hidden for parents or not. */
  message: { id: string; conversation: string; hidden: boolean } | null
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
  const postId = idOf(report.post)
  const mediaId = idOf(report.media)
  const messageId = idOf(report.message)
  const [post, media, message] = await Promise.all([
    postId
      ? req.payload.findByID({
          collection: 'posts',
          id: postId,
          depth: 0,
          overrideAccess: true,
          req,
          select: { title: true, hidden: true, gallery: true },
        })
      : null,
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
    messageId
      ? req.payload.findByID({
          collection: 'messages',
          id: messageId,
          depth: 0,
          overrideAccess: true,
          req,
          disableErrors: true,
          select: { status: true, conversation: true },
        })
      : null,
  ])
  const gallery = (post?.gallery ?? []).map((m) => idOf(m as string | { id: string }))
  return {
    status: report.status,
    post: post ? { id: post.id, title: post.title, hidden: !!post.hidden } : null,
    message: message
      ? {
          id: message.id,
          conversation: idOf(message.conversation as string | { id: string })!,
          hidden: message.status === 'hidden',
        }
      : null,
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

    if (action === 'hide-post' && !before.post) {
      return jsonError(400, 'no-post', 'Deze melding gaat over een bericht in een gesprek.')
    }
    if (action === 'hide-message' && !before.message) {
      return jsonError(400, 'no-message', 'Deze melding gaat niet over een bericht in een gesprek.')
    }
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
        const post = before.post!
        if (!post.hidden) await setHidden(req, 'posts', post.id)
        message = post.hidden
          ? 'Het bericht was al verborgen voor ouders.'
          : 'Het bericht is verborgen voor ouders.'
      } else if (action === 'hide-message') {
        const reported = before.message!
        // As staff hide a message in the conversation: delivered → hidden, who and when kept.
        if (!reported.hidden) {
          await req.payload.update({
            collection: 'messages',
            id: reported.id,
            data: { status: 'hidden' },
            depth: 0,
            overrideAccess: true,
            req,
            select: {},
          })
        }
        message = reported.hidden
          ? 'Het gespreksbericht was al verborgen voor ouders.'
          : 'Het gespreksbericht is verborgen voor ouders.'
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
