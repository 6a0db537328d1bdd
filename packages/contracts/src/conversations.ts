import { z } from 'zod'

import { portalImage } from './media'
import { recordId } from './portal-home'

/**
 * Conversations (S5–S8, issue #14) as the CMS shapes them for a page: the list with unread
 * counts (`GET /api/conversations/overview`) and one thread with its read status
 * (`GET /api/conversations/<id>/thread`). Both answer for whoever asks — a parent through the
 * portal, staff in the admin — with that caller's own access. Writing goes through Payload's
 * REST API (`POST /api/conversations`, `POST /api/messages`, `PATCH /api/messages/<id>`,
 * `POST /api/conversations/<id>/read`), whose Dutch refusals `cmsRefusalAnswer` reads.
 */
export const CONVERSATIONS_PATH = '/api/conversations'
export const MESSAGES_PATH = '/api/messages'
export const CONVERSATION_OVERVIEW_PATH = `${CONVERSATIONS_PATH}/overview`
export const conversationThreadPath = (id: string) =>
  `${CONVERSATIONS_PATH}/${encodeURIComponent(id)}/thread`
export const conversationReadPath = (id: string) =>
  `${CONVERSATIONS_PATH}/${encodeURIComponent(id)}/read`

/** Conversations per page of the overview; messages per page of a thread. */
export const CONVERSATIONS_PER_PAGE = 30
export const MESSAGES_PER_PAGE = 50
export const MAX_CONVERSATION_PAGE = 100
/** Counted up to here; more shows as "99+". */
export const UNREAD_COUNT_CAP = 99

export const CONVERSATION_KIND_VALUES = ['child', 'teacher'] as const
export type ConversationKind = (typeof CONVERSATION_KIND_VALUES)[number]

export const CONVERSATION_SUBJECT_MAX = 120
export const MESSAGE_BODY_MAX = 4000
/** Photos staff may attach to one message (S6; the image rules of posts apply to each). */
export const MESSAGE_PHOTOS_MAX = 6

export const conversationOverviewQuery = z.object({
  pagina: z.coerce.number().int().min(1).max(MAX_CONVERSATION_PAGE).default(1),
  /** `ongelezen`: only the unread total (the header of every page), no list. */
  alleen: z.literal('ongelezen').optional(),
})

export const conversationSummary = z.object({
  id: recordId,
  subject: z.string(),
  kind: z.enum(CONVERSATION_KIND_VALUES),
  pupil: z.object({ id: recordId, firstName: z.string() }),
  /** "Sanne Bakker (school)" or the asking parent's name. */
  starterName: z.string(),
  /** The last delivered message (`null`: none yet). */
  lastMessageAt: z.string().nullable(),
  createdAt: z.string(),
  /** Delivered messages of others after the caller's read mark, up to `UNREAD_COUNT_CAP + 1`. */
  unread: z.number().int().nonnegative(),
})
export type ConversationSummary = z.infer<typeof conversationSummary>

export const conversationOverview = z.object({
  conversations: z.array(conversationSummary),
  page: z.number().int().min(1),
  hasNextPage: z.boolean(),
  /** The unread messages of the caller's conversations on this page's run (header badge). */
  unreadTotal: z.number().int().nonnegative(),
})
export type ConversationOverview = z.infer<typeof conversationOverview>

export const MESSAGE_STATUS_VALUES = ['delivered', 'held', 'hidden'] as const

export const threadMessage = z.object({
  id: recordId,
  body: z.string(),
  authorName: z.string(),
  /** Written by the caller. */
  mine: z.boolean(),
  /** Written by staff (shown as the school's side). */
  fromSchool: z.boolean(),
  sentAt: z.string(),
  editedAt: z.string().nullable(),
  status: z.enum(MESSAGE_STATUS_VALUES),
  /** Held by the conduct check: the Dutch reason (only the writer and directors see these). */
  heldMessage: z.string().nullable(),
  /** The caller may still change it (their own delivered message within 5 minutes, or held). */
  editable: z.boolean(),
  /** Until when it is editable (`null`: held, until it passes; or not editable). */
  editableUntil: z.string().nullable(),
  /**
   * Photos staff attached, as far as the caller may see them now: for a parent only those that
   * pass the image rules at this moment (a withdrawn consent removes one at once).
   */
  attachments: z.array(portalImage),
})
export type ThreadMessage = z.infer<typeof threadMessage>

export const threadReader = z.object({
  name: z.string(),
  readAt: z.string(),
  fromSchool: z.boolean(),
})

export const conversationThreadQuery = z.object({
  /** Messages sent before this instant (the page before the one shown). */
  voor: z.iso.datetime().optional(),
})

export const conversationThread = z.object({
  conversation: conversationSummary.omit({ unread: true }),
  /** Oldest first; the latest `MESSAGES_PER_PAGE` (before `voor`). */
  messages: z.array(threadMessage),
  /** There are earlier messages: ask again with `voor` = the first message's `sentAt`. */
  hasEarlier: z.boolean(),
  /** Everyone's read mark, latest first (the caller's included). */
  readers: z.array(threadReader),
  /** Who has read the latest delivered message (besides its writer). */
  latestReadBy: z.array(z.string()),
  school: z.object({
    phone: z.string(),
    /** "binnen twee werkdagen": the school's usual reply time. */
    replyTime: z.string(),
    /** Now is within the school's hours (the composer's "teachers read after school"). */
    duringSchoolHours: z.boolean(),
  }),
})
export type ConversationThread = z.infer<typeof conversationThread>

/** Payload's answer to a new or changed message, as far as the portal needs it. */
export const messageSaved = z.object({
  doc: z.object({
    id: recordId,
    status: z.enum(MESSAGE_STATUS_VALUES),
    heldRule: z.string().nullish(),
  }),
})

export const conversationSaved = z.object({ doc: z.object({ id: recordId }) })
