import type { PortalHomeAnswer } from '@schoolpost/contracts'
import { PORTAL_HOME_PATH, portalHomeAnswer } from '@schoolpost/contracts'

import type { PortalSession } from '../auth/session'
import type { CmsClient, Pupil, SchoolSetting } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { TimelineQuery, TimelineView } from '../timeline/timeline'
import { parseTimelineQuery, timelineView } from '../timeline/timeline'

export type ChildSummary = {
  id: string
  name: string
  firstName: string
  groupId: string | null
  groupName: string | null
}

export type SchoolContact = {
  name: string
  phone: string
  /** `tel:` link for the phone number. */
  phoneHref: string
  /** Time of day (HH:mm) after which a sick report has to be phoned in. */
  absenceCutoff: string
}

/** A volunteer request on the start page: "Hulp gevraagd" with its first day and a link. */
export type VolunteerCard = { title: string; meta: string; href: string }

export type HomeData = {
  parentName: string
  children: ChildSummary[]
  school: SchoolContact
  timeline: TimelineView
  volunteerCards: VolunteerCard[]
}

const cardDay = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: 'UTC',
})

/** The CMS's upcoming requests as cards: "Groep 5a · vanaf donderdag 23 december". */
export function volunteerCards(requests: PortalHomeAnswer['volunteerRequests']): VolunteerCard[] {
  return requests.map((request) => {
    const [y, m, d] = request.firstDate.split('-').map(Number) as [number, number, number]
    return {
      title: request.title,
      meta: `${request.audienceLabel} · ${cardDay.format(new Date(Date.UTC(y, m - 1, d)))}`,
      href: `/hulpvragen#hulpvraag-${encodeURIComponent(request.id)}`,
    }
  })
}

export type HomeResult =
  | { kind: 'ok'; data: HomeData }
  /** The CMS no longer accepts the token: the session is over. */
  | { kind: 'signed-out' }
  /** The CMS could not be reached or gave no usable answer. */
  | { kind: 'unavailable' }

/** A `tel:` link: digits only, Dutch numbers written with a leading 0 stay as they are. */
export function telHref(phone: string): string {
  const trimmed = phone.trim()
  const digits = trimmed.replace(/\D/g, '')
  return `tel:${trimmed.startsWith('+') ? '+' : ''}${digits}`
}

export function childSummary(pupil: Pupil): ChildSummary {
  const name = pupil.fullName?.trim() || `${pupil.firstName} ${pupil.lastName}`.trim()
  const group = typeof pupil.group === 'object' && pupil.group !== null ? pupil.group : null
  const groupId = group?.id ?? (typeof pupil.group === 'string' ? pupil.group : null)
  return {
    id: pupil.id,
    name,
    firstName: pupil.firstName?.trim() || name,
    groupId: groupId || null,
    groupName: group?.name ?? null,
  }
}

export function schoolContact(
  settings: Pick<SchoolSetting, 'schoolName' | 'phone' | 'absenceCutoff'>,
): SchoolContact {
  return {
    name: settings.schoolName,
    phone: settings.phone,
    phoneHref: telHref(settings.phone),
    absenceCutoff: settings.absenceCutoff || '08:15',
  }
}

/** The CMS path of the start page for one filter and page (`GET /api/parents/home`). */
export function homePath(query: TimelineQuery): string {
  const params = new URLSearchParams({ pagina: String(query.page) })
  if (query.groupId) params.set('groep', query.groupId)
  return `${PORTAL_HOME_PATH}?${params.toString()}`
}

/** The answer of the home endpoint as the start page shows it. */
export function homeData(answer: PortalHomeAnswer, query: TimelineQuery): HomeData {
  const children: ChildSummary[] = answer.children
  // The CMS ignores a group that is not one of the children's; the filters show what it applied.
  const applied: TimelineQuery = { ...query, groupId: answer.groupId }
  return {
    parentName: answer.parent.name,
    children,
    school: schoolContact({
      schoolName: answer.school.name,
      phone: answer.school.phone,
      absenceCutoff: answer.school.absenceCutoff,
    }),
    timeline: timelineView(answer.posts, applied, children),
    volunteerCards: volunteerCards(answer.volunteerRequests),
  }
}

/**
 * The start page (`/?groep=<id>&pagina=<n>`): one call to the CMS, which checks the session
 * once and answers the parent, their children, the school and one page of the timeline
 * (issue #11). Never throws.
 */
export async function loadHome(
  session: PortalSession,
  cms: Pick<CmsClient, 'getContract'>,
  url: URL,
): Promise<HomeResult> {
  const query = parseTimelineQuery(url)
  try {
    const answer = await cms.getContract(homePath(query), session.token, portalHomeAnswer)
    // A token of another parent than the one in the cookie would be a serious bug: stop.
    if (answer.parent.id !== session.parentId) return { kind: 'signed-out' }
    return { kind: 'ok', data: homeData(answer, query) }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    reportCmsFailure('Loading the start page', error)
    return { kind: 'unavailable' }
  }
}
