/**
 * `pnpm bench:notify`: how publishing scales with the number of recipients (C1). On a throwaway
 * SQLite database with 700 active parents, against the local Resend-compatible stub (the real
 * `resend` SDK over loopback), it prints:
 * - the publish request latency (REST, as a director) with 0 and with 700 recipients,
 * - the time from publishing until the 700th email reached the stub, working the queue without
 *   pauses (the running CMS polls the queue every 5 s, so add up to 5 s there),
 * - the number of API calls to the stub.
 * A benchmark prints numbers; it asserts nothing beyond "all 700 arrived".
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

import { ResendStub } from '../../tests/support/resend-stub'

const RECIPIENTS = Number(process.env.BENCH_RECIPIENTS ?? 700)
const ROUNDS = 5

const dir = mkdtempSync(path.join(tmpdir(), 'schoolpost-bench-'))
const stub = new ResendStub()
process.env.SCHOOLPOST_ENV = 'test'
process.env.DATABASE_URL = `file:${path.join(dir, 'bench.db')}`
process.env.MEDIA_DIR = path.join(dir, 'media')
process.env.RESEND_BASE_URL = await stub.start()
process.env.RESEND_API_KEY = 're_bench'
process.env.EMAIL_RETRY_BASE_MS = '20'

const { getPayload, handleEndpoints } = await import('payload')
const config = (await import('../payload.config')).default
const payload = await getPayload({ config })

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

try {
  const password = 'bench-wachtwoord-2026'
  await payload.create({
    collection: 'staff',
    data: { name: 'Directie', email: 'directie@bench.test', role: 'director', password },
  })
  const { token } = await payload.login({
    collection: 'staff',
    data: { email: 'directie@bench.test', password },
  })
  const group = await payload.create({
    collection: 'groups',
    data: { name: 'Groep 8', schoolYear: '2026-2027' },
  })
  const empty = await payload.create({
    collection: 'groups',
    data: { name: 'Lege groep', schoolYear: '2026-2027' },
  })
  const seeded = performance.now()
  for (let i = 0; i < RECIPIENTS; i++) {
    const pupil = await payload.db.create({
      collection: 'pupils',
      data: { firstName: `Kind${i}`, lastName: 'Bench', group: group.id, tagLabel: `Kind${i}` },
    })
    await payload.db.create({
      collection: 'parents',
      data: {
        name: `Ouder ${i}`,
        email: `ouder${i}@bench.test`,
        status: 'active',
        children: [pupil.id],
      },
    })
  }
  console.log(
    `seeded ${RECIPIENTS} parents in ${((performance.now() - seeded) / 1000).toFixed(1)} s`,
  )

  const publish = async (title: string, data: Record<string, unknown>) => {
    const request = new Request('http://localhost:3000/api/posts', {
      method: 'POST',
      headers: { Authorization: `JWT ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ title, status: 'published', ...data }),
    })
    const started = performance.now()
    const res = await handleEndpoints({ config, request })
    const ms = performance.now() - started
    if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${await res.text()}`)
    return ms
  }
  const drain = async () => {
    for (;;) {
      const { noJobsRemaining } = await payload.jobs.run({
        limit: 100,
        sequential: true,
        silent: true,
      })
      if (noJobsRemaining) return
    }
  }

  // Warm up (first request compiles and caches), then alternate 0 and N recipients.
  await publish('Opwarmen', { audience: 'groups', groups: [empty.id] })
  await drain()
  const none: number[] = []
  const many: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    none.push(await publish(`Leeg ${round}`, { audience: 'groups', groups: [empty.id] }))
    many.push(await publish(`Iedereen ${round}`, { audience: 'school' }))
    // Empty the queue between rounds (not timed) so every publish meets the same database.
    await drain()
  }
  console.log(
    `publish request latency (median of ${ROUNDS}): 0 recipients ${median(none).toFixed(1)} ms, ` +
      `${RECIPIENTS} recipients ${median(many).toFixed(1)} ms`,
  )

  stub.reset()
  const started = performance.now()
  await publish('Schoolreisje', { audience: 'school', teaser: 'Alles over het schoolreisje.' })
  // The only job now is the fan-out; then the batches.
  await payload.jobs.run({ limit: 1, sequential: true, silent: true })
  const fanOut = performance.now() - started
  await drain()
  const elapsed = performance.now() - started
  console.log(
    `fan-out (recipients, rows, batch jobs): ${(fanOut / 1000).toFixed(2)} s; ` +
      `batches (render, send, record): ${((elapsed - fanOut) / 1000).toFixed(2)} s`,
  )
  const delivered = stub.delivered.filter((m) => m.subject === 'Schoolreisje').length
  if (delivered !== RECIPIENTS) throw new Error(`expected ${RECIPIENTS} emails, got ${delivered}`)
  console.log(
    `publish → last of ${delivered} emails at the stub: ${(elapsed / 1000).toFixed(2)} s; ` +
      `API calls: ${stub.calls.length} (${stub.calls.filter((c) => c.path === '/emails/batch').length} batch calls, sizes ${stub.batchSizes.join('/')})`,
  )
} finally {
  await stub.stop()
  await payload.destroy()
  rmSync(dir, { recursive: true, force: true })
}
process.exit(0)
