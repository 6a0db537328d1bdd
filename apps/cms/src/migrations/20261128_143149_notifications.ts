import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`post_notifications\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`post_id\` text(36) NOT NULL,
  	\`parent_id\` text(36) NOT NULL,
  	\`kind\` text NOT NULL,
  	\`round\` numeric NOT NULL,
  	\`mode\` text NOT NULL,
  	\`status\` text NOT NULL,
  	\`idempotency_key\` text NOT NULL,
  	\`digest_date\` text,
  	\`attempts\` numeric DEFAULT 0,
  	\`provider_id\` text,
  	\`error\` text,
  	\`sent_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE INDEX \`post_notifications_post_idx\` ON \`post_notifications\` (\`post_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`post_notifications_parent_idx\` ON \`post_notifications\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`post_notifications_status_idx\` ON \`post_notifications\` (\`status\`);`,
  )
  await db.run(
    sql`CREATE UNIQUE INDEX \`post_notifications_idempotency_key_idx\` ON \`post_notifications\` (\`idempotency_key\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`post_notifications_updated_at_idx\` ON \`post_notifications\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`post_notifications_created_at_idx\` ON \`post_notifications\` (\`created_at\`);`,
  )
  await db.run(sql`ALTER TABLE \`posts\` ADD \`email_subject\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`teaser\` text;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`notify_again\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`posts\` ADD \`notify_round\` numeric DEFAULT 0;`)
  await db.run(sql`ALTER TABLE \`parents\` ADD \`notifications_news\` text DEFAULT 'direct';`)
  await db.run(sql`ALTER TABLE \`parents\` ADD \`notifications_group\` text DEFAULT 'direct';`)
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`post_notifications_id\` text(36) REFERENCES post_notifications(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_post_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`post_notifications_id\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`school_settings\` ADD \`digest_time\` text DEFAULT '18:00' NOT NULL;`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`post_notifications\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`posts_id\` text(36),
  	\`media_id\` text(36),
  	\`reports_id\` text(36),
  	\`staff_id\` text(36),
  	\`parents_id\` text(36),
  	\`groups_id\` text(36),
  	\`pupils_id\` text(36),
  	\`image_consents_id\` text(36),
  	\`image_consent_changes_id\` text(36),
  	\`invitations_id\` text(36),
  	\`email_log_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`staff_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`parents_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`groups_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pupils_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`image_consents_id\`) REFERENCES \`image_consents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`image_consent_changes_id\`) REFERENCES \`image_consent_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`invitations_id\`) REFERENCES \`invitations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_log_id\`) REFERENCES \`email_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "invitations_id", "email_log_id") SELECT "id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "invitations_id", "email_log_id" FROM \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(
    sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`,
  )
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`reports_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_staff_id_idx\` ON \`payload_locked_documents_rels\` (\`staff_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_parents_id_idx\` ON \`payload_locked_documents_rels\` (\`parents_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`groups_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_pupils_id_idx\` ON \`payload_locked_documents_rels\` (\`pupils_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_image_consents_id_idx\` ON \`payload_locked_documents_rels\` (\`image_consents_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_image_consent_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`image_consent_changes_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_invitations_id_idx\` ON \`payload_locked_documents_rels\` (\`invitations_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_email_log_id_idx\` ON \`payload_locked_documents_rels\` (\`email_log_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`email_subject\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`teaser\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`notify_again\`;`)
  await db.run(sql`ALTER TABLE \`posts\` DROP COLUMN \`notify_round\`;`)
  await db.run(sql`ALTER TABLE \`parents\` DROP COLUMN \`notifications_news\`;`)
  await db.run(sql`ALTER TABLE \`parents\` DROP COLUMN \`notifications_group\`;`)
  await db.run(sql`ALTER TABLE \`school_settings\` DROP COLUMN \`digest_time\`;`)
}
