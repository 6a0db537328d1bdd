/**
 * Sets a page's status and extra headers. `statusText` is emptied so Node sends the standard
 * reason phrase (Astro would otherwise say "OK" whatever the status); a 503 (the CMS is not
 * reachable) asks the browser to come back in 30 s unless the page's own headers say otherwise.
 */
export function setPageStatus(
  response: { status?: number; statusText?: string; readonly headers: Headers },
  status: number,
  headers: Record<string, string> = {},
): void {
  response.status = status
  response.statusText = ''
  if (status === 503) response.headers.set('Retry-After', '30')
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
}
