import { expect, test } from '@playwright/test'

import { adminLogin } from '../support/admin-ui'
import { MONDAY_0800, setSchoolClock } from '../support/clock'
import { director } from '../support/demo'
import { CMS_URL } from '../support/urls'

// The demo school's absences of Monday 7 December (apps/cms/src/seed/demo-absences.ts).
test.beforeEach(() => setSchoolClock(MONDAY_0800))

test('teachers open "Vandaag" with their own groups’ absences and acknowledge them', async ({
  browser,
}) => {
  const sanne = await adminLogin(browser, 'sanne.bakker@deregenboog.test') // Groep 1-2 and 3
  const today = sanne.getByRole('region', { name: /Vandaag: maandag 7 december/ })
  await expect(today).toBeVisible()
  const daan = today.getByRole('row', { name: /Daan de Jong/ })
  await expect(daan).toContainText('Ziek')
  await expect(daan).toContainText('Koorts sinds vannacht')
  await expect(daan).toContainText('Eva de Jong')
  // Other groups' children are not Sanne's business.
  await expect(today.getByText('Levi Hendriks')).toHaveCount(0)
  await expect(today.getByText('Emir Yilmaz')).toHaveCount(0)
  await daan.getByRole('button', { name: 'Gezien' }).click()
  await expect(daan).toContainText('Gezien')
  await expect(daan.getByRole('button', { name: 'Gezien' })).toHaveCount(0)

  const ahmed = await adminLogin(browser, 'ahmed.elamrani@deregenboog.test') // Groep 5a and 7
  const his = ahmed.getByRole('region', { name: /Vandaag/ })
  await expect(his.getByRole('row', { name: /Levi Hendriks/ })).toContainText('(telefonisch)')
  await expect(his.getByRole('row', { name: /Emir Yilmaz/ })).toContainText('10:00–11:00')
  await expect(his.getByText('Daan de Jong')).toHaveCount(0)
  await his.getByRole('button', { name: /^Alles gezien \(1\)$/ }).click()
  await expect(his.getByRole('row', { name: /Levi Hendriks/ })).toContainText('Gezien')
  await expect(his.getByRole('button', { name: /^Alles gezien/ })).toHaveCount(0)
})

test('the director sees every group and other days, approved leave included', async ({
  browser,
}) => {
  const page = await adminLogin(browser, director.email)
  const today = page.getByRole('region', { name: /Vandaag/ })
  for (const group of ['Groep 1-2', 'Groep 5a', 'Groep 7']) {
    await expect(today.getByRole('heading', { name: new RegExp(`^${group} \\(`) })).toBeVisible()
  }
  await today.getByRole('link', { name: 'Volgende dag' }).click()
  await expect(page).toHaveURL(`${CMS_URL}/admin?dag=2026-12-08`)
  const tuesday = page.getByRole('region', { name: /Afwezig: dinsdag 8 december/ })
  await expect(tuesday.getByRole('row', { name: /Tess Visser/ })).toContainText(
    'Afspraak: Huisarts',
  )
  await expect(tuesday.getByText(/Milan Dekker \(Groep 5a\): verlof/)).toBeVisible()
})
