import type { PortalSession } from '../auth/session'
import type { CmsClient, Pupil, SchoolSetting } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'

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

export type HomeData = { parentName: string; children: ChildSummary[]; school: SchoolContact }

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

export function schoolContact(settings: SchoolSetting): SchoolContact {
  return {
    name: settings.schoolName,
    phone: settings.phone,
    phoneHref: telHref(settings.phone),
    absenceCutoff: settings.absenceCutoff || '08:15',
  }
}

/** The start page's data, asked of the CMS at once. Never throws. */
export async function loadHome(
  session: PortalSession,
  cms: Pick<CmsClient, 'me' | 'listPupils' | 'getSchoolSettings'>,
): Promise<HomeResult> {
  const [me, pupils, settings] = await Promise.allSettled([
    cms.me(session.token),
    cms.listPupils(session.token),
    cms.getSchoolSettings(session.token),
  ])
  const results = [me, pupils, settings]
  const signedOut =
    (me.status === 'fulfilled' && me.value.user === null) ||
    results.some((r) => r.status === 'rejected' && r.reason instanceof CmsUnauthorizedError)
  if (signedOut) return { kind: 'signed-out' }
  if (me.status === 'rejected' || pupils.status === 'rejected' || settings.status === 'rejected') {
    for (const r of results) {
      if (r.status === 'rejected') {
        console.error(
          '[portal] Start page data unavailable:',
          r.reason instanceof Error ? r.reason.message : r.reason,
        )
      }
    }
    return { kind: 'unavailable' }
  }
  const parent = me.value.user
  // A token of another parent than the one in the cookie would be a serious bug: stop.
  if (!parent || parent.id !== session.parentId) return { kind: 'signed-out' }
  return {
    kind: 'ok',
    data: {
      parentName: parent.name,
      children: pupils.value.map(childSummary),
      school: schoolContact(settings.value),
    },
  }
}
