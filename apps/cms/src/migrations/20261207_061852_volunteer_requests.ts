import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`volunteer_requests_slots\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`places\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`volunteer_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_slots_order_idx\` ON \`volunteer_requests_slots\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_slots_parent_id_idx\` ON \`volunteer_requests_slots\` (\`_parent_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`volunteer_requests\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`description\` text NOT NULL,
  	\`audience\` text DEFAULT 'groups' NOT NULL,
  	\`opens_at\` text,
  	\`closes_at\` text,
  	\`waitlist\` integer DEFAULT true,
  	\`status\` text DEFAULT 'draft' NOT NULL,
  	\`created_by_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_status_idx\` ON \`volunteer_requests\` (\`status\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_created_by_idx\` ON \`volunteer_requests\` (\`created_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_updated_at_idx\` ON \`volunteer_requests\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_created_at_idx\` ON \`volunteer_requests\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`volunteer_requests_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`groups_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`volunteer_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`groups_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_rels_order_idx\` ON \`volunteer_requests_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_rels_parent_idx\` ON \`volunteer_requests_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_rels_path_idx\` ON \`volunteer_requests_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_requests_rels_groups_id_idx\` ON \`volunteer_requests_rels\` (\`groups_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`volunteer_signups\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`request_id\` text(36) NOT NULL,
  	\`slot\` text NOT NULL,
  	\`slot_label\` text,
  	\`parent_id\` text(36) NOT NULL,
  	\`comes\` text,
  	\`status\` text NOT NULL,
  	\`place\` numeric,
  	\`promoted_at\` text,
  	\`cancelled_at\` text,
  	\`active_key\` text,
  	\`request_by_id\` text(36),
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`request_id\`) REFERENCES \`volunteer_requests\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`request_by_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_request_idx\` ON \`volunteer_signups\` (\`request_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_slot_idx\` ON \`volunteer_signups\` (\`slot\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_parent_idx\` ON \`volunteer_signups\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_status_idx\` ON \`volunteer_signups\` (\`status\`);`,
  )
  await db.run(
    sql`CREATE UNIQUE INDEX \`volunteer_signups_active_key_idx\` ON \`volunteer_signups\` (\`active_key\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_request_by_idx\` ON \`volunteer_signups\` (\`request_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_updated_at_idx\` ON \`volunteer_signups\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_created_at_idx\` ON \`volunteer_signups\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`volunteer_signups_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` text(36) NOT NULL,
  	\`path\` text NOT NULL,
  	\`groups_id\` text(36),
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`volunteer_signups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`groups_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_rels_order_idx\` ON \`volunteer_signups_rels\` (\`order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_rels_parent_idx\` ON \`volunteer_signups_rels\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_rels_path_idx\` ON \`volunteer_signups_rels\` (\`path\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_signups_rels_groups_id_idx\` ON \`volunteer_signups_rels\` (\`groups_id\`);`,
  )
  await db.run(sql`CREATE TABLE \`volunteer_seats\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`request_id\` text(36) NOT NULL,
  	\`slot\` text NOT NULL,
  	\`signup_id\` text(36) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`request_id\`) REFERENCES \`volunteer_requests\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`signup_id\`) REFERENCES \`volunteer_signups\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(
    sql`CREATE UNIQUE INDEX \`volunteer_seats_key_idx\` ON \`volunteer_seats\` (\`key\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_seats_request_idx\` ON \`volunteer_seats\` (\`request_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_seats_signup_idx\` ON \`volunteer_seats\` (\`signup_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_seats_updated_at_idx\` ON \`volunteer_seats\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`volunteer_seats_created_at_idx\` ON \`volunteer_seats\` (\`created_at\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`volunteer_requests_id\` text(36) REFERENCES volunteer_requests(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`volunteer_signups_id\` text(36) REFERENCES volunteer_signups(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`volunteer_seats_id\` text(36) REFERENCES volunteer_seats(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_volunteer_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`volunteer_requests_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_volunteer_signups_id_idx\` ON \`payload_locked_documents_rels\` (\`volunteer_signups_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_volunteer_seats_id_idx\` ON \`payload_locked_documents_rels\` (\`volunteer_seats_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`volunteer_requests_slots\`;`)
  await db.run(sql`DROP TABLE \`volunteer_requests\`;`)
  await db.run(sql`DROP TABLE \`volunteer_requests_rels\`;`)
  await db.run(sql`DROP TABLE \`volunteer_signups\`;`)
  await db.run(sql`DROP TABLE \`volunteer_signups_rels\`;`)
  await db.run(sql`DROP TABLE \`volunteer_seats\`;`)
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
  	FOREIGN KEY (\`conversations_id\`) REFERENCES \`conversations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`messages_id\`) REFERENCES \`messages\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`conversation_reads_id\`) REFERENCES \`conversation_reads\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`conversation_openings_id\`) REFERENCES \`conversation_openings\`(\`id\`) ON UPDATE no action ON DELETE cascade,
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
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "absences_id", "leave_requests_id", "conversations_id", "messages_id", "conversation_reads_id", "conversation_openings_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "invitations_id", "email_log_id", "post_notifications_id") SELECT "id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "absences_id", "leave_requests_id", "conversations_id", "messages_id", "conversation_reads_id", "conversation_openings_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "invitations_id", "email_log_id", "post_notifications_id" FROM \`payload_locked_documents_rels\`;`,
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
}
