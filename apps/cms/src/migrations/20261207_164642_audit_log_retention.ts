import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`audit_events\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`type\` text NOT NULL,
  	\`actor_type\` text,
  	\`actor_id\` text,
  	\`actor_name\` text,
  	\`subject_type\` text,
  	\`subject_id\` text,
  	\`subject_name\` text,
  	\`summary\` text NOT NULL,
  	\`address\` text,
  	\`key\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`audit_events_type_idx\` ON \`audit_events\` (\`type\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_actor_type_idx\` ON \`audit_events\` (\`actor_type\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_actor_id_idx\` ON \`audit_events\` (\`actor_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_subject_type_idx\` ON \`audit_events\` (\`subject_type\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_subject_id_idx\` ON \`audit_events\` (\`subject_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`audit_events_key_idx\` ON \`audit_events\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_updated_at_idx\` ON \`audit_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_events_created_at_idx\` ON \`audit_events\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`audit_events_id\` text(36) REFERENCES audit_events(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_events_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_events_id\`);`)
  await db.run(sql`ALTER TABLE \`school_settings\` ADD \`retention_posts_school_years\` numeric DEFAULT 2 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`school_settings\` ADD \`retention_absence_years\` numeric DEFAULT 5 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`school_settings\` ADD \`retention_email_log_days\` numeric DEFAULT 90 NOT NULL;`)
  await db.run(sql`ALTER TABLE \`school_settings\` ADD \`retention_audit_log_days\` numeric DEFAULT 365 NOT NULL;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`audit_events\`;`)
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
  	\`conversations_id\` text(36),
  	\`messages_id\` text(36),
  	\`conversation_reads_id\` text(36),
  	\`conversation_openings_id\` text(36),
  	\`volunteer_requests_id\` text(36),
  	\`events_id\` text(36),
  	\`volunteer_signups_id\` text(36),
  	\`volunteer_seats_id\` text(36),
  	\`staff_id\` text(36),
  	\`parents_id\` text(36),
  	\`groups_id\` text(36),
  	\`pupils_id\` text(36),
  	\`image_consents_id\` text(36),
  	\`image_consent_changes_id\` text(36),
  	\`house_rules_acceptances_id\` text(36),
  	\`feedback_id\` text(36),
  	\`invitations_id\` text(36),
  	\`email_log_id\` text(36),
  	\`post_notifications_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`posts_id\`) REFERENCES \`posts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`absences_id\`) REFERENCES \`absences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`leave_requests_id\`) REFERENCES \`leave_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`conversations_id\`) REFERENCES \`conversations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`messages_id\`) REFERENCES \`messages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`conversation_reads_id\`) REFERENCES \`conversation_reads\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`conversation_openings_id\`) REFERENCES \`conversation_openings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`volunteer_requests_id\`) REFERENCES \`volunteer_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`events_id\`) REFERENCES \`events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`volunteer_signups_id\`) REFERENCES \`volunteer_signups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`volunteer_seats_id\`) REFERENCES \`volunteer_seats\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`staff_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`parents_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`groups_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pupils_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`image_consents_id\`) REFERENCES \`image_consents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`image_consent_changes_id\`) REFERENCES \`image_consent_changes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`house_rules_acceptances_id\`) REFERENCES \`house_rules_acceptances\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`feedback_id\`) REFERENCES \`feedback\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`invitations_id\`) REFERENCES \`invitations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`email_log_id\`) REFERENCES \`email_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`post_notifications_id\`) REFERENCES \`post_notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "absences_id", "leave_requests_id", "conversations_id", "messages_id", "conversation_reads_id", "conversation_openings_id", "volunteer_requests_id", "events_id", "volunteer_signups_id", "volunteer_seats_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "house_rules_acceptances_id", "feedback_id", "invitations_id", "email_log_id", "post_notifications_id") SELECT "id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "absences_id", "leave_requests_id", "conversations_id", "messages_id", "conversation_reads_id", "conversation_openings_id", "volunteer_requests_id", "events_id", "volunteer_signups_id", "volunteer_seats_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "house_rules_acceptances_id", "feedback_id", "invitations_id", "email_log_id", "post_notifications_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`posts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_absences_id_idx\` ON \`payload_locked_documents_rels\` (\`absences_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_leave_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`leave_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_conversations_id_idx\` ON \`payload_locked_documents_rels\` (\`conversations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_messages_id_idx\` ON \`payload_locked_documents_rels\` (\`messages_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_conversation_reads_id_idx\` ON \`payload_locked_documents_rels\` (\`conversation_reads_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_conversation_openings_id_idx\` ON \`payload_locked_documents_rels\` (\`conversation_openings_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_volunteer_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`volunteer_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_events_id_idx\` ON \`payload_locked_documents_rels\` (\`events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_volunteer_signups_id_idx\` ON \`payload_locked_documents_rels\` (\`volunteer_signups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_volunteer_seats_id_idx\` ON \`payload_locked_documents_rels\` (\`volunteer_seats_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_staff_id_idx\` ON \`payload_locked_documents_rels\` (\`staff_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parents_id_idx\` ON \`payload_locked_documents_rels\` (\`parents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_groups_id_idx\` ON \`payload_locked_documents_rels\` (\`groups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pupils_id_idx\` ON \`payload_locked_documents_rels\` (\`pupils_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_image_consents_id_idx\` ON \`payload_locked_documents_rels\` (\`image_consents_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_image_consent_changes_id_idx\` ON \`payload_locked_documents_rels\` (\`image_consent_changes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_house_rules_acceptances_id_idx\` ON \`payload_locked_documents_rels\` (\`house_rules_acceptances_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_feedback_id_idx\` ON \`payload_locked_documents_rels\` (\`feedback_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_invitations_id_idx\` ON \`payload_locked_documents_rels\` (\`invitations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_email_log_id_idx\` ON \`payload_locked_documents_rels\` (\`email_log_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_post_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`post_notifications_id\`);`)
  await db.run(sql`ALTER TABLE \`school_settings\` DROP COLUMN \`retention_posts_school_years\`;`)
  await db.run(sql`ALTER TABLE \`school_settings\` DROP COLUMN \`retention_absence_years\`;`)
  await db.run(sql`ALTER TABLE \`school_settings\` DROP COLUMN \`retention_email_log_days\`;`)
  await db.run(sql`ALTER TABLE \`school_settings\` DROP COLUMN \`retention_audit_log_days\`;`)
}
