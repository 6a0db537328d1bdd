import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`conversations\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`pupil_id\` text(36) NOT NULL,
  	\`subject\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`starter_name\` text,
  	\`started_by_parent_id\` text(36),
  	\`started_by_staff_id\` text(36),
  	\`last_message_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pupil_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`started_by_parent_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`started_by_staff_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`conversations_pupil_idx\` ON \`conversations\` (\`pupil_id\`);`)
  await db.run(sql`CREATE INDEX \`conversations_kind_idx\` ON \`conversations\` (\`kind\`);`)
  await db.run(
    sql`CREATE INDEX \`conversations_started_by_parent_idx\` ON \`conversations\` (\`started_by_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversations_started_by_staff_idx\` ON \`conversations\` (\`started_by_staff_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversations_last_message_at_idx\` ON \`conversations\` (\`last_message_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversations_updated_at_idx\` ON \`conversations\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversations_created_at_idx\` ON \`conversations\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`messages\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`conversation_id\` text(36) NOT NULL,
  	\`body\` text NOT NULL,
  	\`status\` text DEFAULT 'delivered' NOT NULL,
  	\`held_rule\` text,
  	\`author_name\` text,
  	\`author_parent_id\` text(36),
  	\`author_staff_id\` text(36),
  	\`sent_at\` text,
  	\`edited_at\` text,
  	\`hidden_by_id\` text(36),
  	\`hidden_at\` text,
  	\`pupil_id\` text(36),
  	\`kind\` text,
  	\`starter_parent_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`conversation_id\`) REFERENCES \`conversations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_parent_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_staff_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`hidden_by_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pupil_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`starter_parent_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE INDEX \`messages_conversation_idx\` ON \`messages\` (\`conversation_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`messages_status_idx\` ON \`messages\` (\`status\`);`)
  await db.run(
    sql`CREATE INDEX \`messages_author_parent_idx\` ON \`messages\` (\`author_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`messages_author_staff_idx\` ON \`messages\` (\`author_staff_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`messages_sent_at_idx\` ON \`messages\` (\`sent_at\`);`)
  await db.run(sql`CREATE INDEX \`messages_hidden_by_idx\` ON \`messages\` (\`hidden_by_id\`);`)
  await db.run(sql`CREATE INDEX \`messages_pupil_idx\` ON \`messages\` (\`pupil_id\`);`)
  await db.run(
    sql`CREATE INDEX \`messages_starter_parent_idx\` ON \`messages\` (\`starter_parent_id\`);`,
  )
  await db.run(sql`CREATE INDEX \`messages_updated_at_idx\` ON \`messages\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`messages_created_at_idx\` ON \`messages\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`conversation_reads\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`conversation_id\` text(36) NOT NULL,
  	\`reader_name\` text,
  	\`read_at\` text NOT NULL,
  	\`reader_parent_id\` text(36),
  	\`reader_staff_id\` text(36),
  	\`read_key\` text NOT NULL,
  	\`pupil_id\` text(36) NOT NULL,
  	\`kind\` text,
  	\`starter_parent_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`conversation_id\`) REFERENCES \`conversations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reader_parent_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reader_staff_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pupil_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`starter_parent_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE INDEX \`conversation_reads_conversation_idx\` ON \`conversation_reads\` (\`conversation_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversation_reads_reader_parent_idx\` ON \`conversation_reads\` (\`reader_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversation_reads_reader_staff_idx\` ON \`conversation_reads\` (\`reader_staff_id\`);`,
  )
  await db.run(
    sql`CREATE UNIQUE INDEX \`conversation_reads_read_key_idx\` ON \`conversation_reads\` (\`read_key\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversation_reads_pupil_idx\` ON \`conversation_reads\` (\`pupil_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversation_reads_starter_parent_idx\` ON \`conversation_reads\` (\`starter_parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversation_reads_updated_at_idx\` ON \`conversation_reads\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversation_reads_created_at_idx\` ON \`conversation_reads\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`conversation_openings\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`conversation_id\` text(36) NOT NULL,
  	\`reason\` text NOT NULL,
  	\`director_id\` text(36),
  	\`director_name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`conversation_id\`) REFERENCES \`conversations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`director_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE INDEX \`conversation_openings_conversation_idx\` ON \`conversation_openings\` (\`conversation_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversation_openings_director_idx\` ON \`conversation_openings\` (\`director_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversation_openings_updated_at_idx\` ON \`conversation_openings\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`conversation_openings_created_at_idx\` ON \`conversation_openings\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`school_settings_conduct_terms\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`term\` text NOT NULL,
  	\`rule\` text DEFAULT 'abuse' NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`school_settings_conduct_terms_order_idx\` ON \`school_settings_conduct_terms\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`school_settings_conduct_terms_parent_id_idx\` ON \`school_settings_conduct_terms\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`conversations_id\` text(36) REFERENCES conversations(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`messages_id\` text(36) REFERENCES messages(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`conversation_reads_id\` text(36) REFERENCES conversation_reads(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`conversation_openings_id\` text(36) REFERENCES conversation_openings(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_conversations_id_idx\` ON \`payload_locked_documents_rels\` (\`conversations_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`messages_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_conversation_reads_id_idx\` ON \`payload_locked_documents_rels\` (\`conversation_reads_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_conversation_openings_id_idx\` ON \`payload_locked_documents_rels\` (\`conversation_openings_id\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`school_settings\` ADD \`reply_time\` text DEFAULT 'binnen twee werkdagen' NOT NULL;`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`conversations\`;`)
  await db.run(sql`DROP TABLE \`messages\`;`)
  await db.run(sql`DROP TABLE \`conversation_reads\`;`)
  await db.run(sql`DROP TABLE \`conversation_openings\`;`)
  await db.run(sql`DROP TABLE \`school_settings_conduct_terms\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`posts_id\` text(36),
  	\`media_id\` text(36),
  	\`reports_id\` text(36),
  	\`absences_id\` text(36),
  	\`leave_requests_id\` text(36),
  	\`staff_id\` text(36),
  	\`parents_id\` text(36),
  	\`groups_id\` text(36),
  	\`pupils_id\` text(36),
  	\`image_consents_id\` text(36),
  	\`image_consent_changes_id\` text(36),
  	\`invitations_id\` text(36),
  	\`email_log_id\` text(36),
  	\`post_notifications_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`absences_id\`) REFERENCES \`absences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leave_requests_id\`) REFERENCES \`leave_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`staff_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`parents_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`groups_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pupils_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`image_consents_id\`) REFERENCES \`image_consents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`image_consent_changes_id\`) REFERENCES \`image_consent_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`invitations_id\`) REFERENCES \`invitations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_log_id\`) REFERENCES \`email_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`post_notifications_id\`) REFERENCES \`post_notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "absences_id", "leave_requests_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "invitations_id", "email_log_id", "post_notifications_id") SELECT "id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "absences_id", "leave_requests_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "invitations_id", "email_log_id", "post_notifications_id" FROM \`payload_locked_documents_rels\`;`,
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
    sql`CREATE INDEX \`payload_locked_documents_rels_absences_id_idx\` ON \`payload_locked_documents_rels\` (\`absences_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_leave_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`leave_requests_id\`);`,
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
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_post_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`post_notifications_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`school_settings\` DROP COLUMN \`reply_time\`;`)
}
