import { expect, type Page, test } from '@playwright/test'

import { adminLogin, choose, expectSaved } from '../support/admin-ui'
import { receivedEmails } from '../support/cms-api'
import { MONDAY_0800, setSchoolClock } from '../support/clock'
import { director, fatima, schoolPhone } from '../support/demo'
import { portalLogin } from '../support/portal'
import { CMS_URL, PORTAL_URL } from '../support/urls'

// Fatima's children: Noor (Groep 3, Sanne's) and Emir (Groep 7, who has an appointment today in
// the demo seed). The school's clock is Monday 7 December 2026 (playwright.config.ts).
const TODAY = '2026-12-07'
const TOMORROW = '2026-12-08'

async function report(
  page: Page,
  {
    child,
    kind,
    day,
    reason,
  }: { child: string; kind: 'Ziek' | 'Afspraak'; day: string; reason?: string },
): Promise<void> {
  await page.goto(`${PORTAL_URL}/absentie`)
  const form = page.getByRole('form', { name: 'Afwezigheid melden' })
  await form.getByRole('radio', { name: new RegExp(`^${child}`) }).check()
  await form.getByRole('radio', { name: kind, exact: true }).check()
  await form.getByLabel('Dag', { exact: true }).fill(day)
  if (reason) await form.getByLabel('Reden van de afspraak').selectOption({ label: reason })
  // The browser's own checks (min date) off: what the CMS does with what arrives is the test.
  await form.evaluate((element) => element.setAttribute('novalidate', ''))
  await form.getByRole('button', { name: 'Afwezigheid melden' }).click()
}

test('a sick report at 08:00 reaches the teacher’s "Vandaag"; once seen, the parent reads "gezien"', async ({
  browser,
  request,
}) => {
  setSchoolClock(MONDAY_0800)
  const parent = await portalLogin(browser, fatima.email)
  await parent.goto(`${PORTAL_URL}/absentie`)
  await expect(
    parent.getByRole('heading', { level: 1, name: 'Ziekmelden en verlof' }),
  ).toBeVisible()
  await expect(parent.getByText('Ziekmelden voor vandaag kan tot 08:15.')).toBeVisible()

  await report(parent, { child: 'Noor Yilmaz', kind: 'Ziek', day: TODAY })
  await expect(parent).toHaveURL(/\/absentie\?gemeld=[0-9a-f-]+#melding-/)
  const id = new URL(parent.url()).searchParams.get('gemeld')!
  const item = parent.locator(`#melding-${id}`)
  await expect(item).toContainText('Ziek: maandag 7 december')
  await expect(item).toContainText('Status: Gemeld')
  await expect(item).toContainText('Je melding is verstuurd.')
  const mails = await receivedEmails(request, fatima.email, (m) =>
    m.subject.startsWith('Ontvangen: ziekmelding van Noor'),
  )
  expect(mails[0]!.subject).toBe('Ontvangen: ziekmelding van Noor voor maandag 7 december')

  const sanne = await adminLogin(browser, 'sanne.bakker@deregenboog.test')
  const noor = sanne
    .getByRole('region', { name: /Vandaag/ })
    .getByRole('row', { name: /Noor Yilmaz/ })
  await expect(noor).toContainText('Fatima Yilmaz')
  await noor.getByRole('button', { name: 'Gezien' }).click()
  await expect(noor).toContainText('Gezien')

  await parent.goto(`${PORTAL_URL}/absentie`)
  await expect(parent.locator(`#melding-${id}`)).toContainText('Gezien door de leerkracht')
})

test('after 08:15 the form gives the phone number, and a report for today is refused anyway', async ({
  browser,
}) => {
  setSchoolClock('2026-12-07T07:20:00.000Z') // 08:20
  const parent = await portalLogin(browser, fatima.email)
  await parent.goto(`${PORTAL_URL}/absentie`)
  await expect(
    parent.getByText('Ziekmelden voor vandaag kan niet meer via Schoolpost').first(),
  ).toBeVisible()
  const phone = parent.getByRole('link', { name: schoolPhone }).first()
  await expect(phone).toHaveAttribute('href', /^tel:/)
  // A posted form for today (the page no longer offers it): the CMS refuses, the phone is given.
  await report(parent, { child: 'Emir Yilmaz', kind: 'Ziek', day: TODAY })
  await expect(parent.getByText('Niet verstuurd')).toBeVisible()
  await expect(parent.getByText(/Bel de school/).first()).toBeVisible()
  await expect(parent.getByText('Direct bellen:')).toBeVisible()
})

test('an appointment for today is refused, for tomorrow accepted', async ({ browser }) => {
  setSchoolClock('2026-12-07T08:00:00.000Z') // 09:00
  const parent = await portalLogin(browser, fatima.email)
  await report(parent, { child: 'Noor Yilmaz', kind: 'Afspraak', day: TODAY, reason: 'Huisarts' })
  await expect(parent.getByText('Niet verstuurd')).toBeVisible()
  await expect(parent.getByText(/uiterlijk de dag ervoor/).first()).toBeVisible()
  await report(parent, {
    child: 'Noor Yilmaz',
    kind: 'Afspraak',
    day: TOMORROW,
    reason: 'Huisarts',
  })
  await expect(parent).toHaveURL(/\/absentie\?gemeld=/)
  await expect(
    parent.locator('[id^="melding-"]').filter({ hasText: 'Afspraak: dinsdag 8 december' }),
  ).toContainText('Status: Gemeld')
})

test('a leave request is granted by the director in /admin; the parent reads the decision', async ({
  browser,
}) => {
  test.setTimeout(180_000) // two logins and a save in /admin on a busy 2-core machine
  setSchoolClock(MONDAY_0800)
  const parent = await portalLogin(browser, fatima.email)
  await parent.goto(`${PORTAL_URL}/absentie`)
  const form = parent.getByRole('form', { name: 'Verlof aanvragen' })
  await form.getByRole('radio', { name: /^Emir Yilmaz/ }).check()
  await form.getByLabel('Eerste dag').fill('2027-03-01')
  await form.getByLabel('Laatste dag').fill('2027-03-02')
  await form.getByLabel('Reden', { exact: true }).selectOption({ index: 1 })
  await form.getByLabel(/^Toelichting/).fill('Bruiloft van een neef in Rotterdam.')
  await form.getByRole('button', { name: 'Verlof aanvragen' }).click()
  await expect(parent).toHaveURL(/\/absentie\?aangevraagd=[0-9a-f-]+#verlof-/)
  const leaveId = new URL(parent.url()).searchParams.get('aangevraagd')!
  const leave = parent.locator(`#verlof-${leaveId}`)
  await expect(leave).toContainText('maandag 1 maart 2027 t/m dinsdag 2 maart 2027')
  await expect(leave).toContainText('Aangevraagd')

  const admin = await adminLogin(browser, director.email)
  await admin.goto(`${CMS_URL}/admin/collections/leave-requests?limit=50`)
  await admin.getByRole('link', { name: /Verlof · Emir · 2027-03-01/ }).click()
  await choose(admin, 'status', 'Toegekend')
  await admin
    .getByLabel('Bericht bij het besluit (de ouder leest dit)')
    .fill('Toegekend, veel plezier!')
  await admin.getByRole('button', { name: 'Bewaar' }).click()
  await expectSaved(admin, 'Succesvol aangepast.')

  await parent.goto(`${PORTAL_URL}/absentie`)
  await expect(leave).toContainText('Toegekend')
  await expect(leave).toContainText('Toegekend, veel plezier!')
})
