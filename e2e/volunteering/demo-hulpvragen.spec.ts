import { expect, test } from '@playwright/test'

import { portalLogin } from '../support/portal'
import { PORTAL_URL } from '../support/urls'

// Nadia Peters (Zoë, Groep 5a) is signed up in the demo for the ride to the petting farm.
const nadia = 'nadia.peters@ouders.test'
const FARM = 'Begeleiders gezocht: kinderboerderij'

test('the demo school: Nadia finds the request on her start page, her sign-up, and the agenda', async ({
  browser,
}) => {
  const page = await portalLogin(browser, nadia)
  const help = page.getByRole('region', { name: 'Hulp gevraagd' })
  await expect(help.getByRole('link', { name: FARM })).toBeVisible()
  await help.getByRole('link', { name: FARM }).click()
  await expect(page).toHaveURL(/\/hulpvragen#hulpvraag-[A-Za-z0-9_-]+$/)
  const request = page.getByRole('region', { name: FARM })
  const ride = request
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Meefietsen heenweg' }) })
  await expect(ride.getByText('Je bent aangemeld.', { exact: true })).toBeVisible()
  await expect(ride.getByRole('button', { name: 'Afmelden' })).toBeVisible()
  // The return trip is full (Samir) with Joyce waiting: Nadia may join the waitlist.
  const back = request
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Meefietsen terugweg' }) })
  await expect(back.getByText('Vol', { exact: true })).toBeVisible()
  await expect(back.getByRole('button', { name: 'Op de wachtlijst' })).toBeVisible()
  // Who else signed up is nowhere on the page.
  await expect(page.getByText(/Opa Jan|Karin|Samir|Joyce/)).toHaveCount(0)

  // The agenda: this month and the next, as headed lists, and the way to the phone's calendar.
  await page.goto(`${PORTAL_URL}/agenda`)
  await expect(page.getByRole('heading', { name: 'Agenda', level: 1 })).toBeVisible()
  await expect(page.locator('section.month')).toHaveCount(2)
  await page.getByRole('link', { name: 'Zet de agenda in je telefoon' }).click()
  await expect(page.getByRole('heading', { name: 'Agenda in je telefoon' })).toBeVisible()
})
