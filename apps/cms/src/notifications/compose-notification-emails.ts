import { canParentSeePost, chooseNotificationMode } from '@schoolpost/policies'
import type { PayloadRequest } from 'payload'

import { idOf } from '../access/lib/users'
import type { OutgoingEmail } from '../email/deliver-email'
import {
  digestEmail,
  postNotificationEmail,
  type PostSummary,
} from '../email/templates/post-notification-email'
import { env } from '../lib/env'
import type { Parent, Post, PostNotification } from '../payload-types'
import { createUnsubscribeToken, type UnsubscribeScope } from './unsubscribe-token'

export type ComposedMessage = { email: OutgoingEmail; rowIds: string[] }
export type Composition = { messages: ComposedMessage[]; cancelled: string[] }

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

export const unsubscribeUrl = (parentId: string, kind: UnsubscribeScope) =>
  `${env.portalUrl}/afmelden/${createUnsubscribeToken({ claim: { parentId, kind }, secret: env.payloadSecret })}`

const listFormat = new Intl.ListFormat('nl', { style: 'long', type: 'conjunction' })

/**
 * Turns queued notification rows into emails, checking everything again at send time: the parent
 * is still active and still wants this, the post is still live, not hidden and still meant for the
 * parent's groups. Rows that no longer qualify are cancelled, not sent. A digest (`digestDate`)
 * becomes one email per parent listing their posts; otherwise one email per row.
 */
export async function composeNotificationEmails({
  req,
  rows,
  digestDate,
}: {
  req: PayloadRequest
  rows: PostNotification[]
  digestDate?: string | null
}): Promise<Composition> {
  const postIds = [...new Set(rows.map((r) => idOf(r.post)!))]
  const parentIds = [...new Set(rows.map((r) => idOf(r.parent)!))]
  const [settings, posts, parents] = await Promise.all([
    req.payload.findGlobal({ slug: 'school-settings', depth: 0, req }),
    req.payload.find({ collection: 'posts', where: { id: { in: postIds } }, ...all, req }),
    req.payload.find({
      collection: 'parents',
      where: { id: { in: parentIds } },
      ...all,
      req,
      select: { email: true, status: true, notifications: true, children: true },
    }),
  ])
  const postById = new Map(posts.docs.map((p) => [p.id, p]))
  const parentById = new Map(parents.docs.map((p) => [p.id, p as Parent]))
  const childIds = [
    ...new Set(parents.docs.flatMap((p) => (p.children ?? []).map((c) => idOf(c)!))),
  ]
  const pupils = childIds.length
    ? await req.payload.find({
        collection: 'pupils',
        where: { id: { in: childIds } },
        ...all,
        req,
        select: { group: true },
      })
    : { docs: [] }
  const groupOfPupil = new Map(pupils.docs.map((p) => [p.id, idOf(p.group)]))
  const groupIds = [...new Set(posts.docs.flatMap((p) => (p.groups ?? []).map((g) => idOf(g)!)))]
  const groups = groupIds.length
    ? await req.payload.find({
        collection: 'groups',
        where: { id: { in: groupIds } },
        ...all,
        req,
        select: { name: true },
      })
    : { docs: [] }
  const groupName = new Map(groups.docs.map((g) => [g.id, g.name]))
  const now = new Date()

  const parentGroups = (parent: Parent) => [
    ...new Set(
      (parent.children ?? [])
        .map((c) => groupOfPupil.get(idOf(c)!))
        .filter((g): g is string => !!g),
    ),
  ]
  const summaryFor = (post: Post, groupsOfParent: string[]): PostSummary => {
    const shared = (post.groups ?? [])
      .map((g) => idOf(g)!)
      .filter((g) => groupsOfParent.includes(g))
    return {
      subject: post.emailSubject?.trim() || post.title,
      title: post.title,
      teaser: post.teaser?.trim() || null,
      groupLabel:
        post.audience === 'school'
          ? null
          : listFormat.format(shared.map((g) => groupName.get(g) ?? 'de groep')),
      link: `${env.portalUrl}/berichten/${post.id}`,
    }
  }
  /** Still for this parent, now? Otherwise the row is cancelled. */
  const stillWanted = (row: PostNotification) => {
    const parent = parentById.get(idOf(row.parent)!)
    const post = postById.get(idOf(row.post)!)
    if (!parent || !post) return null
    const choice = chooseNotificationMode({
      kind: row.kind,
      accountStatus: parent.status,
      preferences: parent.notifications,
    })
    if (!choice.send) return null
    const groupsOfParent = parentGroups(parent)
    const visible = canParentSeePost({
      post: {
        status: post.status,
        publishAt: post.publishAt,
        audience: post.audience,
        groupIds: (post.groups ?? []).map((g) => idOf(g)!),
        hidden: !!post.hidden,
      },
      parentGroupIds: groupsOfParent,
      now,
    })
    return visible ? { parent, post, groupsOfParent } : null
  }

  const messages: ComposedMessage[] = []
  const cancelled: string[] = []
  const headersFor = (url: string) => ({
    'List-Unsubscribe': `<${url}>`,
    'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  })

  if (digestDate) {
    const byParent = new Map<string, { rows: string[]; posts: PostSummary[]; email: string }>()
    for (const row of rows) {
      const wanted = stillWanted(row)
      if (!wanted) {
        cancelled.push(row.id)
        continue
      }
      const entry = byParent.get(wanted.parent.id) ?? {
        rows: [],
        posts: [],
        email: wanted.parent.email,
      }
      entry.rows.push(row.id)
      if (!entry.posts.some((p) => p.link.endsWith(`/${wanted.post.id}`)))
        entry.posts.push(summaryFor(wanted.post, wanted.groupsOfParent))
      byParent.set(wanted.parent.id, entry)
    }
    for (const [parentId, entry] of byParent) {
      const url = unsubscribeUrl(parentId, 'digest')
      const mail = await digestEmail({
        schoolName: settings.schoolName,
        posts: entry.posts,
        unsubscribeUrl: url,
      })
      messages.push({
        rowIds: entry.rows,
        email: {
          to: entry.email,
          ...mail,
          kind: 'digest',
          idempotencyKey: `digest:${parentId}:${digestDate}`,
          headers: headersFor(url),
        },
      })
    }
    return { messages, cancelled }
  }

  // Rendering is the slow part: render once per post and group label, then fill in each
  // parent's own unsubscribe link (URL-safe characters only, so a plain replacement is exact).
  const placeholder = 'https://unsubscribe.placeholder.invalid/x'
  const rendered = new Map<string, Awaited<ReturnType<typeof postNotificationEmail>>>()
  for (const row of rows) {
    const wanted = stillWanted(row)
    if (!wanted) {
      cancelled.push(row.id)
      continue
    }
    const summary = summaryFor(wanted.post, wanted.groupsOfParent)
    const cacheKey = `${wanted.post.id}|${summary.groupLabel ?? ''}`
    let mail = rendered.get(cacheKey)
    if (!mail) {
      mail = await postNotificationEmail({
        schoolName: settings.schoolName,
        post: summary,
        unsubscribeUrl: placeholder,
      })
      rendered.set(cacheKey, mail)
    }
    const url = unsubscribeUrl(wanted.parent.id, row.kind)
    messages.push({
      rowIds: [row.id],
      email: {
        to: wanted.parent.email,
        subject: mail.subject,
        html: mail.html.replaceAll(placeholder, url),
        text: mail.text.replaceAll(placeholder, url),
        kind: `notify-${row.kind}`,
        idempotencyKey: row.idempotencyKey,
        headers: headersFor(url),
      },
    })
  }
  return { messages, cancelled }
}
