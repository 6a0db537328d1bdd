import type { PortalPost } from '@schoolpost/contracts'
import { PORTAL_POST_PATH, portalPostAnswer } from '@schoolpost/contracts'

import type { PortalSession } from '../auth/session'
import type { CmsClient } from '../../lib/cms/cms-client'
import { CmsRequestError, CmsUnauthorizedError } from '../../lib/cms/cms-client'
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

/** The CMS path of one post (`GET /api/parents/post`). */
export function postPath(id: string): string {
  return `${PORTAL_POST_PATH}?${new URLSearchParams({ id }).toString()}`
}

/**
 * One post for the post page, the image viewer and the report form, with the school's contact
 * (for urgent matters): one CMS call, parsed with the contract (issue #11). Never throws.
 */
export async function loadPost(
  session: PortalSession,
  cms: Pick<CmsClient, 'getContract'>,
  id: string | undefined,
): Promise<PostLoad> {
  if (!isValidId(id)) return { kind: 'not-found' }
  try {
    const answer = await cms.getContract(postPath(id), session.token, portalPostAnswer)
    return {
      kind: 'ok',
      post: answer.post,
      school: schoolContact({
        schoolName: answer.school.name,
        phone: answer.school.phone,
        absenceCutoff: answer.school.absenceCutoff,
      }),
    }
  } catch (error) {
    if (error instanceof CmsUnauthorizedError) return { kind: 'signed-out' }
    if (error instanceof CmsRequestError && error.status === 404) return { kind: 'not-found' }
    reportCmsFailure(`Loading post ${id}`, error)
    return { kind: 'unavailable' }
  }
}
