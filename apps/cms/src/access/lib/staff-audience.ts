import type { CollectionBeforeDeleteHook, CollectionSlug, PayloadRequest } from 'payload'

import { Refusal } from '../../lib/refusal'
import { teacherGroupIds } from './scope'
import { idsOf, staffUser } from './users'

/**
 * Whom staff address with an item for an audience (a volunteer request, a calendar event): a
 * teacher only the parents of their own groups, only a director the whole school. Refused as
 * access (403), not as bad input. `schoolWide` is the Dutch refusal of a school-wide item.
 */
export async function checkStaffAudience(
  req: PayloadRequest,
  {
    audience,
    groups,
    schoolWide,
  }: { audience: unknown; groups: readonly string[]; schoolWide: string },
): Promise<void> {
  const staff = staffUser(req)
  if (staff?.role !== 'teacher') return
  if (audience === 'school') throw new Refusal(schoolWide, 403, { code: 'not-your-audience' })
  const own = await teacherGroupIds(req)
  if (groups.some((g) => !own.includes(g))) {
    throw new Refusal('Je kunt alleen ouders van je eigen groepen vragen.', 403, {
      code: 'not-your-group',
    })
  }
}

/**
 * Deleting follows the same rule as saving: a teacher deletes an item only when every group it
 * is for is theirs (the access Where lets them reach an item that names one of their groups; an
 * item shared with another teacher's group is that teacher's too). A school-wide item stays the
 * director's.
 */
export function refuseForeignAudienceOnDelete(
  collection: CollectionSlug,
): CollectionBeforeDeleteHook {
  return async ({ id, req }) => {
    if (staffUser(req)?.role !== 'teacher') return
    const item = (await req.payload.findByID({
      collection,
      id,
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })) as { audience?: unknown; groups?: unknown } | null
    if (!item) return
    await checkStaffAudience(req, {
      audience: item.audience,
      groups: idsOf(item.groups as Parameters<typeof idsOf>[0]),
      schoolWide: 'Dit is voor de hele school; alleen de directie verwijdert het.',
    })
  }
}
