import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_image_consent_changes\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`pupil_id\` text(36),
  	\`guardian_id\` text(36),
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pupil_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`guardian_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_image_consent_changes\`("id", "pupil_id", "guardian_id", "from", "to", "updated_at", "created_at") SELECT "id", "pupil_id", "guardian_id", "from", "to", "updated_at", "created_at" FROM \`image_consent_changes\`;`)
  await db.run(sql`DROP TABLE \`image_consent_changes\`;`)
  await db.run(sql`ALTER TABLE \`__new_image_consent_changes\` RENAME TO \`image_consent_changes\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`image_consent_changes_pupil_idx\` ON \`image_consent_changes\` (\`pupil_id\`);`)
  await db.run(sql`CREATE INDEX \`image_consent_changes_guardian_idx\` ON \`image_consent_changes\` (\`guardian_id\`);`)
  await db.run(sql`CREATE INDEX \`image_consent_changes_updated_at_idx\` ON \`image_consent_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`image_consent_changes_created_at_idx\` ON \`image_consent_changes\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_image_consent_changes\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`pupil_id\` text(36) NOT NULL,
  	\`guardian_id\` text(36) NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pupil_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`guardian_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_image_consent_changes\`("id", "pupil_id", "guardian_id", "from", "to", "updated_at", "created_at") SELECT "id", "pupil_id", "guardian_id", "from", "to", "updated_at", "created_at" FROM \`image_consent_changes\`;`)
  await db.run(sql`DROP TABLE \`image_consent_changes\`;`)
  await db.run(sql`ALTER TABLE \`__new_image_consent_changes\` RENAME TO \`image_consent_changes\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`image_consent_changes_pupil_idx\` ON \`image_consent_changes\` (\`pupil_id\`);`)
  await db.run(sql`CREATE INDEX \`image_consent_changes_guardian_idx\` ON \`image_consent_changes\` (\`guardian_id\`);`)
  await db.run(sql`CREATE INDEX \`image_consent_changes_updated_at_idx\` ON \`image_consent_changes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`image_consent_changes_created_at_idx\` ON \`image_consent_changes\` (\`created_at\`);`)
}
