import { checkConduct } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'

import { parentChildIds, teacherPupilIds } from '../../../access/lib/scope'
import { idOf, parentUser, staffUser } from '../../../access/lib/users'
import { consumeOrRefuse } from '../../../lib/rate-limit'
import { Refusal } from '../../../lib/refusal'
import { conductTermsOf } from '../../Messages/hooks/conduct'

/**
 * Starting a conversation (S6, S7). Staff start a kind-gesprek about a pupil of their own groups
 * (directors: any pupil); a parent starts a question to the teachers about one of their own
 * children. The kind follows from who starts it; the pupil must be in a group (there are no
 * teachers otherwise); a parent's subject passes the conduct check like a message (S19).
 */
export const checkNewConversation: CollectionBeforeChangeHook = async ({
  data,
  operation,
  req,
}) => {
  if (operation !== 'create') return data
  const parent = parentUser(req)
  const staff = staffUser(req)
  // The trusted Local API (seed) writes what it is given.
  if (!parent && !staff) return data

  const pupilId = idOf(data.pupil as string | { id: string } | null | undefined)
  const subject = typeof data.subject === 'string' ? data.subject.trim() : ''
  if (!pupilId)
    throw new Refusal('Kies over welk kind het gesprek gaat.', 400, { code: 'no-pupil' })
  if (!subject) throw new Refusal('Geef het gesprek een onderwerp.', 400, { code: 'no-subject' })

  if (parent) {
    await consumeOrRefuse(req, 'message', `parent:${parent.id}`)
    if (!parentChildIds(req).includes(pupilId)) {
      throw new Refusal('Dit kind hoort niet bij uw account.', 403, { code: 'not-your-child' })
    }
    const conduct = checkConduct({ text: subject, extraTerms: await conductTermsOf(req) })
    if (!conduct.ok) {
      throw new Refusal(conduct.message, 422, { code: 'conduct', rule: conduct.rule })
    }
  } else if (staff!.role === 'teacher') {
    if (!(await teacherPupilIds(req)).includes(pupilId)) {
      throw new Refusal('U kunt alleen een gesprek beginnen over leerlingen van uw groep.', 403, {
        code: 'not-your-pupil',
      })
    }
  } else if (staff!.role !== 'director') {
    throw new Refusal('Alleen leerkrachten en de directie voeren gesprekken.', 403)
  }

  const pupil = await req.payload.findByID({
    collection: 'pupils',
    id: pupilId,
    depth: 0,
    overrideAccess: true,
    req,
    disableErrors: true,
    select: { group: true },
  })
  if (!pupil) throw new Refusal('Deze leerling bestaat niet.', 400, { code: 'no-pupil' })
  if (!idOf(pupil.group)) {
    throw new Refusal(
      'Deze leerling zit nog niet in een groep, dus er is geen leerkracht om mee te praten. Bel de school.',
      409,
      { code: 'no-group' },
    )
  }

  return {
    ...data,
    pupil: pupilId,
    subject,
    kind: parent ? 'teacher' : 'child',
    startedByParent: parent ? parent.id : null,
    startedByStaff: staff ? staff.id : null,
    starterName: parent ? parent.name : `${staff!.name} (school)`,
    lastMessageAt: null,
  }
}
