export { WEEKDAYS, DEFAULT_SCHOOL_TIME_SETTINGS } from './school-time/types'
export type { Weekday, SchoolDayHours, SchoolTimeSettings } from './school-time/types'
export { parseTimeOfDay } from './school-time/parse-time-of-day'
export type { ParseTimeOfDayResult } from './school-time/parse-time-of-day'
export { parseCalendarDate } from './school-time/parse-calendar-date'
export type { ParseCalendarDateResult } from './school-time/parse-calendar-date'
export { isValidTimeZone } from './school-time/is-valid-time-zone'
export { assertTimeZone } from './school-time/assert-time-zone'
export { getMinutesOfDay } from './school-time/get-minutes-of-day'
export { getSchoolNow } from './school-time/get-school-now'
export type { SchoolNow } from './school-time/get-school-now'
export { isSchoolHours } from './school-time/is-school-hours'
export { getNextSchoolDay, NEXT_SCHOOL_DAY_SEARCH_LIMIT } from './school-time/get-next-school-day'
export { getInstantAt } from './school-time/get-instant-at'
export { validateSchoolHours } from './settings/validate-school-hours'
export type { ValidateSchoolHoursResult } from './settings/validate-school-hours'
export {
  checkPassword,
  PASSWORD_MESSAGES,
  PASSWORD_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
} from './accounts/check-password'
export type { CheckPasswordResult } from './accounts/check-password'
export { checkToken, getInvitationExpiry, INVITATION_VALIDITY_DAYS } from './accounts/check-token'
export type { CheckTokenResult, TokenState } from './accounts/check-token'
export { resolvePupilConsent } from './media/resolve-pupil-consent'
export type { PupilConsent, GuardianConsentChoice } from './media/resolve-pupil-consent'
export {
  checkMediaPublishable,
  mediaPublishMessage,
  MEDIA_PUBLISH_MESSAGES,
  DEFAULT_MIN_PUPILS_PER_PHOTO,
} from './media/check-media-publishable'
export type {
  CheckMediaPublishableResult,
  MediaPublishReason,
  MediaTagging,
} from './media/check-media-publishable'
export { canParentSeePost } from './media/can-parent-see-post'
export type { PostVisibilityFacts } from './media/can-parent-see-post'
export { canParentSeeMedia } from './media/can-parent-see-media'
export { checkMediaAudience, mediaAudienceMessage } from './media/check-media-audience'
export type { CheckMediaAudienceResult } from './media/check-media-audience'
export type { AttachingMessageFacts, MediaVisibilityFacts } from './media/can-parent-see-media'
export { isPostLive } from './media/can-parent-see-post'
export {
  DEFAULT_DIGEST_TIME,
  DEFAULT_NOTIFICATION_PREFERENCE,
  NOTIFICATION_KIND_LABELS,
  NOTIFICATION_KINDS,
  NOTIFICATION_PREFERENCE_LABELS,
  NOTIFICATION_PREFERENCES,
  NOTIFICATION_PREFERENCES_OF_KIND,
} from './notifications/types'
export type { NotificationKind, NotificationPreference } from './notifications/types'
export { chooseNotificationMode } from './notifications/choose-notification-mode'
export type {
  ChooseNotificationModeResult,
  NotificationPreferences,
} from './notifications/choose-notification-mode'
export { planPostNotification } from './notifications/plan-post-notification'
export type { PlanPostNotificationResult } from './notifications/plan-post-notification'
export { getDigestWindow } from './notifications/get-digest-window'
export { getMessageBundleWindow } from './notifications/get-message-bundle-window'
export type { MessageBundleWindow } from './notifications/get-message-bundle-window'
export {
  addCalendarDays,
  checkSchoolDay,
  daysBetween,
  getNextOpenSchoolDay,
  weekdayOf,
} from './absences/calendar-days'
export type { SchoolDayCheck, SchoolDaySettings } from './absences/calendar-days'
export {
  ABSENCE_MESSAGES,
  checkAbsenceReport,
  PLANNED_ABSENCE_MAX_DAYS_AHEAD,
} from './absences/check-absence-report'
export type {
  AbsenceKind,
  AbsenceRefusalReason,
  AbsenceSettings,
  CheckAbsenceReportResult,
} from './absences/check-absence-report'
export { canCancelAbsence } from './absences/can-cancel-absence'
export type { CanCancelAbsenceResult } from './absences/can-cancel-absence'
export {
  checkLeaveRequest,
  DEFAULT_LEAVE_NOTICE_WEEKS,
  LEAVE_DIRECTOR_MAX_SCHOOL_DAYS,
  LEAVE_MAX_DAYS,
  LEAVE_MESSAGES,
} from './absences/check-leave-request'
export type { CheckLeaveRequestResult, LeaveRefusalReason } from './absences/check-leave-request'
export { getAbsenceWindow } from './absences/get-absence-window'
export type { AbsenceWindow } from './absences/get-absence-window'
export {
  closedDaysOf,
  toAbsenceSettings,
  toSchoolTimeSettings,
} from './settings/to-absence-settings'
export type { SchoolAbsenceSettings, StoredSchoolSettings } from './settings/to-absence-settings'
export { checkConduct, CONDUCT_MESSAGES, CONDUCT_RULES } from './conduct/check-conduct'
export type { CheckConductResult, ConductRule, ConductTerm } from './conduct/check-conduct'
export { canEditMessage, MESSAGE_EDIT_WINDOW_MS } from './conversations/can-edit-message'
export type { CanEditMessageResult, MessageStatus } from './conversations/can-edit-message'

export {
  checkVolunteerSlots,
  VOLUNTEER_PLACES_MAX,
  VOLUNTEER_SLOT_LABEL_MAX,
  VOLUNTEER_SLOTS_MAX,
} from './volunteering/check-volunteer-slots'
export type {
  CheckVolunteerSlotsResult,
  VolunteerSlot,
  VolunteerSlotProblem,
} from './volunteering/check-volunteer-slots'
export {
  canCancelSignup,
  checkSignup,
  describePlaces,
  getSignupDeadline,
  getSlotStart,
} from './volunteering/check-signup'
export type { CheckSignupResult, SignupWindow } from './volunteering/check-signup'
export { getReminderDay, VOLUNTEER_REMINDER_TIME } from './volunteering/get-reminder-day'
export {
  CALENDAR_EVENT_MAX_DAYS,
  CALENDAR_TITLE_MAX,
  checkCalendarEvent,
} from './calendar/check-calendar-event'
export type { CalendarEventInput, CalendarEventProblem } from './calendar/check-calendar-event'
export { getAgendaRange, overlapsDays } from './calendar/get-agenda-range'
export { getMediaNotice } from './media/get-media-notice'
export {
  checkHouseRulesAcceptance,
  houseRulesIntro,
} from './house-rules/check-house-rules-acceptance'
export type { CheckHouseRulesAcceptanceResult } from './house-rules/check-house-rules-acceptance'
export {
  checkFeedback,
  FEEDBACK_ANSWER_MAX_LENGTH,
  FEEDBACK_MAX_LENGTH,
  FEEDBACK_MIN_LENGTH,
  FEEDBACK_STATUSES,
  FEEDBACK_TOPICS,
} from './feedback/check-feedback'
export type { CheckFeedbackResult, FeedbackStatus, FeedbackTopic } from './feedback/check-feedback'
export {
  DEFAULT_RETENTION,
  getRetentionCutoffs,
  RETENTION_LIMITS,
  SCHOOL_YEAR_START,
  toRetentionSettings,
} from './retention/get-retention-cutoffs'
export type { RetentionCutoffs, RetentionSettings } from './retention/get-retention-cutoffs'
