/**
 * Run before `next start`: opens the database (which applies committed migrations), seeds the
 * demo school when SEED_DEMO allows it, and prints the demo logins.
 */
import { getPayload } from 'payload'

import config from '../payload.config'
import { env } from '../lib/env'
import { demoLoginsText, seedDemoSchool } from '../seed/seed-demo-school'

const payload = await getPayload({ config })
if (env.seedDemo) {
  const result = await seedDemoSchool(payload)
  payload.logger.info(
    `Demo-school: ${result.created} aangemaakt, ${result.existing} bestond al (seed: ${(result.durationMs / 1000).toFixed(1)} s).`,
  )
  console.log(`\n${demoLoginsText(env.cmsUrl, env.portalUrl)}\n`)
}
await payload.destroy()
process.exit(0)
