import type { Payload } from 'payload'

/** Runs the job queue until it is empty (jobs waiting for a retry included), or fails after `timeoutMs`. */
export async function drainJobs(payload: Payload, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    await payload.jobs.run({ limit: 100, sequential: true })
    const pending = await payload.count({
      collection: 'payload-jobs',
      where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
    })
    if (pending.totalDocs === 0) return
    if (Date.now() > deadline)
      throw new Error(`Job queue not empty after ${timeoutMs} ms (${pending.totalDocs} left)`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** The "Verzonden e-mail" rows of one address, newest first (links redacted: read links from the stub). */
export async function emailsTo(payload: Payload, to: string) {
  const found = await payload.find({
    collection: 'email-log',
    where: { to: { equals: to } },
    sort: '-createdAt',
    limit: 100,
    depth: 0,
  })
  return found.docs
}
