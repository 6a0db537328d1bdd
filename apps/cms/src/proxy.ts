import { NextResponse, type NextRequest } from 'next/server'

import { env } from './lib/env'
import { createNonce, pageSecurityHeaders, sendsHsts } from './lib/security-headers'

const hsts = sendsHsts({ isProduction: env.isProduction, publicUrl: env.cmsUrl })

/**
 * The admin's Content-Security-Policy with a fresh nonce, and HSTS, on every response outside
 * /api. Next reads the nonce from the request's CSP header and puts it on its scripts.
 */
export function proxy(request: NextRequest) {
  const headers = pageSecurityHeaders({
    nonce: createNonce(),
    hsts,
    dev: process.env.NODE_ENV === 'development',
  })
  const requestHeaders = new Headers(request.headers)
  requestHeaders.set('Content-Security-Policy', headers.get('Content-Security-Policy')!)
  const response = NextResponse.next({ request: { headers: requestHeaders } })
  headers.forEach((value, name) => response.headers.set(name, value))
  return response
}

export const config = {
  // Not /api: a proxy makes Next buffer the request body before the route runs, and the REST
  // handler must see upload bodies unread (body-guard.ts); it sets the API's headers itself.
  matcher: ['/((?!api(?:/|$)).*)'],
}
