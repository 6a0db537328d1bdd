import type { Migration, Payload } from 'payload'

import { migrations } from '../migrations'

/**
 * Payload applies `prodMigrations` itself when NODE_ENV is production. Everywhere else (dev, tests,
 * scripts) we apply the same committed migrations here, so every database has one history.
 */
export async function runMigrationsOnInit(payload: Payload): Promise<void> {
  if (process.env.NODE_ENV === 'production') return
  // Generated migrations take typed args; the adapter's list is typed with `unknown` args.
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}
