import { describe, expect, it } from 'vitest'

import { createWriteLock } from './serialize-writes'

describe('createWriteLock', () => {
  it('lets one writer in at a time, first come first served', async () => {
    const lock = createWriteLock(1000)
    const order: string[] = []
    const writer = (name: string, ms: number) =>
      lock.run(name, async () => {
        order.push(`${name} in`)
        await new Promise((resolve) => setTimeout(resolve, ms))
        order.push(`${name} out`)
      })
    await Promise.all([writer('a', 30), writer('b', 0), writer('c', 10)])
    expect(order).toEqual(['a in', 'a out', 'b in', 'b out', 'c in', 'c out'])
  })

  it('releases after a failed writer, and a second release changes nothing', async () => {
    const lock = createWriteLock(1000)
    await expect(
      lock.run('broken', async () => {
        throw new Error('kapot')
      }),
    ).rejects.toThrow('kapot')
    const release = await lock.acquire('first')
    release()
    const again = await lock.acquire('second')
    release() // stale: must not let a third writer in next to `second`
    let thirdIn = false
    const third = lock.acquire('third').then((r) => {
      thirdIn = true
      return r
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(thirdIn).toBe(false)
    again()
    ;(await third)()
    expect(thirdIn).toBe(true)
  })

  it('gives up with SQLITE_BUSY after its deadline and leaves the queue', async () => {
    const lock = createWriteLock(50)
    const holder = await lock.acquire('holder')
    await expect(lock.acquire('waiter')).rejects.toMatchObject({
      code: 'SQLITE_BUSY',
      message: expect.stringMatching(/waiter waited 50 ms .*\(holder, held for \d+ ms/),
    })
    holder()
    const next = await lock.acquire('next') // the timed-out waiter was not handed the lock
    next()
  })
})
