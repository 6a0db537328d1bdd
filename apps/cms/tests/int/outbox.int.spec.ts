import type { Payload } from 'payload'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { queueEmail as QueueEmail } from '../../src/email/queue-email'
import { hashIdempotencyKey } from '../../src/email/seal-email'
import { ResendStub } from '../support/resend-stub'
import { drainJobs } from './helpers/jobs'

/**
 * The outbox against a local Resend-compatible stub, with the real `resend` SDK: stored first,
 * retried with backoff, 429 honours Retry-After, and an idempotency key per message means a
 * retry never delivers twice.
 */
describe('email outbox with Resend', () => {
  const stub = new ResendStub()
  let payload: Payload
  let queueEmail: typeof QueueEmail

  beforeAll(async () => {
    process.env.RESEND_BASE_URL = await stub.start()
    process.env.RESEND_API_KEY = 're_test_key'
    // Imported only now: the CMS reads RESEND_* when its configuration loads.
    const helpers = await import('./helpers/payload')
    queueEmail = (await import('../../src/email/queue-email')).queueEmail
    payload = await helpers.testPayload()
  })
  afterAll(() => stub.stop())
  // Other test files share the database and may have left emails in the queue: send those first,
  // so the scripted failures hit the message under test.
  beforeEach(async () => {
    await drainJobs(payload)
    stub.reset()
  })

  const message = (to: string, key: string) => ({
    to,
    subject: 'Test',
    html: '<p>Hallo</p>',
    text: 'Hallo',
    kind: 'test',
    idempotencyKey: key,
  })

  it('delivers exactly once after 500, then 429 with Retry-After, then 200', async () => {
    stub.failNext({ status: 500 }, { status: 429, retryAfter: 1 })
    const started = Date.now()
    await queueEmail({ payload, email: message('retry@fixture.test', 'retry-1') })
    await drainJobs(payload)

    expect(stub.delivered.filter((m) => m.to.includes('retry@fixture.test'))).toHaveLength(1)
    expect(stub.calls.map((c) => c.status)).toEqual([500, 429, 200])
    expect(new Set(stub.calls.map((c) => c.idempotencyKey))).toEqual(
      new Set([hashIdempotencyKey('retry-1')]),
    )
    // The 429 asked for 1 second; the outbox waited at least that long.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)

    const [log] = (
      await payload.find({
        collection: 'email-log',
        where: { idempotencyKey: { equals: hashIdempotencyKey('retry-1') } },
      })
    ).docs
    expect(log).toMatchObject({ status: 'sent', attempts: 3, to: 'retry@fixture.test' })
  })

  it('never sends twice when the same message is queued again (idempotency key)', async () => {
    await queueEmail({ payload, email: message('twice@fixture.test', 'twice-1') })
    await queueEmail({ payload, email: message('twice@fixture.test', 'twice-1') })
    await drainJobs(payload)
    expect(stub.calls).toHaveLength(2)
    expect(stub.delivered.filter((m) => m.to.includes('twice@fixture.test'))).toHaveLength(1)
  })

  it('records a permanently refused message as failed without retrying it', async () => {
    stub.failNext({ status: 422 })
    await queueEmail({ payload, email: message('refused@fixture.test', 'refused-1') })
    await drainJobs(payload)
    expect(stub.calls.map((c) => c.status)).toEqual([422])
    const [log] = (
      await payload.find({
        collection: 'email-log',
        where: { idempotencyKey: { equals: hashIdempotencyKey('refused-1') } },
      })
    ).docs
    expect(log?.status).toBe('failed')
    expect(log?.lastError).toMatch(/422/)
  })

  it('gives up after the retry budget and marks the message failed', async () => {
    stub.failNext(...Array.from({ length: 10 }, () => ({ status: 503 })))
    await queueEmail({ payload, email: message('down@fixture.test', 'down-1') })
    await drainJobs(payload, 30_000).catch(() => undefined)
    const [log] = (
      await payload.find({
        collection: 'email-log',
        where: { idempotencyKey: { equals: hashIdempotencyKey('down-1') } },
      })
    ).docs
    expect(log?.status).toBe('failed')
    expect(stub.delivered.filter((m) => m.to.includes('down@fixture.test'))).toHaveLength(0)
    expect(stub.calls.length).toBe(7)
  })
})
