import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { buildConfig } from 'payload'
import sharp from 'sharp'

import { Groups } from './collections/Groups'
import { Parents } from './collections/Parents'
import { Pupils } from './collections/Pupils'
import { Staff } from './collections/Staff'
import { databaseKindFor, selectDatabaseAdapter } from './db/select-database-adapter'
import { SchoolSettings } from './globals/SchoolSettings'
import { jobsAccess } from './jobs/access'
import { env } from './lib/env'
import { runMigrationsOnInit } from './db/run-migrations-on-init'

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
    },
    dateFormat: 'd MMMM yyyy',
  },
  i18n: {
    supportedLanguages: { nl, en },
    fallbackLanguage: 'nl',
  },
  collections: [Staff, Parents, Groups, Pupils],
  globals: [SchoolSettings],
  db: selectDatabaseAdapter(env.databaseUrl),
  sharp,
  graphQL: { disable: true },
  cors: [env.portalUrl],
  csrf: [env.portalUrl, env.cmsUrl],
  jobs: { tasks: [], access: jobsAccess },
  typescript: { outputFile: path.resolve(dirname, 'payload-types.ts') },
  onInit: async (payload) => {
    if (databaseKindFor(env.databaseUrl) === 'sqlite') await runMigrationsOnInit(payload)
  },
})
