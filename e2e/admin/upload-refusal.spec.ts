import { expect, test } from '@playwright/test'

import { adminLogin } from '../support/admin-ui'
import { CMS_URL } from '../support/urls'

const teacherEmail = 'sanne.bakker@deregenboog.test'

/**
 * Issue #9 item 12: in the production build a refused upload said "An unknown error occurred."
 * (Payload formats errors by their minified class name). A teacher uploading an SVG in /admin
 * must see check-upload's own Dutch refusal in the toast.
 */
test('a teacher who uploads an SVG in /admin is told in Dutch why it is refused', async ({
  browser,
}) => {
  const page = await adminLogin(browser, teacherEmail)
  await page.goto(`${CMS_URL}/admin/collections/media/create`)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Selecteer een bestand' }).click()
  await (
    await chooser
  ).setFiles({
    // The browser claims a PNG (so the admin's own type check lets it through, as a renamed
    // file does); the bytes are an SVG, which check-upload refuses on the server.
    name: 'tekening.png',
    mimeType: 'image/png',
    buffer: Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
    ),
  })
  await page.getByRole('textbox', { name: 'Beschrijving (voor schermlezers)' }).fill('Tekening')
  await page.getByRole('button', { name: 'Bewaar' }).click()
  const toast = page.locator('[data-sonner-toast][data-type="error"]')
  await expect(toast).toContainText('Dit bestandstype kan niet.')
  await expect(toast).not.toContainText(/unknown error/i)
})
