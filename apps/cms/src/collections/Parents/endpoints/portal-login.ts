import type { PortalLoginResponse } from '@schoolpost/contracts'
import type { Endpoint } from 'payload'
import { APIError } from 'payload'
import { z } from 'zod'

import { jsonError } from '../../../lib/json-body'
import { tooManyRequests } from '../../../lib/rate-limit'
import { throttledLogin } from '../../shared/throttled-login'

const credentials = z.object({
  email: z.email({ message: 'Vul een geldig e-mailadres in.' }).max(254),
  password: z.string().min(1, { message: 'Vul je wachtwoord in.' }).max(1024),
})

const fail = (status: number, body: Extract<PortalLoginResponse, { ok: false }>) =>
  Response.json(body, { status })

/**
 * The portal's login: Payload's login (sessions) behind throttling per account and address
 * (throttled-login.ts; too many failures → 429 with Retry-After), with a machine-readable reason
 * so the portal can show the right message without parsing translated text. The portal passes
 * the parent's address in X-Forwarded-For (see @schoolpost/http/client-address).
 */
export const portalLogin: Endpoint = {
  path: '/portal-login',
  method: 'post',
  handler: async (req) => {
    let raw: unknown
    try {
      raw = await req.json?.()
    } catch {
      raw = undefined
    }
    const parsed = credentials.safeParse(raw)
    if (!parsed.success) {
      return fail(400, {
        ok: false,
        code: 'invalid-input',
        message: parsed.error.issues[0]?.message ?? 'Ongeldige invoer.',
      })
    }
    try {
      const result = await throttledLogin({
        req,
        collection: 'parents',
        email: parsed.data.email.toLowerCase(),
        password: parsed.data.password,
      })
      if (result.kind === 'limited') return tooManyRequests(result.retryAfterSeconds)
      if (result.kind === 'invalid') {
        return fail(401, {
          ok: false,
          code: 'invalid-credentials',
          message: 'Het e-mailadres of wachtwoord klopt niet.',
        })
      }
      const { user } = result
      return Response.json(
        {
          ok: true,
          token: result.token,
          exp: result.exp,
          user: { id: user.id, name: user.name, email: user.email },
          houseRulesVersion: user.houseRules?.version ?? null,
        } satisfies PortalLoginResponse,
        { headers: { 'Cache-Control': 'no-store' } },
      )
    } catch (error) {
      if (error instanceof APIError && error.data?.code === 'deactivated') {
        return fail(403, {
          ok: false,
          code: 'deactivated',
          message: 'Dit account is gedeactiveerd.',
        })
      }
      throw error
    }
  },
}

/**
 * Payload's own POST /api/parents/login is refused: parents log in through the portal
 * (portal-login above), so there is one throttled door and no Payload cookie for parents.
 */
export const refuseParentLogin: Endpoint = {
  path: '/login',
  method: 'post',
  handler: () =>
    jsonError(403, 'use-portal', 'Ouders loggen in via het ouderportaal, niet via deze link.'),
}
