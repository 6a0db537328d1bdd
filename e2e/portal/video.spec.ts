import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, test } from '@playwright/test'

import { mediaFiles, staffToken } from '../support/cms-api'
import { fatima } from '../support/demo'
import { portalFileUrl, portalLogin } from '../support/portal'
import { CMS_URL, PORTAL_URL } from '../support/urls'

/**
 * A phone video with the place it was filmed in its metadata (ISO 6709 "+52.0907+005.1214", an
 * iPhone model and a date), made with:
 * ffmpeg -f lavfi -i testsrc=duration=2:size=480x270:rate=25 -f lavfi -i sine=duration=2 \
 *   -c:v libx264 -pix_fmt yuv420p -crf 32 -c:a aac -b:a 32k enc.mp4
 * ffmpeg -i enc.mp4 -c copy -metadata com.apple.quicktime.location.ISO6709=+52.0907+005.1214+000.000/ \
 *   -metadata location=+52.0907+005.1214/ -metadata "com.apple.quicktime.model=iPhone 15" \
 *   -metadata creation_time=2026-10-02T09:30:00Z -movflags use_metadata_tags dansje.mp4
 */
const video = readFileSync(
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/dansje.mp4'),
)
const place = '+52.0907'
const run = Date.now().toString(36)
const title = `Het dansje van groep 3 (${run})`
const label = `Groep 3 danst op het plein (${run})`

/**
 * S3 + S12 for videos: a group video reaches its group's parents with a poster, streams with
 * Range, and carries none of the phone's metadata; a parent of another group gets nothing.
 */
test('a group video plays for its group with a poster and without the phone’s location', async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000)
  expect(video.includes(place)).toBe(true) // the fixture does carry a location

  const teacher = await staffToken(request, 'sanne.bakker@deregenboog.test')
  const auth = { Authorization: `JWT ${teacher}` }
  const groups = (
    await (await request.get(`${CMS_URL}/api/groups?limit=100&depth=0`, { headers: auth })).json()
  ).docs as { id: string; name: string }[]
  const groep3 = groups.find((g) => g.name === 'Groep 3')!.id

  const uploaded = await request.post(`${CMS_URL}/api/media`, {
    headers: auth,
    multipart: {
      file: { name: 'IMG_5120 dansje.mp4', mimeType: 'video/mp4', buffer: video },
      _payload: JSON.stringify({ noRecognisablePupils: true, alt: label }),
    },
  })
  expect(uploaded.status(), await uploaded.text()).toBe(201)
  const { id: mediaId } = (await uploaded.json()).doc as { id: string }
  const files = await mediaFiles(request, teacher, mediaId)

  const published = await request.post(`${CMS_URL}/api/posts`, {
    headers: auth,
    data: { title, audience: 'groups', groups: [groep3], status: 'published', gallery: [mediaId] },
  })
  expect(published.status(), await published.text()).toBe(201)
  const postId = (await published.json()).doc.id as string

  const parent = await portalLogin(browser, fatima.email) // Noor is in Groep 3
  await test.step('the timeline shows the video by its poster; it leads to the video', async () => {
    const card = parent.getByRole('article').filter({ hasText: title })
    const tile = card.getByRole('link', { name: `Video: ${label}` })
    await expect(tile).toBeVisible()
    expect(await tile.getByRole('img').getAttribute('src')).toMatch(/^\/bestanden\/.+\.webp$/)
    await tile.click()
    await expect(parent).toHaveURL(`${PORTAL_URL}/berichten/${postId}#media-${mediaId}`)
  })

  await test.step('the parent sees the video with its poster on the post page', async () => {
    await expect(parent.getByRole('heading', { level: 1, name: title })).toBeVisible()
    const player = parent.getByLabel(label)
    await expect(player).toBeVisible()
    expect(await player.getAttribute('poster')).toBe(`/bestanden/${files.feed}`)
    expect(await player.getAttribute('src')).toBe(`/bestanden/${files.original}`)
    // The browser reads the video's metadata through the portal's file route.
    await expect
      .poll(() => player.evaluate((v: HTMLVideoElement) => v.readyState >= 1 && v.duration > 1))
      .toBe(true)
  })

  await test.step('the files come through the portal, without the phone’s metadata', async () => {
    const poster = await parent.request.get(portalFileUrl(files.feed))
    expect([poster.status(), poster.headers()['content-type']]).toEqual([200, 'image/webp'])
    const whole = await parent.request.get(portalFileUrl(files.original))
    expect([whole.status(), whole.headers()['content-type']]).toEqual([200, 'video/mp4'])
    expect(whole.headers()['cache-control']).toBe('private, no-store')
    const bytes = await whole.body()
    // The text metadata; the binary dates are checked with ffprobe in the CMS integration test.
    for (const secret of [place, 'ISO6709', 'iPhone 15']) {
      expect(bytes.includes(secret), secret).toBe(false)
    }
    // Stored with the index in front, and seekable.
    expect(bytes.subarray(0, 4096).includes('moov')).toBe(true)
    const part = await parent.request.get(portalFileUrl(files.original), {
      headers: { Range: 'bytes=0-99' },
    })
    expect([part.status(), (await part.body()).length]).toEqual([206, 100])
  })

  await test.step('a parent of another group gets neither the post nor any file', async () => {
    const other = await portalLogin(browser, 'eva.dejong@ouders.test') // only Daan, Groep 1-2
    const page = await other.goto(`${PORTAL_URL}/berichten/${postId}`)
    expect(page?.status()).toBe(404)
    for (const file of [files.original, files.thumbnail, files.feed, files.full]) {
      const res = await other.request.get(portalFileUrl(file))
      expect([file, res.status()]).toEqual([file, 404])
    }
  })
})
