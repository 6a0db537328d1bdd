import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

export const SQLITE_BUSY_TIMEOUT_MS = 5000
/** How long a write waits for the other writers of this process before it gives up. */
export const WRITE_LOCK_TIMEOUT_MS = 30_000

type LibsqlClient = SQLiteAdapter['client']
type Transaction = Awaited<ReturnType<LibsqlClient['transaction']>>
type TransactionMode = 'write' | 'read' | 'deferred'

/**
 * SQLite has one writer, and libSQL's local client runs every statement synchronously on the main
 * thread. When a second transaction of the same process runs `BEGIN IMMEDIATE` while the first is
 * still open (an upload waiting for sharp, an outbox batch), SQLite's busy timeout sleeps *on the
 * event loop*: the first transaction can never get to its COMMIT, so the wait always ends after
 * the full timeout with SQLITE_BUSY — a frozen server for 5 s and a failed request.
 *
 * So the writers of one process queue on an asynchronous lock instead: a transaction holds it
 * from BEGIN until COMMIT/ROLLBACK, a write outside a transaction for its one statement. Reads
 * never wait (WAL). The busy timeout stays for what it is good at — another process (a shell
 * `payload jobs:run`, a migration) holding the lock — and is set on the very connection that
 * runs each BEGIN: libSQL opens a fresh connection after every transaction without it.
 *
 * The lock is per database file and per process, because Next initialises Payload (and so a
 * libSQL client) more than once in one server.
 */
export function serializeWrites(payload: Payload): void {
  const adapter = payload.db as unknown as SQLiteAdapter
  const client = adapter.client as LibsqlClient & { __writesSerialized?: boolean }
  if (!client || client.__writesSerialized) return
  const lock = writeLockFor(String(adapter.clientConfig?.url ?? ''))
  const pragma = `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS};`

  const execute = client.execute.bind(client) as (stmt: unknown, args?: unknown) => Promise<unknown>
  const batch = client.batch.bind(client)
  const migrate = client.migrate.bind(client)
  const executeMultiple = client.executeMultiple.bind(client)
  const transaction = client.transaction.bind(client)

  /** The pragma and the statement run their synchronous bodies back to back: one connection. */
  const onTimedConnection = async <T>(run: () => Promise<T>): Promise<T> => {
    const applied = execute(pragma)
    const result = run()
    // Both settle before anything is reported: no rejection is left unhandled.
    const [, outcome] = await Promise.all([applied, result])
    return outcome
  }

  client.execute = (async (stmt: unknown, args?: unknown) => {
    if (isRead(stmt)) return execute(stmt, args)
    return lock.run(describe(stmt), () => onTimedConnection(() => execute(stmt, args)))
  }) as LibsqlClient['execute']
  client.batch = (async (...a: Parameters<LibsqlClient['batch']>) =>
    lock.run('batch', () => onTimedConnection(() => batch(...a)))) as LibsqlClient['batch']
  client.migrate = (async (...a: Parameters<LibsqlClient['migrate']>) =>
    lock.run('migrate', () => onTimedConnection(() => migrate(...a)))) as LibsqlClient['migrate']
  client.executeMultiple = (async (sql: string) =>
    lock.run('executeMultiple', () =>
      onTimedConnection(() => executeMultiple(sql)),
    )) as LibsqlClient['executeMultiple']

  client.transaction = (async (mode?: TransactionMode) => {
    if (mode === 'read') return transaction(mode)
    const release = await lock.acquire('transaction')
    try {
      const tx = await onTimedConnection(() => transaction(mode))
      // The fresh connection libSQL opens for the next plain statement gets the timeout too.
      await execute(pragma)
      return releasingOnEnd(tx, release)
    } catch (err) {
      release()
      throw err
    }
  }) as LibsqlClient['transaction']

  client.__writesSerialized = true
}

/** The lock is released when the transaction ends, whichever way. */
function releasingOnEnd(tx: Transaction, release: () => void): Transaction {
  const commit = tx.commit.bind(tx)
  const rollback = tx.rollback.bind(tx)
  const close = tx.close.bind(tx)
  tx.commit = async () => {
    try {
      await commit()
    } catch (err) {
      // A failed COMMIT leaves the transaction open: the rollback that follows releases.
      if (tx.closed) release()
      throw err
    }
    release()
  }
  tx.rollback = async () => {
    try {
      await rollback()
    } finally {
      release()
    }
  }
  tx.close = () => {
    try {
      close()
    } finally {
      release()
    }
  }
  return tx
}

const READ = /^\s*(select|pragma|explain)\b/i

function isRead(stmt: unknown): boolean {
  const sql = typeof stmt === 'string' ? stmt : (stmt as { sql?: string } | null)?.sql
  return typeof sql === 'string' && READ.test(sql)
}

function describe(stmt: unknown): string {
  const sql = typeof stmt === 'string' ? stmt : ((stmt as { sql?: string } | null)?.sql ?? '')
  return sql.trim().split(/\s+/).slice(0, 3).join(' ')
}

export type WriteLock = {
  acquire(what: string): Promise<() => void>
  run<T>(what: string, work: () => Promise<T>): Promise<T>
}

/** A first-come first-served asynchronous lock with a deadline for each waiter. */
export function createWriteLock(timeoutMs = WRITE_LOCK_TIMEOUT_MS): WriteLock {
  /** Who has the lock and since when: named in a waiter's timeout, to find what held it. */
  let holder: { what: string; since: number } | null = null
  const waiters: Array<() => void> = []

  const releaser = (what: string) => {
    holder = { what, since: Date.now() }
    let released = false
    return () => {
      if (released) return
      released = true
      holder = null
      const next = waiters.shift()
      if (next) next()
    }
  }

  const acquire = (what: string): Promise<() => void> => {
    if (!holder && waiters.length === 0) return Promise.resolve(releaser(what))
    return new Promise((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer)
        resolve(releaser(what))
      }
      const timer = setTimeout(() => {
        const index = waiters.indexOf(grant)
        if (index >= 0) waiters.splice(index, 1)
        const held = holder
          ? `${holder.what}, held for ${Date.now() - holder.since} ms`
          : 'nobody at this moment'
        reject(
          Object.assign(
            new Error(
              `SQLITE_BUSY: ${what} waited ${timeoutMs} ms for another write of this process (${held}; ${waiters.length} more waiting)`,
            ),
            { code: 'SQLITE_BUSY' },
          ),
        )
      }, timeoutMs)
      waiters.push(grant)
    })
  }

  return {
    acquire,
    async run(what, work) {
      const release = await acquire(what)
      try {
        return await work()
      } finally {
        release()
      }
    },
  }
}

const LOCKS = Symbol.for('schoolpost.sqliteWriteLocks')

function writeLockFor(url: string): WriteLock {
  const registry = globalThis as typeof globalThis & { [LOCKS]?: Map<string, WriteLock> }
  const locks = (registry[LOCKS] ??= new Map())
  let lock = locks.get(url)
  if (!lock) {
    lock = createWriteLock()
    locks.set(url, lock)
  }
  return lock
}
