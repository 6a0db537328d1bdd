import type { Page } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { DEMO_PASSWORD, demoContent, fatima } from '../support/demo'
import { portalLogin, submitPortalLogin } from '../support/portal'
import { PORTAL_URL } from '../support/urls'

/** The demo parent who accepted version 1 only (apps/cms/src/seed/seed-demo-house-rules.ts). */
const hans = { email: 'hans.koster@ouders.test', name: 'Hans Koster' }
const NOTICE_GROUP =
  "Foto's en video's zijn alleen voor ouders van deze groep. Deel ze niet buiten Schoolpost."

/** No control on the page that shares anything (S18). */
async function expectNoShareControls(page: Page) {
  await expect(page.getByRole('button', { name: /delen|deel |share/i })).toHaveCount(0)
  await expect(
    page.getByRole('link', { name: /delen|deel |share|whatsapp|facebook/i }),
  ).toHaveCount(0)
  expect(await page.evaluate(() => document.body.innerHTML)).not.toMatch(
    /navigator\.share|wa\.me\//,
  )
}

test('a new version of the house rules: the parent reads what changed and accepts before anything else', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage()
  await page.goto(`${PORTAL_URL}/agenda`)
  await expect(page).toHaveURL(/\/inloggen/)
  await submitPortalLogin(page, hans.email, DEMO_PASSWORD)

  // Wherever he was going, the rules come first, with what changed since version 1.
  await expect(page).toHaveURL(`${PORTAL_URL}/huisregels?terug=%2Fagenda`)
  await expect(page.getByRole('heading', { level: 1, name: 'Huisregels' })).toBeVisible()
  await expect(page.getByText('De school heeft de huisregels aangepast.')).toBeVisible()
  await expect(page.getByText('Wat is er veranderd?')).toBeVisible()
  await expect(page.getByText(/Nieuw: afspraken over de agenda-link/)).toBeVisible()
  await expect(page.getByText(/^Versie 2, geldig sinds/)).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: 'Agenda in uw telefoon' })).toBeVisible()

  // Every other page sends him back; so does the start page.
  for (const path of ['/', '/berichten/x', '/gesprekken', '/account']) {
    await page.goto(`${PORTAL_URL}${path}`)
    await expect(page).toHaveURL(/\/huisregels/)
  }
  await page.goto(`${PORTAL_URL}/huisregels?terug=%2Fagenda`)

  await page.getByRole('button', { name: 'Ik ga akkoord' }).click()
  await expect(page).toHaveURL(`${PORTAL_URL}/agenda`)
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible()
  await page.goto(`${PORTAL_URL}/`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText(hans.name)

  // Afterwards the page shows what he accepted, without a button.
  await page.goto(`${PORTAL_URL}/account`)
  await page.getByRole('link', { name: 'De huisregels van school' }).click()
  await expect(page.getByText(/^Je bent op .* akkoord gegaan met versie 2\.$/)).toBeVisible()
  await expect(page.getByRole('button', { name: 'Ik ga akkoord' })).toHaveCount(0)
})

test('every view with photos carries the notice, and nothing can be shared', async ({
  browser,
}) => {
  test.setTimeout(120_000)
  const page = await portalLogin(browser, fatima.email)
  const card = page
    .getByRole('region', { name: 'Berichten' })
    .getByRole('article')
    .filter({ hasText: demoContent.groep7Gallery.title })
  await expect(card.getByText(NOTICE_GROUP)).toBeVisible()
  await expectNoShareControls(page)

  await card.getByRole('link', { name: /lees meer/i }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: demoContent.groep7Gallery.title }),
  ).toBeVisible()
  await expect(page.getByText(NOTICE_GROUP)).toBeVisible()
  await expectNoShareControls(page)

  await page.getByRole('link', { name: demoContent.groep7Gallery.visible[0] }).first().click()
  await expect(page.getByText(/^Foto \d+ van \d+$/)).toBeVisible()
  await expect(page.getByText(NOTICE_GROUP)).toBeVisible()
  await expectNoShareControls(page)
})
