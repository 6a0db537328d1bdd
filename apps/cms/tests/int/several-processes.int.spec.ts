import { fork, spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { queueEmail as QueueEmail } from '../../src/email/queue-email'
import type { Post } from '../../src/payload-types'
import { hashIdempotencyKey } from '../../src/email/seal-email'
import { ResendStub } from '../support/resend-stub'
import type { FromChild, ToChild } from './helpers/cms-process'
import type { rest as Rest } from './helpers/payload'
import { drainJobs } from './helpers/jobs'
import { createSchoolFixture, fixtureToken, type SchoolFixture } from './helpers/school-fixture'

/**
 * Issue #12: two more CMS processes on this run's database (SQLite file or MongoDB), each with
 * the real jobs runner and rate limiter. Every message gets exactly one send, every parent one
 * digest, a stopped runner hands over at once, and rate limits count across all processes.
 */
const here = path.dirname(fileURLToPath(import.meta.url))

class Child {
  private readonly process: ChildProcess
  private readonly inbox: FromChild[] = []
  private waiting: (() => void) | null = null
  readonly exited: Promise<number | null>

  constructor() {
    this.process = fork(path.join(here, 'helpers/cms-process.ts'), [], {
      execArgv: ['--import', 'tsx'],
      env: process.env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    })
    this.process.on('message', (message: FromChild) => {
      this.inbox.push(message)
      this.waiting?.()
    })
    this.exited = new Promise((resolve) => this.process.once('exit', resolve))
  }

  send(message: ToChild) {
    this.process.send(message)
  }

  /** The next message of this type (an error from the child fails the test with its text). */
  async next<T extends FromChild['type']>(type: T): Promise<Extract<FromChild, { type: T }>> {
    for (;;) {
      const index = this.inbox.findIndex((m) => m.type === type || m.type === 'error')
      if (index >= 0) {
        const [message] = this.inbox.splice(index, 1)
        if (message!.type === 'error') throw new Error(`CMS process: ${message!.message}`)
        return message as Extract<FromChild, { type: T }>
      }
      await new Promise<void>((resolve) => (this.waiting = resolve))
    }
  }

  async exit() {
    if (this.process.exitCode !== null) return
    this.send({ type: 'exit' })
    await this.exited
  }
}

/** Polls a condition of the database (not a timed sleep): resolves once it holds. */
async function until(what: string, check: () => Promise<boolean>, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not reached in ${timeoutMs} ms: ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

describe('several CMS processes on one database', () => {
  const stub = new ResendStub()
  let payload: Payload
  let queueEmail: typeof QueueEmail
  let rest: typeof Rest
  let f: SchoolFixture
  const children: Child[] = []

  beforeAll(async () => {
    // The children inherit this environment: they send to the same stub.
    process.env.RESEND_BASE_URL = await stub.start()
    process.env.RESEND_API_KEY = 're_test_key'
    const helpers = await import('./helpers/payload')
    queueEmail = (await import('../../src/email/queue-email')).queueEmail
    payload = await helpers.testPayload()
    rest = helpers.rest
    f = await createSchoolFixture(payload)
    // Whatever earlier files left in the queue is sent now, by this process, before the children.
    await drainJobs(payload, 60_000)
    children.push(new Child(), new Child())
    await Promise.all(children.map((c) => c.next('ready')))
    stub.reset()
  }, 180_000)

  afterAll(async () => {
    await Promise.all(children.map((c) => c.exit()))
    await stub.stop()
  })

  const pendingJobs = async () =>
    (
      await payload.count({
        collection: 'payload-jobs',
        where: { and: [{ completedAt: { exists: false } }, { hasError: { not_equals: true } }] },
      })
    ).totalDocs

  it('two runners: every message sent once, every parent one digest', async () => {
    const tag = randomUUID().slice(0, 8)
    // A daily digest: three parents want group posts once a day; a post to their groups is
    // fanned out here (waiting rows), and those rows are made due since yesterday.
    const digestParents = [f.parents.multiGroup, f.parents.guardianOne, f.parents.guardianTwo]
    for (const parent of digestParents) {
      await payload.update({
        collection: 'parents',
        id: parent.id,
        data: { notifications: { group: 'digest', news: 'direct' } },
      })
    }
    const teacherToken = await fixtureToken(payload, 'staff', f.teacherTwoGroups.email)
    const created = await rest('POST', '/posts', {
      token: teacherToken,
      body: {
        title: `Digest ${tag}`,
        audience: 'groups',
        status: 'published',
        groups: [f.groups.a.id, f.groups.b.id],
      },
    })
    expect(created.status, await created.clone().text()).toBe(201)
    const post = ((await created.json()) as { doc: Post }).doc
    await drainJobs(payload)
    const yesterday = new Date(Date.now() - 2 * 24 * 3_600_000).toISOString()
    await payload.db.updateMany({
      collection: 'post-notifications',
      where: { and: [{ post: { equals: post.id } }, { status: { equals: 'waiting-digest' } }] },
      data: { createdAt: yesterday },
    })
    const waitingRows = await payload.count({
      collection: 'post-notifications',
      where: { and: [{ post: { equals: post.id } }, { status: { equals: 'waiting-digest' } }] },
      overrideAccess: true,
    })
    expect(waitingRows.totalDocs).toBe(digestParents.length)
    stub.reset()

    // …and direct emails through the outbox, queued now: the children send them.
    const keys = Array.from({ length: 12 }, (_, i) => `several-${tag}-${i}`)
    for (const [i, key] of keys.entries()) {
      await queueEmail({
        payload,
        email: {
          to: `ouder${i}.${tag}@fixture.test`,
          subject: `Bericht ${i}`,
          html: '<p>Hallo</p>',
          text: 'Hallo',
          kind: 'test',
          idempotencyKey: key,
        },
      })
    }
    for (const child of children) child.send({ type: 'start-jobs', intervalMs: 20, sliceMs: 5000 })
    await until('outbox and digests done', async () => {
      const waiting = await payload.count({
        collection: 'post-notifications',
        where: {
          and: [{ post: { equals: post.id } }, { status: { in: ['waiting-digest', 'queued'] } }],
        },
        overrideAccess: true,
      })
      return waiting.totalDocs === 0 && (await pendingJobs()) === 0
    })
    for (const child of children) child.send({ type: 'stop-jobs' })
    const [one, two] = await Promise.all(children.map((c) => c.next('jobs-stopped')))

    // Both runners kept trying; the lease let one work at a time.
    expect(one!.rounds).toBeGreaterThan(0)
    expect(two!.rounds).toBeGreaterThan(0)
    expect(one!.held + two!.held).toBeGreaterThan(0)

    // One send per message: a second sender would call again with the same idempotency key.
    const sentKeys = stub.calls.filter((c) => c.status === 200).map((c) => c.idempotencyKey)
    expect(sentKeys.length).toBe(new Set(sentKeys).size)
    for (const key of keys) {
      expect(sentKeys.filter((k) => k === hashIdempotencyKey(key))).toHaveLength(1)
    }
    for (const [i] of keys.entries()) {
      expect(
        stub.delivered.filter((m) => m.to[0] === `ouder${i}.${tag}@fixture.test`),
      ).toHaveLength(1)
    }
    for (const parent of digestParents) {
      const digests = stub.delivered.filter((m) => m.to[0] === parent.email)
      expect(digests, parent.email).toHaveLength(1)
      expect(digests[0]!.text).toContain(`Digest ${tag}`)
    }
  })

  it('a runner that stops hands over at once: the other sends what comes next', async () => {
    stub.reset()
    const [first, second] = children as [Child, Child]
    first.send({ type: 'start-jobs', intervalMs: 20, sliceMs: 60_000 })
    const key = `handover-${randomUUID()}`
    await queueEmail({
      payload,
      email: {
        to: 'eerste@fixture.test',
        subject: 'Een',
        html: '<p>1</p>',
        text: '1',
        kind: 'test',
        idempotencyKey: key,
      },
    })
    await until('first runner sent', async () => (await pendingJobs()) === 0)
    first.send({ type: 'stop-jobs' })
    expect((await first.next('jobs-stopped')).held).toBeGreaterThan(0)

    // A lease slice lasts a minute, but a stopping runner gives it back: no wait for it to pass.
    second.send({ type: 'start-jobs', intervalMs: 20, sliceMs: 60_000 })
    const next = `handover-${randomUUID()}`
    await queueEmail({
      payload,
      email: {
        to: 'tweede@fixture.test',
        subject: 'Twee',
        html: '<p>2</p>',
        text: '2',
        kind: 'test',
        idempotencyKey: next,
      },
    })
    await until('second runner sent', async () => (await pendingJobs()) === 0, 20_000)
    second.send({ type: 'stop-jobs' })
    expect((await second.next('jobs-stopped')).held).toBeGreaterThan(0)
    expect(stub.delivered.map((m) => m.to[0])).toEqual([
      'eerste@fixture.test',
      'tweede@fixture.test',
    ])
  })

  it('the worker runs on its own, sends, and on SIGTERM hands the lease back and exits', async () => {
    stub.reset()
    const worker = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(here, '../../src/scripts/worker.ts')],
      {
        cwd: path.join(here, '../..'),
        env: { ...process.env, WORKER_INTERVAL_MS: '50' },
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    )
    const exited = new Promise<number | null>((resolve) => worker.once('exit', resolve))
    const key = `worker-${randomUUID()}`
    await queueEmail({
      payload,
      email: {
        to: 'worker@fixture.test',
        subject: 'Worker',
        html: '<p>w</p>',
        text: 'w',
        kind: 'test',
        idempotencyKey: key,
      },
    })
    await until('the worker sent', async () => (await pendingJobs()) === 0, 120_000)
    expect(stub.delivered.map((m) => m.to[0])).toEqual(['worker@fixture.test'])
    worker.kill('SIGTERM')
    expect(await exited).toBe(0)
    // The lease is free again: a runner here takes it at once.
    const { acquireLease } = await import('../../src/db/shared-state')
    const { JOBS_LEASE } = await import('../../src/jobs/start-outbox-runner')
    expect(await acquireLease(payload, { name: JOBS_LEASE, holder: 'test', sliceMs: 30_000 })).toBe(
      true,
    )
    const { releaseLease } = await import('../../src/db/shared-state')
    await releaseLease(payload, { name: JOBS_LEASE, holder: 'test', sliceMs: 30_000 })
  }, 180_000)

  it('rate limits count across processes', async () => {
    const { consume } = await import('../../src/lib/rate-limit')
    const { env } = await import('../../src/lib/env')
    const limit = env.rateLimits.loginIp.points
    const key = `198.51.100.7|${randomUUID()}`
    // Three processes, each trying more than the limit at once.
    for (const child of children)
      child.send({ type: 'consume', bucket: 'loginIp', key, times: limit })
    const here = await Promise.all(
      Array.from({ length: limit }, () => consume({ payload }, 'loginIp', key)),
    )
    const there = await Promise.all(children.map((c) => c.next('consumed')))
    const accepted = here.filter((d) => d.ok).length + there.reduce((n, r) => n + r.accepted, 0)
    expect(accepted).toBe(limit)
    // And a fourth attempt anywhere is refused with the time left.
    const after = await consume({ payload }, 'loginIp', key)
    expect(after.ok).toBe(false)
  })
})
