import type { Endpoint } from 'payload'
import { z } from 'zod'

import { staffUser } from '../../../access/lib/users'
import { jsonError, parseJsonBody } from '../../../lib/json-body'

const body = z.object(
  {
    ids: z
      .array(z.string().min(1).max(64), { message: 'Geef de meldingen op.' })
      .min(1, { message: 'Kies minstens één melding.' })
      .max(500, { message: 'Hooguit 500 meldingen tegelijk.' }),
  },
  { message: 'Geef de meldingen op.' },
)

/**
 * "Gezien" for one report or all of a day at once, from the "Vandaag" view. The update runs with
 * the caller's own access (a teacher reaches only their groups' reports) and through the same
 * status hook as any other change; reports already seen or withdrawn are left as they are.
 */
export const acknowledgeAbsences: Endpoint = {
  path: '/acknowledge',
  method: 'post',
  handler: async (req) => {
    if (!staffUser(req)) {
      return jsonError(403, 'forbidden', 'Alleen medewerkers van de school zien meldingen af.')
    }
    const parsed = await parseJsonBody(req, body)
    if (!parsed.ok) return parsed.response
    const result = await req.payload.update({
      collection: 'absences',
      where: { and: [{ id: { in: parsed.data.ids } }, { status: { equals: 'reported' } }] },
      data: { status: 'acknowledged' },
      overrideAccess: false,
      depth: 0,
      req,
    })
    return Response.json({
      ok: result.errors.length === 0,
      acknowledged: result.docs.map((doc) => doc.id),
      failed: result.errors.length,
    })
  },
}
