import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

// Runtime state that several CMS processes share (issue #12): rate-limit slots, lease slices (the
// one jobs runner) and spent single-use tokens. Plain tables outside Payload's collections, only
// ever inserted into and deleted from by src/db/shared-state.ts, never reachable through the API.
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE IF NOT EXISTS \`rate_limit_hits\` (
    \`id\` text PRIMARY KEY NOT NULL,
    \`key\` text NOT NULL,
    \`period\` integer NOT NULL,
    \`expire\` integer NOT NULL
  );`)
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`rate_limit_hits_key_idx\` ON \`rate_limit_hits\` (\`key\`, \`period\`);`,
  )
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`rate_limit_hits_expire_idx\` ON \`rate_limit_hits\` (\`expire\`);`,
  )
  await db.run(sql`CREATE TABLE IF NOT EXISTS \`leases\` (
    \`id\` text PRIMARY KEY NOT NULL,
    \`name\` text NOT NULL,
    \`holder\` text NOT NULL,
    \`expire\` integer NOT NULL
  );`)
  await db.run(sql`CREATE INDEX IF NOT EXISTS \`leases_expire_idx\` ON \`leases\` (\`expire\`);`)
  await db.run(sql`CREATE TABLE IF NOT EXISTS \`spent_tokens\` (
    \`id\` text PRIMARY KEY NOT NULL,
    \`expire\` integer NOT NULL
  );`)
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`spent_tokens_expire_idx\` ON \`spent_tokens\` (\`expire\`);`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE IF EXISTS \`rate_limit_hits\`;`)
  await db.run(sql`DROP TABLE IF EXISTS \`leases\`;`)
  await db.run(sql`DROP TABLE IF EXISTS \`spent_tokens\`;`)
}
