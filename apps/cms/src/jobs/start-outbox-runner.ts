import type { Payload } from 'payload'

import { queueDueDigests } from '../notifications/queue-due-digests'

const RUNNER = Symbol.for('schoolpost.outboxRunner')
type WithRunner = typeof globalThis & { [RUNNER]?: () => void }

/**
 * Next.js can initialise Payload more than once in one server process (separate module graphs
 * for the admin and the API routes). One runner per process is enough, and two would only make
 * their SQLite writes contend: the first one started wins.
 */
export function startOutboxRunner(payload: Payload, intervalMs = 5000): () => void {
  const scope = globalThis as WithRunner
  if (scope[RUNNER]) return scope[RUNNER]
  const stop = startRunner(payload, intervalMs)
  scope[RUNNER] = stop
  return stop
}

/**
 * Works through the job queue (the email outbox) every few seconds inside the running CMS, after
 * handing any due daily digest to it.
 * Jobs run one after another: SQLite has a single writer, and parallel jobs whose hooks write
 * would only wait on each other. `payload jobs:run` does the same from the command line.
 */
function startRunner(payload: Payload, intervalMs: number): () => void {
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      await queueDueDigests({ payload })
      await payload.jobs.run({ limit: 50, sequential: true, silent: true })
    } catch (error) {
      // Another process (a shell `payload jobs:run`, a migration) can hold SQLite's lock past
      // the busy timeout: the next round simply tries again, nothing is lost.
      if (String(error).includes('SQLITE_BUSY'))
        payload.logger.warn('Outbox: database bezet, volgende ronde opnieuw')
      else payload.logger.error({ err: error, msg: 'Outbox: jobs konden niet worden uitgevoerd' })
    } finally {
      running = false
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
