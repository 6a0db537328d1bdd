import type { Access, PayloadRequest, Where } from 'payload'

import { findIds, matchNothing, parentChildIds, teacherPupilIds } from './lib/scope'
import { hasRole, parentUser, staffUser } from './lib/users'

/**
 * Conversations (S6, S7), computed from who people are now — never from a stored participant
 * list that could drift:
 * - a kind-gesprek (`kind: 'child'`) is every active guardian of the pupil and the teachers of
 *   the pupil's current group (a pupil who changes group takes it to the new teachers at once;
 *   an unlinked or deactivated guardian loses it at once);
 * - a question to the teachers (`kind: 'teacher'`) is the parent who asked and the teachers: the
 *   other guardian is not in it (separated parents write to the school on their own);
 * - a director reads the list of every conversation; its messages only those they started or
 *   opened for safeguarding, which is recorded (`conversation-openings`);
 * - the office is not in conversations.
 * Messages and read marks carry the conversation's pupil, kind and starting parent (never
 * changed after the start), so the same rule is one query on them too.
 */
function parentScope(req: PayloadRequest, starterField: string): Where | null {
  const parent = parentUser(req)
  if (!parent) return null
  const children = parentChildIds(req)
  if (children.length === 0) return matchNothing()
  return {
    and: [
      { pupil: { in: children } },
      { or: [{ kind: { equals: 'child' } }, { [starterField]: { equals: parent.id } }] },
    ],
  }
}

async function teacherScope(req: PayloadRequest): Promise<Where> {
  const pupils = await teacherPupilIds(req)
  return pupils.length ? { pupil: { in: pupils } } : matchNothing()
}

/** The conversations a director started or opened (their own list: small). */
export async function directorConversationIds(req: PayloadRequest): Promise<string[]> {
  const staff = staffUser(req)
  if (!staff || staff.role !== 'director') return []
  const cacheKey = `directorConversationIds:${staff.id}`
  const cached = req.context[cacheKey] as string[] | undefined
  if (cached) return cached
  const [started, openings] = await Promise.all([
    findIds(req, 'conversations', { startedByStaff: { equals: staff.id } }),
    req.payload.find({
      collection: 'conversation-openings',
      where: { director: { equals: staff.id } },
      depth: 0,
      limit: 0,
      pagination: false,
      overrideAccess: true,
      req,
      select: { conversation: true },
    }),
  ])
  const opened = openings.docs.map((o) =>
    typeof o.conversation === 'string' ? o.conversation : o.conversation.id,
  )
  const ids = [...new Set([...started, ...opened])]
  req.context[cacheKey] = ids
  return ids
}

const inConversations = (ids: readonly string[]): Where =>
  ids.length ? { conversation: { in: [...ids] } } : matchNothing()

export const conversationsRead: Access = async ({ req }) => {
  const parent = parentScope(req, 'startedByParent')
  if (parent) return parent
  if (hasRole(req, 'director')) return true
  if (hasRole(req, 'teacher')) return teacherScope(req)
  return false
}

/** Who may start one (which kind, about which pupil: `hooks/check-new-conversation.ts`). */
export const conversationsCreate: Access = ({ req }) =>
  !!parentUser(req) || hasRole(req, 'teacher', 'director')

/**
 * A parent reads what was delivered, and their own messages held by the conduct check (to
 * rephrase them); teachers what was delivered or hidden; directors every held message (with the
 * reason) and everything in the conversations they started or opened.
 */
export const messagesRead: Access = async ({ req }): Promise<Where | boolean> => {
  const parent = parentUser(req)
  if (parent) {
    const scope = parentScope(req, 'starterParent')!
    return {
      and: [
        scope,
        {
          or: [
            { status: { equals: 'delivered' } },
            {
              and: [{ status: { equals: 'held' } }, { authorParent: { equals: parent.id } }],
            },
          ],
        },
      ],
    }
  }
  if (hasRole(req, 'teacher')) {
    return { and: [await teacherScope(req), { status: { in: ['delivered', 'hidden'] } }] }
  }
  if (hasRole(req, 'director')) {
    return {
      or: [{ status: { equals: 'held' } }, inConversations(await directorConversationIds(req))],
    }
  }
  return false
}

/** Participants write (in which conversation, as whom: `Messages/hooks/check-new-message.ts`). */
export const messagesCreate: Access = ({ req }) =>
  !!parentUser(req) || hasRole(req, 'teacher', 'director')

/** A parent edits their own, staff hide: within what they may read (`check-message-change.ts`). */
export const messagesUpdate: Access = (args) => messagesRead(args)

/** Who has read what: the participants of the conversation. Written by the read endpoint only. */
export const conversationReadsRead: Access = async ({ req }) => {
  const parent = parentScope(req, 'starterParent')
  if (parent) return parent
  if (hasRole(req, 'teacher')) return teacherScope(req)
  if (hasRole(req, 'director')) return inConversations(await directorConversationIds(req))
  return false
}
