import { expect, test } from '@playwright/test'

import { DEMO_PASSWORD, director, schoolName } from '../support/demo'
import { CMS_URL } from '../support/urls'

test('a director logs into /admin and sees the Dutch, branded admin', async ({ page }) => {
  await page.goto(`${CMS_URL}/admin`)
  await expect(page).toHaveURL(/\/admin\/login/)
  await expect(page.getByText('Schoolpost', { exact: true })).toBeVisible()
  await expect(page.getByText(schoolName)).toBeVisible()

  await page.getByLabel(/e-mail/i).fill(director.email)
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()

  await expect(page).toHaveURL(new RegExp(`${CMS_URL}/admin/?$`))
  const nav = page.getByRole('navigation')
  await expect(nav.getByRole('link', { name: 'Medewerkers', exact: true })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Ouders', exact: true })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Leerlingen', exact: true })).toBeVisible()
  await expect(nav.getByRole('link', { name: 'Groepen', exact: true })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl')
})
