import { randomUUID } from 'node:crypto'

import { expect, test } from '@playwright/test'

import { adminLogin } from '../support/admin-ui'
import { staffToken } from '../support/cms-api'
import { director } from '../support/demo'
import { CMS_URL } from '../support/urls'

/**
 * A family leaves the school (issue #16): the director opens a parent's page, first sees who
 * belongs to the family and what happens to each kind of record, and erases it only after typing
 * WISSEN. The security log shows the erasure without names; the house-rules line on the
 * dashboard names who has not accepted the version in force.
 */
test('the director erases a departed family after a dry run', async ({ browser, request }) => {
  const token = await staffToken(request)
  const auth = { Authorization: `JWT ${token}` }
  const tag = randomUUID().slice(0, 6)
  const groups = await request.get(`${CMS_URL}/api/groups?limit=1&depth=0`, { headers: auth })
  const group = ((await groups.json()) as { docs: { id: string }[] }).docs[0]!.id
  const pupil = await request.post(`${CMS_URL}/api/pupils`, {
    headers: auth,
    data: { firstName: 'Vera', lastName: `Vertrek${tag}`, group },
  })
  expect(pupil.status()).toBe(201)
  const pupilId = ((await pupil.json()) as { doc: { id: string } }).doc.id
  const parent = await request.post(`${CMS_URL}/api/parents`, {
    headers: auth,
    data: {
      name: `Olga Vertrek${tag}`,
      email: `olga.${tag}@vertrek.test`,
      children: [pupilId],
    },
  })
  expect(parent.status()).toBe(201)
  const parentId = ((await parent.json()) as { doc: { id: string } }).doc.id

  const page = await adminLogin(browser, director.email)
  // The dashboard says how far the parents are with the house rules in force.
  await expect(page.getByRole('heading', { name: /^Huisregels versie \d+$/ })).toBeVisible()
  await expect(page.getByText(/\d+ van \d+ actieve ouders zijn akkoord\./)).toBeVisible()

  await page.goto(`${CMS_URL}/admin/collections/parents/${parentId}`)
  const panel = page.getByRole('region', { name: 'Gezin wissen' })
  await panel.getByRole('button', { name: 'Bekijk wat er gewist wordt' }).click()
  await expect(panel.getByText(`Olga Vertrek${tag}`)).toBeVisible()
  await expect(panel.getByText(`Vera Vertrek${tag}`)).toBeVisible()
  await expect(panel.getByRole('row', { name: /^Leerlingen 1$/ })).toBeVisible()
  await expect(
    panel.getByRole('row', {
      name: /^Ouderaccounts, met sessies, wachtwoord, uitnodigingen en agendalink 1$/,
    }),
  ).toBeVisible()

  const erase = panel.getByRole('button', { name: 'Gezin definitief wissen' })
  await expect(erase).toBeDisabled()
  await panel.getByLabel(/Typ WISSEN om te bevestigen/).fill('WISSEN')
  await erase.click()
  await expect(page).toHaveURL(/\/admin\/collections\/parents\/?(\?.*)?$/, { timeout: 30_000 })

  const gone = await request.get(`${CMS_URL}/api/parents/${parentId}?depth=0`, { headers: auth })
  expect(gone.status()).toBe(404)
  const log = await request.get(
    `${CMS_URL}/api/audit-events?where[type][equals]=erasure&sort=-createdAt&limit=1&depth=0`,
    { headers: auth },
  )
  const [row] = ((await log.json()) as { docs: { summary: string }[] }).docs
  expect(row!.summary).toMatch(/^Gezin gewist: 1 ouder en 1 leerling\./)
  expect(row!.summary).not.toContain(tag)
})
