import { createLocalReq, type Payload } from 'payload'

import { type DemoIds, uploadDemoPicture } from './seed-demo-content'
import { demoConversations } from './demo-conversations'

type Counter = { created: number; existing: number }

/**
 * The demo conversations, written as their people wrote them: through the Local API as that
 * teacher or parent (the participant rules, the conduct check and the image rules apply), then
 * marked read by whoever the story says read them, and reported where the story says so. Their
 * emails are history and never sent.
 */
export async function seedDemoConversations(payload: Payload, ids: DemoIds, count: Counter) {
  const seedStarted = new Date().toISOString()
  const userFor = async (by: string) => {
    const staffId = ids.staff[by]
    if (staffId) {
      const staff = await payload.findByID({ collection: 'staff', id: staffId, depth: 0 })
      return { ...staff, collection: 'staff' as const }
    }
    const found = await payload.find({
      collection: 'parents',
      where: { email: { equals: by } },
      depth: 0,
      limit: 1,
    })
    const parent = found.docs[0]
    if (!parent) throw new Error(`seed: no demo parent ${by}`)
    return { ...parent, collection: 'parents' as const }
  }

  for (const item of demoConversations) {
    const pupil = ids.pupils[item.pupil]!
    const existing = await payload.count({
      collection: 'conversations',
      where: { and: [{ pupil: { equals: pupil } }, { subject: { equals: item.subject } }] },
    })
    if (existing.totalDocs) {
      count.existing++
      continue
    }
    const conversation = await payload.create({
      collection: 'conversations',
      data: { pupil, subject: item.subject } as never,
      user: await userFor(item.startedBy),
      overrideAccess: false,
      depth: 0,
    })
    for (const message of item.messages) {
      const user = await userFor(message.by)
      const attachments =
        message.picture && user.collection === 'staff'
          ? [
              await uploadDemoPicture(payload, {
                ids,
                count,
                item: message.picture,
                variant: 90 + count.created,
                uploader: user,
              }),
            ]
          : []
      const sent = await payload.create({
        collection: 'messages',
        data: { conversation: conversation.id, body: message.text, attachments } as never,
        user,
        overrideAccess: false,
        depth: 0,
      })
      if (message.reportedBy) {
        await payload.create({
          collection: 'reports',
          data: {
            message: sent.id,
            category: message.reportedBy.category,
            text: message.reportedBy.text,
          } as never,
          user: await userFor(message.reportedBy.by),
          overrideAccess: false,
          depth: 0,
        })
      }
    }
    const { markRead } = await import('../collections/ConversationReads/mark-read')
    for (const by of item.readBy) {
      const user = await userFor(by)
      await markRead(await createLocalReq({}, payload), {
        conversationId: conversation.id,
        reader: { collection: user.collection, id: user.id, name: user.name },
        at: new Date().toISOString(),
      })
    }
    count.created++
  }
  // The teachers' messages queued their emails to the parents (Fatima's choice: direct; Kemal's:
  // none, see demo-school-data.ts), Nadia's report one to the directors. This is history, though:
  // a fresh start mails nobody about it.
  await payload.delete({
    collection: 'payload-jobs',
    where: {
      and: [
        { createdAt: { greater_than_equal: seedStarted } },
        { taskSlug: { in: ['notifyMessage', 'sendEmail'] } },
      ],
    },
  })
}
