/** Ports apart from the dev defaults (3000/4321), so e2e never talks to a developer's servers. */
export const CMS_URL = process.env.E2E_CMS_URL ?? 'http://localhost:3100'
export const PORTAL_URL = process.env.E2E_PORTAL_URL ?? 'http://localhost:4400'
