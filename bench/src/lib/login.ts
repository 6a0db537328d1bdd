import { findFormAction } from '../portal/page-weight'

/**
 * Logs a parent in through the portal's /inloggen form, as a browser would (form post with the
 * portal's Origin), and gives back the `sp_session` cookie pair to send on the measured requests.
 */
export async function loginParent(
  origin: string,
  email: string,
  password: string,
): Promise<string> {
  const pageUrl = `${origin}/inloggen`
  const page = await fetch(pageUrl)
  const action = findFormAction(await page.text())
  if (!action) throw new Error(`${pageUrl} (${page.status}) has no login form`)
  const res = await fetch(new URL(action, pageUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }),
  })
  const session = res.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .find((pair) => pair.startsWith('sp_session=') && pair.length > 'sp_session='.length)
  if (!session || res.status >= 400) {
    const text = (await res.text()).replace(/\s+/g, ' ').slice(0, 300)
    throw new Error(`login as ${email} failed: ${res.status} ${text}`)
  }
  return session
}
