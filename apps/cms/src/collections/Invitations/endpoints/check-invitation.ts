import type { Endpoint } from 'payload'
import { z } from 'zod'

import { jsonError, parseJsonBody } from '../../../lib/json-body'
import { consume, requestAddress, tooManyRequests } from '../../../lib/rate-limit'
import { findInvitation, INVITATION_MESSAGES } from '../find-invitation'

const body = z.object({
  token: z.string({ message: 'De link is onvolledig.' }).min(20, 'De link is onvolledig.').max(200),
})

/** For the portal's /uitnodiging/<token> page: is this link usable, and for whom? */
export const checkInvitation: Endpoint = {
  path: '/check',
  method: 'post',
  handler: async (req) => {
    // Link tokens are unguessable; the limit keeps one address from hammering the endpoint.
    const limit = await consume(req, 'tokenIp', requestAddress(req))
    if (!limit.ok) return tooManyRequests(limit.retryAfterSeconds)
    const parsed = await parseJsonBody(req, body)
    if (!parsed.ok) return parsed.response
    const result = await findInvitation(req, parsed.data.token)
    if (!result.ok)
      return jsonError(
        result.code === 'invalid' ? 404 : 410,
        result.code,
        INVITATION_MESSAGES[result.code],
      )
    const settings = await req.payload.findGlobal({ slug: 'school-settings', depth: 0, req })
    return Response.json(
      {
        ok: true,
        parentName: result.parent.name,
        email: result.parent.email,
        schoolName: settings.schoolName,
      },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
