import { describe, expect, it } from 'vitest'
import { z } from 'zod'

import {
  createPortalCache,
  createVersionReader,
  filenamesIn,
  isCurrent,
  sessionKey,
  type VersionStamp,
} from './portal-cache'

/** A version read the test finishes by hand, recording which token asked. */
function manualVersions() {
  const reads: {
    token: string
    finish: (stamp: VersionStamp) => void
    fail: (error: Error) => void
  }[] = []
  const readVersion = (token: string) =>
    new Promise<VersionStamp>((finish, fail) => reads.push({ token, finish, fail }))
  return { reads, readVersion }
}

const stamp = (version: string, validUntil: number | null = null): VersionStamp => ({
  version,
  validUntil,
  houseRules: 1,
})

/** Lets every pending promise callback run (the reads start in a microtask). */
const settle = () => new Promise((resolve) => setImmediate(resolve))

describe('createVersionReader', () => {
  it('gives a caller that arrives during a read the next read, never the one already on its way', async () => {
    const { reads, readVersion } = manualVersions()
    const read = createVersionReader(readVersion)
    const first = read('a')
    await settle()
    expect(reads).toHaveLength(1)
    // b and c arrive while the first read is out: they share the second one.
    const second = read('b')
    const third = read('c')
    await settle()
    expect(reads).toHaveLength(1)
    reads[0]!.finish(stamp('v1'))
    expect(await first).toEqual(stamp('v1'))
    await settle()
    expect(reads).toHaveLength(2)
    expect(reads[1]!.token).toBe('b')
    reads[1]!.finish(stamp('v2'))
    expect(await second).toEqual(stamp('v2'))
    expect(await third).toEqual(stamp('v2'))
  })

  it('starts a new read for a caller after the last one ended', async () => {
    const { reads, readVersion } = manualVersions()
    const read = createVersionReader(readVersion)
    const first = read('a')
    await settle()
    reads[0]!.finish(stamp('v1'))
    await first
    const later = read('b')
    await settle()
    expect(reads).toHaveLength(2)
    reads[1]!.finish(stamp('v2'))
    expect(await later).toEqual(stamp('v2'))
  })

  it('passes a failed read to its callers and reads again for those who came later', async () => {
    const { reads, readVersion } = manualVersions()
    const read = createVersionReader(readVersion)
    const first = read('a')
    await settle()
    const second = read('b')
    reads[0]!.fail(new Error('CMS down'))
    await expect(first).rejects.toThrow('CMS down')
    await settle()
    reads[1]!.finish(stamp('v1'))
    expect(await second).toEqual(stamp('v1'))
  })
})

describe('isCurrent', () => {
  it('holds for the same version until the next scheduled post appears', () => {
    expect(isCurrent(stamp('v1'), stamp('v1'), 5)).toBe(true)
    expect(isCurrent(stamp('v1'), stamp('v2'), 5)).toBe(false)
    expect(isCurrent(stamp('v1', 10), stamp('v1', 10), 9)).toBe(true)
    expect(isCurrent(stamp('v1', 10), stamp('v1', null), 10)).toBe(false)
  })
})

describe('filenamesIn', () => {
  it('finds the file names of every size, poster and video in an answer', () => {
    const answer = {
      posts: [
        {
          title: 'filename',
          gallery: [
            {
              kind: 'image',
              sizes: { thumbnail: { filename: 'a-150.webp' }, full: { filename: 'a.webp' } },
            },
            { kind: 'video', filename: 'v.mp4', poster: { feed: { filename: 'v-800.webp' } } },
          ],
        },
      ],
    }
    expect([...filenamesIn(answer)].sort()).toEqual(['a-150.webp', 'a.webp', 'v-800.webp', 'v.mp4'])
  })
})

const answerSchema = z.object({
  n: z.number(),
  gallery: z.array(z.object({ filename: z.string() })),
})

function setup() {
  const versions = { current: stamp('v1'), reads: 0, down: false }
  let clock = 1_000
  const cache = createPortalCache({
    readVersion: async () => {
      versions.reads++
      if (versions.down) throw new Error('CMS down')
      return versions.current
    },
    now: () => clock,
    limits: { largestFile: 10 },
  })
  const calls: string[] = []
  let n = 0
  const cms = {
    async getContract<T>(
      path: string,
      token: string,
      schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } },
    ): Promise<T> {
      calls.push(`${token} ${path}`)
      const parsed = schema.safeParse({ n: ++n, gallery: [{ filename: 'photo-150.webp' }] })
      if (!parsed.success) throw new Error('contract')
      return parsed.data
    },
  }
  return { cache, cms, calls, versions, tick: (ms: number) => (clock += ms) }
}

const bytes = (text: string) => new Uint8Array(new TextEncoder().encode(text))
const file = (text: string) => ({
  body: bytes(text),
  contentType: 'image/webp',
  etag: null,
  lastModified: null,
})

describe('createPortalCache: answers', () => {
  it('reuses a session’s answer while the version holds, and asks again once it moved', async () => {
    const { cache, cms, calls, versions } = setup()
    const source = cache.contracts(cms)
    expect((await source.getContract('/home', 'tok-a', answerSchema)).n).toBe(1)
    expect((await source.getContract('/home', 'tok-a', answerSchema)).n).toBe(1)
    expect(calls).toEqual(['tok-a /home'])
    versions.current = stamp('v2')
    expect((await source.getContract('/home', 'tok-a', answerSchema)).n).toBe(2)
    expect(calls).toHaveLength(2)
  })

  it('never gives one session’s answer to another, nor one page’s to another', async () => {
    const { cache, cms, calls } = setup()
    const source = cache.contracts(cms)
    await source.getContract('/home', 'tok-a', answerSchema)
    expect((await source.getContract('/home', 'tok-b', answerSchema)).n).toBe(2)
    expect((await source.getContract('/home?pagina=2', 'tok-a', answerSchema)).n).toBe(3)
    expect(calls).toEqual(['tok-a /home', 'tok-b /home', 'tok-a /home?pagina=2'])
  })

  it('asks the CMS again once the next scheduled post is due', async () => {
    const { cache, cms, calls, versions, tick } = setup()
    versions.current = stamp('v1', 1_500)
    const source = cache.contracts(cms)
    await source.getContract('/home', 'tok-a', answerSchema)
    tick(499)
    await source.getContract('/home', 'tok-a', answerSchema)
    expect(calls).toHaveLength(1)
    tick(1)
    await source.getContract('/home', 'tok-a', answerSchema)
    expect(calls).toHaveLength(2)
  })

  it('asks the CMS every time while the version cannot be read, and keeps nothing', async () => {
    const { cache, cms, calls, versions } = setup()
    versions.down = true
    const source = cache.contracts(cms)
    await source.getContract('/home', 'tok-a', answerSchema)
    versions.down = false
    await source.getContract('/home', 'tok-a', answerSchema)
    expect(calls).toHaveLength(2)
  })

  it('keeps no failed answer', async () => {
    const { cache, versions } = setup()
    let tries = 0
    const failing = {
      async getContract<T>(): Promise<T> {
        tries++
        throw new Error('signed out')
      },
    }
    const source = cache.contracts(failing)
    await expect(source.getContract('/home', 'tok-a', answerSchema)).rejects.toThrow('signed out')
    await expect(source.getContract('/home', 'tok-a', answerSchema)).rejects.toThrow('signed out')
    expect(tries).toBe(2)
    expect(versions.reads).toBe(2)
  })
})

describe('createPortalCache: files', () => {
  it('serves kept bytes only to a session the CMS allowed, under the current version', async () => {
    const { cache, versions } = setup()
    const miss = await cache.lookupFile('tok-a', 'photo.webp')
    expect(miss).toEqual({ file: null, stamp: stamp('v1') })
    cache.keepFile('tok-a', 'photo.webp', stamp('v1'), file('pixels'))
    const hit = await cache.lookupFile('tok-a', 'photo.webp')
    expect(hit.file && new TextDecoder().decode(hit.file.body)).toBe('pixels')
    // Another session has no decision of its own yet.
    expect((await cache.lookupFile('tok-b', 'photo.webp')).file).toBeNull()
    // A consent refusal moved the version: back to the CMS.
    versions.current = stamp('v2')
    expect(await cache.lookupFile('tok-a', 'photo.webp')).toEqual({
      file: null,
      stamp: stamp('v2'),
    })
  })

  it('lets the files of a page’s answer through for that session once any session loaded the bytes', async () => {
    const { cache, cms } = setup()
    cache.keepFile('tok-a', 'photo-150.webp', stamp('v1'), file('thumb'))
    expect((await cache.lookupFile('tok-b', 'photo-150.webp')).file).toBeNull()
    await cache.contracts(cms).getContract('/home', 'tok-b', answerSchema)
    expect((await cache.lookupFile('tok-b', 'photo-150.webp')).file).not.toBeNull()
  })

  it('does not serve bytes kept under an older version, even with a current decision', async () => {
    const { cache, cms, versions } = setup()
    cache.keepFile('tok-a', 'photo-150.webp', stamp('v1'), file('old'))
    versions.current = stamp('v2')
    await cache.contracts(cms).getContract('/home', 'tok-a', answerSchema)
    expect((await cache.lookupFile('tok-a', 'photo-150.webp')).file).toBeNull()
  })

  it('keeps no file above the size limit', async () => {
    const { cache } = setup()
    expect(cache.keepsFileOf(10)).toBe(true)
    expect(cache.keepsFileOf(11)).toBe(false)
    cache.keepFile('tok-a', 'big.webp', stamp('v1'), file('eleven byte'))
    expect((await cache.lookupFile('tok-a', 'big.webp')).file).toBeNull()
  })

  it('keys sessions by a digest, not the token itself', () => {
    expect(sessionKey('secret-token')).not.toContain('secret')
    expect(sessionKey('secret-token')).toBe(sessionKey('secret-token'))
    expect(sessionKey('secret-token')).not.toBe(sessionKey('secret-token2'))
  })
})
