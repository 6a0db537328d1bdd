import { expect, test } from '@playwright/test'

import { DEMO_PASSWORD } from '../support/demo'
import { portalLogin, submitPortalLogin } from '../support/portal'
import { PORTAL_URL } from '../support/urls'

// A demo parent no other spec logs in as: the password stays changed for the rest of the run.
const parent = { email: 'jeroen.deboer@ouders.test', name: 'Jeroen de Boer' }
const NEW_PASSWORD = 'wij fietsen samen naar de bibliotheek'

test('a parent changes their password: this session goes on, the other ends, the new one logs in', async ({
  browser,
}) => {
  const otherDevice = await portalLogin(browser, parent.email)
  const page = await portalLogin(browser, parent.email)

  await page.goto(`${PORTAL_URL}/account`)
  await page.getByRole('link', { name: 'Wachtwoord wijzigen' }).click()
  await expect(page).toHaveURL(`${PORTAL_URL}/account/wachtwoord`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wachtwoord wijzigen')
  const current = page.getByLabel('Huidig wachtwoord')
  const password = page.getByLabel('Nieuw wachtwoord', { exact: true })
  const repeat = page.getByLabel('Herhaal het nieuwe wachtwoord')
  const submit = page.getByRole('button', { name: 'Wachtwoord wijzigen' })
  await expect(current).toHaveAttribute('autocomplete', 'current-password')
  await expect(password).toHaveAttribute('autocomplete', 'new-password')

  // Two different new passwords are caught in the portal, at the repeat field.
  await current.fill(DEMO_PASSWORD)
  await password.fill(NEW_PASSWORD)
  await repeat.fill('wij fietsen samen')
  await submit.click()
  await expect(page.getByRole('alert')).toContainText('Je wachtwoord is nog niet gewijzigd.')
  await expect(page.getByText('De twee wachtwoorden zijn niet hetzelfde.')).toBeVisible()

  // A wrong current password is refused by the CMS.
  await current.fill('niet-mijn-wachtwoord')
  await password.fill(NEW_PASSWORD)
  await repeat.fill(NEW_PASSWORD)
  await submit.click()
  await expect(page.getByText('Je huidige wachtwoord klopt niet.')).toBeVisible()

  await current.fill(DEMO_PASSWORD)
  await password.fill(NEW_PASSWORD)
  await repeat.fill(NEW_PASSWORD)
  await submit.click()
  await expect(page).toHaveURL(`${PORTAL_URL}/account/wachtwoord?gewijzigd=1`)
  await expect(page.getByRole('status')).toContainText(
    'Je wachtwoord is gewijzigd. Op andere apparaten ben je uitgelogd.',
  )

  // This session goes on; the one on the other device is over.
  await page.goto(`${PORTAL_URL}/account`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je gegevens')
  await otherDevice.goto(`${PORTAL_URL}/`)
  await expect(otherDevice).toHaveURL(/\/inloggen/)

  await page.getByRole('button', { name: 'Uitloggen' }).click()
  await expect(page).toHaveURL(/\/inloggen/)
  await submitPortalLogin(page, parent.email, DEMO_PASSWORD)
  await expect(page.getByRole('alert')).toContainText('Het e-mailadres of wachtwoord klopt niet.')
  await submitPortalLogin(page, parent.email, NEW_PASSWORD)
  await expect(page).toHaveURL(`${PORTAL_URL}/`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(parent.name)
})
