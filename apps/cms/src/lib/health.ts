import type { Payload } from 'payload'

export type Health = {
  status: 'ok' | 'unavailable'
  database: 'ok' | 'unreachable'
  /** How long the database check took, in milliseconds. */
  ms: number
}

/** A database that does not answer within this time counts as down (a monitor must not hang). */
export const HEALTH_TIMEOUT_MS = 2000

/**
 * What `GET /healthz` answers a load balancer or monitor: one small indexed read through the
 * configured adapter (SQLite or MongoDB), so "ok" means this process can read its database now.
 * Nothing about the school, its data or the configuration is revealed.
 */
export async function checkHealth(
  payload: () => Promise<Payload>,
  { timeoutMs = HEALTH_TIMEOUT_MS, now = () => performance.now() } = {},
): Promise<Health> {
  const started = now()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), timeoutMs)
  })
  try {
    await Promise.race([
      payload().then((p) => p.db.count({ collection: 'groups', where: {} })),
      timeout,
    ])
    return { status: 'ok', database: 'ok', ms: Math.round(now() - started) }
  } catch {
    return { status: 'unavailable', database: 'unreachable', ms: Math.round(now() - started) }
  } finally {
    clearTimeout(timer)
  }
}
