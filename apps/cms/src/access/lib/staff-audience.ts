import type { PayloadRequest } from 'payload'

import { Refusal } from '../../lib/refusal'
import { teacherGroupIds } from './scope'
import { staffUser } from './users'

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
