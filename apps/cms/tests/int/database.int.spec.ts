import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Payload } from 'payload'

import { testPayload } from './helpers/payload'

describe('embedded SQLite database', () => {
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
})
