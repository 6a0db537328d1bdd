import { defineMiddleware } from 'astro:middleware'

import { crossSiteForbiddenResponse, isForbiddenCrossSiteRequest } from './origin-check'

/**
 * The portal's CSRF origin check, installed by astro.config as the first middleware (before
 * src/middleware.ts, where Astro's own `checkOrigin` ran). Astro's rule everywhere, except the
 * one-click unsubscribe POST; see origin-check.ts for why that is safe.
 */
export const onRequest = defineMiddleware((context, next) => {
  if (isForbiddenCrossSiteRequest(context.request, context.url, context.isPrerendered)) {
    return crossSiteForbiddenResponse(context.request)
  }
  return next()
})
