import { expect, test } from '@playwright/test'

import { fatima } from '../support/demo'
import { PORTAL_URL } from '../support/urls'

test('"Wachtwoord vergeten?" always gives the same confirmation', async ({ page }) => {
  await page.goto(`${PORTAL_URL}/inloggen`)
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click()
  await expect(page).toHaveURL(`${PORTAL_URL}/wachtwoord-vergeten`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord vergeten')

  await page.getByLabel(/e-mail/i).fill(fatima.email)
  await page.getByRole('button', { name: /stuur mij een link/i }).click()
  await expect(page.getByRole('status')).toContainText('Als dit e-mailadres bij ons bekend is')
  await expect(page.getByRole('link', { name: /terug naar inloggen/i })).toBeVisible()
})

test('an unknown invitation link is a clear Dutch 404 page', async ({ page }) => {
  const response = await page.goto(`${PORTAL_URL}/uitnodiging/${'A'.repeat(43)}`)
  expect(response?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze link werkt niet')
  await expect(page.getByRole('alert')).toContainText('Deze uitnodigingslink bestaat niet')
  await expect(page.getByRole('link', { name: /log dan in/i })).toHaveAttribute('href', '/inloggen')
})

test('a spent reset link says so and offers a new one', async ({ page }) => {
  const token = 'f'.repeat(40)
  await page.goto(`${PORTAL_URL}/wachtwoord-herstellen/${token}`)
  const password = page.getByLabel('Nieuw wachtwoord', { exact: true })
  await expect(password).toHaveAttribute('autocomplete', 'new-password')

  // Two different passwords are caught at once, at the repeat field.
  await password.fill('wij fietsen elke dag naar school')
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('wij fietsen elke dag')
  await page.getByRole('button', { name: /opslaan/i }).click()
  await expect(page.getByText('De twee wachtwoorden zijn niet hetzelfde.')).toBeVisible()

  await page
    .getByLabel('Nieuw wachtwoord', { exact: true })
    .fill('wij fietsen elke dag naar school')
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('wij fietsen elke dag naar school')
  await page.getByRole('button', { name: /opslaan/i }).click()
  await expect(page.getByRole('alert')).toContainText('Deze link is verlopen of al gebruikt.')
  await expect(page.getByRole('link', { name: 'Vraag een nieuwe link aan' })).toHaveAttribute(
    'href',
    '/wachtwoord-vergeten',
  )
})
