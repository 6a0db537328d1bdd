import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from './helpers/payload'

describe('embedded SQLite database', { tags: ['sqlite-only'] }, () => {
  let payload: Payload
  let db: SQLiteAdapter
  beforeAll(async () => {
    payload = await testPayload()
    db = payload.db as unknown as SQLiteAdapter
  })

  it('is chosen for a file: DATABASE_URL', () => {
    expect(process.env.DATABASE_URL).toMatch(/^file:/)
    expect(payload.db.name).toBe('sqlite')
  })

  it('runs in WAL mode with a busy timeout', async () => {
    const mode = await db.client.execute('PRAGMA journal_mode;')
    expect(mode.rows[0]?.journal_mode).toBe('wal')
    const timeout = await db.client.execute('PRAGMA busy_timeout;')
    expect(Number(Object.values(timeout.rows[0] ?? {})[0])).toBe(5000)
  })

  it('applied the committed migrations, not a dev push', async () => {
    const rows = await payload.find({ collection: 'payload-migrations', limit: 100, depth: 0 })
    expect(rows.docs.map((d) => d.name)).toContain('20261128_120041_initial')
    expect(rows.docs.some((d) => d.batch === -1)).toBe(false)
  })

  it('uses UUID ids', async () => {
    const group = await payload.create({
      collection: 'groups',
      data: { name: 'UUID-check', schoolYear: '2026-2027' },
    })
    expect(group.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  })

  it('has transactions on: a failed write leaves nothing behind', async () => {
    const txId = await payload.db.beginTransaction()
    expect(txId).toBeTruthy()
    if (txId) await payload.db.rollbackTransaction(txId)

    const before = await payload.count({
      collection: 'pupils',
      where: { lastName: { equals: 'Rollback' } },
    })
    // A pupil whose group does not exist fails after the insert started; nothing may remain.
    await expect(
      payload.create({
        collection: 'pupils',
        data: {
          firstName: 'Half',
          lastName: 'Rollback',
          group: '00000000-0000-4000-8000-000000000000',
        },
      }),
    ).rejects.toThrow()
    const after = await payload.count({
      collection: 'pupils',
      where: { lastName: { equals: 'Rollback' } },
    })
    expect(after.totalDocs).toBe(before.totalDocs)
  })

  it('queues two writers of one process instead of freezing the server for the busy timeout', async () => {
    // libSQL runs statements on the main thread: a second BEGIN IMMEDIATE used to sleep on the
    // event loop until the busy timeout, the first transaction unable to commit, then fail.
    const existing = await payload.create({
      collection: 'groups',
      data: { name: 'Schrijver 0', schoolYear: '2026-2027' },
    })
    const txId = await payload.db.beginTransaction()
    if (!txId) throw new Error('no transaction')
    await payload.create({
      collection: 'groups',
      data: { name: 'Schrijver 1', schoolYear: '2026-2027' },
      req: { transactionID: txId },
    })

    let lastTick = Date.now()
    let longestStall = 0
    const ticker = setInterval(() => {
      longestStall = Math.max(longestStall, Date.now() - lastTick)
      lastTick = Date.now()
    }, 10)
    const started = Date.now()
    const secondTransaction = payload.create({
      collection: 'groups',
      data: { name: 'Schrijver 2', schoolYear: '2026-2027' },
    })
    // A write outside any transaction (as the jobs queue does): one plain UPDATE statement.
    const plainWrite = payload.db.updateOne({
      collection: 'groups',
      id: existing.id,
      data: { sortOrder: 7 },
      returning: false,
    })
    await new Promise((resolve) => setTimeout(resolve, 300))
    await payload.db.commitTransaction(txId)
    const second = await secondTransaction
    const finished = Date.now() - started
    await plainWrite
    clearInterval(ticker)

    expect(second.name).toBe('Schrijver 2')
    expect(finished).toBeGreaterThanOrEqual(290) // it did wait for the first writer…
    expect(finished).toBeLessThan(3000) // …and not for SQLite's 5 s busy timeout
    expect(longestStall).toBeLessThan(1000)
    const names = await payload.find({
      collection: 'groups',
      where: { name: { in: ['Schrijver 1', 'Schrijver 2'] } },
      depth: 0,
    })
    expect(names.docs.map((g) => g.name).sort()).toEqual(['Schrijver 1', 'Schrijver 2'])
    expect((await payload.findByID({ collection: 'groups', id: existing.id })).sortOrder).toBe(7)
  })
})
