import type { CollectionBeforeChangeHook } from 'payload'

import { staffUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'

/**
 * A director's answer: who answered and when are the server's. A new or changed answer moves
 * "nieuw" on to "in behandeling" unless the director chose a status; an emptied answer clears both.
 */
export const recordAnswer: CollectionBeforeChangeHook = ({ data, operation, originalDoc, req }) => {
  if (operation !== 'update') return data
  const answer = typeof data.answer === 'string' ? data.answer.trim() : ''
  const before = typeof originalDoc?.answer === 'string' ? originalDoc.answer.trim() : ''
  if (answer === before) return data
  if (!answer) return { ...data, answer: null, answeredAt: null, answeredBy: null }
  const staff = staffUser(req)
  return {
    ...data,
    answer,
    answeredAt: now().toISOString(),
    answeredBy: staff?.id ?? originalDoc?.answeredBy ?? null,
    status: data.status === 'nieuw' || !data.status ? 'in-behandeling' : data.status,
  }
}
