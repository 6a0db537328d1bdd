import { readFile } from 'node:fs/promises'

import { expect, test } from '@playwright/test'

import { fatima } from '../support/demo'
import { portalLogin } from '../support/portal'
import { PORTAL_URL } from '../support/urls'

test('a parent downloads their own data as one JSON file', async ({ browser }) => {
  const page = await portalLogin(browser, fatima.email)
  await page.goto(`${PORTAL_URL}/account`)
  await page.getByRole('link', { name: 'Je gegevens downloaden' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Je gegevens' })).toBeVisible()

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: 'Download je gegevens' }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^schoolpost-gegevens-\d{4}-\d\d-\d\d\.json$/)
  const data = JSON.parse(await readFile((await file.path())!, 'utf8')) as {
    export: { format: string }
    account: { email: string; name: string }
    children: { firstName: string }[]
    imageConsents: unknown[]
    houseRulesAcceptances: { version: number }[]
  }
  expect(data.export.format).toBe('schoolpost-export')
  expect(data.account).toMatchObject({ email: fatima.email, name: fatima.name })
  expect(data.children.map((c) => c.firstName).sort()).toEqual(['Emir', 'Noor'])
  expect(data.houseRulesAcceptances.map((a) => a.version)).toEqual([1, 2])
  expect(JSON.stringify(data)).not.toMatch(/"hash"|"salt"|calendarFeed|"sessions"/)
})

test('a parent downloads the photos and videos they may see as a zip, its size shown first', async ({
  browser,
}) => {
  const page = await portalLogin(browser, fatima.email)
  await page.goto(`${PORTAL_URL}/account/gegevens`)
  await expect(page.getByRole('heading', { level: 2, name: "Foto's en video's" })).toBeVisible()
  const summary = page.getByText(/^\d+ foto’s en video’s, samen ongeveer [\d,]+ [MG]B\.$/)
  await expect(summary).toBeVisible()
  const files = Number((await summary.textContent())!.split(' ')[0])

  const download = page.waitForEvent('download')
  await page.getByRole('link', { name: "Download foto's en video's (zip)" }).click()
  const file = await download
  expect(file.suggestedFilename()).toMatch(/^schoolpost-fotos-\d{4}-\d\d-\d\d\.zip$/)
  const zip = await readFile((await file.path())!)
  // A zip's end record holds the number of entries: the files the page announced.
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]))
  expect(end).toBeGreaterThan(0)
  expect(zip.readUInt16LE(end + 10)).toBe(files)
})
