import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'
import { beforeAll, describe, expect, it } from 'vitest'

import {
  acquireLease,
  clearExpiredSharedState,
  consumeShared,
  forgetShared,
  refundShared,
  releaseLease,
  spendOnce,
} from '../../src/db/shared-state'
import { testPayload } from './helpers/payload'

/**
 * The database-held state several CMS processes share (issue #12), on whichever database this
 * run uses (SQLite, or FerretDB in the MongoDB leg — where `$inc` loses concurrent updates):
 * counts that never exceed the limit under concurrency, a lease one holder has at a time, and
 * tokens spent once. The processes themselves are in several-processes.int.spec.ts.
 */
describe('shared runtime state', () => {
  let payload: Payload
  beforeAll(async () => {
    payload = await testPayload()
  })

  const spec = { points: 10, durationSeconds: 600 }
  // A fixed moment in the middle of a period: the assertions do not depend on the clock.
  const now = 1_800_000_000_000 + 300_000

  it('counts concurrent attempts atomically: exactly the limit is accepted', async () => {
    const key = `test-${randomUUID()}`
    const outcomes = await Promise.all(
      Array.from({ length: 30 }, () => consumeShared(payload, { key, spec, now })),
    )
    expect(outcomes.filter((o) => o.ok)).toHaveLength(10)
    const refused = outcomes.find((o) => !o.ok)
    // Periods are aligned to the clock: 1_800_000_000_000 is a multiple of 600 s.
    expect(refused).toEqual({ ok: false, consumed: 10, msBeforeNext: 300_000 })

    // A refund gives one back; forgetting the key starts over.
    await refundShared(payload, { key, spec, now })
    expect((await consumeShared(payload, { key, spec, now })).ok).toBe(true)
    expect((await consumeShared(payload, { key, spec, now })).ok).toBe(false)
    await forgetShared(payload, { key, spec, now })
    expect(await consumeShared(payload, { key, spec, now })).toEqual({ ok: true, consumed: 1 })
  })

  it('a limit of any size costs one slot per event, not a list of all its points', async () => {
    // An operator opening a limit wide (CMS_RATE_LIMIT_*=1000000000000/60) must not make every
    // request build a list of that many slots (a RangeError past 2^32, seconds before that).
    const key = `test-${randomUUID()}`
    const wide = { points: 1_000_000_000_000, durationSeconds: 60 }
    const outcomes = await Promise.all(
      Array.from({ length: 5 }, () => consumeShared(payload, { key, spec: wide, now })),
    )
    expect(outcomes.map((o) => o.ok)).toEqual([true, true, true, true, true])
    expect(await consumeShared(payload, { key, spec: wide, now })).toEqual({
      ok: true,
      consumed: 6,
    })
  })

  it('the next period starts over, and passed periods are cleared', async () => {
    const key = `test-${randomUUID()}`
    const small = { points: 2, durationSeconds: 600 }
    await consumeShared(payload, { key, spec: small, now })
    await consumeShared(payload, { key, spec: small, now })
    expect((await consumeShared(payload, { key, spec: small, now })).ok).toBe(false)
    const next = now + 600_000
    expect(await consumeShared(payload, { key, spec: small, now: next })).toEqual({
      ok: true,
      consumed: 1,
    })
    // Clearing far later removes every slot of both periods: the key counts from zero again.
    await clearExpiredSharedState(payload, next + 10 * 3_600_000)
    expect(await consumeShared(payload, { key, spec: small, now: next })).toEqual({
      ok: true,
      consumed: 1,
    })
  })

  it('one holder per lease, also when many ask at once; a crashed holder is replaced', async () => {
    const name = `lease-${randomUUID()}`
    const sliceMs = 60_000
    const holders = Array.from({ length: 10 }, (_, i) => `holder-${i}`)
    const got = await Promise.all(
      holders.map((holder) => acquireLease(payload, { name, holder, sliceMs, now })),
    )
    expect(got.filter(Boolean)).toHaveLength(1)
    const owner = holders[got.indexOf(true)]!
    const other = holders.find((h) => h !== owner)!

    // The holder keeps it while it keeps asking, slice after slice; nobody else gets it.
    for (const at of [now, now + sliceMs, now + 2 * sliceMs]) {
      expect(await acquireLease(payload, { name, holder: owner, sliceMs, now: at })).toBe(true)
      expect(await acquireLease(payload, { name, holder: other, sliceMs, now: at })).toBe(false)
    }
    // The holder stops asking (crashed): the slice it claimed ahead passes, then another takes it.
    const after = now + 4 * sliceMs
    expect(await acquireLease(payload, { name, holder: other, sliceMs, now: after })).toBe(true)
    expect(await acquireLease(payload, { name, holder: owner, sliceMs, now: after })).toBe(false)
    // Only a holder gives it back; then the next one takes it at once.
    await releaseLease(payload, { name, holder: owner, sliceMs, now: after })
    expect(await acquireLease(payload, { name, holder: owner, sliceMs, now: after })).toBe(false)
    await releaseLease(payload, { name, holder: other, sliceMs, now: after })
    expect(await acquireLease(payload, { name, holder: owner, sliceMs, now: after })).toBe(true)
  })

  it('a token is spent once, also when it is spent many times at once', async () => {
    const id = `test:${randomUUID()}`
    const spent = await Promise.all(
      Array.from({ length: 10 }, () => spendOnce(payload, { id, expire: now + 86_400_000 })),
    )
    expect(spent.filter(Boolean)).toHaveLength(1)
    expect(await spendOnce(payload, { id, expire: now + 86_400_000 })).toBe(false)
  })
})
