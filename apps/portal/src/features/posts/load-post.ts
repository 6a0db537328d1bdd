import type { PortalSession } from '../auth/session'
import type { CmsClient, PortalPost } from '../../lib/cms/cms-client'
import { CmsUnauthorizedError } from '../../lib/cms/cms-client'
import { isValidId } from '../../lib/cms/ids'
import { reportCmsFailure } from '../../lib/cms/report-failure'
import type { SchoolContact } from '../home/load-home'
import { schoolContact } from '../home/load-home'

export type PostLoad =
  | { kind: 'ok'; post: PortalPost; school: SchoolContact }
  /** No such post, or not for this parent: the CMS does not say which, neither does the portal. */
  | { kind: 'not-found' }
  | { kind: 'signed-out' }
  | { kind: 'unavailable' }

/**
 * One post for the post page, the image viewer and the report form, with the school's contact
 * (for urgent matters). The settings call also tells whether the token is still valid. Never throws.
 */
export async function loadPost(
  session: PortalSession,
  cms: Pick<CmsClient, 'getPost' | 'getSchoolSettings'>,
  id: string | undefined,
): Promise<PostLoad> {
  if (!isValidId(id)) return { kind: 'not-found' }
  const [post, settings] = await Promise.allSettled([
    cms.getPost(session.token, id),
    cms.getSchoolSettings(session.token),
  ])
  for (const result of [post, settings]) {
    if (result.status === 'rejected' && result.reason instanceof CmsUnauthorizedError) {
      return { kind: 'signed-out' }
    }
  }
  if (post.status === 'rejected' || settings.status === 'rejected') {
    for (const result of [post, settings]) {
      if (result.status === 'rejected') reportCmsFailure(`Loading post ${id}`, result.reason)
    }
    return { kind: 'unavailable' }
  }
  if (!post.value) return { kind: 'not-found' }
  return { kind: 'ok', post: post.value, school: schoolContact(settings.value) }
}
