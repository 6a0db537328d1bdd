import type { Payload } from 'payload'
import { describe, expect, it } from 'vitest'

import { checkHealth } from './health'

const payloadCounting = (count: () => Promise<unknown>) => async () =>
  ({ db: { count } }) as unknown as Payload

describe('checkHealth', () => {
  it('is ok when the database answers', async () => {
    const health = await checkHealth(payloadCounting(async () => ({ totalDocs: 3 })))
    expect(health).toMatchObject({ status: 'ok', database: 'ok' })
  })

  it('is unavailable when the database refuses', async () => {
    const health = await checkHealth(
      payloadCounting(async () => {
        throw new Error('connection refused')
      }),
    )
    expect(health).toMatchObject({ status: 'unavailable', database: 'unreachable' })
  })

  it('is unavailable when Payload cannot start', async () => {
    const health = await checkHealth(async () => {
      throw new Error('no database')
    })
    expect(health.status).toBe('unavailable')
  })

  it('gives up on a database that does not answer', async () => {
    const health = await checkHealth(
      payloadCounting(() => new Promise(() => {})),
      { timeoutMs: 20 },
    )
    expect(health).toMatchObject({ status: 'unavailable', database: 'unreachable' })
  })
})
