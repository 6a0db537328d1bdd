import { checkFeedback } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'
import { APIError, ValidationError } from 'payload'

import { parentUser, staffUser } from '../../../access/lib/users'
import { consumeOrRefuse } from '../../../lib/rate-limit'
import { conductTermsOf } from '../../Messages/hooks/conduct'

/**
 * A parent's new feedback (S20): limited per parent (CMS_RATE_LIMIT_FEEDBACK), checked by the
 * policy (topic, length, the code of conduct with the school's own terms) and stamped with its
 * sender — never anonymous to the school, whatever the request says.
 */
export const checkNewFeedback: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const parent = parentUser(req)
  // The Local API without a user (seed, tests) writes what it is given.
  if (!parent) {
    if (staffUser(req)) throw new APIError('Alleen ouders sturen feedback.', 403, null, true)
    return data
  }
  await consumeOrRefuse(req, 'feedback', `parent:${parent.id}`)
  const message = typeof data.message === 'string' ? data.message.trim() : ''
  const check = checkFeedback({
    topic: typeof data.topic === 'string' ? data.topic : '',
    text: message,
    extraTerms: await conductTermsOf(req),
  })
  if (!check.ok)
    throw new ValidationError({
      collection: 'feedback',
      errors: [{ path: check.reason === 'topic' ? 'topic' : 'message', message: check.message }],
    })
  return {
    ...data,
    message,
    anonymous: data.anonymous === true,
    parent: parent.id,
    parentName: parent.name,
    status: 'nieuw',
    answer: null,
  }
}
