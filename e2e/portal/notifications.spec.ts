import type { APIRequestContext } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { receivedEmails, staffToken } from '../support/cms-api'
import { DEMO_PASSWORD, fatima } from '../support/demo'
import { CMS_URL, PORTAL_URL } from '../support/urls'

type LoggedEmail = { to: string; subject: string }

/** The "Verzonden e-mail" rows with this subject, as the director reads them (no links there). */
async function emailsWithSubject(request: APIRequestContext, subject: string) {
  const token = await staffToken(request)
  const res = await request.get(
    `${CMS_URL}/api/email-log?where[subject][equals]=${encodeURIComponent(subject)}&limit=100`,
    { headers: { Authorization: `JWT ${token}` } },
  )
  return ((await res.json()).docs ?? []) as LoggedEmail[]
}

/** The email one parent received about this post, from the run's provider (the mail stub). */
async function mailAbout(request: APIRequestContext, to: string, postId: string) {
  const [mail] = await receivedEmails(request, to, (m) => m.text.includes(`/berichten/${postId}`))
  return mail!
}

test('a group post reaches the parents of that group by email, with a working link and one-click unsubscribe (C1)', async ({
  browser,
  request,
}) => {
  // The outbox runner works every 5 s; publishing, fan-out and the batch take a few rounds.
  test.setTimeout(150_000)
  const title = `Museumbezoek groep 3 ${Date.now()}`
  // Sanne teaches Groep 3 (Noor Yilmaz: parents Fatima and Kemal); Eva's Daan is in Groep 1-2.
  const teacher = await staffToken(request, 'sanne.bakker@deregenboog.test')
  const auth = { Authorization: `JWT ${teacher}` }
  const groups = (
    await (await request.get(`${CMS_URL}/api/groups?limit=50`, { headers: auth })).json()
  ).docs as { id: string; name: string }[]
  const groep3 = groups.find((g) => g.name === 'Groep 3')!
  const created = await request.post(`${CMS_URL}/api/posts`, {
    headers: auth,
    data: {
      title,
      teaser: 'Vrijdag gaan we naar het museum. Neem een lunchpakket mee.',
      audience: 'groups',
      groups: [groep3.id],
      status: 'published',
    },
  })
  expect(created.status()).toBe(201)
  const postId = (await created.json()).doc.id as string

  // Every parent of a Groep 3 pupil, once; nobody else.
  const pupils = (
    await (await request.get(`${CMS_URL}/api/pupils?limit=200&depth=0`, { headers: auth })).json()
  ).docs as { id: string; group: string }[]
  const director = { Authorization: `JWT ${await staffToken(request)}` }
  const parents = (
    await (
      await request.get(`${CMS_URL}/api/parents?limit=500&depth=0`, { headers: director })
    ).json()
  ).docs as { email: string; status: string; children: string[] }[]
  const inGroep3 = new Set(pupils.filter((p) => p.group === groep3.id).map((p) => p.id))
  const expected = parents
    .filter((p) => p.status === 'active' && p.children.some((c) => inGroep3.has(c)))
    .map((p) => p.email)
    .sort()
  expect(expected).toEqual(expect.arrayContaining([fatima.email, 'kemal.yilmaz@ouders.test']))

  let emails: LoggedEmail[] = []
  await expect
    .poll(
      async () => {
        emails = await emailsWithSubject(request, title)
        return emails.map((e) => e.to).sort()
      },
      { timeout: 90_000, intervals: [1000, 2000, 3000] },
    )
    .toEqual(expected)
  // A parent of another group got nothing.
  expect(emails.some((e) => e.to === 'eva.dejong@ouders.test')).toBe(false)

  const mail = await mailAbout(request, fatima.email, postId)
  expect(mail.text).toContain('Vrijdag gaan we naar het museum.')
  expect(mail.text).toContain('Groep 3')
  const link = new RegExp(`https?://\\S+/berichten/${postId}`).exec(mail.text)?.[0]
  expect(link, 'link to the post').toBeTruthy()

  // The link works after logging in: the portal sends the parent back to the post.
  const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage()
  await page.goto(link!)
  await expect(page).toHaveURL(/\/inloggen/)
  await page.getByLabel(/e-mail/i).fill(fatima.email)
  await page.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: /inloggen/i }).click()
  await expect(page).toHaveURL(`${PORTAL_URL}/berichten/${postId}`)
  await expect(page.getByRole('heading', { name: title })).toBeVisible()

  // One-click unsubscribe from Kemal's email: the page asks first (mail scanners follow links),
  // the button switches group emails off, and his settings page shows it.
  const kemalMail = await mailAbout(request, 'kemal.yilmaz@ouders.test', postId)
  const unsubscribe = /https?:\/\/\S+\/afmelden\/[\w.-]+/.exec(kemalMail.text)?.[0]
  expect(unsubscribe, 'unsubscribe link').toBeTruthy()
  const anonymous = await (await browser.newContext({ locale: 'nl-NL' })).newPage()
  await anonymous.goto(unsubscribe!)
  await anonymous.getByRole('button', { name: /afmelden/i }).click()
  await expect(anonymous.getByText(/geen e-mail meer/i)).toBeVisible()

  const kemal = await (await browser.newContext({ locale: 'nl-NL' })).newPage()
  await kemal.goto(`${PORTAL_URL}/inloggen?terug=%2Faccount%2Fmeldingen`)
  await kemal.getByLabel(/e-mail/i).fill('kemal.yilmaz@ouders.test')
  await kemal.getByLabel(/wachtwoord/i).fill(DEMO_PASSWORD)
  await kemal.getByRole('button', { name: /inloggen/i }).click()
  await expect(kemal).toHaveURL(`${PORTAL_URL}/account/meldingen`)
  const groupChoice = kemal.getByRole('group', { name: /groep/i })
  await expect(groupChoice.getByRole('radio', { name: /^uit/i })).toBeChecked()
  // He turns it back on; the next post reaches him again.
  await groupChoice.getByRole('radio', { name: /^direct/i }).check()
  await kemal.getByRole('button', { name: /opslaan/i }).click()
  await expect(kemal.getByText(/opgeslagen/i)).toBeVisible()
})
