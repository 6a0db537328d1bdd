import { expect, test } from '@playwright/test'

import { DEMO_PASSWORD, fatima, schoolPhone } from '../support/demo'
import { PORTAL_URL } from '../support/urls'

test('a logged-out visitor is redirected to the login page', async ({ page }) => {
  await page.goto(`${PORTAL_URL}/`)
  await expect(page).toHaveURL(`${PORTAL_URL}/inloggen`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
})

test('a wrong password gets a clear Dutch message', async ({ page }) => {
  await page.goto(`${PORTAL_URL}/inloggen`)
  await page.getByLabel(/e-mail/i).fill(fatima.email)
  await page.getByLabel(/wachtwoord/i).fill('helemaal-fout-wachtwoord')
  await page.getByRole('button', { name: /inloggen/i }).click()
  await expect(page.getByRole('alert')).toContainText('Het e-mailadres of wachtwoord klopt niet.')
  await expect(page.getByLabel(/e-mail/i)).toHaveValue(fatima.email)
})

test('a parent logs in, sees only their own children and the school phone, and logs out', async ({
  page,
  context,
}) => {
  await page.goto(`${PORTAL_URL}/inloggen`)
  await page.getByLabel(/e-mail/i).fill(fatima.email)
  await page.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: /inloggen/i }).click()

  await expect(page).toHaveURL(`${PORTAL_URL}/`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(fatima.name)
  for (const child of fatima.children) {
    const card = page.getByRole('article').filter({ hasText: child.name })
    await expect(card).toContainText(child.group)
  }
  await expect(page.getByRole('region', { name: 'Je kinderen' }).getByRole('article')).toHaveCount(
    fatima.children.length,
  )
  await expect(page.getByText('Daan de Jong')).toHaveCount(0)
  await expect(page.getByRole('link', { name: new RegExp(schoolPhone) })).toHaveAttribute(
    'href',
    /^tel:/,
  )

  // The portal's own cookie: httpOnly, and Payload's cookie is never forwarded.
  const cookies = await context.cookies(PORTAL_URL)
  expect(cookies.find((c) => c.name === 'payload-token')).toBeUndefined()
  const session = cookies.find((c) => c.name === 'sp_session')
  expect(session?.httpOnly).toBe(true)
  expect(session?.sameSite).toBe('Lax')

  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page).toHaveURL(/\/inloggen/)
  await expect(page.getByText('Je bent uitgelogd.')).toBeVisible()
  await page.goto(`${PORTAL_URL}/`)
  await expect(page).toHaveURL(`${PORTAL_URL}/inloggen`)
})
