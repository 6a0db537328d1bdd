import {
  CONVERSATION_OVERVIEW_PATH,
  type ConversationOverview,
  conversationOverview,
  type ConversationThread,
  conversationThread,
  conversationThreadPath,
  type PortalImage,
  UNREAD_COUNT_CAP,
} from '@schoolpost/contracts'

import type { PortalSession } from '../auth/session'
import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsRequestError, CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import { isValidId } from '../../lib/cms/ids'
import { telHref } from '../home/load-home'
import { mediaFileUrl } from '../files/filename'
import { type ImageView, responsiveImage, SCHOOL_TIME_ZONE } from '../posts/post-view'
import { messageSegments, type TextSegment } from './message-text'

/**
 * The parent's conversations with the school (S5–S8): the list with unread counts and one
 * thread. The CMS decides who takes part and what each may read; the portal never keeps these
 * answers (a new message must show at once), and marks a thread read when it shows it.
 */

export const conversationHref = (id: string) => `/gesprekken/${encodeURIComponent(id)}`

export type Loaded<T> =
  { kind: 'ok'; data: T } | { kind: 'not-found' } | { kind: 'signed-out' } | { kind: 'unavailable' }

async function load<T>(label: string, run: () => Promise<T>): Promise<Loaded<T>> {
  try {
    return { kind: 'ok', data: await run() }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    if (error instanceof CmsRequestError && (error.status === 404 || error.status === 400)) {
      return { kind: 'not-found' }
    }
    reportCmsFailure(label, error)
    return { kind: 'unavailable' }
  }
}

/** One page of the parent's conversations, latest message first. */
export function loadConversations(
  session: PortalSession,
  cms: Pick<CmsClient, 'getContract'>,
  page: number,
): Promise<Loaded<ConversationOverview>> {
  return load('Loading conversations', () =>
    cms.getContract(
      `${CONVERSATION_OVERVIEW_PATH}?pagina=${page}`,
      session.token,
      conversationOverview,
    ),
  )
}

/**
 * One thread (the latest messages, or those before `before`), then marked read: the parent has
 * seen it. A mark that fails is logged, not shown — the thread is what the parent came for.
 */
export async function loadThread(
  session: PortalSession,
  cms: Pick<CmsClient, 'getContract' | 'markConversationRead'>,
  id: string | undefined,
  before: string | null,
): Promise<Loaded<ConversationThread>> {
  if (!id || !isValidId(id)) return { kind: 'not-found' }
  const query =
    before && !Number.isNaN(Date.parse(before)) ? `?voor=${encodeURIComponent(before)}` : ''
  const loaded = await load('Loading a conversation', () =>
    cms.getContract(`${conversationThreadPath(id)}${query}`, session.token, conversationThread),
  )
  if (loaded.kind === 'ok' && !query) {
    try {
      await cms.markConversationRead(session.token, id)
    } catch (error) {
      if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
      reportCmsFailure('Marking a conversation read', error)
    }
  }
  return loaded
}

/** The parent's unread messages for the header, or `null` when the CMS does not say. */
export async function loadUnreadTotal(
  session: PortalSession,
  cms: Pick<CmsClient, 'getContract'>,
): Promise<number | null> {
  try {
    const path = `${CONVERSATION_OVERVIEW_PATH}?alleen=ongelezen`
    return (await cms.getContract(path, session.token, conversationOverview)).unreadTotal
  } catch (error) {
    // The header does without: the page itself says what is wrong, if anything.
    if (!(error instanceof CmsUnauthorizedError))
      reportCmsFailure('Counting unread messages', error)
    return null
  }
}

/** "3 ongelezen", "99+ ongelezen". */
export function unreadLabel(count: number): string {
  return `${count > UNREAD_COUNT_CAP ? `${UNREAD_COUNT_CAP}+` : count} ongelezen`
}

const timeFormat = new Intl.DateTimeFormat('nl-NL', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: SCHOOL_TIME_ZONE,
})
const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: SCHOOL_TIME_ZONE,
})
const dayWithYearFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: SCHOOL_TIME_ZONE,
})
const calendarDay = new Intl.DateTimeFormat('en-CA', {
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  timeZone: SCHOOL_TIME_ZONE,
})

/**
 * When a message was sent, as people say it: "vandaag 10:05", "gisteren 16:40", "ma 30 nov.
 * 10:05", with the year when it is not this year — on the school's calendar (Europe/Amsterdam).
 */
export function formatMessageTime(iso: string, now: Date): string {
  const at = new Date(iso)
  if (Number.isNaN(at.getTime())) return ''
  const day = calendarDay.format(at)
  const today = calendarDay.format(now)
  const yesterday = calendarDay.format(new Date(now.getTime() - 86_400_000))
  // Noon-to-noon would be off on DST days by an hour at most; the calendar day is what counts.
  const time = timeFormat.format(at)
  if (day === today) return `vandaag ${time}`
  if (day === yesterday) return `gisteren ${time}`
  if (day.slice(0, 4) === today.slice(0, 4)) return `${dayFormat.format(at)} ${time}`
  return `${dayWithYearFormat.format(at)} ${time}`
}

export type ConversationListItem = {
  href: string
  subject: string
  /** "Kind-gesprek over Noor" / "Vraag over Noor". */
  about: string
  starterName: string
  when: string | null
  unread: number
  unreadLabel: string | null
}

export function conversationListItems(
  overview: ConversationOverview,
  now: Date,
): ConversationListItem[] {
  return overview.conversations.map((c) => ({
    href: conversationHref(c.id),
    subject: c.subject,
    about: `${c.kind === 'child' ? 'Gesprek' : 'Vraag'} over ${c.pupil.firstName}`,
    starterName: c.starterName,
    when: formatMessageTime(c.lastMessageAt ?? c.createdAt, now) || null,
    unread: c.unread,
    unreadLabel: c.unread > 0 ? unreadLabel(c.unread) : null,
  }))
}

export type ThreadMessageView = {
  id: string
  anchor: string
  authorName: string
  mine: boolean
  fromSchool: boolean
  when: string
  edited: boolean
  segments: TextSegment[]
  body: string
  held: boolean
  heldMessage: string | null
  editable: boolean
  /** "tot 10:10" for a delivered message still within its five minutes. */
  editableUntilLabel: string | null
  /** Photos staff attached (those the parent may see now), each linking to its full size. */
  photos: MessagePhotoView[]
}

export type MessagePhotoView = { image: ImageView; href: string }

/** A photo in a message: two per row on a phone, at most 17rem wide in the bubble. */
const PHOTO_SIZES = '(min-width: 42rem) 17rem, calc(50vw - 2.5rem)'

export function messagePhotos(
  photos: readonly PortalImage[],
  authorName: string,
): MessagePhotoView[] {
  return photos.flatMap((photo, i) => {
    const alt =
      photo.alt?.trim() ||
      `Foto ${photos.length > 1 ? `${i + 1} ` : ''}bij het bericht van ${authorName}`
    const image = responsiveImage(photo, ['thumbnail', 'feed'], PHOTO_SIZES, alt)
    const full = photo.sizes.full ?? photo.sizes.feed ?? photo.sizes.thumbnail
    return image && full ? [{ image, href: mediaFileUrl(full.filename) }] : []
  })
}

export type ThreadView = {
  id: string
  subject: string
  about: string
  messages: ThreadMessageView[]
  earlierHref: string | null
  /** "Gelezen door Sanne Bakker (school)" under the latest message, or `null`. */
  readLine: string | null
  /** The composer's notice during school hours (S5), with the phone number. */
  availability: { duringSchoolHours: boolean; phone: string; phoneHref: string; replyTime: string }
  /** The id of the latest message on the page (the live update compares it). */
  latestId: string | null
  /** Some message shows a photo: the page shows the rule for sharing them (S18). */
  hasPhotos: boolean
}

const listFormat = new Intl.ListFormat('nl-NL', { style: 'long', type: 'conjunction' })

export function threadView(thread: ConversationThread, now: Date): ThreadView {
  const { conversation } = thread
  const messages = thread.messages.map((m) => ({
    id: m.id,
    anchor: `bericht-${m.id}`,
    authorName: m.mine ? 'Jij' : m.authorName,
    mine: m.mine,
    fromSchool: m.fromSchool,
    when: formatMessageTime(m.sentAt, now),
    edited: m.editedAt !== null,
    segments: messageSegments(m.body),
    body: m.body,
    held: m.status === 'held',
    heldMessage: m.heldMessage,
    editable: m.editable,
    editableUntilLabel:
      m.editable && m.editableUntil ? `tot ${timeFormat.format(new Date(m.editableUntil))}` : null,
    photos: messagePhotos(m.attachments, m.authorName),
  }))
  const earliest = thread.messages[0]
  return {
    id: conversation.id,
    subject: conversation.subject,
    about: `${conversation.kind === 'child' ? 'Gesprek' : 'Vraag'} over ${conversation.pupil.firstName}`,
    messages,
    earlierHref:
      thread.hasEarlier && earliest
        ? `${conversationHref(conversation.id)}?voor=${encodeURIComponent(earliest.sentAt)}`
        : null,
    readLine:
      thread.latestReadBy.length > 0
        ? `Gelezen door ${listFormat.format(thread.latestReadBy)}`
        : null,
    availability: {
      duringSchoolHours: thread.school.duringSchoolHours,
      phone: thread.school.phone,
      phoneHref: telHref(thread.school.phone),
      replyTime: thread.school.replyTime,
    },
    latestId: thread.messages.at(-1)?.id ?? null,
    hasPhotos: messages.some((m) => m.photos.length > 0),
  }
}
