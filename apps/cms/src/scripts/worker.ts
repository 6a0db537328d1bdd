/**
 * The jobs worker on its own (issue #12): emails, notifications and daily digests, outside the
 * web processes. Run it beside CMS processes started with JOBS_RUNNER=off:
 *   pnpm --filter @schoolpost/cms worker
 * Several workers (or web processes that still run jobs) are safe: one holds the jobs lease at a
 * time (src/jobs/start-outbox-runner.ts). SIGTERM/SIGINT end the current round, give the lease
 * back and exit, so a rolling upgrade hands over at once instead of after the lease runs out.
 */
import { getPayload } from 'payload'

import { createRunner } from '../jobs/start-outbox-runner'
import config from '../payload.config'

const intervalMs = Number(process.env.WORKER_INTERVAL_MS ?? 5000)

// Signals count from the first moment: a stop during the start exits as soon as Payload is up.
let stopRequested: string | null = null
let stop: (signal: string) => Promise<void> = async (signal) => {
  stopRequested = signal
}
process.once('SIGTERM', () => void stop('SIGTERM'))
process.once('SIGINT', () => void stop('SIGINT'))

const payload = await getPayload({ config })
const runner = createRunner(payload, { intervalMs })
// The runner's own timer does not keep a process alive (it is unref'd inside web servers).
const keepAlive = setInterval(() => {}, 1 << 30)
let stopping = false
stop = async (signal: string) => {
  if (stopping) return
  stopping = true
  payload.logger.info(`Worker stopt (${signal})`)
  await runner.stop()
  clearInterval(keepAlive)
  await payload.destroy()
  process.exit(0)
}
if (stopRequested) await stop(stopRequested)
payload.logger.info(`Worker gestart (${runner.holder}), elke ${intervalMs} ms`)
await runner.tick()
