import { createHash } from 'node:crypto'

import type { PortalVersionAnswer } from '@schoolpost/contracts'
import { LRUCache } from 'lru-cache'

/**
 * What the portal may reuse of the CMS's answers (issue #11), and when.
 *
 * The CMS keeps a *portal version*: a token that changes with every write that can change an
 * answer the portal keeps (a post, a photo, a consent, a group, the parent's account and
 * sessions, the school settings; apps/cms/src/db/portal-version-hooks.ts). The portal keeps a
 * page's answer, and the fact "this session may see this file" with the file's bytes, under the
 * token it read *before* fetching them, and reuses them only while a fresh read still gives that
 * token (and the next scheduled post has not appeared). Nothing is reused across sessions but a
 * file's bytes, which are only ever sent to a session the CMS allowed under the same token.
 *
 * "Fresh" is what keeps the rule of S11/S13 (a refusal counts at the very next request): a request
 * only ever uses a version read that *started after the request arrived*. Reads are coalesced —
 * while one is on its way, every request that arrives waits for the next one, which starts when
 * the current one ends — so under load the CMS answers one small request per round trip instead
 * of one page per request, and a write that returned before a request arrived is always seen.
 * Several portal processes each ask the CMS, and the token lives in the database: correct behind
 * a load balancer too.
 *
 * Absences and leave requests (`/absentie`) are never kept here: their writes do not move the
 * portal version, and a report one guardian makes must show to the other at once. The absence
 * page asks the CMS client directly (`features/absences/absence-page.ts`), never `contracts`.
 */

export type VersionStamp = PortalVersionAnswer

/** Coalesced reads of the portal version; every caller gets a read that started after it asked. */
export type VersionReader = (token: string) => Promise<VersionStamp>

export function createVersionReader(fetchVersion: VersionReader): VersionReader {
  let running = false
  let waiting: {
    token: string
    promise: Promise<VersionStamp>
    resolve: (stamp: VersionStamp) => void
    reject: (error: unknown) => void
  } | null = null

  function start(token: string): Promise<VersionStamp> {
    running = true
    const read = Promise.resolve().then(() => fetchVersion(token))
    const next = () => {
      running = false
      if (!waiting) return
      const batch = waiting
      waiting = null
      start(batch.token).then(batch.resolve, batch.reject)
    }
    read.then(next, next)
    return read
  }

  return (token) => {
    if (!running) return start(token)
    if (!waiting) {
      let resolve!: (stamp: VersionStamp) => void
      let reject!: (error: unknown) => void
      const promise = new Promise<VersionStamp>((res, rej) => {
        resolve = res
        reject = rej
      })
      waiting = { token, promise, resolve, reject }
    }
    return waiting.promise
  }
}

/** Whether something kept under `kept` may be used now that a fresh read gave `current`. */
export function isCurrent(kept: VersionStamp, current: VersionStamp, now: number): boolean {
  return kept.version === current.version && (kept.validUntil === null || now < kept.validUntil)
}

/** A session's key in the caches: a digest, so the caches hold no usable token. */
export function sessionKey(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** Every `filename` in an answer (the files of its media, in every size). */
export function filenamesIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) filenamesIn(item, into)
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'filename' && typeof item === 'string') into.add(item)
      else filenamesIn(item, into)
    }
  }
  return into
}

/** A file kept in memory: its bytes and the headers the CMS sent with them. */
export type KeptFile = {
  body: Uint8Array<ArrayBuffer>
  contentType: string | null
  etag: string | null
  lastModified: string | null
}

export type PortalCacheLimits = {
  /** Page answers kept (one per session and page). */
  answers: number
  /** "This session may see this file" facts kept. */
  decisions: number
  /** Bytes of files kept, and the largest file kept. */
  fileBytes: number
  largestFile: number
}

export const DEFAULT_CACHE_LIMITS: PortalCacheLimits = {
  answers: 2_000,
  decisions: 100_000,
  fileBytes: 64 * 1024 * 1024,
  largestFile: 1024 * 1024,
}

type Kept<T> = { stamp: VersionStamp; value: T }

type ContractSchema<T> = {
  safeParse(value: unknown): { success: true; data: T } | { success: false }
}

/** What the cache needs of the CMS client to fetch an answer. */
export type ContractSource = {
  getContract<T>(path: string, token: string, schema: ContractSchema<T>): Promise<T>
}

export type PortalCache = ReturnType<typeof createPortalCache>

export function createPortalCache(options: {
  readVersion: VersionReader
  limits?: Partial<PortalCacheLimits>
  now?: () => number
}) {
  const limits = { ...DEFAULT_CACHE_LIMITS, ...options.limits }
  const now = options.now ?? Date.now
  const readVersion = createVersionReader(options.readVersion)
  const answers = new LRUCache<string, Kept<unknown>>({ max: limits.answers })
  const decisions = new LRUCache<string, VersionStamp>({ max: limits.decisions })
  const files = new LRUCache<string, Kept<KeptFile>>({
    maxSize: limits.fileBytes,
    sizeCalculation: (kept) => Math.max(1, kept.value.body.byteLength),
  })

  /** A fresh version, or `null` when the CMS cannot tell (then nothing is reused or kept). */
  async function fresh(token: string): Promise<VersionStamp | null> {
    try {
      return await readVersion(token)
    } catch {
      return null
    }
  }

  function allowFiles(session: string, stamp: VersionStamp, filenames: Iterable<string>) {
    for (const filename of filenames) decisions.set(`${session}\n${filename}`, stamp)
  }

  return {
    /** A version read that started after this call, or `null` when the CMS cannot tell. */
    currentVersion: fresh,

    /**
     * A contract source that reuses this session's answer of a path while the portal version
     * is unchanged, and otherwise asks `cms`. Errors of `cms` (signed out, unavailable) pass
     * through and are never kept. The files an answer shows are allowed for the session under
     * the same version, so their thumbnails need no CMS call once any parent loaded them.
     */
    contracts(cms: ContractSource): ContractSource {
      return {
        async getContract<T>(path: string, token: string, schema: ContractSchema<T>): Promise<T> {
          const stamp = await fresh(token)
          if (!stamp) return cms.getContract(path, token, schema)
          const session = sessionKey(token)
          const key = `${session}\n${path}`
          const kept = answers.get(key)
          if (kept && isCurrent(kept.stamp, stamp, now())) {
            return kept.value as T
          }
          const value = await cms.getContract(path, token, schema)
          answers.set(key, { stamp, value })
          allowFiles(session, stamp, filenamesIn(value))
          return value
        },
      }
    },

    /**
     * The file route's fast path: the kept bytes of `filename` when the CMS allowed this session
     * to see it under the current version and the bytes were kept under that version too; else
     * `null` with the fresh version to keep what the CMS answers under (`stamp` null: keep nothing).
     */
    async lookupFile(
      token: string,
      filename: string,
    ): Promise<{ file: KeptFile } | { file: null; stamp: VersionStamp | null }> {
      const stamp = await fresh(token)
      if (!stamp) return { file: null, stamp: null }
      const t = now()
      const decision = decisions.get(`${sessionKey(token)}\n${filename}`)
      const kept = files.get(filename)
      if (decision && kept && isCurrent(decision, stamp, t) && isCurrent(kept.stamp, stamp, t)) {
        return { file: kept.value }
      }
      return { file: null, stamp }
    },

    /** The largest file kept, in bytes. */
    largestKeptFile: limits.largestFile,

    /** Whether a file of `size` bytes would be kept (small images; never a video). */
    keepsFileOf(size: number): boolean {
      return size > 0 && size <= limits.largestFile
    },

    /** The CMS served `filename` to this session under `stamp`: keep the bytes and the fact. */
    keepFile(token: string, filename: string, stamp: VersionStamp, file: KeptFile): void {
      if (!this.keepsFileOf(file.body.byteLength)) return
      files.set(filename, { stamp, value: file })
      allowFiles(sessionKey(token), stamp, [filename])
    },

    /** Sizes, for the benchmark and tests. */
    sizes() {
      return { answers: answers.size, decisions: decisions.size, fileBytes: files.calculatedSize }
    },
  }
}
