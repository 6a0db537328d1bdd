import config from '@payload-config'
import type { Payload } from 'payload'
import { getPayload, handleEndpoints } from 'payload'

import { clearExpiredSharedState } from '../../../src/db/shared-state'

let instance: Promise<Payload> | undefined

/** The Local API on the run's throwaway SQLite database (migrated on first use). */
export function testPayload(): Promise<Payload> {
  instance ??= getPayload({ config }).then(async (payload) => {
    // Rate-limit counts live in the database, which the run's files share (on SQLite): each file
    // starts without any, as it would on its own (a file's own limits are asserted within it).
    await clearExpiredSharedState(payload, Number.MAX_SAFE_INTEGER)
    return payload
  })
  return instance
}

/** The REST channel, in-process: the same handler Next.js mounts at /api. */
export async function rest(
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  apiPath: string,
  options: {
    token?: string
    body?: unknown
    form?: FormData
    headers?: Record<string, string>
  } = {},
): Promise<Response> {
  await testPayload()
  const headers = new Headers(options.headers)
  if (options.token) headers.set('Authorization', `JWT ${options.token}`)
  if (options.body !== undefined) headers.set('Content-Type', 'application/json')
  const request = new Request(`http://localhost:3000/api${apiPath}`, {
    method,
    headers,
    body: options.form ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  })
  return handleEndpoints({ config, request })
}
