/**
 * Restores a backup made by `backup` into an empty install (stop the CMS first):
 *   pnpm --filter @schoolpost/cms restore -- --from /backups/schoolpost-2026-12-06.tar.gz
 * Uses the CMS's own DATABASE_URL and MEDIA_DIR. Refuses (exit 1, nothing written) when the
 * database already has data or MEDIA_DIR is not empty, unless --force; refuses a damaged
 * archive before writing anything. The next start of the CMS applies pending migrations.
 */
import { parseArgs } from 'node:util'

import { BackupError } from '../backup/archive'
import { cliArgs, fromInvocationDir } from '../backup/cli'
import { restoreBackup } from '../backup/restore-backup'
import { env } from '../lib/env'

const USAGE = 'Gebruik: pnpm --filter @schoolpost/cms restore -- --from <bestand.tar.gz> [--force]'

let values: { from?: string; force?: boolean }
try {
  values = parseArgs({
    args: cliArgs(),
    options: { from: { type: 'string' }, force: { type: 'boolean' } },
  }).values
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`)
  process.exit(2)
}
if (!values.from) {
  console.error(`Geef met --from de back-up op.\n${USAGE}`)
  process.exit(2)
}

try {
  const result = await restoreBackup({
    from: fromInvocationDir(values.from),
    databaseUrl: env.databaseUrl,
    mediaDir: env.mediaDir,
    mediaInBucket: env.s3 !== null,
    force: values.force ?? false,
    secret: env.payloadSecret,
    log: (line) => console.log(line),
  })
  const counts = Object.entries(result.manifest.counts)
    .map(([collection, n]) => `${collection} ${n}`)
    .join(', ')
  console.log(
    [
      `Back-up van ${result.manifest.createdAt} teruggezet (Schoolpost ${result.manifest.app.version}).`,
      `  database: ${result.databaseFile}`,
      `  media: ${result.mediaFiles} bestanden in ${result.mediaDir}`,
      `  rijen: ${counts}`,
      result.pendingMigrations.length > 0
        ? `  Bij de volgende start voert het CMS ${result.pendingMigrations.length} nieuwe migratie(s) uit: ${result.pendingMigrations.join(', ')}.`
        : '  De database is op de migratiestand van deze versie.',
      ...result.warnings.map((w) => `  LET OP: ${w}`),
    ].join('\n'),
  )
  process.exit(0)
} catch (error) {
  if (!(error instanceof BackupError)) throw error
  console.error(error.message)
  process.exit(1)
}
