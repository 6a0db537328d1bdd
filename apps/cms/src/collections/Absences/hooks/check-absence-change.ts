import { canCancelAbsence } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'

import { idOf, parentUser, staffUser } from '../../../access/lib/users'
import { now } from '../../../lib/clock'
import { Refusal } from '../../../lib/refusal'
import { schoolCalendar } from './absence-facts'

/**
 * What may happen to a report after it was made — only its status moves, and only forward:
 * - a parent withdraws it ("ingetrokken") until it counts: a sick report until the cutoff of its
 *   day, a planned one until its day starts (`canCancelAbsence`);
 * - a teacher marks it seen ("gezien"); office and directors may also withdraw it (a phone call);
 * - a withdrawn report stays as it is (history is kept, never deleted).
 */
export const checkAbsenceChange: CollectionBeforeChangeHook = async ({
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || !originalDoc) return data
  const from = originalDoc.status as string
  const to = (data.status as string | undefined) ?? from
  if (to === from) return { ...data, status: from }
  const parent = parentUser(req)
  const staff = staffUser(req)
  const trusted = !parent && !staff
  if (from === 'cancelled') {
    throw new Refusal('Deze melding is ingetrokken en verandert niet meer.', 409, {
      code: 'already-cancelled',
    })
  }

  if (to === 'acknowledged' && from === 'reported' && (staff || trusted)) {
    return {
      ...data,
      status: 'acknowledged',
      acknowledgedBy: staff ? staff.id : (data.acknowledgedBy ?? null),
      acknowledgedAt: now().toISOString(),
    }
  }
  if (to === 'cancelled' && (parent || trusted || staff?.role !== 'teacher')) {
    if (parent) {
      const { settings } = await schoolCalendar(req)
      const allowed = canCancelAbsence({
        kind: originalDoc.kind,
        date: originalDoc.date,
        now: now(),
        settings,
      })
      if (!allowed.ok) throw new Refusal(allowed.message, 409, { code: 'too-late-to-cancel' })
    }
    return {
      ...data,
      status: 'cancelled',
      cancelledAt: now().toISOString(),
      // Frees the child's day for a new report; unique, so it never meets another key.
      activeKey: `${idOf(originalDoc.pupil)}:${originalDoc.date}:ingetrokken:${originalDoc.id}`,
    }
  }
  throw new Refusal(
    parent
      ? 'U kunt een melding alleen intrekken.'
      : 'Deze statuswijziging kan niet: een melding wordt gezien of ingetrokken.',
    403,
    { code: 'status-not-allowed' },
  )
}
