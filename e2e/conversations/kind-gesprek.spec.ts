import { expect, test } from '@playwright/test'

import { adminLogin } from '../support/admin-ui'
import { setSchoolClock } from '../support/clock'
import { receivedEmails, staffToken } from '../support/cms-api'
import { schoolPhone } from '../support/demo'
import { portalLogin } from '../support/portal'
import { CMS_URL, PORTAL_URL } from '../support/urls'

// Tess Visser (Groep 1-2) has two guardians, Mark and Linda; Sanne Bakker teaches her group.
const teacher = { email: 'sanne.bakker@deregenboog.test', name: 'Sanne Bakker' }
const mark = { email: 'mark.visser@ouders.test', name: 'Mark Visser' }
const linda = { email: 'linda.visser@ouders.test', name: 'Linda Visser' }
const otherParent = 'eva.dejong@ouders.test' // Daan, also Groep 1-2: not in Tess's conversation
const SUBJECT = 'Tess en het rekenen'

// Monday 7 December 2026, 10:30 in Amsterdam: school hours.
const MONDAY_1030 = '2026-12-07T09:30:00.000Z'

test.describe.configure({ mode: 'serial' })

test('a kind-gesprek from /admin reaches both guardians; read status, privacy, availability and the conduct check', async ({
  browser,
  request,
}) => {
  // Three sessions, two admin saves and an email through the outbox runner (every 5 s): over a
  // minute on a busy 2-core CI machine, which the default 60 s cut off mid-poll.
  test.setTimeout(240_000)
  setSchoolClock(MONDAY_1030)

  // The teacher starts the conversation in the admin and writes the first message there.
  const admin = await adminLogin(browser, teacher.email)
  await admin.goto(`${CMS_URL}/admin/collections/conversations/create`)
  const pupil = admin.locator('#field-pupil').getByRole('combobox')
  await pupil.click()
  await pupil.fill('Tess')
  await admin.getByRole('option', { name: 'Tess Visser', exact: true }).click()
  await admin.getByLabel('Onderwerp').fill(SUBJECT)
  await admin.getByRole('button', { name: 'Bewaar' }).click()
  await expect(admin).toHaveURL(/\/admin\/collections\/conversations\/(?!create)[A-Za-z0-9_-]+$/, {
    timeout: 60_000,
  })
  const conversationId = admin.url().split('/').pop()!
  await admin
    .getByLabel('Nieuw bericht')
    .fill('Tess rekent sinds kort heel vlot tot 20. Oefenen jullie thuis ook?')
  // With a photo of her group, under the image rules of posts; one of Groep 3 is refused.
  await admin.getByText("Foto's toevoegen").click()
  const otherGroup = admin.getByRole('checkbox', { name: /Groep 3 bij het letterbord/ })
  await otherGroup.check()
  await admin.getByRole('button', { name: 'Bericht versturen' }).click()
  await expect(admin.getByText(/uit een andere groep/).first()).toBeVisible()
  await otherGroup.uncheck()
  await admin.getByRole('checkbox', { name: /Groep 1-2 verft met vingerverf/ }).check()
  await expect(admin.getByText("Foto's toevoegen (1 gekozen)")).toBeVisible()
  await admin.getByRole('button', { name: 'Bericht versturen' }).click()
  await expect(admin.getByText('Tess rekent sinds kort heel vlot tot 20.')).toBeVisible()
  await expect(
    admin.getByRole('listitem').filter({ hasText: 'Tess rekent' }).getByRole('img'),
  ).toHaveAttribute('alt', 'Groep 1-2 verft met vingerverf')
  await expect(
    admin.getByText('Het laatste bericht is nog door niemand anders gelezen.'),
  ).toBeVisible()

  // Mark: the unread badge in the header, the list, the thread; the notice in school hours.
  const markPage = await portalLogin(browser, mark.email)
  await expect(markPage.getByRole('link', { name: 'Gesprekken 1 ongelezen' })).toBeVisible()
  await markPage
    .getByRole('link', { name: /^Gesprekken/ })
    .first()
    .click()
  await expect(markPage.getByRole('heading', { name: 'Gesprekken', level: 1 })).toBeVisible()
  await markPage.getByRole('link', { name: new RegExp(SUBJECT) }).click()
  await expect(markPage.getByRole('heading', { name: SUBJECT, level: 1 })).toBeVisible()
  await expect(markPage.getByText('Tess rekent sinds kort heel vlot tot 20.')).toBeVisible()
  // The photo, in its derived sizes through the portal's file route, with the sharing rule.
  const photo = markPage.getByRole('img', { name: 'Groep 1-2 verft met vingerverf' })
  await expect(photo).toBeVisible()
  await expect
    .poll(() => photo.evaluate((img) => (img as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0)
  await expect(
    markPage.getByText(/in dit gesprek zijn alleen voor jullie\. Deel ze niet buiten Schoolpost/),
  ).toBeVisible()
  const notice = markPage.getByRole('status').filter({ hasText: 'De leerkracht geeft nu les' })
  await expect(notice).toContainText('Je krijgt antwoord, maar niet meteen')
  await expect(notice.getByRole('link', { name: schoolPhone })).toHaveAttribute(
    'href',
    'tel:0711234567',
  )
  await expect(markPage.getByText(/Je krijgt meestal binnen twee werkdagen antwoord/)).toBeVisible()
  // Reading it took the badge away, also on the start page the portal had kept with it.
  await expect(markPage.getByRole('link', { name: 'Gesprekken', exact: true })).toBeVisible()
  const threadUrl = markPage.url()
  await markPage.goto(`${PORTAL_URL}/`)
  await expect(markPage.getByRole('link', { name: 'Gesprekken', exact: true })).toBeVisible()
  await markPage.goto(threadUrl)

  await markPage
    .getByLabel('Je bericht', { exact: true })
    .fill('Dank u! We oefenen met de dobbelsteen.')
  await markPage.getByRole('button', { name: 'Versturen' }).click()
  await expect(markPage).toHaveURL(/verstuurd=/)
  const mine = markPage.getByRole('listitem').filter({ hasText: 'We oefenen met de dobbelsteen.' })
  await expect(mine).toContainText('Jij')

  // Linda, the other guardian, reads the whole conversation.
  const lindaPage = await portalLogin(browser, linda.email)
  await lindaPage.goto(`${PORTAL_URL}/gesprekken/${conversationId}`)
  await expect(lindaPage.getByText('Tess rekent sinds kort heel vlot tot 20.')).toBeVisible()
  await expect(lindaPage.getByText('Dank u! We oefenen met de dobbelsteen.')).toBeVisible()

  // The teacher sees who has read the latest message.
  await admin.reload()
  await expect(admin.getByText('Dank u! We oefenen met de dobbelsteen.')).toBeVisible()
  await expect(admin.getByText(`Laatste bericht gelezen door: ${linda.name}`)).toBeVisible()

  // A parent of another pupil: the conversation does not exist for them.
  const other = await portalLogin(browser, otherParent)
  const refused = await other.goto(`${PORTAL_URL}/gesprekken/${conversationId}`)
  expect(refused?.status()).toBe(404)
  await expect(other.getByRole('heading', { name: 'Gesprek niet gevonden' })).toBeVisible()
  await expect(other.getByText('Tess rekent')).toHaveCount(0)

  // An abusive message is held with the reason; the other guardian never sees it.
  await markPage.getByLabel('Je bericht', { exact: true }).fill('Jij bent een klootzak, juf.')
  await markPage.getByRole('button', { name: 'Versturen' }).click()
  await expect(markPage).toHaveURL(/tegengehouden=/)
  await expect(markPage.getByText('Je bericht is niet bezorgd')).toBeVisible()
  await expect(markPage.getByText(/het bevat een scheldwoord/)).toBeVisible()
  await lindaPage.reload()
  await expect(lindaPage.getByText('Dank u! We oefenen met de dobbelsteen.')).toBeVisible()
  await expect(lindaPage.getByText('klootzak')).toHaveCount(0)

  // With JavaScript on, the teacher's answer appears on Linda's open page without reloading.
  const token = await staffToken(request, teacher.email)
  const answer = await request.post(`${CMS_URL}/api/messages`, {
    headers: { Authorization: `JWT ${token}` },
    data: { conversation: conversationId, body: 'Wat leuk! Tot morgen.' },
  })
  expect(answer.status()).toBe(201)
  await expect(lindaPage.getByText('Wat leuk! Tot morgen.')).toBeVisible({ timeout: 30_000 })

  // And the guardians hear of it by email, without the text.
  const [mail] = await receivedEmails(request, linda.email, (m) =>
    m.subject.includes(`Nieuw bericht van ${teacher.name} over Tess`),
  )
  expect(mail!.text).not.toContain('Tess rekent')
  expect(mail!.text).toContain(`/gesprekken/${conversationId}`)
})

test('after school the composer has no availability notice; a parent starts a question', async ({
  browser,
}) => {
  setSchoolClock('2026-12-07T17:00:00.000Z') // 18:00
  const page = await portalLogin(browser, mark.email)
  await page.goto(`${PORTAL_URL}/gesprekken/nieuw`)
  await page.getByRole('radio', { name: /Tess/ }).check()
  await page.getByLabel('Onderwerp').fill('Luizencontrole')
  await page.getByLabel('Je bericht').fill('Wanneer is de volgende luizencontrole?')
  await page.getByRole('button', { name: 'Vraag versturen' }).click()
  await expect(page.getByRole('heading', { name: 'Luizencontrole', level: 1 })).toBeVisible()
  const messages = page.getByRole('list', { name: 'Berichten' }).getByRole('listitem')
  await expect(messages).toHaveCount(1)
  await expect(messages.first()).toContainText('Wanneer is de volgende luizencontrole?')
  await expect(page.getByText('De leerkracht geeft nu les')).toHaveCount(0)
  await expect(page.getByText('Vraag over Tess')).toBeVisible()

  // A question is the asking parent's: the other guardian does not see it.
  const questionUrl = page.url().split('?')[0]!
  const lindaPage = await portalLogin(browser, linda.email)
  await lindaPage.goto(`${PORTAL_URL}/gesprekken`)
  await expect(lindaPage.getByRole('link', { name: /Luizencontrole/ })).toHaveCount(0)
  expect((await lindaPage.goto(questionUrl))?.status()).toBe(404)
})
