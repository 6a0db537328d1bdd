import type { Endpoint } from 'payload'
import { z } from 'zod'

import { hasRole } from '../../../access/lib/users'
import { jsonError } from '../../../lib/json-body'
import { readBody } from '../../shared/read-body'
import { eraseFamily } from '../erasure/erase-family'
import { findFamily } from '../erasure/find-family'

/** What the director types to confirm: an erasure cannot be undone. */
export const ERASE_CONFIRMATION = 'WISSEN'

const id = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,64}$/, { message: 'Ongeldige ouder of leerling.' })

const body = z
  .object({
    parent: id.optional(),
    pupil: id.optional(),
    dryRun: z.boolean({ message: 'Geef aan of dit een proefrun is.' }),
    confirm: z.string().max(100).optional(),
  })
  .refine((b) => !!b.parent !== !!b.pupil, {
    message: 'Kies één ouder of één leerling van het gezin.',
  })

/**
 * `POST /api/parents/erase` (directors): erases a departed family — or, with `dryRun`, lists who
 * belongs to it and what would happen to every kind of record (Parents/erasure). The real run
 * needs `confirm: "WISSEN"`. The family is found from one parent or one pupil.
 */
export const eraseEndpoint: Endpoint = {
  path: '/erase',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req, 'director'))
      return jsonError(403, 'forbidden', 'Alleen de directie kan een gezin wissen.')
    const parsed = await readBody(req, body)
    if (!parsed.ok) return parsed.response
    const { parent, pupil, dryRun, confirm } = parsed.data
    if (!dryRun && confirm?.trim() !== ERASE_CONFIRMATION)
      return jsonError(
        400,
        'not-confirmed',
        `Typ ${ERASE_CONFIRMATION} om te bevestigen. Wissen kan niet ongedaan worden gemaakt.`,
      )
    const family = await findFamily(req, {
      ...(parent ? { parent } : {}),
      ...(pupil ? { pupil } : {}),
    })
    const report = await eraseFamily(req, family, { dryRun })
    return Response.json(report, { headers: { 'Cache-Control': 'no-store' } })
  },
}
