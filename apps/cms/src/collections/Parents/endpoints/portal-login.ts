import type { Endpoint } from 'payload'
import { APIError, AuthenticationError, LockedAuth } from 'payload'
import { z } from 'zod'

import type { Parent } from '../../../payload-types'

const credentials = z.object({
  email: z.email({ message: 'Vul een geldig e-mailadres in.' }).max(254),
  password: z.string().min(1, { message: 'Vul je wachtwoord in.' }).max(1024),
})

export type PortalLoginResponse =
  | { ok: true; token: string; exp: number; user: Pick<Parent, 'id' | 'name' | 'email'> }
  | {
      ok: false
      code: 'invalid-input' | 'invalid-credentials' | 'locked' | 'deactivated'
      message: string
    }

const fail = (status: number, body: Extract<PortalLoginResponse, { ok: false }>) =>
  Response.json(body, { status })

/**
 * The portal's login: Payload's own login (lockout, sessions) with a machine-readable reason, so
 * the portal can tell "wrong password" from "locked" without parsing translated messages.
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
      const result = await req.payload.login({
        collection: 'parents',
        data: { email: parsed.data.email.toLowerCase(), password: parsed.data.password },
        req,
      })
      if (!result.token || !result.user) throw new AuthenticationError()
      const user = result.user as Parent
      return Response.json(
        {
          ok: true,
          token: result.token,
          exp: result.exp ?? 0,
          user: { id: user.id, name: user.name, email: user.email },
        } satisfies PortalLoginResponse,
        { headers: { 'Cache-Control': 'no-store' } },
      )
    } catch (error) {
      if (error instanceof LockedAuth) {
        return fail(423, {
          ok: false,
          code: 'locked',
          message: 'Dit account is tijdelijk geblokkeerd na te veel mislukte pogingen.',
        })
      }
      if (error instanceof APIError && error.data?.code === 'deactivated') {
        return fail(403, {
          ok: false,
          code: 'deactivated',
          message: 'Dit account is gedeactiveerd.',
        })
      }
      if (
        error instanceof AuthenticationError ||
        (error instanceof APIError && error.status === 401)
      ) {
        return fail(401, {
          ok: false,
          code: 'invalid-credentials',
          message: 'Het e-mailadres of wachtwoord klopt niet.',
        })
      }
      throw error
    }
  },
}
