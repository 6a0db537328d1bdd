import { expect, type Page, test } from '@playwright/test'

import { adminLogin, choose, pick, SAVE_TIMEOUT, trackFormState } from '../support/admin-ui'
import { setSchoolClock } from '../support/clock'
import { receivedEmails } from '../support/cms-api'
import { portalLogin } from '../support/portal'
import { CMS_URL, PORTAL_URL } from '../support/urls'

// Groep 1-2: juf Sanne Bakker teaches it; Eva (Daan), Mark (Tess) and Peter (Liam) are parents.
const teacher = 'sanne.bakker@deregenboog.test'
const eva = 'eva.dejong@ouders.test'
const mark = 'mark.visser@ouders.test'
const peter = 'peter.smit@ouders.test'
const TITLE = 'Hulp bij de pietengym'
const TASK = 'Klimtoestellen opzetten'

// Monday 7 December 2026, 10:30 in Amsterdam; the slot is on Thursday 10 December.
const MONDAY_1030 = '2026-12-07T09:30:00.000Z'

test('a teacher asks for 2 helpers; two parents sign up, the third waits and is promoted when one cancels', async ({
  browser,
  request,
}) => {
  test.setTimeout(240_000)
  setSchoolClock(MONDAY_1030)

  // Juf Sanne makes the request in /admin: one slot with 2 places, with a waitlist.
  const admin = await adminLogin(browser, teacher)
  await admin.goto(`${CMS_URL}/admin/collections/volunteer-requests/create`)
  const formState = trackFormState(admin)
  await admin.getByRole('textbox', { name: 'Titel *' }).fill(TITLE)
  await admin
    .getByRole('textbox', { name: 'Omschrijving *' })
    .fill('Wie helpt de toestellen klaarzetten voor de gymles?')
  await pick(admin, 'groups', 'Groep 1-2')
  // A new row comes from the admin's form-state request; on a busy machine a click while the
  // groups' request is still out can come to nothing. Click again only while no row is there.
  await formState.settled()
  const task = admin.getByRole('textbox', { name: 'Taak *' })
  await expect(async () => {
    if ((await task.count()) === 0)
      await admin.getByRole('button', { name: 'Voeg Moment toe' }).click()
    await expect(task).toBeVisible({ timeout: 15_000 })
  }).toPass({ timeout: 90_000 })
  await task.fill(TASK)
  await admin.getByRole('textbox', { name: 'Datum (JJJJ-MM-DD) *' }).fill('2026-12-10')
  await admin.getByRole('textbox', { name: 'Van *' }).fill('08:15')
  await admin.getByRole('textbox', { name: 'Tot *' }).fill('09:00')
  await admin.getByRole('spinbutton', { name: 'Plekken *' }).fill('2')
  await choose(admin, 'status', 'Gepubliceerd')
  await formState.settled()
  formState.stop()
  await admin.getByRole('button', { name: 'Bewaar' }).click()
  await expect(admin).toHaveURL(
    /\/admin\/collections\/volunteer-requests\/(?!create)[A-Za-z0-9_-]+$/,
    { timeout: SAVE_TIMEOUT },
  )
  await expect(admin.getByText('Nog niemand aangemeld.')).toBeVisible()

  const slot = (page: Page) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: TASK }) })

  // Eva signs up and says grandpa comes.
  const evaPage = await portalLogin(browser, eva)
  await evaPage.getByRole('link', { name: /^Hulpvragen/ }).click()
  await expect(evaPage.getByRole('heading', { name: 'Hulpvragen', level: 1 })).toBeVisible()
  await expect(evaPage.getByRole('heading', { name: TITLE })).toBeVisible()
  await expect(slot(evaPage).getByText('Nog 2 plekken vrij')).toBeVisible()
  await expect(slot(evaPage).getByText('donderdag 10 december, 08:15–09:00')).toBeVisible()
  await slot(evaPage)
    .getByLabel(/Wie komt er/)
    .fill('Opa Kees')
  await slot(evaPage).getByRole('button', { name: 'Aanmelden' }).click()
  await expect(slot(evaPage).getByText('Je bent aangemeld. Dank je wel!')).toBeVisible()
  await expect(slot(evaPage).getByText('Je bent aangemeld (Opa Kees komt).')).toBeVisible()
  await expect(slot(evaPage).getByText('Nog 1 plek vrij')).toBeVisible()

  // Mark takes the last place; he sees how many are left, never who signed up.
  const markPage = await portalLogin(browser, mark)
  await markPage.goto(`${PORTAL_URL}/hulpvragen`)
  await expect(slot(markPage).getByText('Nog 1 plek vrij')).toBeVisible()
  await expect(markPage.getByText('Opa Kees')).toHaveCount(0)
  await slot(markPage).getByRole('button', { name: 'Aanmelden' }).click()
  await expect(slot(markPage).getByText('Je bent aangemeld.', { exact: true })).toBeVisible()

  // Peter finds it full and joins the waitlist.
  const peterPage = await portalLogin(browser, peter)
  await peterPage.goto(`${PORTAL_URL}/hulpvragen`)
  await expect(slot(peterPage).getByText('Vol', { exact: true })).toBeVisible()
  await slot(peterPage).getByRole('button', { name: 'Op de wachtlijst' }).click()
  await expect(
    slot(peterPage).getByText(
      'Je staat op de wachtlijst en bent de volgende als er een plek vrijkomt.',
    ),
  ).toBeVisible()

  // The teacher sees who comes per slot, and who waits.
  await admin.reload()
  await expect(admin.getByText('2 van 2 plekken bezet')).toBeVisible()
  await expect(admin.getByText(/Opa Kees \(ouder: Eva de Jong\)/)).toBeVisible()
  await expect(admin.getByText(/Peter Smit/)).toBeVisible()

  // Eva cancels: Peter gets the place and an email.
  await slot(evaPage).getByRole('button', { name: 'Afmelden' }).click()
  await expect(slot(evaPage).getByText(/Je bent afgemeld/)).toBeVisible()
  const [mail] = await receivedEmails(request, peter, (m) =>
    m.subject.includes(`Er is een plek vrijgekomen: ${TITLE}`),
  )
  expect(mail!.text).toContain(`${TASK}, donderdag 10 december 08:15–09:00`)
  expect(mail!.text).toContain('/hulpvragen#hulpvraag-')
  await peterPage.reload()
  await expect(slot(peterPage).getByText('Je bent aangemeld.', { exact: true })).toBeVisible()
  await admin.reload()
  await expect(admin.getByText(/Peter Smit/)).toBeVisible()
  await expect(admin.getByText(/Opa Kees/)).toHaveCount(0)

  // Peter puts the school's calendar in his phone: his private iCal feed holds his slot.
  await peterPage.goto(`${PORTAL_URL}/account/agenda`)
  await peterPage.getByRole('button', { name: 'Maak een agenda-link' }).click()
  const feedUrl = (await peterPage.locator('.feed-link__url code').textContent())!.trim()
  expect(feedUrl).toMatch(new RegExp(`^${PORTAL_URL}/agenda/[A-Za-z0-9_-]+\\.ics$`))
  const feed = await request.get(feedUrl)
  expect(feed.status()).toBe(200)
  expect(feed.headers()['content-type']).toContain('text/calendar')
  const ics = (await feed.text()).replace(/\r\n[ \t]/g, '')
  expect(ics).toContain(`SUMMARY:Hulpvraag: ${TITLE} — ${TASK}`)
  // 08:15 on Thursday 10 December in Amsterdam is 07:15 UTC.
  expect(ics).toContain('DTSTART:20261210T071500Z')
  // Revoked, the link stops working.
  await peterPage.getByRole('button', { name: 'Link intrekken' }).click()
  await expect(peterPage.getByText('Je hebt nog geen agenda-link.')).toBeVisible()
  expect((await request.get(feedUrl)).status()).toBe(404)
})
