/**
 * Another CMS process on the test run's database (several-processes.int.spec.ts): the same
 * configuration and environment, steered over IPC. It runs the real jobs runner and the real
 * rate limiter, as a second web process or a worker would.
 */
import { getPayload } from 'payload'

import { createRunner, type Runner } from '../../../src/jobs/start-outbox-runner'
import { consume } from '../../../src/lib/rate-limit'
import type { CmsRateLimitBucket } from '../../../src/lib/rate-limit-spec'
import config from '../../../src/payload.config'

export type ToChild =
  | { type: 'start-jobs'; intervalMs: number; sliceMs: number }
  | { type: 'stop-jobs' }
  | { type: 'consume'; bucket: CmsRateLimitBucket; key: string; times: number }
  | { type: 'exit' }

export type FromChild =
  | { type: 'ready'; pid: number }
  | { type: 'jobs-stopped'; rounds: number; held: number }
  | { type: 'consumed'; accepted: number; refused: number }
  | { type: 'error'; message: string }

const send = (message: FromChild) => process.send!(message)
const payload = await getPayload({ config })
let runner: Runner | null = null
let rounds = 0
let held = 0
let timer: NodeJS.Timeout | null = null
let stopped = false

process.on('message', (message: ToChild) => {
  void (async () => {
    try {
      if (message.type === 'start-jobs') {
        // A runner without its own timer: this loop counts how often it held the lease.
        runner = createRunner(payload, { intervalMs: 1 << 30, sliceMs: message.sliceMs })
        stopped = false
        const loop = async () => {
          if (stopped) return
          rounds++
          if (await runner!.tick()) held++
          // A stop that came in while the round ran ends the loop here.
          if (!stopped) timer = setTimeout(() => void loop(), message.intervalMs)
        }
        void loop()
      } else if (message.type === 'stop-jobs') {
        stopped = true
        if (timer) clearTimeout(timer)
        // Waits for a round in progress, then gives the lease back.
        await runner?.stop()
        send({ type: 'jobs-stopped', rounds, held })
        rounds = 0
        held = 0
      } else if (message.type === 'consume') {
        const decisions = await Promise.all(
          Array.from({ length: message.times }, () =>
            consume({ payload }, message.bucket, message.key),
          ),
        )
        const accepted = decisions.filter((d) => d.ok).length
        send({ type: 'consumed', accepted, refused: decisions.length - accepted })
      } else if (message.type === 'exit') {
        await payload.destroy()
        process.exit(0)
      }
    } catch (error) {
      send({ type: 'error', message: String(error) })
    }
  })()
})
send({ type: 'ready', pid: process.pid })
