import type { Endpoint } from 'payload'
import { commitTransaction, initTransaction, killTransaction } from 'payload'
import { z } from 'zod'

import { hasRole } from '../access/lib/users'
import { jsonError, parseJsonBody } from '../lib/json-body'
import { applyPupilImport, loadImportSnapshot } from './apply-pupil-import'
import { parsePupilCsv } from './parse-pupil-csv'
import { planPupilImport } from './plan-pupil-import'

const body = z.object({
  csv: z
    .string({ message: 'Kies een CSV-bestand.' })
    .min(1, 'Kies een CSV-bestand.')
    .max(2_000_000, 'Het bestand is groter dan 2 MB.'),
  mode: z.enum(['preview', 'apply'], { message: 'Onbekende actie.' }),
  sendInvitations: z.boolean().default(false),
})

/**
 * POST /api/import-pupils — preview (dry run) or apply a pupils CSV. Directors and office only.
 * Applying refuses a file that still has errors, and runs in one transaction.
 */
export const importPupilsEndpoint: Endpoint = {
  path: '/import-pupils',
  method: 'post',
  handler: async (req) => {
    if (!hasRole(req, 'director', 'office')) {
      return jsonError(
        403,
        'forbidden',
        'Alleen de directie en de administratie mogen leerlingen importeren.',
      )
    }
    const parsedBody = await parseJsonBody(req, body)
    if (!parsedBody.ok) return parsedBody.response
    const { csv, mode, sendInvitations } = parsedBody.data
    const parsed = parsePupilCsv({ text: csv })
    if (!parsed.ok) return jsonError(422, 'invalid-file', parsed.message)

    const shouldCommit = await initTransaction(req)
    try {
      const snapshot = await loadImportSnapshot(req)
      const plan = planPupilImport({ rows: parsed.rows, errors: parsed.errors, snapshot })
      if (mode === 'preview') {
        await killTransaction(req)
        return Response.json({ ok: true, mode, plan })
      }
      if (plan.counts.error > 0) {
        await killTransaction(req)
        return Response.json(
          {
            ok: false,
            code: 'has-errors',
            message: 'Los eerst de fouten in het bestand op; er is niets geïmporteerd.',
            plan,
          },
          { status: 422 },
        )
      }
      const { invited } = await applyPupilImport({
        req,
        rows: parsed.rows,
        snapshot,
        sendInvitations,
      })
      if (shouldCommit) await commitTransaction(req)
      return Response.json({ ok: true, mode, plan, invited })
    } catch (error) {
      await killTransaction(req)
      throw error
    }
  },
}
