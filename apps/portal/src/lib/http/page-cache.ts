import { LRUCache } from 'lru-cache'

import { isCurrent, sessionKey, type VersionStamp } from '../cms/portal-cache'
import { chooseContentCoding } from './compression'

/**
 * The start page as sent, kept per session (issue #11). At 08:00 every family opens it, often
 * several times; rendering its ten posts and galleries is what a request costs once the CMS's
 * answer is kept (lib/cms/portal-cache.ts). The page is a function of the session, its address and
 * what the CMS answered — it shows no time of day, no form token and no nonce — so the bytes sent
 * (compressed per coding) can be sent again while the portal version they were rendered under is
 * current. As for answers, the version is read *before* rendering and a request only uses a read
 * that started after it arrived: a refusal, a hidden post or a deactivation counts at the next
 * request.
 */

/** The pages kept: those rendered from one kept CMS answer and the session alone. */
export const KEPT_PAGE_PATHS: ReadonlySet<string> = new Set(['/'])

export type KeptPage = {
  stamp: VersionStamp
  status: number
  headers: [string, string][]
  body: Uint8Array<ArrayBuffer>
}

export type PageCache = ReturnType<typeof createPageCache>

export function createPageCache(options: { maxBytes?: number; now?: () => number } = {}) {
  const now = options.now ?? Date.now
  const pages = new LRUCache<string, KeptPage>({
    maxSize: options.maxBytes ?? 32 * 1024 * 1024,
    sizeCalculation: (page) => page.body.byteLength + 512,
  })
  return {
    /** One entry per session, address and content coding. */
    keyFor(token: string, request: Request): string {
      const url = new URL(request.url)
      const coding = chooseContentCoding(request.headers.get('Accept-Encoding')) ?? 'identity'
      return `${sessionKey(token)}\n${url.pathname}${url.search}\n${coding}`
    },
    /** The kept page under a current version, as a new answer; else `null`. */
    get(key: string, stamp: VersionStamp): Response | null {
      const page = pages.get(key)
      if (!page || !isCurrent(page.stamp, stamp, now())) return null
      return new Response(page.body, { status: page.status, headers: page.headers })
    },
    /** Keeps a rendered answer under `stamp` and gives back an equal answer to send. */
    async keep(key: string, stamp: VersionStamp, response: Response): Promise<Response> {
      const body = new Uint8Array(await response.arrayBuffer())
      const page: KeptPage = {
        stamp,
        status: response.status,
        headers: [...response.headers.entries()],
        body,
      }
      pages.set(key, page)
      return new Response(body, { status: page.status, headers: page.headers })
    },
    /**
     * Drops every page kept for this session: something only it changed (it read a conversation,
     * and its start page shows the unread count) and the portal version does not move for that.
     */
    forgetSession(token: string): void {
      const prefix = `${sessionKey(token)}\n`
      for (const key of [...pages.keys()]) if (key.startsWith(prefix)) pages.delete(key)
    },
    size: () => pages.size,
  }
}

export type PageCacheDeps = {
  cache: PageCache
  /** The session's token from the request's cookie, or `null` (signed out, expired, tampered). */
  readToken: () => Promise<string | null>
  /** A version read that starts after this call (lib/cms/portal-cache.ts), or `null`. */
  readStamp: (token: string) => Promise<VersionStamp | null>
}

/**
 * Serves a kept page or renders it (`render`: the rest of the middleware chain and the page) and
 * keeps it when the page said it may be kept (`keep()`: a complete, personal page, status 200,
 * no cookie set). Anything else — another path, a POST, no session, no version — just renders.
 */
export async function withPageCache(
  request: Request,
  deps: PageCacheDeps,
  render: () => Promise<Response>,
  mayKeep: () => boolean,
): Promise<Response> {
  const path = new URL(request.url).pathname
  if (request.method !== 'GET' || !KEPT_PAGE_PATHS.has(path)) return render()
  const token = await deps.readToken()
  if (!token) return render()
  const stamp = await deps.readStamp(token)
  if (!stamp) return render()
  const key = deps.cache.keyFor(token, request)
  const kept = deps.cache.get(key, stamp)
  if (kept) return kept
  const response = await render()
  if (response.status !== 200 || response.headers.has('Set-Cookie') || !mayKeep()) return response
  return deps.cache.keep(key, stamp, response)
}
