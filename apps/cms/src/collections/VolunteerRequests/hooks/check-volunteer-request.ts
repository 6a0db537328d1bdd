import { checkVolunteerSlots, type VolunteerSlot } from '@schoolpost/policies'
import type { CollectionBeforeChangeHook } from 'payload'
import { ValidationError } from 'payload'

import { checkStaffAudience } from '../../../access/lib/staff-audience'
import { idsOf, staffUser } from '../../../access/lib/users'
import { takenPlaces } from '../../VolunteerSignups/seats'

type SlotRow = Partial<VolunteerSlot> & { id?: string | null }

/**
 * Before a volunteer request is saved (S4): a teacher asks the parents of their own groups, only
 * a director the whole school; a group request names its groups; the slots and the sign-up window
 * pass `checkVolunteerSlots`. Once parents signed up, a slot keeps at least its taken places and
 * is not removed, and the audience stays (the sign-ups carry it for their access).
 */
export const checkVolunteerRequest: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  const staff = staffUser(req)
  const request = { ...originalDoc, ...data }
  const errors: { path: string; message: string }[] = []
  const groups = idsOf(request.groups)

  if (request.audience === 'groups' && groups.length === 0) {
    errors.push({ path: 'groups', message: 'Kies minstens één groep.' })
  }
  await checkStaffAudience(req, {
    audience: request.audience,
    groups,
    schoolWide: 'Een hulpvraag aan alle ouders zet de directie uit. Kies je eigen groepen.',
  })

  const slots = (Array.isArray(request.slots) ? request.slots : []) as SlotRow[]
  const toDate = (value: unknown) => (value ? new Date(value as string) : null)
  const checked = checkVolunteerSlots({
    slots,
    opensAt: toDate(request.opensAt),
    closesAt: toDate(request.closesAt),
  })
  if (!checked.ok) {
    for (const problem of checked.problems) {
      errors.push({
        path: problem.index === null ? problem.field : `slots.${problem.index}.${problem.field}`,
        message: problem.message,
      })
    }
  }

  if (operation === 'update' && originalDoc) {
    const taken = await takenPlaces(req, originalDoc.id)
    const waiting = await req.payload.count({
      collection: 'volunteer-signups',
      where: {
        and: [{ request: { equals: originalDoc.id } }, { status: { equals: 'waitlist' } }],
      },
      overrideAccess: true,
      req,
    })
    const signedUp = taken.size > 0 || waiting.totalDocs > 0
    for (const [slotId, count] of taken) {
      const index = slots.findIndex((s) => s.id === slotId)
      if (index === -1) {
        errors.push({
          path: 'slots',
          message: 'Voor een verwijderd moment hebben ouders zich al aangemeld. Laat het staan.',
        })
      } else if ((slots[index]!.places ?? 0) < count) {
        errors.push({
          path: `slots.${index}.places`,
          message: `Er hebben zich al ${count} ouders aangemeld; minder plekken kan niet.`,
        })
      }
    }
    const sameAudience =
      request.audience === originalDoc.audience &&
      [...groups].sort().join() === idsOf(originalDoc.groups).sort().join()
    if (signedUp && !sameAudience) {
      errors.push({
        path: 'groups',
        message: 'Er zijn al aanmeldingen: de groepen van deze hulpvraag blijven zoals ze zijn.',
      })
    }
  }

  if (errors.length) throw new ValidationError({ collection: 'volunteer-requests', errors })
  const next = { ...data }
  if (operation === 'create') next.createdBy = staff?.id ?? data.createdBy ?? null
  if (request.audience === 'school') next.groups = []
  return next
}
