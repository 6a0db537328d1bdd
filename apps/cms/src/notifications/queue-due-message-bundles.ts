import { getMessageBundleWindow, toSchoolTimeSettings } from '@schoolpost/policies'
import type { Payload, PayloadRequest, TaskConfig } from 'payload'
import { commitTransaction, createLocalReq, initTransaction, killTransaction } from 'payload'

import { idOf } from '../access/lib/users'
import { SPENT_TOKEN_KEEP_MS, spendOnce } from '../db/shared-state'
import { queueEmail } from '../email/queue-email'
import {
  type BundledConversation,
  messageBundleEmail,
} from '../email/templates/conversation-emails'
import { now as schoolNow } from '../lib/clock'
import { env } from '../lib/env'

const all = { depth: 0, limit: 0, pagination: false, overrideAccess: true } as const

export const bundleKey = (teacher: string, date: string) => `message-bundle:${teacher}:${date}`
const windowKey = (date: string) => `message-bundles:${date}`

type UnreadConversation = { id: string; pupil: string; count: number }

/**
 * Per teacher, the parents' messages delivered in `[since, until)` that the teacher has not read
 * yet (their read mark of the conversation is older than the message), by conversation. The
 * teachers of a message are the teachers of its pupil's current group (as in
 * `conversations-access.ts`); `only` narrows it to one teacher.
 */
export async function unreadParentMessages(
  req: PayloadRequest,
  { since, until, only }: { since: Date; until: Date; only?: string },
): Promise<Map<string, UnreadConversation[]>> {
  const messages = await req.payload.find({
    collection: 'messages',
    where: {
      and: [
        { status: { equals: 'delivered' } },
        { authorParent: { exists: true } },
        { sentAt: { greater_than_equal: since.toISOString() } },
        { sentAt: { less_than: until.toISOString() } },
      ],
    },
    ...all,
    req,
    select: { conversation: true, pupil: true, sentAt: true },
  })
  const result = new Map<string, UnreadConversation[]>()
  if (messages.docs.length === 0) return result

  const pupilIds = [...new Set(messages.docs.map((m) => idOf(m.pupil)!).filter(Boolean))]
  const pupils = await req.payload.find({
    collection: 'pupils',
    where: { id: { in: pupilIds } },
    ...all,
    req,
    select: { group: true },
  })
  const groupIds = [...new Set(pupils.docs.map((p) => idOf(p.group)!).filter(Boolean))]
  const groups = groupIds.length
    ? await req.payload.find({
        collection: 'groups',
        where: { id: { in: groupIds } },
        ...all,
        req,
        select: { teachers: true },
      })
    : { docs: [] }
  const teachersOfGroup = new Map(
    groups.docs.map((g) => [
      g.id,
      (g.teachers ?? []).map((t) => idOf(t)!).filter((t) => !only || t === only),
    ]),
  )
  const teachersOfPupil = new Map(
    pupils.docs.map((p) => [p.id, teachersOfGroup.get(idOf(p.group) ?? '') ?? []]),
  )
  const teacherIds = [...new Set([...teachersOfPupil.values()].flat())]
  if (teacherIds.length === 0) return result

  const conversationIds = [...new Set(messages.docs.map((m) => idOf(m.conversation)!))]
  const reads = await req.payload.find({
    collection: 'conversation-reads',
    where: {
      and: [{ conversation: { in: conversationIds } }, { readerStaff: { in: teacherIds } }],
    },
    ...all,
    req,
    select: { conversation: true, readerStaff: true, readAt: true },
  })
  const readAt = new Map(
    reads.docs.map((r) => [`${idOf(r.conversation)}:${idOf(r.readerStaff)}`, r.readAt]),
  )

  for (const message of messages.docs) {
    const conversation = idOf(message.conversation)!
    const pupil = idOf(message.pupil)!
    for (const teacher of teachersOfPupil.get(pupil) ?? []) {
      const read = readAt.get(`${conversation}:${teacher}`)
      if (read && message.sentAt && Date.parse(read) >= Date.parse(message.sentAt)) continue
      const list = result.get(teacher) ?? []
      const entry = list.find((c) => c.id === conversation)
      if (entry) entry.count++
      else list.push({ id: conversation, pupil, count: 1 })
      result.set(teacher, list)
    }
  }
  return result
}

/** The last bundle window each process handed to the queue: later rounds skip it at once. */
const handled = new WeakMap<Payload, string>()

/**
 * The teachers' bundled email about parents' messages (S8): once school is out on a school day
 * (`getMessageBundleWindow`), one job per teacher with unread parent messages delivered since the
 * previous bundle. Called every few seconds by the outbox runner, like the daily digest. The
 * window is spent once (in the same transaction as its jobs), so every process and every round
 * after the first leaves it alone; each teacher's job is spent once too.
 */
export async function queueDueMessageBundles({
  payload,
  now = schoolNow(),
}: {
  payload: Payload
  now?: Date
}): Promise<{ date: string | null; teachers: number }> {
  const settings = await payload.findGlobal({ slug: 'school-settings', depth: 0 })
  const window = getMessageBundleWindow({ now, settings: toSchoolTimeSettings(settings) })
  if (!window || handled.get(payload) === window.date) {
    return { date: window?.date ?? null, teachers: 0 }
  }
  const req = await createLocalReq({}, payload)
  const shouldCommit = await initTransaction(req)
  try {
    const first = await spendOnce(payload, {
      id: windowKey(window.date),
      expire: window.dueAt.getTime() + SPENT_TOKEN_KEEP_MS,
      scope: { req },
    })
    let teachers = 0
    if (first) {
      const unread = await unreadParentMessages(req, { since: window.since, until: window.dueAt })
      for (const teacher of unread.keys()) {
        await payload.jobs.queue({
          task: 'sendMessageBundle',
          input: {
            teacher,
            date: window.date,
            since: window.since.toISOString(),
            until: window.dueAt.toISOString(),
          },
          req,
        })
        teachers++
      }
    }
    if (shouldCommit) await commitTransaction(req)
    handled.set(payload, window.date)
    return { date: window.date, teachers }
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/**
 * One teacher's bundle: checked again when it is made (a message read in the meantime, or a
 * teacher no longer in the pupil's group, drops out; nothing left, no email), then handed to the
 * outbox. Spent once per teacher and window, in the same transaction: a retried job never sends
 * twice. No message text, no health details: the conversation's subject, the child's first name
 * and a link to the admin.
 */
export const sendMessageBundleTask: TaskConfig<{
  input: { teacher: string; date: string; since: string; until: string }
  output: { status: string; messages: number }
}> = {
  slug: 'sendMessageBundle',
  label: 'Leerkracht melden: nieuwe berichten van ouders',
  retries: { attempts: 5, backoff: { type: 'exponential', delay: 1000 } },
  inputSchema: [
    { name: 'teacher', type: 'text', required: true },
    { name: 'date', type: 'text', required: true },
    { name: 'since', type: 'text', required: true },
    { name: 'until', type: 'text', required: true },
  ],
  outputSchema: [
    { name: 'status', type: 'text', required: true },
    { name: 'messages', type: 'number', required: true },
  ],
  handler: async ({ input, req }) => {
    const nothing = (status: string) => ({ output: { status, messages: 0 } })
    const teacher = await req.payload.findByID({
      collection: 'staff',
      id: input.teacher,
      depth: 0,
      overrideAccess: true,
      disableErrors: true,
      req,
      select: { email: true },
    })
    if (!teacher) return nothing('deleted')
    const unread =
      (
        await unreadParentMessages(req, {
          since: new Date(input.since),
          until: new Date(input.until),
          only: teacher.id,
        })
      ).get(teacher.id) ?? []
    if (unread.length === 0) return nothing('nothing-unread')

    const [conversations, pupils, settings] = await Promise.all([
      req.payload.find({
        collection: 'conversations',
        where: { id: { in: unread.map((c) => c.id) } },
        ...all,
        req,
        select: { subject: true },
      }),
      req.payload.find({
        collection: 'pupils',
        where: { id: { in: [...new Set(unread.map((c) => c.pupil))] } },
        ...all,
        req,
        select: { firstName: true },
      }),
      req.payload.findGlobal({ slug: 'school-settings', depth: 0, req }),
    ])
    const subjectOf = new Map(conversations.docs.map((c) => [c.id, c.subject]))
    const firstNameOf = new Map(pupils.docs.map((p) => [p.id, p.firstName]))
    const bundled: BundledConversation[] = unread.map((c) => ({
      subject: subjectOf.get(c.id) ?? 'Gesprek',
      childFirstName: firstNameOf.get(c.pupil) ?? 'een leerling',
      count: c.count,
      link: `${env.cmsUrl}/admin/collections/conversations/${c.id}`,
    }))
    const mail = await messageBundleEmail({
      schoolName: settings.schoolName,
      conversations: bundled,
    })

    const key = bundleKey(teacher.id, input.date)
    const shouldCommit = await initTransaction(req)
    try {
      const first = await spendOnce(req.payload, {
        id: key,
        expire: Date.now() + SPENT_TOKEN_KEEP_MS,
        scope: { req },
      })
      if (first) {
        await queueEmail({
          payload: req.payload,
          email: { to: teacher.email, ...mail, kind: 'message-bundle', idempotencyKey: key },
          req,
        })
      }
      if (shouldCommit) await commitTransaction(req)
      const total = unread.reduce((sum, c) => sum + c.count, 0)
      return { output: { status: first ? 'queued' : 'already-sent', messages: first ? total : 0 } }
    } catch (error) {
      if (shouldCommit) await killTransaction(req)
      throw error
    }
  },
}
