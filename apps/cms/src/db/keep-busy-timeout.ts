import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

export const SQLITE_BUSY_TIMEOUT_MS = 5000

/**
 * libSQL hands the current connection to each transaction and lazily opens a fresh one for the
 * next statement — without the adapter's `PRAGMA busy_timeout`. Two writers (say, two email jobs)
 * then fail at once with SQLITE_BUSY instead of waiting. This re-applies the timeout to every
 * connection the client opens after a transaction starts.
 */
export function keepBusyTimeout(payload: Payload): void {
  const client = (payload.db as unknown as SQLiteAdapter).client as SQLiteAdapter['client'] & {
    __busyTimeoutKept?: boolean
  }
  if (!client || client.__busyTimeoutKept) return
  const transaction = client.transaction.bind(client)
  client.transaction = (async (...args: Parameters<typeof transaction>) => {
    const tx = await transaction(...args)
    await client.execute(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};`)
    return tx
  }) as typeof client.transaction
  client.__busyTimeoutKept = true
}
