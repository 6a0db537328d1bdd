import type { PayloadRequest } from 'payload'

import { idsOf } from '../../../access/lib/users'
import { Refusal } from '../../../lib/refusal'

/** More people than this in one family is a mistake in the links, not a family: refused. */
export const FAMILY_MAX = 30

export type FamilyMember = { id: string; name: string }
export type Family = {
  parents: (FamilyMember & { email: string })[]
  pupils: (FamilyMember & { group: string | null })[]
}

/**
 * The family to erase: everyone linked to the starting parent or pupil through the parents'
 * children, followed both ways until nothing new turns up (two guardians of one child, a
 * child's other guardian's other children). A family is only erased whole: erasing one parent
 * while a co-guardian's child stays would leave that child's records half gone. A parent left
 * without children (an erasure stopped halfway) is a family of one.
 */
export async function findFamily(
  req: PayloadRequest,
  start: { parent?: string; pupil?: string },
): Promise<Family> {
  const parentIds = new Set<string>()
  const pupilIds = new Set<string>()
  const parents = new Map<string, Family['parents'][number]>()
  const pupils = new Map<string, Family['pupils'][number]>()

  const readParents = async (where: object) =>
    (
      await req.payload.find({
        collection: 'parents',
        where: where as never,
        depth: 0,
        pagination: false,
        limit: FAMILY_MAX + 1,
        select: { name: true, email: true, children: true },
        overrideAccess: true,
      })
    ).docs

  let newParents: string[] = []
  let newPupils: string[] = []
  if (start.parent) newParents = [start.parent]
  else if (start.pupil) newPupils = [start.pupil]

  for (let round = 0; newParents.length + newPupils.length > 0; round++) {
    if (round > FAMILY_MAX) break
    const found = [
      ...(newParents.length ? await readParents({ id: { in: newParents } }) : []),
      ...(newPupils.length ? await readParents({ children: { in: newPupils } }) : []),
    ]
    const nextPupils = new Set<string>(newPupils)
    newParents = []
    for (const parent of found) {
      if (parentIds.has(parent.id)) continue
      parentIds.add(parent.id)
      parents.set(parent.id, { id: parent.id, name: parent.name, email: parent.email })
      for (const child of idsOf(parent.children)) if (!pupilIds.has(child)) nextPupils.add(child)
    }
    newPupils = []
    for (const pupil of nextPupils) {
      if (pupilIds.has(pupil)) continue
      pupilIds.add(pupil)
      newPupils.push(pupil)
    }
    if (parentIds.size + pupilIds.size > FAMILY_MAX)
      throw new Refusal(
        `Dit gezin telt meer dan ${FAMILY_MAX} ouders en kinderen. Controleer de koppelingen tussen ouders en kinderen.`,
        409,
        { code: 'family-too-large' },
      )
  }

  if (pupilIds.size) {
    const found = await req.payload.find({
      collection: 'pupils',
      where: { id: { in: [...pupilIds] } },
      depth: 0,
      pagination: false,
      select: { fullName: true, group: true },
      overrideAccess: true,
    })
    for (const pupil of found.docs)
      pupils.set(pupil.id, {
        id: pupil.id,
        name: pupil.fullName ?? '',
        group: typeof pupil.group === 'string' ? pupil.group : (pupil.group?.id ?? null),
      })
  }
  if (parents.size === 0 && pupils.size === 0)
    throw new Refusal('Deze ouder of leerling bestaat niet (meer).', 404, { code: 'not-found' })
  return { parents: [...parents.values()], pupils: [...pupils.values()] }
}
