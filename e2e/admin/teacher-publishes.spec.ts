import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

import { adminLogin, fillPostInAdmin, uploadMediaInAdmin } from '../support/admin-ui'
import { countPostsTitled, emailDelivered, mediaFiles, staffToken } from '../support/cms-api'
import { director, fatima } from '../support/demo'
import { portalFileUrl, portalLogin } from '../support/portal'
import { PORTAL_URL } from '../support/urls'

const photoFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/groepsfoto.jpg',
)
const teacherEmail = 'sanne.bakker@deregenboog.test' // Groep 1-2 and Groep 3
const otherGroupParent = 'eva.dejong@ouders.test' // only Daan, Groep 1-2
const uuid = '[0-9a-f-]{36}'

// Unique per run: the e2e database is fresh per run, but a developer may rerun against their own.
const run = Date.now().toString(36)
const title = `Naar de kinderboerderij (${run})`
const alt = `Kinderen van groep 3 bij de geiten (${run})`

/**
 * The admin path of S11–S15 (the REST path is in e2e/portal/timeline.spec.ts): a teacher uploads,
 * tags and publishes in /admin; only the group's parents see it; a portrait is refused with the
 * Dutch rule; a parent's report reaches the director, who hides the post with one button.
 * The pupils tagged here are not Noor (whose guardian refuses consent in timeline.spec.ts).
 */
test('a teacher publishes a group photo in /admin; only its group sees it; a report gets it hidden', async ({
  browser,
  request,
}) => {
  // Four users in two apps through the admin UI, on a 2-core machine: well beyond a minute.
  test.setTimeout(240_000)
  const teacher = await adminLogin(browser, teacherEmail)

  const { photo, postId } =
    await test.step('the teacher uploads, tags and publishes in /admin', async () => {
      const photo = await uploadMediaInAdmin(teacher, {
        file: photoFile,
        alt,
        pupils: ['Saar Bos', 'Finn Vos', 'Lucas de Groot'],
      })
      await expect(teacher.getByRole('checkbox', { name: 'Deelbaar (tagregel)' })).toBeChecked()
      await fillPostInAdmin(teacher, {
        title,
        groups: ['Groep 3'],
        media: [photo],
        status: 'Gepubliceerd',
      })
      await expect(teacher.getByText('Bericht succesvol aangemaakt.')).toBeVisible()
      await expect(teacher).toHaveURL(new RegExp(`/admin/collections/posts/${uuid}$`))
      // Publishing emails the group's parents from the outbox; let that background work finish.
      await emailDelivered(request, { to: fatima.email, subject: title })
      return { photo, postId: teacher.url().split('/').at(-1)! }
    })
  const files = await mediaFiles(request, await staffToken(request, teacherEmail), photo.id)
  const derived = [files.thumbnail, files.feed, files.full]

  const parent = await portalLogin(browser, fatima.email) // Noor is in Groep 3
  await test.step('a parent of Groep 3 sees the post and its photo', async () => {
    const card = parent.getByRole('article').filter({ hasText: title })
    await expect(card).toBeVisible()
    await expect(card.getByRole('img', { name: alt })).toBeVisible()
    await card.getByRole('link', { name: /lees meer/i }).click()
    await expect(parent).toHaveURL(`${PORTAL_URL}/berichten/${postId}`)
    await expect(parent.getByRole('heading', { level: 1, name: title })).toBeVisible()
    const image = parent.getByRole('img', { name: alt })
    await expect(image).toBeVisible()
    await expect
      .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
      .toBe(true)
    // Every size the pages use comes through the portal's own route; the original never does.
    const srcset = (await image.getAttribute('srcset')) ?? ''
    expect(srcset).toContain('/bestanden/')
    for (const file of derived) {
      const res = await parent.request.get(portalFileUrl(file))
      expect([file, res.status(), res.headers()['content-type']]).toEqual([file, 200, 'image/webp'])
      expect(res.headers()['cache-control']).toBe('private, no-store')
    }
    expect((await parent.request.get(portalFileUrl(files.original))).status()).toBe(404)
  })

  await test.step('a parent of another group gets 404 on the post and on every file', async () => {
    const other = await portalLogin(browser, otherGroupParent)
    await expect(other.getByRole('article').filter({ hasText: title })).toHaveCount(0)
    expect((await other.goto(`${PORTAL_URL}/berichten/${postId}`))?.status()).toBe(404)
    await expect(other.getByRole('heading', { name: 'Dit bericht is er niet' })).toBeVisible()
    expect((await other.goto(`${PORTAL_URL}/berichten/${postId}/foto/${photo.id}`))?.status()).toBe(
      404,
    )
    for (const file of [files.original, ...derived]) {
      const res = await other.request.get(portalFileUrl(file))
      expect([file, res.status()]).toEqual([file, 404])
    }
    await other.context().close()
  })

  await test.step('a portrait (one tagged pupil) is refused in /admin and not published', async () => {
    const portraitTitle = `Portret van Julia (${run})`
    const portrait = await uploadMediaInAdmin(teacher, {
      file: photoFile,
      alt: `Julia (${run})`,
      pupils: ['Julia Mulder'],
    })
    await expect(teacher.getByRole('checkbox', { name: 'Deelbaar (tagregel)' })).not.toBeChecked()
    await fillPostInAdmin(teacher, {
      title: portraitTitle,
      groups: ['Groep 3'],
      media: [portrait],
      status: 'Gepubliceerd',
    })
    await expect(
      teacher.getByText(/geldt als portretfoto en wordt niet gedeeld/).first(),
    ).toBeVisible()
    await expect(teacher).toHaveURL(/\/admin\/collections\/posts\/create/)
    expect(await countPostsTitled(request, portraitTitle)).toBe(0)
  })

  await test.step('a parent reports the post; the director hides it from /admin Meldingen', async () => {
    await parent.goto(`${PORTAL_URL}/berichten/${postId}`)
    await parent.getByRole('link', { name: 'Meld dit bericht' }).click()
    // "Niet juist": timeline.spec.ts finds its own report in the list by "Privacy van een kind".
    await parent.getByLabel('Niet juist').check()
    await parent
      .getByLabel('Wat klopt er volgens jou niet?')
      .fill('Op de foto staat een kind dat niet bij dit uitje was.')
    const reportedAt = new Date()
    await parent.getByRole('button', { name: 'Melding versturen' }).click()
    await expect(parent.getByRole('heading', { name: 'Melding verstuurd' })).toBeVisible()
    // The report is emailed to the teacher and the director (S15).
    await emailDelivered(request, { to: director.email, kind: 'report', since: reportedAt })

    const directie = await adminLogin(browser, director.email)
    await directie.getByRole('link', { name: 'Toon alle Meldingen' }).click() // dashboard card
    await expect(directie).toHaveURL(/\/admin\/collections\/reports/)
    const row = directie.getByRole('row').filter({ hasText: title })
    await expect(row).toContainText('Niet juist')
    await row.getByRole('link').first().click()
    await expect(directie).toHaveURL(new RegExp(`/admin/collections/reports/${uuid}$`))

    const panel = directie.getByRole('region', { name: 'Afhandeling' })
    await expect(panel).toContainText(`Bericht: ${title}`)
    await expect(panel).toContainText('Zichtbaar voor ouders')
    await panel.getByRole('button', { name: 'Bericht verbergen voor ouders' }).click()
    await expect(panel.getByRole('status')).toHaveText('Het bericht is verborgen voor ouders.')
    await expect(panel).toContainText('Verborgen voor ouders')
    await expect(
      panel.getByRole('button', { name: 'Bericht verbergen voor ouders' }),
    ).toBeDisabled()
    await expect(directie.locator('#field-status')).toContainText('In behandeling')

    await panel.getByRole('button', { name: 'Melding afhandelen' }).click()
    await expect(panel.getByRole('status')).toHaveText('De melding is afgehandeld.')
    await expect(directie.locator('#field-status')).toContainText('Afgehandeld')
    // What the panel shows is the stored state.
    await directie.reload()
    await expect(panel).toContainText('Verborgen voor ouders')
    await expect(panel.getByRole('button', { name: 'Melding afhandelen' })).toBeDisabled()
  })

  await test.step('the parent no longer sees the post or its photo', async () => {
    expect((await parent.goto(`${PORTAL_URL}/berichten/${postId}`))?.status()).toBe(404)
    await parent.goto(`${PORTAL_URL}/`)
    await expect(parent.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(parent.getByRole('article').filter({ hasText: title })).toHaveCount(0)
    for (const file of derived) {
      expect([file, (await parent.request.get(portalFileUrl(file))).status()]).toEqual([file, 404])
    }
  })
})
