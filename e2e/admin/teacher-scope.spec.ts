import { expect, test } from '@playwright/test'

import { signInToAdmin } from '../support/admin-ui'
import { CMS_URL } from '../support/urls'

test('a teacher sees only the pupils and groups of their own groups in /admin', async ({
  page,
}) => {
  await signInToAdmin(page, 'sanne.bakker@deregenboog.test')

  await page.goto(`${CMS_URL}/admin/collections/groups`)
  const groups = page.getByRole('table')
  await expect(groups.getByRole('link', { name: 'Groep 1-2' })).toBeVisible()
  await expect(groups.getByRole('link', { name: 'Groep 3' })).toBeVisible()
  await expect(groups.getByText('Groep 5a')).toHaveCount(0)
  await expect(groups.getByText('Groep 7')).toHaveCount(0)

  await page.goto(`${CMS_URL}/admin/collections/pupils?limit=100`)
  const pupils = page.getByRole('table')
  await expect(pupils.getByRole('link', { name: 'Daan de Jong' })).toBeVisible()
  await expect(pupils.getByRole('link', { name: 'Noor Yilmaz' })).toBeVisible()
  await expect(pupils.getByText('Emir Yilmaz')).toHaveCount(0)
  await expect(pupils.getByText('Zoë Peters')).toHaveCount(0)
  await expect(pupils.getByRole('row')).toHaveCount(11) // header + 10 pupils of Groep 1-2 and 3
})
