import { randomUUID } from 'node:crypto'
import { hostname } from 'node:os'
import type { Payload } from 'payload'

import { sendVolunteerReminders } from '../collections/VolunteerSignups/reminders'
import { acquireLease, clearExpiredSharedState, releaseLease } from '../db/shared-state'
import { queueDueDigests } from '../notifications/queue-due-digests'
import { queueDueMessageBundles } from '../notifications/queue-due-message-bundles'
import { runRetentionIfDue } from './retention'

const RUNNER = Symbol.for('schoolpost.outboxRunner')
type WithRunner = typeof globalThis & { [RUNNER]?: Runner }

/** The lease every runner of every process competes for: one works through the queue. */
export const JOBS_LEASE = 'jobs'

export type Runner = {
  /** Stops the timer and gives the lease back; resolves when a round in progress has ended. */
  stop(): Promise<void>
  /** One round now (tests, the worker's first round): true when this runner held the lease. */
  tick(): Promise<boolean>
  readonly holder: string
}

export type RunnerOptions = {
  intervalMs?: number
  /**
   * The lease's time slice: a round must end within one (50 jobs do, by far); a crashed holder
   * is replaced within two.
   */
  sliceMs?: number
}

/**
 * The volunteers' reminders of the afternoon before (S4). A failure here is logged and the round
 * goes on: the outbox itself must keep sending, and the next round tries the reminders again.
 */
async function queueVolunteerReminders(payload: Payload): Promise<void> {
  try {
    await sendVolunteerReminders({ payload })
  } catch (error) {
    if (String(error).includes('SQLITE_BUSY'))
      payload.logger.warn('Outbox: database bezet, herinneringen hulpvragen volgende ronde')
    else
      payload.logger.error({ err: error, msg: 'Outbox: herinneringen hulpvragen niet verstuurd' })
  }
}

/**
 * The night's retention run (jobs/retention.ts). Like the reminders, a failure is logged and the
 * next round tries again.
 */
async function applyRetentionWhenDue(payload: Payload): Promise<void> {
  try {
    await runRetentionIfDue({ payload })
  } catch (error) {
    if (String(error).includes('SQLITE_BUSY'))
      payload.logger.warn('Outbox: database bezet, bewaartermijnen volgende ronde')
    else payload.logger.error({ err: error, msg: 'Outbox: bewaartermijnen niet toegepast' })
  }
}

/**
 * Next.js can initialise Payload more than once in one server process (separate module graphs
 * for the admin and the API routes). One runner per process is enough: the first one started wins.
 */
export function startOutboxRunner(payload: Payload, options: RunnerOptions = {}): Runner {
  const scope = globalThis as WithRunner
  if (scope[RUNNER]) return scope[RUNNER]
  const runner = createRunner(payload, options)
  scope[RUNNER] = runner
  return runner
}

/**
 * Works through the job queue (the email outbox) every few seconds, after handing any due daily
 * digest, the teachers' after-school message bundles and the volunteers' reminders to it, and
 * applying the retention settings once a night.
 * Several CMS processes (and a separate worker) may run this: each round starts by
 * taking or keeping the `jobs` lease in the database (src/db/shared-state.ts: unique inserts, no
 * read-then-write), and only the holder queues digests and claims jobs — so every message has exactly one sender and every
 * parent one digest, whatever the number of processes. A holder that dies is replaced once its
 * claimed time slices have passed. Jobs run one after another: parallel jobs whose hooks write would only wait on
 * each other.
 */
export function createRunner(
  payload: Payload,
  { intervalMs = 5000, sliceMs = 30_000 }: RunnerOptions = {},
): Runner {
  const holder = `${hostname()}:${process.pid}:${randomUUID()}`
  let current: Promise<boolean> | null = null
  let rounds = 0

  const round = async (): Promise<boolean> => {
    try {
      if (!(await acquireLease(payload, { name: JOBS_LEASE, holder, sliceMs }))) return false
      await queueDueDigests({ payload })
      await queueDueMessageBundles({ payload })
      await queueVolunteerReminders(payload)
      await payload.jobs.run({ limit: 50, sequential: true, silent: true })
      await applyRetentionWhenDue(payload)
      // Now and then: rate-limit slots, lease slices and spent tokens whose time has passed.
      if (rounds++ % 120 === 0) await clearExpiredSharedState(payload)
      return true
    } catch (error) {
      // Another process (a shell `payload jobs:run`, a migration) can hold SQLite's lock past
      // the busy timeout: the next round simply tries again, nothing is lost.
      if (String(error).includes('SQLITE_BUSY'))
        payload.logger.warn('Outbox: database bezet, volgende ronde opnieuw')
      else payload.logger.error({ err: error, msg: 'Outbox: jobs konden niet worden uitgevoerd' })
      return false
    }
  }
  const tick = () => {
    current ??= round().finally(() => {
      current = null
    })
    return current
  }

  const timer = setInterval(() => void tick(), intervalMs)
  timer.unref()
  return {
    holder,
    tick,
    async stop() {
      clearInterval(timer)
      await current
      await releaseLease(payload, { name: JOBS_LEASE, holder, sliceMs }).catch(() => {})
    },
  }
}
