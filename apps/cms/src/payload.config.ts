import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { EmailLog } from './collections/EmailLog'
import { Groups } from './collections/Groups'
import { Invitations } from './collections/Invitations'
import { Parents } from './collections/Parents'
import { Pupils } from './collections/Pupils'
import { Staff } from './collections/Staff'
import { keepBusyTimeout } from './db/keep-busy-timeout'
import { runMigrationsOnInit } from './db/run-migrations-on-init'
import { databaseKindFor, selectDatabaseAdapter } from './db/select-database-adapter'
import { outboxEmailAdapter } from './email/outbox-email-adapter'
import { sendEmailTask } from './email/send-email-task'
import { importPupilsEndpoint } from './import/import-pupils-endpoint'
import { SchoolSettings } from './globals/SchoolSettings'
import { jobsAccess } from './jobs/access'
import { startOutboxRunner } from './jobs/start-outbox-runner'
import { env } from './lib/env'

const dirname = path.dirname(fileURLToPath(import.meta.url))

// This file only assembles: every collection, global, access rule and hook lives in its own folder.
export default buildConfig({
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
      beforeDashboard: ['/components/admin/DashboardShortcuts#DashboardShortcuts'],
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
  collections: [Staff, Parents, Groups, Pupils, Invitations, EmailLog],
  globals: [SchoolSettings],
  db: selectDatabaseAdapter(env.databaseUrl),
  email: outboxEmailAdapter({ from: env.emailFrom }),
  endpoints: [importPupilsEndpoint],
  sharp,
  graphQL: { disable: true },
  cors: [env.portalUrl],
  csrf: [env.portalUrl, env.cmsUrl],
  jobs: {
    tasks: [sendEmailTask],
    access: jobsAccess,
  },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  onInit: async (payload) => {
    if (databaseKindFor(env.databaseUrl) === 'sqlite') {
      keepBusyTimeout(payload)
      await runMigrationsOnInit(payload)
    }
    // The running CMS works through the outbox; tests and `next build` run no background work.
    if (env.schoolpostEnv !== 'test' && process.env.NEXT_PHASE !== 'phase-production-build') {
      startOutboxRunner(payload)
    }
  },
})
