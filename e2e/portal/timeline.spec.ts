import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { APIRequestContext } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { adminLogin } from '../support/admin-ui'
import { staffToken } from '../support/cms-api'
import { lexicalParagraphs } from '../support/lexical'
import { portalLogin } from '../support/portal'
import { CMS_URL, PORTAL_URL } from '../support/urls'

const photo = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/groepsfoto.jpg'),
)

async function upload(request: APIRequestContext, token: string, pupils: string[]) {
  const res = await request.post(`${CMS_URL}/api/media`, {
    headers: { Authorization: `JWT ${token}` },
    multipart: {
      file: { name: 'IMG 2041 (herfst).jpg', mimeType: 'image/jpeg', buffer: photo },
      _payload: JSON.stringify({ pupils, alt: 'Kinderen van groep 3 in het bos' }),
    },
  })
  expect(res.status()).toBe(201)
  return (await res.json()).doc as {
    id: string
    sizes: { thumbnail: { filename: string }; feed: { filename: string } }
  }
}

test('a group photo reaches only its group, disappears on refusal and can be reported (S11–S16)', async ({
  browser,
  request,
}) => {
  // One story across five users, two apps and the admin: longer than the default minute on CI.
  test.setTimeout(180_000)
  // Sanne teaches Groep 3 (Noor Yilmaz, Julia Mulder, Lucas de Groot, …).
  const teacher = await staffToken(request, 'sanne.bakker@deregenboog.test')
  const auth = { Authorization: `JWT ${teacher}` }
  const pupils = (
    await (await request.get(`${CMS_URL}/api/pupils?limit=100&depth=1`, { headers: auth })).json()
  ).docs as {
    id: string
    fullName: string
    group: { id: string; name: string }
  }[]
  const byName = (name: string) => pupils.find((p) => p.fullName === name)!
  const groep3 = byName('Noor Yilmaz').group.id

  const groupPhoto = await upload(request, teacher, [
    byName('Noor Yilmaz').id,
    byName('Julia Mulder').id,
    byName('Lucas de Groot').id,
  ])
  const post = await request.post(`${CMS_URL}/api/posts`, {
    headers: auth,
    data: {
      title: 'Herfstwandeling groep 3',
      body: lexicalParagraphs('Wat een mooie dag in het bos!'),
      audience: 'groups',
      groups: [groep3],
      status: 'published',
      gallery: [groupPhoto.id],
    },
  })
  expect(post.status()).toBe(201)
  const postId = (await post.json()).doc.id

  // A portrait (one tagged pupil) cannot be published.
  const portrait = await upload(request, teacher, [byName('Julia Mulder').id])
  const refused = await request.post(`${CMS_URL}/api/posts`, {
    headers: auth,
    data: {
      title: 'Portret',
      audience: 'groups',
      groups: [groep3],
      status: 'published',
      gallery: [portrait.id],
    },
  })
  expect(refused.status()).toBe(400)
  expect(JSON.stringify(await refused.json())).toContain('portretfoto')

  // Fatima (Noor, Groep 3) sees the post and its photo, served privately through the portal.
  const fatima = await portalLogin(browser, 'fatima.yilmaz@ouders.test')
  const card = fatima.getByRole('article').filter({ hasText: 'Herfstwandeling groep 3' })
  await expect(card).toBeVisible()
  await card.getByRole('link', { name: /lees meer/i }).click()
  await expect(fatima).toHaveURL(`${PORTAL_URL}/berichten/${postId}`)
  // The body (Lexical JSON in the CMS) arrives as the CMS's sanitized HTML.
  await expect(
    fatima.getByRole('article').getByText('Wat een mooie dag in het bos!', { exact: true }),
  ).toBeVisible()
  await expect(
    fatima.getByText(/alleen voor ouders van deze groep\. Deel ze niet buiten Schoolpost/),
  ).toBeVisible()
  const image = fatima.getByRole('img', { name: 'Kinderen van groep 3 in het bos' }).first()
  await expect(image).toBeVisible()
  const fileUrl = `${PORTAL_URL}/bestanden/${groupPhoto.sizes.feed.filename}`
  const file = await fatima.request.get(fileUrl)
  expect(file.status()).toBe(200)
  expect(file.headers()['cache-control']).toBe('private, no-store')
  expect(file.headers()['content-type']).toBe('image/webp')

  // Eva (Daan, Groep 1-2) gets 404 on the post and on every file.
  const eva = await portalLogin(browser, 'eva.dejong@ouders.test')
  expect((await eva.goto(`${PORTAL_URL}/berichten/${postId}`))?.status()).toBe(404)
  for (const size of [groupPhoto.sizes.thumbnail.filename, groupPhoto.sizes.feed.filename]) {
    const res = await eva.request.get(`${PORTAL_URL}/bestanden/${size}`)
    expect([size, res.status(), res.headers()['content-type']]).toEqual([
      size,
      404,
      expect.stringContaining('text/plain'),
    ])
  }

  // Fatima reports the post; the director sees the report in /admin.
  await fatima.goto(`${PORTAL_URL}/berichten/${postId}/melden`)
  await fatima.getByLabel('Privacy van een kind').check()
  await fatima
    .getByLabel('Wat klopt er volgens jou niet?')
    .fill('Mijn zoon staat hier duidelijk op.')
  await fatima.getByRole('button', { name: 'Melding versturen' }).click()
  await expect(fatima.getByRole('heading', { name: 'Melding verstuurd' })).toBeVisible()

  // Kemal, Noor's other guardian, refuses: the photo is gone for Fatima at once, in every size.
  const kemal = await portalLogin(browser, 'kemal.yilmaz@ouders.test')
  await kemal.goto(`${PORTAL_URL}/account/privacy`)
  const noor = kemal.getByRole('article').filter({ hasText: 'Noor' })
  await noor.getByLabel("Mijn kind mag níet op foto's en video's").check()
  await noor.getByRole('button', { name: 'Opslaan' }).click()
  await fatima.goto(`${PORTAL_URL}/berichten/${postId}`)
  await expect(fatima.getByRole('img', { name: 'Kinderen van groep 3 in het bos' })).toHaveCount(0)
  expect((await fatima.request.get(fileUrl)).status()).toBe(404)

  const director = await adminLogin(browser, 'directie@deregenboog.test')
  await director.goto(`${CMS_URL}/admin/collections/reports`)
  await expect(director.getByRole('table').getByText('Privacy van een kind')).toBeVisible()
})
