import type { Endpoint } from 'payload'
import { AuthenticationError, headersWithCors } from 'payload'
import { generatePayloadCookie } from 'payload/shared'
import { z } from 'zod'

import { tooManyRequests } from '../../lib/rate-limit'
import { readBody } from './read-body'
import { throttledLogin } from './throttled-login'

const credentials = z.object({
  email: z
    .string({ message: 'Vul je e-mailadres in.' })
    .trim()
    .min(1, 'Vul je e-mailadres in.')
    .max(254),
  password: z
    .string({ message: 'Vul je wachtwoord in.' })
    .min(1, 'Vul je wachtwoord in.')
    .max(1024),
})

/**
 * Replaces Payload's POST /api/staff/login (the admin's login form and API clients) with the same
 * answer — `{ message, token, exp, user }` and Payload's cookie — behind the throttling of
 * throttled-login.ts. A wrong password is Payload's own AuthenticationError, as before.
 */
export const staffLogin: Endpoint = {
  path: '/login',
  method: 'post',
  handler: async (req) => {
    const parsed = await readBody(req, credentials)
    if (!parsed.ok) return parsed.response
    const depth = Number.parseInt(req.searchParams.get('depth') ?? '', 10)
    const result = await throttledLogin({
      req,
      collection: 'staff',
      email: parsed.data.email,
      password: parsed.data.password,
      ...(Number.isInteger(depth) ? { depth } : {}),
    })
    if (result.kind === 'limited') return tooManyRequests(result.retryAfterSeconds)
    if (result.kind === 'invalid') throw new AuthenticationError(req.t)
    const collection = req.payload.collections.staff.config
    const cookie = generatePayloadCookie({
      collectionAuthConfig: collection.auth,
      cookiePrefix: req.payload.config.cookiePrefix,
      token: result.token,
    })
    return Response.json(
      {
        message: req.t('authentication:passed'),
        exp: result.exp,
        token: result.token,
        user: result.user,
      },
      {
        headers: headersWithCors({
          headers: new Headers({ 'Set-Cookie': cookie, 'Cache-Control': 'no-store' }),
          req,
        }),
      },
    )
  },
}
