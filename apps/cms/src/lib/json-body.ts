import type { PayloadRequest } from 'payload'
import { config, locales, type z } from 'zod'

import { INVALID_JSON } from '../hooks/bad-input-error'

// zod's own messages ("Invalid input: expected string…") in Dutch for every schema of the CMS,
// also those of endpoints that parse for themselves; a schema's own message still wins.
config(locales.nl())

export type ParsedBody<T> = { ok: true; data: T } | { ok: false; response: Response }

/** Reads and validates a JSON body; anything malformed becomes a Dutch 400, never a 500. */
export async function parseJsonBody<T>(
  req: PayloadRequest,
  schema: z.ZodType<T>,
): Promise<ParsedBody<T>> {
  let raw: unknown
  try {
    raw = await req.json?.()
  } catch {
    return { ok: false, response: jsonError(400, 'invalid-input', INVALID_JSON) }
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, data: parsed.data }
  return {
    ok: false,
    response: jsonError(
      400,
      'invalid-input',
      parsed.error.issues[0]?.message ?? 'Ongeldige invoer.',
    ),
  }
}

export const jsonError = (status: number, code: string, message: string, headers?: HeadersInit) =>
  Response.json({ ok: false, code, message }, { status, headers })
