import type { PostPage } from '@schoolpost/contracts'
import { MAX_TIMELINE_PAGE } from '@schoolpost/contracts'

import { isValidId } from '../../lib/cms/ids'
import type { ChildSummary } from '../home/load-home'
import type { PostCardView } from '../posts/post-view'
import { postCardView } from '../posts/post-view'

/**
 * The timeline on the start page (S1, S3): the posts the parent may see, pinned first and then
 * newest (the CMS sorts and filters), per page, optionally only school news and one child's group
 * (`?groep=<groupId>`), paged with `?pagina=<n>`.
 */

export const MAX_PAGE = MAX_TIMELINE_PAGE

export type TimelineQuery = { groupId: string | null; page: number }

/** The query of the start page; anything odd falls back to "Alles" and page 1. */
export function parseTimelineQuery(url: URL): TimelineQuery {
  const groep = url.searchParams.get('groep')
  const pagina = url.searchParams.get('pagina') ?? ''
  const page = /^\d{1,4}$/.test(pagina) ? Number.parseInt(pagina, 10) : 1
  return {
    groupId: isValidId(groep) ? groep : null,
    page: Math.min(Math.max(page, 1), MAX_PAGE),
  }
}

/** The start page for a filter and page ("/", "/?groep=g3", "/?groep=g3&pagina=2"). */
export function timelineHref(query: TimelineQuery): string {
  const params = new URLSearchParams()
  if (query.groupId) params.set('groep', query.groupId)
  if (query.page > 1) params.set('pagina', String(query.page))
  const search = params.toString()
  return search ? `/?${search}` : '/'
}

export type GroupFilter = { label: string; href: string; current: boolean }

/** "Alles", then one filter per group of the parent's children ("Groep 3 (Noor)"). */
export function groupFilters(
  children: ChildSummary[],
  activeGroupId: string | null,
): GroupFilter[] {
  const groups = new Map<string, { name: string; children: string[] }>()
  for (const child of children) {
    if (!child.groupId) continue
    const group = groups.get(child.groupId)
    if (group) group.children.push(child.firstName)
    else
      groups.set(child.groupId, { name: child.groupName ?? 'Groep', children: [child.firstName] })
  }
  const names = new Intl.ListFormat('nl-NL', { style: 'long', type: 'conjunction' })
  return [
    { label: 'Alles', href: '/', current: activeGroupId === null },
    ...[...groups].map(([groupId, group]) => ({
      label: `${group.name} (${names.format(group.children)})`,
      href: timelineHref({ groupId, page: 1 }),
      current: groupId === activeGroupId,
    })),
  ]
}

export type TimelineView = {
  filters: GroupFilter[]
  posts: PostCardView[]
  /** "Pagina 2 van 5", only when there is more than one page. */
  pageLabel: string | null
  olderHref: string | null
  newerHref: string | null
  /** Shown instead of posts when there are none. */
  empty: { message: string; firstPageHref: string | null } | null
}

export function timelineView(
  result: PostPage,
  query: TimelineQuery,
  children: ChildSummary[],
): TimelineView {
  const page = query.page
  const lastPage = Math.max(result.totalPages, 1)
  let empty: TimelineView['empty'] = null
  if (result.posts.length === 0) {
    if (page > 1) {
      empty = {
        message: 'Op deze pagina staan geen berichten.',
        firstPageHref: timelineHref({ groupId: query.groupId, page: 1 }),
      }
    } else {
      empty = {
        message: query.groupId
          ? 'Er zijn nog geen berichten voor deze groep.'
          : 'Er zijn nog geen berichten.',
        firstPageHref: null,
      }
    }
  }
  return {
    filters: groupFilters(children, query.groupId),
    posts: result.posts.map(postCardView),
    pageLabel:
      result.totalPages > 1 && page <= result.totalPages
        ? `Pagina ${page} van ${result.totalPages}`
        : null,
    olderHref:
      result.hasNextPage && page < MAX_PAGE
        ? timelineHref({ groupId: query.groupId, page: page + 1 })
        : null,
    newerHref:
      page > 1
        ? timelineHref({ groupId: query.groupId, page: Math.min(page - 1, lastPage) })
        : null,
    empty,
  }
}
