import type { Browser, Locator, Page, Request } from '@playwright/test'
import { expect } from '@playwright/test'

import { DEMO_PASSWORD } from './demo'
import { CMS_URL } from './urls'

/**
 * Driving the Payload admin (Dutch) as staff do. Payload's pickers are react-select comboboxes
 * without an accessible name (the field label points at the wrapper, not at the input), so a
 * picker is found through its field wrapper `#field-<name>` and used by role from there.
 */

/** Logs a demo staff member in to /admin on `page`. */
export async function signInToAdmin(page: Page, email: string): Promise<void> {
  await page.goto(`${CMS_URL}/admin/login`)
  await page.getByLabel(/e-mail/i).fill(email)
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Inloggen' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

/** A staff member logged in to /admin in a fresh browser context (their own cookies). */
export async function adminLogin(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ locale: 'nl-NL' })).newPage()
  await signInToAdmin(page, email)
  return page
}

export function picker(page: Page, field: string): Locator {
  return page.locator(`#field-${field}`).getByRole('combobox')
}

/** Picks each option by its exact label, typing a few letters first so it is in the list. */
export async function pick(page: Page, field: string, ...labels: string[]): Promise<void> {
  const combobox = picker(page, field)
  for (const label of labels) {
    await combobox.click()
    await combobox.fill(label.split(' ')[0]!)
    await page.getByRole('option', { name: label, exact: true }).click()
  }
}

/** Chooses one value of a select field (audience, status…). */
export async function choose(page: Page, field: string, label: string): Promise<void> {
  await picker(page, field).click()
  await page.getByRole('option', { name: label, exact: true }).click()
}

/** Saving in the admin can wait for SQLite's one writer (the outbox, another save). */
export const SAVE_TIMEOUT = 60_000

export type AdminMedia = { id: string; filename: string }

/**
 * "Foto's en video's" → new: uploads `file`, describes it and tags `pupils`, saves. Answers the
 * new item's id and stored (random) file name.
 */
export async function uploadMediaInAdmin(
  page: Page,
  { file, alt, pupils }: { file: string; alt: string; pupils: string[] },
): Promise<AdminMedia> {
  await page.goto(`${CMS_URL}/admin/collections/media/create`)
  const formState = trackFormState(page)
  const chooser = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Selecteer een bestand' }).click()
  await (await chooser).setFiles(file)
  await page.getByRole('textbox', { name: 'Beschrijving (voor schermlezers)' }).fill(alt)
  await pick(page, 'pupils', ...pupils)
  await formState.settled()
  formState.stop()
  await page.getByRole('button', { name: 'Bewaar' }).click()
  // Every size is made with sharp while the upload is saved: slow on a busy 2-core machine.
  await expectSaved(page, 'Foto of video succesvol aangemaakt.')
  await expect(page).toHaveURL(/\/admin\/collections\/media\/[0-9a-f-]{36}$/)
  const id = page.url().split('/').at(-1)!
  const filename = (await page.getByRole('heading', { level: 1 }).innerText()).trim()
  for (const pupil of pupils) {
    await expect(page.locator('#field-pupils').getByText(pupil, { exact: true })).toBeVisible()
  }
  return { id, filename }
}

/**
 * "Berichten" → new: a group post with `media` from the gallery's "Kies uit bestaande" drawer.
 * Clicks "Bewaar" and leaves checking the outcome to the caller.
 */
export async function fillPostInAdmin(
  page: Page,
  {
    title,
    groups,
    media,
    status,
  }: { title: string; groups: string[]; media: AdminMedia[]; status: string },
): Promise<void> {
  await page.goto(`${CMS_URL}/admin/collections/posts/create`)
  const formState = trackFormState(page)
  await page.getByRole('textbox', { name: 'Titel *' }).fill(title)
  for (const item of media) {
    await page.getByRole('button', { name: 'Kies uit bestaande' }).click()
    const drawer = page.getByRole('dialog')
    await drawer.getByRole('textbox', { name: 'Zoeken op Bestandsnaam' }).fill(item.filename)
    await expect(drawer.getByRole('row')).toHaveCount(2) // header + the one match
    await drawer.getByRole('button', { name: item.filename }).click()
    await expect(drawer).toBeHidden()
  }
  await choose(page, 'audience', 'Groep(en)')
  await pick(page, 'groups', ...groups)
  await choose(page, 'status', status)
  await formState.settled()
  formState.stop()
  await page.getByRole('button', { name: 'Bewaar' }).click()
}

/**
 * Waits for the admin's success toast; a refusal fails at once with the admin's own message
 * instead of a bare timeout, so a failed run says why.
 */
export async function expectSaved(page: Page, message: string): Promise<void> {
  const saved = page.getByText(message)
  const refused = page.locator('[data-sonner-toast][data-type="error"]')
  await expect(saved.or(refused).first()).toBeVisible({ timeout: SAVE_TIMEOUT })
  if (await refused.count()) {
    throw new Error(`The admin refused the save: ${(await refused.allInnerTexts()).join(' | ')}`)
  }
}

/**
 * Every change makes the admin recompute its form state on the server (a debounced server
 * action). One that answers after a refused "Bewaar" replaces the field errors of that answer, so
 * wait — as a person does — until no such request has been under way for a moment. Start
 * tracking before the changes, so no request is missed.
 */
export function trackFormState(page: Page) {
  let inFlight = 0
  let lastActivity = Date.now()
  const isAction = (req: Request) => req.method() === 'POST' && !!req.headers()['next-action']
  const started = (req: Request) => {
    if (!isAction(req)) return
    inFlight++
    lastActivity = Date.now()
  }
  const ended = (req: Request) => {
    if (!isAction(req)) return
    inFlight = Math.max(0, inFlight - 1)
    lastActivity = Date.now()
  }
  page.on('request', started)
  page.on('requestfinished', ended)
  page.on('requestfailed', ended)
  return {
    settled: (quietMs = 750) =>
      expect
        .poll(() => inFlight === 0 && Date.now() - lastActivity >= quietMs, {
          timeout: SAVE_TIMEOUT,
          intervals: [100],
        })
        .toBe(true),
    stop: () => {
      page.off('request', started)
      page.off('requestfinished', ended)
      page.off('requestfailed', ended)
    },
  }
}
