import {
  type ConversationOverview,
  conversationOverviewQuery,
  CONVERSATIONS_PER_PAGE,
  UNREAD_COUNT_CAP,
} from '@schoolpost/contracts'
import type { Endpoint, Where } from 'payload'

import { idOf } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { jsonError } from '../../../lib/json-body'
import { queryOf } from '../../Parents/endpoints/portal-parent'
import { conversationCaller, unreadCounts } from './conversation-caller'

/** The header's unread total looks back this far: older unread messages are not news. */
const UNREAD_LOOKBACK_MS = 90 * 24 * 60 * 60 * 1000
/** …and at most this many recent conversations (a teacher's busiest weeks). */
const UNREAD_LOOKBACK_CONVERSATIONS = 200

const SUMMARY_SELECT = {
  subject: true,
  kind: true,
  pupil: true,
  starterName: true,
  lastMessageAt: true,
  createdAt: true,
} as const

/**
 * `GET /api/conversations/overview?pagina=`: one page of the caller's conversations (latest
 * message first) with their unread counts, and the unread total for the header. The caller's
 * own access decides which conversations; nothing here grows with the school's history: one page,
 * the conversations of the last 90 days for the total, one query for their counts.
 */
export const conversationOverview: Endpoint = {
  path: '/overview',
  method: 'get',
  handler: async (req) => {
    const caller = conversationCaller(req)
    if (caller instanceof Response) return caller
    const query = queryOf(req, conversationOverviewQuery)
    if (!query)
      return jsonError(400, 'invalid-input', 'Deze pagina van de gesprekken bestaat niet.')

    const since = new Date(now().getTime() - UNREAD_LOOKBACK_MS).toISOString()
    const recentWhere: Where = { lastMessageAt: { greater_than: since } }
    const onlyTotal = query.alleen === 'ongelezen'
    const [page, recent] = await Promise.all([
      onlyTotal
        ? { docs: [], hasNextPage: false }
        : req.payload.find({
            collection: 'conversations',
            depth: 0,
            limit: CONVERSATIONS_PER_PAGE,
            page: query.pagina,
            sort: '-lastMessageAt',
            overrideAccess: false,
            user: req.user,
            req,
            select: SUMMARY_SELECT,
          }),
      req.payload.find({
        collection: 'conversations',
        where: recentWhere,
        depth: 0,
        limit: UNREAD_LOOKBACK_CONVERSATIONS,
        pagination: false,
        sort: '-lastMessageAt',
        overrideAccess: false,
        user: req.user,
        req,
        select: { lastMessageAt: true },
      }),
    ])
    const union = new Map<string, { id: string; lastMessageAt?: string | null }>()
    for (const doc of [...recent.docs, ...page.docs]) union.set(doc.id, doc)
    const counts = await unreadCounts(req, caller, [...union.values()], UNREAD_COUNT_CAP)

    const pupilIds = [
      ...new Set(page.docs.map((doc) => idOf(doc.pupil)).filter((id): id is string => !!id)),
    ]
    const pupils = pupilIds.length
      ? await req.payload.find({
          collection: 'pupils',
          where: { id: { in: pupilIds } },
          depth: 0,
          limit: pupilIds.length,
          pagination: false,
          overrideAccess: true,
          req,
          select: { firstName: true },
        })
      : { docs: [] }
    const firstNames = new Map(pupils.docs.map((p) => [p.id, p.firstName]))

    let unreadTotal = 0
    for (const doc of recent.docs) unreadTotal += counts.get(doc.id) ?? 0
    const answer = {
      conversations: page.docs.map((doc) => {
        const pupilId = idOf(doc.pupil) ?? ''
        return {
          id: doc.id,
          subject: doc.subject,
          kind: doc.kind,
          pupil: { id: pupilId, firstName: firstNames.get(pupilId) ?? '' },
          starterName: doc.starterName ?? '',
          lastMessageAt: doc.lastMessageAt ?? null,
          createdAt: doc.createdAt,
          unread: counts.get(doc.id) ?? 0,
        }
      }),
      page: query.pagina,
      hasNextPage: page.hasNextPage,
      unreadTotal,
    } satisfies ConversationOverview
    return Response.json(answer)
  },
}
