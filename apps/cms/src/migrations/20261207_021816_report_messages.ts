import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_reports\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`post_id\` text(36),
  	\`message_id\` text(36),
  	\`media_id\` text(36),
  	\`category\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`held_rule\` text,
  	\`status\` text DEFAULT 'open' NOT NULL,
  	\`reporter_id\` text(36),
  	\`staff_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`message_id\`) REFERENCES \`messages\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reporter_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  // The new columns start empty: only the existing ones are copied (drizzle-kit listed all).
  await db.run(sql`INSERT INTO \`__new_reports\`("id", "post_id", "media_id", "category", "text", "status", "reporter_id", "staff_note", "updated_at", "created_at") SELECT "id", "post_id", "media_id", "category", "text", "status", "reporter_id", "staff_note", "updated_at", "created_at" FROM \`reports\`;`)
  await db.run(sql`DROP TABLE \`reports\`;`)
  await db.run(sql`ALTER TABLE \`__new_reports\` RENAME TO \`reports\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`reports_post_idx\` ON \`reports\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_message_idx\` ON \`reports\` (\`message_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_media_idx\` ON \`reports\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_reporter_idx\` ON \`reports\` (\`reporter_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_updated_at_idx\` ON \`reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reports_created_at_idx\` ON \`reports\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_reports\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`post_id\` text(36) NOT NULL,
  	\`media_id\` text(36),
  	\`category\` text NOT NULL,
  	\`text\` text NOT NULL,
  	\`status\` text DEFAULT 'open' NOT NULL,
  	\`reporter_id\` text(36),
  	\`staff_note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reporter_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_reports\`("id", "post_id", "media_id", "category", "text", "status", "reporter_id", "staff_note", "updated_at", "created_at") SELECT "id", "post_id", "media_id", "category", "text", "status", "reporter_id", "staff_note", "updated_at", "created_at" FROM \`reports\`;`)
  await db.run(sql`DROP TABLE \`reports\`;`)
  await db.run(sql`ALTER TABLE \`__new_reports\` RENAME TO \`reports\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`reports_post_idx\` ON \`reports\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_media_idx\` ON \`reports\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_reporter_idx\` ON \`reports\` (\`reporter_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_updated_at_idx\` ON \`reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reports_created_at_idx\` ON \`reports\` (\`created_at\`);`)
}
