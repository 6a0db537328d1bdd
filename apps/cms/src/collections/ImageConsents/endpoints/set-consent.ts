import { resolvePupilConsent } from '@schoolpost/policies'
import type { Endpoint } from 'payload'
import { z } from 'zod'

import { parentChildIds } from '../../../access/lib/scope'
import { parentUser } from '../../../access/lib/users'
import { jsonError, parseJsonBody } from '../../../lib/json-body'

const body = z.object({
  pupil: z.string({ message: 'Kies een kind.' }).min(1, 'Kies een kind.').max(64),
  allowed: z.boolean({ message: 'Kies of uw kind op foto’s mag.' }),
})

/**
 * POST /api/image-consents/set — a guardian records their choice for one of their own children
 * (S16). Upserts the one choice per guardian and pupil; the change is logged by a hook.
 */
export const setConsent: Endpoint = {
  path: '/set',
  method: 'post',
  handler: async (req) => {
    const parent = parentUser(req)
    if (!parent) return jsonError(403, 'forbidden', 'Alleen ouders stellen privacyvoorkeuren in.')
    const parsed = await parseJsonBody(req, body)
    if (!parsed.ok) return parsed.response
    const { pupil, allowed } = parsed.data
    if (!parentChildIds(req).includes(pupil))
      return jsonError(403, 'forbidden', 'Dit is niet uw kind.')

    const existing = await req.payload.find({
      collection: 'image-consents',
      where: { and: [{ pupil: { equals: pupil } }, { guardian: { equals: parent.id } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (existing.docs[0]) {
      if (existing.docs[0].allowed !== allowed) {
        await req.payload.update({
          collection: 'image-consents',
          id: existing.docs[0].id,
          data: { allowed },
          overrideAccess: true,
          req,
        })
      }
    } else {
      await req.payload.create({
        collection: 'image-consents',
        data: { pupil, guardian: parent.id, allowed },
        overrideAccess: true,
        req,
      })
    }
    const [settings, all] = await Promise.all([
      req.payload.findGlobal({ slug: 'school-settings', depth: 0, req }),
      req.payload.find({
        collection: 'image-consents',
        where: { pupil: { equals: pupil } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
      }),
    ])
    const effective = resolvePupilConsent({
      choices: all.docs.map((c) => ({
        guardianId: typeof c.guardian === 'string' ? c.guardian : c.guardian.id,
        allowed: !!c.allowed,
      })),
      schoolDefault: settings.defaultImageConsent ?? 'allowed',
    })
    return Response.json(
      { ok: true, pupil, allowed, effective },
      { headers: { 'Cache-Control': 'no-store' } },
    )
  },
}
