import type { CollectionAfterChangeHook } from 'payload'

import { idOf } from '../../../access/lib/users'
import type { ConversationOpening } from '../../../payload-types'
import { recordAuditEvent } from '../../AuditEvents/record'

/** The opening also goes into the security log, with the director's reason. */
export const auditOpening: CollectionAfterChangeHook<ConversationOpening> = async ({
  doc,
  operation,
  req,
}) => {
  if (operation !== 'create') return doc
  await recordAuditEvent(req, {
    type: 'conversation-opened',
    subject: { type: 'conversation', id: idOf(doc.conversation), name: 'Gesprek' },
    summary: `Gesprek geopend. Reden: ${doc.reason}`,
  })
  return doc
}
