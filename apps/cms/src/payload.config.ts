import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Absences } from './collections/Absences'
import { AuditEvents } from './collections/AuditEvents'
import { EmailLog } from './collections/EmailLog'
import { Feedback } from './collections/Feedback'
import { LeaveRequests } from './collections/LeaveRequests'
import { Groups } from './collections/Groups'
import { HouseRulesAcceptances } from './collections/HouseRulesAcceptances'
import { ImageConsentChanges, ImageConsents } from './collections/ImageConsents'
import { Invitations } from './collections/Invitations'
import { Media } from './collections/Media'
import { mediaStorage } from './collections/Media/storage/media-storage'
import { Parents } from './collections/Parents'
import { PostNotifications } from './collections/PostNotifications'
import { Posts } from './collections/Posts'
import { Pupils } from './collections/Pupils'
import { ConversationOpenings } from './collections/ConversationOpenings'
import { ConversationReads } from './collections/ConversationReads'
import { Conversations } from './collections/Conversations'
import { Messages } from './collections/Messages'
import { Reports } from './collections/Reports'
import { Staff } from './collections/Staff'
import { Events } from './collections/Events'
import { VolunteerRequests } from './collections/VolunteerRequests'
import { VolunteerSeats } from './collections/VolunteerSeats'
import { VolunteerSignups } from './collections/VolunteerSignups'
import { serializeWrites } from './db/serialize-writes'
import { badInputError } from './hooks/bad-input-error'
import { dutchRefusals } from './hooks/dutch-refusals'
import { foreignKeyError, stillReferencedError } from './hooks/foreign-key-error'
import { logRefusal } from './hooks/log-refusal'
import { withDeleteRules } from './db/delete-rules'
import { withPortalVersion } from './db/portal-version-hooks'
import { withVisibilityVersion } from './db/visibility-version-hooks'
import { runMigrationsOnInit } from './db/run-migrations-on-init'
import { databaseKindFor, selectDatabaseAdapter } from './db/select-database-adapter'
import { outboxEmailAdapter } from './email/outbox-email-adapter'
import { sendEmailTask } from './email/send-email-task'
import { importPupilsEndpoint } from './import/import-pupils-endpoint'
import { HouseRules } from './globals/HouseRules'
import { SchoolSettings } from './globals/SchoolSettings'
import { jobsAccess } from './jobs/access'
import { withExplicitAccess } from './access/lib/explicit-access'
import { withHouseRulesGate } from './access/lib/house-rules-gate'
import { startOutboxRunner } from './jobs/start-outbox-runner'
import { ensureSharedStateIndexes } from './db/shared-state'
import { withMongoReferences } from './db/mongodb-references'
import { env } from './lib/env'
import { refusalLoggingLevels } from './lib/refusal'
import { notifyMessageTask } from './notifications/notify-message-task'
import { notifyPostTask } from './notifications/notify-post-task'
import { sendMessageBundleTask } from './notifications/queue-due-message-bundles'
import { sendNotificationBatchTask } from './notifications/send-notification-batch-task'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// This file only assembles: every collection, global, access rule and hook lives in its own folder.
const config = buildConfig({
  serverURL: env.cmsUrl,
  secret: env.payloadSecret,
  telemetry: false,
  admin: {
    user: Staff.slug,
    importMap: { baseDir: dirname },
    meta: { titleSuffix: ' · Schoolpost', description: 'Schoolpost beheeromgeving' },
    components: {
      graphics: {
        Logo: '/components/admin/Logo#Logo',
        Icon: '/components/admin/Logo#Icon',
      },
      afterNavLinks: ['/components/admin/ImportNavLink#ImportNavLink'],
      beforeDashboard: [
        '/components/admin/DashboardShortcuts#DashboardShortcuts',
        '/components/admin/TodayAbsences#TodayAbsences',
        '/components/admin/HouseRulesStatus#HouseRulesStatus',
      ],
      views: {
        importPupils: { Component: '/components/admin/ImportView#ImportView', path: '/import' },
      },
    },
    dateFormat: 'd MMMM yyyy',
    // No Gravatar: the admin loads nothing from outside the school's own server.
    avatar: 'default',
  },
  i18n: {
    supportedLanguages: { nl, en },
    fallbackLanguage: 'nl',
  },
  collections: [
    Posts,
    Media,
    Reports,
    Absences,
    LeaveRequests,
    Conversations,
    Messages,
    ConversationReads,
    ConversationOpenings,
    VolunteerRequests,
    Events,
    VolunteerSignups,
    VolunteerSeats,
    Staff,
    Parents,
    Groups,
    Pupils,
    ImageConsents,
    ImageConsentChanges,
    HouseRulesAcceptances,
    Feedback,
    Invitations,
    EmailLog,
    PostNotifications,
    AuditEvents,
  ],
  globals: [SchoolSettings, HouseRules],
  db: selectDatabaseAdapter(env.databaseUrl),
  email: outboxEmailAdapter({ from: env.emailFrom }),
  endpoints: [importPupilsEndpoint],
  // In order: every refusal in Dutch, then bad input and missing links as a 400 instead of a 500;
  // last, one log line per refusal without its message (it can name a child).
  hooks: {
    afterError: [dutchRefusals, badInputError, foreignKeyError, stillReferencedError, logRefusal],
  },
  // A refused request is the caller's mistake: no stack, no message in the log (lib/refusal.ts).
  loggingLevels: refusalLoggingLevels,
  sharp,
  plugins: [mediaStorage(env)],
  // Busboy's own limit: an oversized upload is cut off while streaming (413), nothing is stored.
  upload: {
    limits: { fileSize: env.mediaMaxBytes },
    abortOnLimit: true,
    responseOnLimit: 'Dit bestand is te groot.',
  },
  graphQL: { disable: true },
  cors: [env.portalUrl],
  csrf: [env.portalUrl, env.cmsUrl],
  jobs: {
    tasks: [
      sendEmailTask,
      notifyPostTask,
      sendNotificationBatchTask,
      notifyMessageTask,
      sendMessageBundleTask,
    ],
    access: jobsAccess,
  },
  // Payload's generated types live in the contract package both apps import (issue #11); the
  // module augmentation Payload needs stays in the CMS (src/payload-types.ts).
  typescript: {
    outputFile: path.resolve(dirname, '../../../packages/contracts/src/payload-types.ts'),
    declare: false,
  },
  onInit: async (payload) => {
    if (databaseKindFor(env.databaseUrl) === 'sqlite') {
      serializeWrites(payload)
      await runMigrationsOnInit(payload)
    } else {
      await ensureSharedStateIndexes(payload)
    }
    // Only the running CMS server works through the outbox (unless JOBS_RUNNER=off leaves it to
    // the worker): not tests, not `next build`, not short-lived scripts (the seed writes a lot
    // and would only contend with it).
    const isServer =
      process.env.NEXT_RUNTIME === 'nodejs' && process.env.NEXT_PHASE !== 'phase-production-build'
    if (env.schoolpostEnv !== 'test' && isServer && env.jobsInProcess) {
      startOutboxRunner(payload)
    }
  },
})

// Access for the collections Payload adds itself while building, and the parents' query guard;
// the house-rules gate in front of every endpoint (a parent who has not accepted gets a 403);
// then what a delete does to the records that point at the deleted one (and, on MongoDB, what
// SQLite's foreign keys do: no links to nothing), and the visibility
// and portal versions every write that changes what parents see bumps.
export default withExplicitAccess(config)
  .then(withHouseRulesGate)
  .then(withDeleteRules)
  .then(withMongoReferences)
  .then(withVisibilityVersion)
  .then(withPortalVersion)
