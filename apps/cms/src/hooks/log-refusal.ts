import type { AfterErrorHook } from 'payload'

/**
 * One info line per refused request, without its message: a refusal speaks to the person who
 * asked ("Voor Noor is maandag al een ziekmelding gemeld") and so can hold a child's name and
 * health, which a server log — read by whoever runs the server, kept for weeks — must not. The
 * line says what was refused (status, code, collection, method, path); Payload's own line for a
 * Refusal is at debug level (`refusalLoggingLevels`), off in production.
 */
export const logRefusal: AfterErrorHook = ({ error, req, collection }) => {
  if (!(error instanceof Error) || error.name !== 'Refusal') return
  const { status, data } = error as Error & { status?: number; data?: unknown }
  const code =
    data && typeof data === 'object' && 'code' in data && typeof data.code === 'string'
      ? data.code
      : undefined
  let path: string | undefined
  try {
    path = req.url ? new URL(req.url).pathname : undefined
  } catch {
    path = undefined
  }
  req.payload.logger.info({
    msg: 'Verzoek geweigerd',
    status,
    code,
    collection: collection?.slug,
    method: req.method,
    path,
  })
}
