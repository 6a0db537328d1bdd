import type { PayloadRequest } from 'payload'
import type { z } from 'zod'

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
    raw = undefined
  }
  const parsed = schema.safeParse(raw)
  if (parsed.success) return { ok: true, data: parsed.data }
  return {
    ok: false,
    response: Response.json(
      {
        ok: false,
        code: 'invalid-input',
        message: parsed.error.issues[0]?.message ?? 'Ongeldige invoer.',
      },
      { status: 400 },
    ),
  }
}

export const jsonError = (status: number, code: string, message: string, headers?: HeadersInit) =>
  Response.json({ ok: false, code, message }, { status, headers })
