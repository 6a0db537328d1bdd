import type { PayloadRequest } from 'payload'
import { addDataAndFileToRequest } from 'payload'
import type { z } from 'zod'

import { jsonError, type ParsedBody } from '../../lib/json-body'

const invalid = (message: string) => jsonError(400, 'invalid-input', message)

/**
 * Reads a JSON body or the admin's multipart form (`_payload`, as Payload's own auth endpoints
 * accept) and validates it; anything malformed is a Dutch 400.
 */
export async function readBody<T>(
  req: PayloadRequest,
  schema: z.ZodType<T>,
): Promise<ParsedBody<T>> {
  try {
    await addDataAndFileToRequest(req)
  } catch {
    return { ok: false, response: invalid('Ongeldige invoer.') }
  }
  const parsed = schema.safeParse(req.data)
  if (parsed.success) return { ok: true, data: parsed.data }
  return { ok: false, response: invalid(parsed.error.issues[0]?.message ?? 'Ongeldige invoer.') }
}
