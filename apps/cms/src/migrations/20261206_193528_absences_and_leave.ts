import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`absences\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`pupil_id\` text(36) NOT NULL,
  	\`kind\` text NOT NULL,
  	\`date\` text NOT NULL,
  	\`from_time\` text,
  	\`to_time\` text,
  	\`reason\` text,
  	\`note\` text,
  	\`status\` text DEFAULT 'reported' NOT NULL,
  	\`channel\` text,
  	\`group_id\` text(36),
  	\`reporter_name\` text,
  	\`reported_by_id\` text(36),
  	\`recorded_by_id\` text(36),
  	\`acknowledged_by_id\` text(36),
  	\`acknowledged_at\` text,
  	\`cancelled_at\` text,
  	\`active_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pupil_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reported_by_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`recorded_by_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`acknowledged_by_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`absences_pupil_idx\` ON \`absences\` (\`pupil_id\`);`)
  await db.run(sql`CREATE INDEX \`absences_date_idx\` ON \`absences\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`absences_status_idx\` ON \`absences\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`absences_group_idx\` ON \`absences\` (\`group_id\`);`)
  await db.run(sql`CREATE INDEX \`absences_reported_by_idx\` ON \`absences\` (\`reported_by_id\`);`)
  await db.run(sql`CREATE INDEX \`absences_recorded_by_idx\` ON \`absences\` (\`recorded_by_id\`);`)
  await db.run(
    sql`CREATE INDEX \`absences_acknowledged_by_idx\` ON \`absences\` (\`acknowledged_by_id\`);`,
  )
  await db.run(
    sql`CREATE UNIQUE INDEX \`absences_active_key_idx\` ON \`absences\` (\`active_key\`);`,
  )
  await db.run(sql`CREATE INDEX \`absences_updated_at_idx\` ON \`absences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`absences_created_at_idx\` ON \`absences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`leave_requests\` (
  	\`id\` text(36) PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`pupil_id\` text(36) NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	\`reason\` text NOT NULL,
  	\`note\` text NOT NULL,
  	\`status\` text DEFAULT 'requested' NOT NULL,
  	\`decision_message\` text,
  	\`late\` integer,
  	\`school_days\` numeric,
  	\`beyond_director\` integer,
  	\`group_id\` text(36),
  	\`requester_name\` text,
  	\`requested_by_id\` text(36),
  	\`decided_by_id\` text(36),
  	\`decided_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`pupil_id\`) REFERENCES \`pupils\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`group_id\`) REFERENCES \`groups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`parents\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`decided_by_id\`) REFERENCES \`staff\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`leave_requests_pupil_idx\` ON \`leave_requests\` (\`pupil_id\`);`)
  await db.run(sql`CREATE INDEX \`leave_requests_status_idx\` ON \`leave_requests\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`leave_requests_group_idx\` ON \`leave_requests\` (\`group_id\`);`)
  await db.run(
    sql`CREATE INDEX \`leave_requests_requested_by_idx\` ON \`leave_requests\` (\`requested_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`leave_requests_decided_by_idx\` ON \`leave_requests\` (\`decided_by_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`leave_requests_updated_at_idx\` ON \`leave_requests\` (\`updated_at\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`leave_requests_created_at_idx\` ON \`leave_requests\` (\`created_at\`);`,
  )
  await db.run(sql`CREATE TABLE \`school_settings_closed_periods\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text(36) NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`label\` text NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`school_settings\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`CREATE INDEX \`school_settings_closed_periods_order_idx\` ON \`school_settings_closed_periods\` (\`_order\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`school_settings_closed_periods_parent_id_idx\` ON \`school_settings_closed_periods\` (\`_parent_id\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`absences_id\` text(36) REFERENCES absences(id);`,
  )
  await db.run(
    sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`leave_requests_id\` text(36) REFERENCES leave_requests(id);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_absences_id_idx\` ON \`payload_locked_documents_rels\` (\`absences_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_leave_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`leave_requests_id\`);`,
  )
  await db.run(
    sql`ALTER TABLE \`school_settings\` ADD \`leave_notice_weeks\` numeric DEFAULT 8 NOT NULL;`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`absences\`;`)
  await db.run(sql`DROP TABLE \`leave_requests\`;`)
  await db.run(sql`DROP TABLE \`school_settings_closed_periods\`;`)
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
  	\`post_notifications_id\` text(36),
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
  	FOREIGN KEY (\`email_log_id\`) REFERENCES \`email_log\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`post_notifications_id\`) REFERENCES \`post_notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(
    sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "invitations_id", "email_log_id", "post_notifications_id") SELECT "id", "order", "parent_id", "path", "posts_id", "media_id", "reports_id", "staff_id", "parents_id", "groups_id", "pupils_id", "image_consents_id", "image_consent_changes_id", "invitations_id", "email_log_id", "post_notifications_id" FROM \`payload_locked_documents_rels\`;`,
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
  await db.run(
    sql`CREATE INDEX \`payload_locked_documents_rels_post_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`post_notifications_id\`);`,
  )
  await db.run(sql`ALTER TABLE \`school_settings\` DROP COLUMN \`leave_notice_weeks\`;`)
}
