/**
 * The target of a form that posts to an Astro action while keeping the page's own query (e.g.
 * `?media=<id>`): Astro's `actions.x` alone is `?_action=x`, which would replace it.
 */
export function actionUrl(pagePath: string, actionQuery: string): string {
  const action = actionQuery.replace(/^\?/, '')
  return `${pagePath}${pagePath.includes('?') ? '&' : '?'}${action}`
}
