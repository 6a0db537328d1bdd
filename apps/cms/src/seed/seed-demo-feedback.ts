import type { Payload } from 'payload'

import type { DemoIds } from './seed-demo-content'

type Counter = { created: number; existing: number }

/** The demo school's feedback (S20): one tip answered by the director, one new and anonymous. */
const DEMO_FEEDBACK = [
  {
    from: 'eva.dejong@ouders.test',
    topic: 'schoolpost',
    message:
      'Fijn dat ik de agenda nu in mijn telefoon heb! Zou het ook kunnen dat ik een herinnering krijg voor de gymdag?',
    anonymous: false,
    answer:
      'Dank je wel, Eva! Een herinnering voor de gymdag staat op ons lijstje. Tot die tijd staat gym als terugkerend item in de agenda van groep 1-2.',
  },
  {
    from: 'mark.visser@ouders.test',
    topic: 'huisregels',
    message:
      'In de huisregels staat dat we geen foto’s in groepsapps mogen delen. Geldt dat ook voor foto’s die ik zelf bij een uitje maak?',
    anonymous: true,
    answer: null,
  },
] as const

/** Sent by the parents under their own rules, answered by the director under hers. */
export async function seedDemoFeedback(payload: Payload, ids: DemoIds, count: Counter) {
  const seedStarted = new Date().toISOString()
  const director = await payload.findByID({
    collection: 'staff',
    id: ids.staff.director!,
    depth: 0,
  })
  for (const item of DEMO_FEEDBACK) {
    const parent = (
      await payload.find({
        collection: 'parents',
        where: { email: { equals: item.from } },
        depth: 0,
      })
    ).docs[0]
    if (!parent) continue
    const existing = await payload.count({
      collection: 'feedback',
      where: { and: [{ parent: { equals: parent.id } }, { topic: { equals: item.topic } }] },
    })
    if (existing.totalDocs) {
      count.existing++
      continue
    }
    const doc = await payload.create({
      collection: 'feedback',
      data: { topic: item.topic, message: item.message, anonymous: item.anonymous } as never,
      user: { ...parent, collection: 'parents' },
      overrideAccess: false,
    })
    if (item.answer)
      await payload.update({
        collection: 'feedback',
        id: doc.id,
        data: { answer: item.answer, status: 'afgehandeld' },
        user: { ...director, collection: 'staff' },
        overrideAccess: false,
      })
    count.created++
  }
  // The answer queued its email to Eva; this is history, never sent.
  await payload.delete({
    collection: 'payload-jobs',
    where: { createdAt: { greater_than_equal: seedStarted } },
  })
}
