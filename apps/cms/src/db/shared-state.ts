import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import { sql, type SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

/**
 * State that every CMS process must share when a school board runs several behind a proxy
 * (issue #12): rate-limit counts, named leases (one jobs runner at a time) and spent single-use
 * tokens. It lives in the database the CMS already has — three small tables on SQLite (migration
 * 20261206_160000_shared_runtime_state), three collections on MongoDB.
 *
 * Everything here is built on ONE primitive: inserting a row whose id must be unique. Counting
 * with `$inc` or a conditional update is atomic on MongoDB, but not on every MongoDB-wire server:
 * FerretDB v1 (which CI runs) reads and writes back, so 30 concurrent `$inc`s ended at 7 when
 * measured. A unique key is enforced by every engine, so "only one of these inserts wins" holds on
 * SQLite, FerretDB and a replica set alike, with or without transactions:
 * - a count of N per period is N slot rows `key:period:0…N-1`; a count that finds every slot
 *   taken is refused;
 * - a lease is a row per time slice `name:slice`; its holder claims the next slice before it runs
 *   a round, so a round never outlives its claim, and a crashed holder is replaced two slices on;
 * - a token is spent by inserting its row; a second spend meets the row.
 * Rows are never updated, only inserted and deleted, and carry an `expire` for clearing.
 */

type Table = 'rate_limit_hits' | 'leases' | 'spent_tokens'
type Row = {
  id: string
  expire: number
  key?: string
  period?: number
  name?: string
  holder?: string
}
type Scope = { req?: Partial<Pick<PayloadRequest, 'transactionID'>> }

type Store = {
  /** False when a row with this id exists already. */
  insert(table: Table, row: Row, scope?: Scope): Promise<boolean>
  get(table: Table, id: string, scope?: Scope): Promise<Row | null>
  /** The rate-limit slots of `key` in `period`. */
  slots(key: string, period: number, scope?: Scope): Promise<string[]>
  deleteIds(table: Table, ids: string[], scope?: Scope): Promise<void>
  deleteExpired(table: Table, before: number): Promise<void>
}

const stores = new WeakMap<Payload, Store>()

function storeOf(payload: Payload): Store {
  let store = stores.get(payload)
  if (!store) {
    store = payload.db.name === 'mongoose' ? mongoStore(payload) : sqliteStore(payload)
    stores.set(payload, store)
  }
  return store
}

// ---------------------------------------------------------------------------------------------
// Rate limits

export type LimitSpec = { points: number; durationSeconds: number }
export type LimitArgs = { key: string; spec: LimitSpec; now?: number; scope?: Scope }
export type LimitOutcome =
  { ok: true; consumed: number } | { ok: false; consumed: number; msBeforeNext: number }

/**
 * Counts one event for `key` (already opaque: the caller hashes it) in the current period of
 * `durationSeconds` (periods are aligned to the clock, so every process agrees which one is
 * current). Refused once `points` events are counted in it.
 */
export async function consumeShared(
  payload: Payload,
  { key, spec, now = Date.now(), scope }: LimitArgs,
): Promise<LimitOutcome> {
  const store = storeOf(payload)
  const length = spec.durationSeconds * 1000
  const period = Math.floor(now / length)
  const expire = (period + 1) * length
  const taken = new Set(await store.slots(key, period, scope))
  // Free slots, the likely-free ones first; a lost race moves on to the next. Walked without a
  // list of all slots: a limit of a million points costs what a limit of ten does.
  const first = taken.size
  for (let step = 0; step < spec.points && taken.size < spec.points; step++) {
    const slot = (first + step) % spec.points
    if (taken.has(`${key}:${period}:${slot}`)) continue
    const row = { id: `${key}:${period}:${slot}`, key, period, expire }
    if (await store.insert('rate_limit_hits', row, scope))
      return { ok: true, consumed: taken.size + 1 }
    taken.add(row.id)
  }
  return { ok: false, consumed: spec.points, msBeforeNext: Math.max(expire - now, 1) }
}

const periodOf = (spec: LimitSpec, now: number) => Math.floor(now / (spec.durationSeconds * 1000))

/** Gives one event of the current period back (a login that turned out to be right). */
export async function refundShared(
  payload: Payload,
  { key, spec, now = Date.now(), scope }: LimitArgs,
): Promise<void> {
  const store = storeOf(payload)
  const period = periodOf(spec, now)
  const [last] = (await store.slots(key, period, scope)).sort().reverse()
  if (last) await store.deleteIds('rate_limit_hits', [last], scope)
}

/** Forgets the count of `key` in the current period. */
export async function forgetShared(
  payload: Payload,
  { key, spec, now = Date.now(), scope }: LimitArgs,
): Promise<void> {
  const store = storeOf(payload)
  const period = periodOf(spec, now)
  await store.deleteIds('rate_limit_hits', await store.slots(key, period, scope), scope)
}

// ---------------------------------------------------------------------------------------------
// Leases

export type LeaseArgs = { name: string; holder: string; sliceMs: number; now?: number }

/**
 * True when `holder` has the lease `name` for the current time slice and the next one — long
 * enough for one round of work that takes less than `sliceMs`. Takes free slices; never takes a
 * slice someone else claimed. The next slice is only claimed by the holder of the current one, so
 * a holder keeps the lease as long as it keeps asking, and once it stops (or dies) the others
 * take the first slice nobody claimed.
 */
export async function acquireLease(
  payload: Payload,
  { name, holder, sliceMs, now = Date.now() }: LeaseArgs,
): Promise<boolean> {
  const store = storeOf(payload)
  const slice = Math.floor(now / sliceMs)
  for (const s of [slice, slice + 1]) {
    const row = { id: `${name}:${s}`, name, holder, expire: (s + 1) * sliceMs }
    if (await store.insert('leases', row)) continue
    const existing = await store.get('leases', row.id)
    if (existing?.holder !== holder) return false
  }
  return true
}

/** Gives the lease back (a stopping process): the others can take the current slice at once. */
export async function releaseLease(
  payload: Payload,
  { name, holder, sliceMs, now = Date.now() }: LeaseArgs,
): Promise<void> {
  const store = storeOf(payload)
  const slice = Math.floor(now / sliceMs)
  const mine: string[] = []
  for (const s of [slice - 1, slice, slice + 1, slice + 2]) {
    const row = await store.get('leases', `${name}:${s}`)
    if (row?.holder === holder) mine.push(row.id)
  }
  await store.deleteIds('leases', mine)
}

// ---------------------------------------------------------------------------------------------
// Single-use tokens

/** How long a spent token is remembered: longer than any link lives (invitations, resets). */
export const SPENT_TOKEN_KEEP_MS = 90 * 24 * 3_600_000

/**
 * Spends `id` (e.g. `invitation:<id>`): true the first time, false ever after. Kept until
 * `expire` (ms), after which the token itself must no longer be accepted anyway. On SQLite it is
 * part of the request's transaction: a request that fails after spending leaves it unspent.
 */
export async function spendOnce(
  payload: Payload,
  { id, expire, scope }: { id: string; expire: number; scope?: Scope },
): Promise<boolean> {
  return storeOf(payload).insert('spent_tokens', { id, expire }, scope)
}

// ---------------------------------------------------------------------------------------------
// Housekeeping

/** Clears rows whose time has passed (an hour of grace): the tables stay small. */
export async function clearExpiredSharedState(payload: Payload, now = Date.now()): Promise<void> {
  const store = storeOf(payload)
  const before = now - 60 * 60 * 1000
  for (const table of ['rate_limit_hits', 'leases', 'spent_tokens'] as const) {
    await store.deleteExpired(table, before)
  }
}

/** MongoDB: the lookup index of the rate-limit slots (ids are unique by themselves). */
export async function ensureSharedStateIndexes(payload: Payload): Promise<void> {
  if (payload.db.name !== 'mongoose') return
  const db = mongoDb(payload)
  await db.collection('rate_limit_hits').createIndex({ key: 1, period: 1 })
  for (const table of ['rate_limit_hits', 'leases', 'spent_tokens']) {
    await db.collection(table).createIndex({ expire: 1 })
  }
}

// ---------------------------------------------------------------------------------------------
// The two stores

function mongoDb(payload: Payload) {
  const db = (payload.db as unknown as MongooseAdapter).connection.db
  if (!db) throw new Error('MongoDB is not connected')
  return db
}

type MongoRow = Omit<Row, 'id'> & { _id: string }

function mongoStore(payload: Payload): Store {
  const collection = (table: Table) => mongoDb(payload).collection<MongoRow>(table)
  const toRow = ({ _id, ...rest }: MongoRow): Row => ({ id: _id, ...rest })
  return {
    async insert(table, { id, ...rest }) {
      try {
        await collection(table).insertOne({ _id: id, ...rest })
        return true
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false
        throw error
      }
    },
    async get(table, id) {
      const doc = await collection(table).findOne({ _id: id })
      return doc ? toRow(doc) : null
    },
    async slots(key, period) {
      const docs = await collection('rate_limit_hits')
        .find({ key, period }, { projection: { _id: 1 } })
        .toArray()
      return docs.map((d) => d._id)
    },
    async deleteIds(table, ids) {
      if (ids.length > 0) await collection(table).deleteMany({ _id: { $in: ids } })
    },
    async deleteExpired(table, before) {
      await collection(table).deleteMany({ expire: { $lte: before } })
    },
  }
}

function sqliteStore(payload: Payload): Store {
  const adapter = payload.db as unknown as SQLiteAdapter
  // Inside a request's transaction its own connection: a second writer would wait for it.
  const dbOf = async (scope?: Scope) => {
    const id = scope?.req?.transactionID ? await scope.req.transactionID : undefined
    const session = id ? (adapter.sessions as Record<string, { db?: unknown }>)[id] : undefined
    return (session?.db ?? adapter.drizzle) as SQLiteAdapter['drizzle']
  }
  return {
    async insert(table, row, scope) {
      const db = await dbOf(scope)
      const inserted = (await db.all(
        table === 'rate_limit_hits'
          ? sql`INSERT INTO rate_limit_hits (id, key, period, expire)
                VALUES (${row.id}, ${row.key}, ${row.period}, ${row.expire})
                ON CONFLICT(id) DO NOTHING RETURNING id`
          : table === 'leases'
            ? sql`INSERT INTO leases (id, name, holder, expire)
                VALUES (${row.id}, ${row.name}, ${row.holder}, ${row.expire})
                ON CONFLICT(id) DO NOTHING RETURNING id`
            : sql`INSERT INTO spent_tokens (id, expire) VALUES (${row.id}, ${row.expire})
                ON CONFLICT(id) DO NOTHING RETURNING id`,
      )) as unknown[]
      return inserted.length === 1
    },
    async get(table, id, scope) {
      const db = await dbOf(scope)
      const rows = (await db.all(
        table === 'leases'
          ? sql`SELECT id, name, holder, expire FROM leases WHERE id = ${id}`
          : table === 'rate_limit_hits'
            ? sql`SELECT id, key, period, expire FROM rate_limit_hits WHERE id = ${id}`
            : sql`SELECT id, expire FROM spent_tokens WHERE id = ${id}`,
      )) as Row[]
      return rows[0] ?? null
    },
    async slots(key, period, scope) {
      const db = await dbOf(scope)
      const rows = (await db.all(
        sql`SELECT id FROM rate_limit_hits WHERE key = ${key} AND period = ${period}`,
      )) as { id: string }[]
      return rows.map((r) => r.id)
    },
    async deleteIds(table, ids, scope) {
      if (ids.length === 0) return
      const db = await dbOf(scope)
      const list = sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )
      await db.run(sql`DELETE FROM ${sql.identifier(table)} WHERE id IN (${list})`)
    },
    async deleteExpired(table, before) {
      await adapter.drizzle.run(sql`DELETE FROM ${sql.identifier(table)} WHERE expire <= ${before}`)
    },
  }
}
