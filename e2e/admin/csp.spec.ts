import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { APIRequestContext, Page, Response } from '@playwright/test'
import { expect, test } from '@playwright/test'

import { signInToAdmin } from '../support/admin-ui'
import { staffToken } from '../support/cms-api'
import { director } from '../support/demo'
import { lexicalParagraphs } from '../support/lexical'
import { CMS_URL } from '../support/urls'

/**
 * Issue #9 item 9: the admin works under its Content-Security-Policy (no violation while a
 * director goes from the dashboard to a list and a post with its rich text and photo), cannot be
 * framed, and no media file may be cached.
 */

const photo = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/groepsfoto.jpg'),
)
const run = Date.now().toString(36)
const title = `Schoolreis naar de dierentuin (${run})`

type MediaDoc = { id: string; filename: string; sizes: Record<string, { filename: string }> }

/** A photo and a draft post with it (a draft emails nobody), made over REST as the director. */
async function draftPostWithPhoto(request: APIRequestContext, token: string) {
  const auth = { Authorization: `JWT ${token}` }
  const pupils = (
    await (await request.get(`${CMS_URL}/api/pupils?limit=2`, { headers: auth })).json()
  ).docs as { id: string }[]
  const upload = await request.post(`${CMS_URL}/api/media`, {
    headers: auth,
    multipart: {
      file: { name: 'dierentuin.jpg', mimeType: 'image/jpeg', buffer: photo },
      _payload: JSON.stringify({ pupils: pupils.map((p) => p.id), alt: 'Bij de olifanten' }),
    },
  })
  expect(upload.status()).toBe(201)
  const media = (await upload.json()).doc as MediaDoc
  const post = await request.post(`${CMS_URL}/api/posts`, {
    headers: auth,
    data: {
      title,
      body: lexicalParagraphs('We zagen olifanten en giraffen.'),
      audience: 'school',
      status: 'draft',
      gallery: [media.id],
    },
  })
  expect(post.status()).toBe(201)
  return { media, postId: (await post.json()).doc.id as string }
}

/**
 * Collects every CSP violation of every document the page loads: the browser's
 * `securitypolicyviolation` events and its console reports.
 */
async function collectCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = []
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as { reportCspViolation: (text: string) => void })
          .reportCspViolation
        report(
          `${event.disposition} ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber})`,
        )
      },
      true,
    )
  })
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text())
  })
  return violations
}

function expectAdminPolicy(response: Response | null) {
  expect(response?.status()).toBe(200)
  const headers = response!.headers()
  const csp = headers['content-security-policy'] ?? ''
  expect(csp).toContain("frame-ancestors 'none'")
  expect(csp).toContain("object-src 'none'")
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/)
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/)
  expect(csp).not.toMatch(/https?:/)
  expect(headers['x-frame-options']).toBe('DENY')
  expect(headers['x-content-type-options']).toBe('nosniff')
  expect(headers['referrer-policy']).toBe('same-origin')
  return csp
}

test('the admin works under its Content-Security-Policy: dashboard, a list and a post', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000)
  const { postId } = await draftPostWithPhoto(request, await staffToken(request, director.email))
  const violations = await collectCspViolations(page)

  // Next's own 404 page outside /admin is framed by nobody either (it is prerendered, so its
  // scripts carry no nonce: it is only checked for its headers, not visited).
  const notFound = await request.get(`${CMS_URL}/bestaat-niet`)
  expect(notFound.status()).toBe(404)
  expect(notFound.headers()['content-security-policy']).toContain("frame-ancestors 'none'")
  expect(notFound.headers()['x-frame-options']).toBe('DENY')

  const login = expectAdminPolicy(await page.goto(`${CMS_URL}/admin/login`))
  await signInToAdmin(page, director.email)

  const dashboard = expectAdminPolicy(await page.reload())
  expect(dashboard).not.toBe(login) // a fresh nonce per response
  // The dashboard's card (the side menu starts closed on this window size).
  await page.getByRole('link', { name: 'Toon alle Berichten' }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/posts/)
  // The list's own search (a request from the admin's scripts); the draft may be on a later page.
  await page.getByRole('textbox', { name: 'Zoeken op Titel' }).fill(run)
  const row = page.getByRole('row').filter({ hasText: title })
  await expect(row).toBeVisible()
  await row.getByRole('link', { name: title }).click()

  await expect(page).toHaveURL(new RegExp(`/admin/collections/posts/${postId}$`))
  await expect(page.getByRole('textbox', { name: 'Titel *' })).toHaveValue(title)
  // A full load of the edit view too (not only the client-side navigation).
  expectAdminPolicy(await page.reload())
  await expect(page.getByRole('textbox', { name: 'Titel *' })).toHaveValue(title)
  // The rich-text editor runs (Lexical's editable area takes typing) and the photo is shown.
  const editor = page.getByRole('textbox').filter({ hasText: 'We zagen olifanten' })
  await editor.click()
  await page.keyboard.press('End')
  await page.keyboard.type(' En apen!')
  await expect(editor).toContainText('giraffen. En apen!')
  await expect(page.getByRole('button', { name: 'Kies uit bestaande' })).toBeVisible()
  const thumbnail = page.getByRole('img', { name: 'Bij de olifanten' })
  await expect
    .poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0)

  expect(violations).toEqual([])
})

test('the admin cannot be framed by a page on another origin', async ({ page }) => {
  // Another origin on this machine (Chromium refuses a public page's frames to localhost anyway).
  const elsewhere = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end(
      `<!doctype html><title>Elders</title><iframe src="${CMS_URL}/admin/login"
        onload="document.body.dataset.framed = 'geladen'"></iframe>`,
    )
  })
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve))
  try {
    const { port } = elsewhere.address() as AddressInfo
    const framed = page.waitForResponse(`${CMS_URL}/admin/login`)
    await page.goto(`http://127.0.0.1:${port}/`)
    // The CMS answered; the browser refused to show it.
    expect((await framed).status()).toBe(200)
    await expect(page.locator('body')).toHaveAttribute('data-framed', 'geladen')
    await expect(page.frameLocator('iframe').getByLabel('Wachtwoord')).toHaveCount(0)
    expect(page.frames().map((frame) => frame.url())).not.toContain(`${CMS_URL}/admin/login`)
  } finally {
    await new Promise((resolve) => elsewhere.close(resolve))
  }
})

test('media files and API answers are never cached, whatever the status', async ({ request }) => {
  const token = await staffToken(request, director.email)
  const { media } = await draftPostWithPhoto(request, token)
  const auth = { Authorization: `JWT ${token}` }
  const file = (name: string, headers: Record<string, string> = {}) =>
    request.get(`${CMS_URL}/api/media/file/${name}`, { headers: { ...auth, ...headers } })

  const answers = {
    original: await file(media.filename),
    thumbnail: await file(media.sizes.thumbnail!.filename),
    range: await file(media.sizes.feed!.filename, { Range: 'bytes=0-99' }),
    unknownRoute: await request.get(`${CMS_URL}/api/bestaat-niet`, { headers: auth }),
    anonymous: await request.get(`${CMS_URL}/api/media/file/${media.filename}`),
    list: await request.get(`${CMS_URL}/api/media?limit=1`, { headers: auth }),
  }
  const seen = Object.fromEntries(
    Object.entries(answers).map(([name, res]) => [
      name,
      {
        status: res.status(),
        cacheControl: res.headers()['cache-control'],
        csp: res.headers()['content-security-policy'],
        frameOptions: res.headers()['x-frame-options'],
        nosniff: res.headers()['x-content-type-options'],
      },
    ]),
  )
  const safe = {
    cacheControl: 'private, no-store',
    csp: "default-src 'none'; frame-ancestors 'none'",
    frameOptions: 'DENY',
    nosniff: 'nosniff',
  }
  expect(seen).toEqual({
    original: { status: 200, ...safe },
    thumbnail: { status: 200, ...safe },
    range: { status: 206, ...safe },
    unknownRoute: { status: 404, ...safe },
    anonymous: { status: 403, ...safe },
    list: { status: 200, ...safe },
  })
})
