import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

export const SQLITE_BUSY_TIMEOUT_MS = 5000

/**
 * libSQL hands the current connection to each transaction and lazily opens a fresh one for the
 * next statement — without the adapter's `PRAGMA busy_timeout`. Two writers (an import, an upload,
 * the outbox) then fail at once with SQLITE_BUSY ("cannot begin transaction") instead of waiting.
 * So the timeout is set on the very connection that will run `BEGIN IMMEDIATE`, in the same
 * synchronous step (no `await` in between, so no other transaction can take that connection
 * first), and again on the fresh connection that follows for plain statements.
 */
export function keepBusyTimeout(payload: Payload): void {
  const client = (payload.db as unknown as SQLiteAdapter).client as SQLiteAdapter['client'] & {
    __busyTimeoutKept?: boolean
  }
  if (!client || client.__busyTimeoutKept) return
  const pragma = `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};`
  const transaction = client.transaction.bind(client)
  client.transaction = (async (...args: Parameters<typeof transaction>) => {
    // Both calls run their synchronous bodies right here, in this order, on the same connection.
    const applied = client.execute(pragma)
    const started = transaction(...args)
    await applied
    const tx = await started
    await client.execute(pragma)
    return tx
  }) as typeof client.transaction
  client.__busyTimeoutKept = true
}
