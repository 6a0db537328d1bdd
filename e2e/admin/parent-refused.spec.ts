import { expect, test } from '@playwright/test'

import { DEMO_PASSWORD, fatima } from '../support/demo'
import { CMS_URL } from '../support/urls'

test('parent credentials are refused by the admin login', async ({ page }) => {
  await page.goto(`${CMS_URL}/admin/login`)
  await page.getByLabel(/e-mail/i).fill(fatima.email)
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page.getByText('Het opgegeven e-mailadres of wachtwoord is onjuist.')).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/login/)
})

test('parent credentials and a parent token are refused by the staff REST endpoints', async ({
  request,
}) => {
  const staffLogin = await request.post(`${CMS_URL}/api/staff/login`, {
    data: { email: fatima.email, password: DEMO_PASSWORD },
  })
  expect(staffLogin.status()).toBe(401)

  const login = await request.post(`${CMS_URL}/api/parents/portal-login`, {
    data: { email: fatima.email, password: DEMO_PASSWORD },
  })
  expect(login.status()).toBe(200)
  const { token } = await login.json()
  const headers = { Authorization: `JWT ${token}` }
  expect((await request.get(`${CMS_URL}/api/staff`, { headers })).status()).toBe(403)
  expect((await request.get(`${CMS_URL}/api/globals/school-settings`, { headers })).status()).toBe(
    200,
  )
  const admin = await request.get(`${CMS_URL}/api/staff/me`, { headers })
  expect((await admin.json()).user).toBeNull()
})
