import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import { migrations } from '../migrations'
import { applyFerretDBCompat, isFerretDB } from './mongodb-compat'
import { SQLITE_BUSY_TIMEOUT_MS } from './serialize-writes'

/**
 * One MongoDB configuration for a real replica set (Atlas, self-hosted) and for MongoDB-wire
 * servers without `$lookup` (FerretDB v1, which CI runs): joins and sorts on relationship
 * sub-fields are resolved by Payload in separate queries instead of aggregation pipelines (the
 * app uses neither join fields nor relationship sorts, so nothing is slower). Transactions stay
 * asked for: Payload uses them on a replica set and switches them off itself when the URL names
 * no `replicaSet` (FerretDB, a single mongod) — correctness never depends on them (conditional
 * updates and unique indexes, see docs/production.md).
 */
export const MONGODB_OPTIONS = {
  transactionOptions: {},
  useJoinAggregations: false,
  usePipelineInSortLookup: false,
} as const

export type DatabaseKind = 'sqlite' | 'mongodb'

export function databaseKindFor(url: string): DatabaseKind {
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')) return 'mongodb'
  if (url.startsWith('file:')) return 'sqlite'
  throw new Error(`Onbekend DATABASE_URL-schema: ${url.split(':')[0]}`)
}

/**
 * One DATABASE_URL decides the adapter. SQLite is the embedded default: UUID ids like MongoDB,
 * real transactions, WAL so readers never block the writer, and a busy timeout for a writer in
 * another process (writers of this process queue in `serializeWrites`). Schema changes only
 * through committed migrations (`push: false`), which run on start; MongoDB (a replica set, for
 * transactions) needs no schema migrations.
 */
export function selectDatabaseAdapter(url: string): DatabaseAdapterObj {
  if (databaseKindFor(url) === 'mongodb') {
    return mongooseAdapter({
      url,
      ...MONGODB_OPTIONS,
      afterOpenConnection: async (adapter) => {
        if (await isFerretDB(adapter)) applyFerretDBCompat(adapter)
      },
    })
  }
  return sqliteAdapter({
    client: { url },
    idType: 'uuid',
    push: false,
    wal: true,
    busyTimeout: SQLITE_BUSY_TIMEOUT_MS,
    transactionOptions: {},
    prodMigrations: migrations,
  })
}
