import { expect, test } from '@playwright/test'

import { adminLogin, expectSaved } from '../support/admin-ui'
import { receivedEmails } from '../support/cms-api'
import { director } from '../support/demo'
import { portalLogin } from '../support/portal'
import { CMS_URL, PORTAL_URL } from '../support/urls'

const eva = { email: 'eva.dejong@ouders.test', name: 'Eva de Jong' }

test('a parent sends feedback, the director answers it in /admin, the parent reads the answer', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000) // a portal session and a save in /admin on a busy 2-core machine
  const parent = await portalLogin(browser, eva.email)
  await parent.goto(`${PORTAL_URL}/account`)
  await parent.getByRole('link', { name: /^Feedback/ }).click()
  await expect(parent.getByRole('heading', { level: 1, name: 'Feedback' })).toBeVisible()
  // Her earlier tip (demo seed), with the director's answer.
  const earlier = parent.getByRole('article').filter({ hasText: 'Schoolpost (de app)' })
  await expect(earlier).toContainText('Status: Afgehandeld')
  await expect(earlier).toContainText(/Antwoord van de directie/)

  // A remark the code of conduct holds comes back with the reason and what she typed.
  const form = parent.locator('form.feedback-form')
  await form.getByRole('radio', { name: 'De school' }).check()
  await form
    .getByLabel('Je tip of opmerking')
    .fill('Die nieuwe overblijfregel is echt kut geregeld.')
  await form.getByRole('button', { name: 'Feedback versturen' }).click()
  await expect(
    parent.getByText(/Je feedback is niet verstuurd: het bevat een scheldwoord/).first(),
  ).toBeVisible()
  await expect(form.getByLabel('Je tip of opmerking')).toHaveValue(
    'Die nieuwe overblijfregel is echt kut geregeld.',
  )

  const text = `De nieuwe overblijfregel is nog niet duidelijk voor ons (${Date.now()}).`
  await form.getByLabel('Je tip of opmerking').fill(text)
  await form.getByRole('checkbox', { name: /Laat mijn naam niet aan leerkrachten zien/ }).check()
  await form.getByRole('button', { name: 'Feedback versturen' }).click()
  await expect(parent).toHaveURL(`${PORTAL_URL}/feedback?verstuurd=1`)
  await expect(parent.getByText('Bedankt voor je feedback.', { exact: false })).toBeVisible()
  const mine = parent.getByRole('article').filter({ hasText: text })
  await expect(mine).toContainText('Status: Nieuw')
  await expect(mine).toContainText('Naam niet zichtbaar voor leerkrachten')

  // The director sees who sent it and answers.
  const admin = await adminLogin(browser, director.email)
  await admin.goto(`${CMS_URL}/admin/collections/feedback?limit=50`)
  await admin.getByRole('link', { name: text }).click()
  await expect(admin.locator('#field-parentName')).toHaveValue(eva.name)
  await admin
    .getByRole('textbox', { name: 'Antwoord aan de ouder' })
    .fill('Dank je! We zetten de overblijfregel deze week in de nieuwsbrief.')
  await admin.getByRole('button', { name: 'Bewaar' }).click()
  await expectSaved(admin, 'Succesvol aangepast.')

  // She hears of the answer by email, with a link to her feedback page.
  const [mail] = await receivedEmails(
    request,
    eva.email,
    (m) => m.subject === 'De school heeft uw feedback beantwoord',
  )
  expect(mail!.text).toContain(`${PORTAL_URL}/feedback`)
  expect(mail!.text).not.toContain('overblijfregel')

  await parent.goto(`${PORTAL_URL}/feedback`)
  await expect(mine).toContainText('Status: In behandeling')
  await expect(mine).toContainText(
    'Dank je! We zetten de overblijfregel deze week in de nieuwsbrief.',
  )
  await expect(mine).toContainText(/Antwoord van de directie, \d+ \w+ \d{4}/)
})
