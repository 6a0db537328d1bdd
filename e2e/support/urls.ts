/** Ports apart from the dev defaults (3000/4321), so e2e never talks to a developer's servers. */
export const CMS_URL = process.env.E2E_CMS_URL ?? 'http://localhost:3100'
export const PORTAL_URL = process.env.E2E_PORTAL_URL ?? 'http://localhost:4400'
export const MAIL_STUB_URL = process.env.E2E_MAIL_STUB_URL ?? 'http://127.0.0.1:3199'
