/**
 * An online backup of the embedded install (SQLite database + MEDIA_DIR) while the CMS runs:
 *   pnpm --filter @schoolpost/cms backup -- --out /backups/schoolpost-2026-12-06.tar.gz
 *   pnpm --filter @schoolpost/cms backup -- --out /backups/        (a dated name inside it)
 * Uses the CMS's own DATABASE_URL and MEDIA_DIR. Exit code 0 when written, 1 when refused or
 * failed (nothing written), 2 for wrong arguments. MongoDB: use mongodump (the command says so).
 */
import { parseArgs } from 'node:util'

import { BackupError } from '../backup/archive'
import { cliArgs, formatBytes, fromInvocationDir } from '../backup/cli'
import { createBackup } from '../backup/create-backup'
import { env } from '../lib/env'

const USAGE =
  'Gebruik: pnpm --filter @schoolpost/cms backup -- --out <bestand.tar.gz | map> [--allow-missing]'

let values: { out?: string; 'allow-missing'?: boolean }
try {
  values = parseArgs({
    args: cliArgs(),
    options: { out: { type: 'string' }, 'allow-missing': { type: 'boolean' } },
  }).values
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`)
  process.exit(2)
}
if (!values.out) {
  console.error(`Geef met --out aan waar de back-up komt.\n${USAGE}`)
  process.exit(2)
}

try {
  const result = await createBackup({
    databaseUrl: env.databaseUrl,
    mediaDir: env.mediaDir,
    mediaInBucket: env.s3 !== null,
    out: fromInvocationDir(values.out),
    secret: env.payloadSecret,
    allowMissing: values['allow-missing'] ?? false,
    log: (line) => console.log(line),
  })
  const { manifest } = result
  const database = manifest.files.find((f) => f.path === manifest.database.entry)
  const mediaBytes = manifest.files
    .filter((f) => f !== database)
    .reduce((sum, f) => sum + f.size, 0)
  const counts = Object.entries(manifest.counts)
    .map(([collection, n]) => `${collection} ${n}`)
    .join(', ')
  console.log(
    [
      `Back-up geschreven: ${result.file} (${formatBytes(result.bytes)})`,
      `  database: ${formatBytes(database?.size ?? 0)}, ${manifest.migrations.length} migraties (${manifest.migrations.at(-1) ?? '-'})`,
      `  rijen: ${counts}`,
      `  media: ${manifest.media.archived} bestanden, ${formatBytes(mediaBytes)}; alle ${manifest.media.referenced} bestanden van de media in de database zitten erin` +
        (manifest.media.unreferenced > 0
          ? ` (+${manifest.media.unreferenced} zonder rij in de momentopname, bv. net geüpload)`
          : ''),
      ...(manifest.media.missing.length > 0
        ? [`  LET OP: ${manifest.media.missing.length} bestand(en) ontbraken (--allow-missing).`]
        : []),
      '  Bewaar PAYLOAD_SECRET apart (niet in de back-up): herstel met hetzelfde geheim.',
    ].join('\n'),
  )
  process.exit(0)
} catch (error) {
  if (!(error instanceof BackupError)) throw error
  console.error(error.message)
  process.exit(1)
}
