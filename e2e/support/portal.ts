import type { Browser, Page } from '@playwright/test'
import { expect } from '@playwright/test'

import { DEMO_PASSWORD } from './demo'
import { PORTAL_URL } from './urls'

/** A parent logged in to the portal in a fresh browser context (their own cookies). */
export async function portalLogin(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage()
  await page.goto(`${PORTAL_URL}/inloggen`)
  await page.getByLabel(/e-mail/i).fill(email)
  await page.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: /inloggen/i }).click()
  await expect(page).toHaveURL(`${PORTAL_URL}/`)
  return page
}

/** The portal's own URL of a media file (apps/portal/src/features/files/filename.ts). */
export const portalFileUrl = (filename: string) =>
  `${PORTAL_URL}/bestanden/${encodeURIComponent(filename)}`

/** Logs in on the portal's login page with this email and password (the page must be open). */
export async function submitPortalLogin(
  page: Page,
  email: string,
  password: string,
): Promise<void> {
  await page.getByLabel(/e-mail/i).fill(email)
  await page.getByLabel(/wachtwoord/i).fill(password)
  await page.getByRole('button', { name: /inloggen/i }).click()
}
