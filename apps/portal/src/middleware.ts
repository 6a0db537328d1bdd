import { defineMiddleware } from 'astro:middleware'

import { versionStampFor } from './features/auth/house-rules-gate'
import { readSessionCookie } from './features/auth/session'
import { EnvError, getPortalEnv } from './lib/env'
import { compressResponse } from './lib/http/compression'
import { createPageCache, withPageCache } from './lib/http/page-cache'
import { getPortalContext } from './lib/portal-context'
import { sendsHsts, withSecurityHeaders } from './lib/http/security-headers'

let reportedEnvError = false
const pageCache = createPageCache()

/**
 * Security headers on every response, compressed pages (lib/http/compression.ts), the start page
 * kept as sent while the CMS's portal version holds (lib/http/page-cache.ts), and a clear 503 when
 * the portal is misconfigured.
 * Authentication is NOT decided here: every page, action and endpoint checks it itself.
 */
export const onRequest = defineMiddleware(async (context, next) => {
  const dev = import.meta.env.DEV
  let hsts = false
  try {
    // PORTAL_URL is otherwise read only by astro.config.mjs, at build time; here at request time.
    hsts = sendsHsts({
      isProduction: getPortalEnv().isProduction,
      publicUrl: process.env.PORTAL_URL,
    })
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    if (!reportedEnvError) {
      console.error(`[portal] ${error.message}`)
      reportedEnvError = true
    }
    const page = new Response(
      '<!doctype html><html lang="nl"><meta charset="utf-8"><title>Schoolpost</title>' +
        '<h1>Schoolpost is nu even niet bereikbaar</h1>' +
        '<p>Het ouderportaal is niet goed ingesteld. Probeer het later opnieuw.</p></html>',
      { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': '60' } },
    )
    return withSecurityHeaders(page, { dev, hsts })
  }
  let portal: ReturnType<typeof getPortalContext> | undefined
  const portalContext = () => (portal ??= getPortalContext())
  return withPageCache(
    context.request,
    {
      cache: pageCache,
      readToken: async () =>
        (await readSessionCookie(context.cookies, portalContext().session))?.token ?? null,
      readStamp: (token) => versionStampFor(context.request, token, portalContext().cache),
    },
    async () => {
      const response = await next()
      // The page read a conversation: this session's kept start page has a stale unread badge.
      if (context.locals.forgetKeptPages) {
        const session = await readSessionCookie(context.cookies, portalContext().session)
        if (session) pageCache.forgetSession(session.token)
      }
      return compressResponse(context.request, withSecurityHeaders(response, { dev, hsts }))
    },
    () => context.locals.keepPage === true,
  )
})
