import * as migration_20261128_120041_initial from './20261128_120041_initial';
import * as migration_20261128_122554_community from './20261128_122554_community';
import * as migration_20261128_130215_posts_media from './20261128_130215_posts_media';
import * as migration_20261128_134413_tag_label from './20261128_134413_tag_label';
import * as migration_20261128_142744_rich_text_body from './20261128_142744_rich_text_body';
import * as migration_20261128_143149_notifications from './20261128_143149_notifications';
import * as migration_20261202_080337_media_publishable_virtual from './20261202_080337_media_publishable_virtual';
import * as migration_20261202_080510_email_log_without_html from './20261202_080510_email_log_without_html';
import * as migration_20261202_141507_posts_pinned_not_null from './20261202_141507_posts_pinned_not_null';
import * as migration_20261206_160000_shared_runtime_state from './20261206_160000_shared_runtime_state';
import * as migration_20261206_191308_media_storage_fields from './20261206_191308_media_storage_fields';
import * as migration_20261206_193528_absences_and_leave from './20261206_193528_absences_and_leave';
import * as migration_20261206_233929_conversations from './20261206_233929_conversations';
import * as migration_20261207_020901_conversation_emails from './20261207_020901_conversation_emails';
import * as migration_20261207_021816_report_messages from './20261207_021816_report_messages';
import * as migration_20261207_053837_message_photos from './20261207_053837_message_photos';
import * as migration_20261207_061852_volunteer_requests from './20261207_061852_volunteer_requests';
import * as migration_20261207_091630_volunteer_slot_date_index from './20261207_091630_volunteer_slot_date_index';
import * as migration_20261207_092024_calendar_events from './20261207_092024_calendar_events';
import * as migration_20261207_131800_house_rules from './20261207_131800_house_rules';
import * as migration_20261207_133404_parent_feedback from './20261207_133404_parent_feedback';
import * as migration_20261207_164642_audit_log_retention from './20261207_164642_audit_log_retention';
import * as migration_20261207_165324_family_erasure from './20261207_165324_family_erasure';

export const migrations = [
  {
    up: migration_20261128_120041_initial.up,
    down: migration_20261128_120041_initial.down,
    name: '20261128_120041_initial',
  },
  {
    up: migration_20261128_122554_community.up,
    down: migration_20261128_122554_community.down,
    name: '20261128_122554_community',
  },
  {
    up: migration_20261128_130215_posts_media.up,
    down: migration_20261128_130215_posts_media.down,
    name: '20261128_130215_posts_media',
  },
  {
    up: migration_20261128_134413_tag_label.up,
    down: migration_20261128_134413_tag_label.down,
    name: '20261128_134413_tag_label',
  },
  {
    up: migration_20261128_142744_rich_text_body.up,
    down: migration_20261128_142744_rich_text_body.down,
    name: '20261128_142744_rich_text_body',
  },
  {
    up: migration_20261128_143149_notifications.up,
    down: migration_20261128_143149_notifications.down,
    name: '20261128_143149_notifications',
  },
  {
    up: migration_20261202_080337_media_publishable_virtual.up,
    down: migration_20261202_080337_media_publishable_virtual.down,
    name: '20261202_080337_media_publishable_virtual',
  },
  {
    up: migration_20261202_080510_email_log_without_html.up,
    down: migration_20261202_080510_email_log_without_html.down,
    name: '20261202_080510_email_log_without_html',
  },
  {
    up: migration_20261202_141507_posts_pinned_not_null.up,
    down: migration_20261202_141507_posts_pinned_not_null.down,
    name: '20261202_141507_posts_pinned_not_null',
  },
  {
    up: migration_20261206_160000_shared_runtime_state.up,
    down: migration_20261206_160000_shared_runtime_state.down,
    name: '20261206_160000_shared_runtime_state',
  },
  {
    up: migration_20261206_191308_media_storage_fields.up,
    down: migration_20261206_191308_media_storage_fields.down,
    name: '20261206_191308_media_storage_fields',
  },
  {
    up: migration_20261206_193528_absences_and_leave.up,
    down: migration_20261206_193528_absences_and_leave.down,
    name: '20261206_193528_absences_and_leave',
  },
  {
    up: migration_20261206_233929_conversations.up,
    down: migration_20261206_233929_conversations.down,
    name: '20261206_233929_conversations',
  },
  {
    up: migration_20261207_020901_conversation_emails.up,
    down: migration_20261207_020901_conversation_emails.down,
    name: '20261207_020901_conversation_emails',
  },
  {
    up: migration_20261207_021816_report_messages.up,
    down: migration_20261207_021816_report_messages.down,
    name: '20261207_021816_report_messages',
  },
  {
    up: migration_20261207_053837_message_photos.up,
    down: migration_20261207_053837_message_photos.down,
    name: '20261207_053837_message_photos',
  },
  {
    up: migration_20261207_061852_volunteer_requests.up,
    down: migration_20261207_061852_volunteer_requests.down,
    name: '20261207_061852_volunteer_requests',
  },
  {
    up: migration_20261207_091630_volunteer_slot_date_index.up,
    down: migration_20261207_091630_volunteer_slot_date_index.down,
    name: '20261207_091630_volunteer_slot_date_index',
  },
  {
    up: migration_20261207_092024_calendar_events.up,
    down: migration_20261207_092024_calendar_events.down,
    name: '20261207_092024_calendar_events',
  },
  {
    up: migration_20261207_131800_house_rules.up,
    down: migration_20261207_131800_house_rules.down,
    name: '20261207_131800_house_rules',
  },
  {
    up: migration_20261207_133404_parent_feedback.up,
    down: migration_20261207_133404_parent_feedback.down,
    name: '20261207_133404_parent_feedback',
  },
  {
    up: migration_20261207_164642_audit_log_retention.up,
    down: migration_20261207_164642_audit_log_retention.down,
    name: '20261207_164642_audit_log_retention',
  },
  {
    up: migration_20261207_165324_family_erasure.up,
    down: migration_20261207_165324_family_erasure.down,
    name: '20261207_165324_family_erasure'
  },
];
