import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

import { signInToAdmin } from '../support/admin-ui'
import { linkIn, receivedEmails, staffToken } from '../support/cms-api'
import { director, office } from '../support/demo'
import { CMS_URL, PORTAL_URL } from '../support/urls'

const sampleCsv = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../docs/samples/leerlingen-import.csv',
)

test('a director imports a CSV and invites; the parent activates and sees only their own children', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(180_000)
  await signInToAdmin(page, director.email)

  await page
    .getByRole('region', { name: 'Snel naar' })
    .getByRole('link', { name: 'Leerlingen importeren' })
    .click()
  await expect(page.getByRole('heading', { name: 'Leerlingen importeren' })).toBeVisible()
  await page.getByLabel('CSV-bestand').setInputFiles(sampleCsv)
  await page.getByRole('button', { name: 'Voorbeeld tonen' }).click()
  const preview = page.getByRole('region', { name: 'Voorbeeld van de import' })
  await expect(preview).toContainText('4 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 met fouten')
  await expect(preview.getByRole('row')).toHaveCount(5)
  await expect(page.getByLabel('Nieuwe ouders direct uitnodigen')).toBeChecked()
  await page.getByRole('button', { name: 'Importeren' }).click()
  // One transaction that creates 4 pupils, 2 groups and 4 parents and queues 4 emails.
  await expect(page.getByRole('status', { name: 'Resultaat van de import' })).toContainText(
    'Import voltooid: 4 nieuw',
    { timeout: 60_000 },
  )
  await expect(page.getByRole('status', { name: 'Resultaat van de import' })).toContainText(
    '4 uitnodigingen verstuurd',
  )

  const [mail] = await receivedEmails(request, 'marieke.kok@ouders.test', (m) =>
    m.subject.includes('Uitnodiging voor Schoolpost'),
  )
  // No pupil names in the email (checked without the link: a random token may hold any letters).
  expect(mail!.text.replace(/https?:\/\/\S+/g, '')).not.toMatch(/Sara|Lina/)
  const link = linkIn(mail!.text, '/uitnodiging')
  // Office reads "Verzonden e-mail", but the link there has lost its token (issue 9.1).
  const token = link.split('/').pop()!
  const log = await request.get(
    `${CMS_URL}/api/email-log?where[to][equals]=marieke.kok%40ouders.test&depth=0`,
    { headers: { Authorization: `JWT ${await staffToken(request, office.email)}` } },
  )
  expect(log.status()).toBe(200)
  const logText = await log.text()
  expect(logText).toContain('/uitnodiging/…')
  expect(logText).not.toContain(token)
  expect(link.startsWith(`${PORTAL_URL}/uitnodiging/`)).toBe(true)

  const parent = await (await browser.newContext({ locale: 'nl-NL' })).newPage()
  await parent.goto(link)
  await expect(parent.getByRole('heading', { level: 1 })).toContainText('Marieke Kok')
  await parent
    .getByLabel('Nieuw wachtwoord', { exact: true })
    .fill('de zon schijnt op het schoolplein')
  await parent.getByLabel(/herhaal/i).fill('de zon schijnt op het schoolplein')
  await parent.getByRole('button', { name: /account activeren|opslaan|wachtwoord/i }).click()
  // First login: the house rules before anything else (S18).
  await expect(parent).toHaveURL(`${PORTAL_URL}/huisregels`)
  await expect(parent.getByText(/^Welkom bij Schoolpost\. Lees eerst de huisregels/)).toBeVisible()
  await expect(
    parent.getByText('Wat in Schoolpost staat, blijft in Schoolpost.', { exact: false }),
  ).toBeVisible()
  await parent.getByRole('button', { name: 'Ik ga akkoord' }).click()
  await expect(parent).toHaveURL(`${PORTAL_URL}/`)
  await expect(
    parent.getByRole('region', { name: 'Je kinderen' }).getByRole('article'),
  ).toHaveCount(2)
  await expect(parent.getByRole('article').filter({ hasText: 'Sara Kok' })).toContainText('Groep 4')
  await expect(parent.getByRole('article').filter({ hasText: 'Lina Kok' })).toContainText('Groep 6')
  await expect(parent.getByText('Jesse van der Berg')).toHaveCount(0)

  // The link is single-use.
  const again = await (await browser.newContext({ locale: 'nl-NL' })).newPage()
  const response = await again.goto(link)
  expect(response?.status()).toBe(410)
  await expect(again.getByText('Deze uitnodiging is al gebruikt.')).toBeVisible()
  await expect(again.getByRole('link', { name: /inloggen/i })).toBeVisible()
})
