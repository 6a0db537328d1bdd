import { chooseNotificationMode, isPostLive, type NotificationKind } from '@schoolpost/policies'
import type { PayloadRequest, TaskConfig } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'

import { findIds } from '../access/lib/scope'
import { idOf } from '../access/lib/users'
import { BATCH_LIMIT } from '../email/deliver-batch'

export const notificationKey = (post: string, parent: string, kind: string, round: number) =>
  `post:${post}:parent:${parent}:${kind}:round:${round}`

export const kindOfPost = (post: { audience: 'school' | 'groups' }): NotificationKind =>
  post.audience === 'school' ? 'news' : 'group'

/** The parents in a post's audience right now: parents of a pupil of the school or of its groups. */
export async function audienceParents(
  req: PayloadRequest,
  post: { audience: 'school' | 'groups'; groups?: unknown[] | null },
) {
  const groupIds = (post.groups ?? []).map((g) => idOf(g as string)).filter(Boolean) as string[]
  if (post.audience === 'groups' && groupIds.length === 0) return []
  const pupils = await findIds(
    req,
    'pupils',
    post.audience === 'school' ? {} : { group: { in: groupIds } },
  )
  if (pupils.length === 0) return []
  const parents = await req.payload.find({
    collection: 'parents',
    where: { children: { in: pupils } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { status: true, notifications: true },
  })
  return parents.docs
}

/**
 * The fan-out of one notification round of a post (C1). Runs when the post goes live (queued
 * with `waitUntil` for a scheduled post), so the recipients are the parents of the audience at
 * that moment: a parent unlinked in between gets nothing. Writes one row per parent who wants
 * email — "direct" rows are handed to batch jobs of at most 100, "dagelijks" rows wait for the
 * digest — all in one transaction, so a retry finds either everything or nothing.
 */
export const notifyPostTask: TaskConfig<{
  input: { post: string; round: number }
  output: { status: string; direct: number; digest: number }
}> = {
  slug: 'notifyPost',
  label: 'Ouders melden: nieuw bericht',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  inputSchema: [
    { name: 'post', type: 'text', required: true },
    { name: 'round', type: 'number', required: true },
  ],
  outputSchema: [
    { name: 'status', type: 'text', required: true },
    { name: 'direct', type: 'number', required: true },
    { name: 'digest', type: 'number', required: true },
  ],
  handler: async ({ input, req }) => {
    const nothing = (status: string) => ({ output: { status, direct: 0, digest: 0 } })
    const post = await req.payload.findByID({
      collection: 'posts',
      id: input.post,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
    })
    if (!post) return nothing('deleted')
    // A newer round (rescheduled, published early, "opnieuw melden") replaces this one.
    if ((post.notifyRound ?? 0) !== input.round) return nothing('superseded')
    if (post.hidden || !isPostLive({ post, now: new Date() })) return nothing('not-live')

    const kind = kindOfPost(post)
    const parents = await audienceParents(req, post)
    const existing = await req.payload.find({
      collection: 'post-notifications',
      where: { and: [{ post: { equals: post.id } }, { round: { equals: input.round } }] },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { parent: true },
    })
    if (existing.docs.length) return nothing('already-done')

    const shouldCommit = await initTransaction(req)
    try {
      const direct: string[] = []
      let digest = 0
      for (const parent of parents) {
        const choice = chooseNotificationMode({
          kind,
          accountStatus: parent.status,
          preferences: parent.notifications,
        })
        if (!choice.send) continue
        // Straight to the database inside the transaction: hundreds of rows, no hooks to run.
        const now = new Date().toISOString()
        const row = await req.payload.db.create({
          collection: 'post-notifications',
          data: {
            post: post.id,
            parent: parent.id,
            kind,
            round: input.round,
            mode: choice.mode,
            status: choice.mode === 'direct' ? 'queued' : 'waiting-digest',
            idempotencyKey: notificationKey(post.id, parent.id, kind, input.round),
            attempts: 0,
            createdAt: now,
            updatedAt: now,
          },
          req,
          select: { id: true },
        })
        if (choice.mode === 'direct') direct.push(String(row.id))
        else digest++
      }
      for (let i = 0; i < direct.length; i += BATCH_LIMIT) {
        await req.payload.jobs.queue({
          task: 'sendNotificationBatch',
          input: { notifications: direct.slice(i, i + BATCH_LIMIT) },
          req,
        })
      }
      if (shouldCommit) await commitTransaction(req)
      return { output: { status: 'queued', direct: direct.length, digest } }
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
  },
}
