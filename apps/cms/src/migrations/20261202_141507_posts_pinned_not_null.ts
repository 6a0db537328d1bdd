import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Data only: posts made through REST stored `pinned` as NULL, which SQLite sorts after false, so
// the timeline's `-pinned` put them below older unpinned posts. New saves always store a boolean
// (the `pinned` field hook in collections/Posts/index.ts).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`UPDATE \`posts\` SET \`pinned\` = false WHERE \`pinned\` IS NULL;`)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Nothing to undo: false and NULL mean the same.
}
