import { randomBytes } from 'node:crypto'
import type { PayloadRequest } from 'payload'

import { inviteParent } from '../collections/Parents/endpoints/send-invitation'
import type { PupilRow } from './parse-pupil-csv'
import { type ImportSnapshot, matchPupil } from './plan-pupil-import'

const key = (s: string) => s.trim().toLowerCase()

export async function loadImportSnapshot(req: PayloadRequest): Promise<ImportSnapshot> {
  const common = { depth: 0, limit: 0, pagination: false, overrideAccess: true, req } as const
  const [groups, pupils, parents] = await Promise.all([
    req.payload.find({ collection: 'groups', ...common, select: { name: true } }),
    req.payload.find({
      collection: 'pupils',
      ...common,
      select: { externalId: true, firstName: true, lastName: true, group: true, dateOfBirth: true },
    }),
    req.payload.find({
      collection: 'parents',
      ...common,
      select: { email: true, name: true, phone: true, children: true, status: true },
    }),
  ])
  return {
    groups: groups.docs.map((g) => ({ id: g.id, name: g.name })),
    pupils: pupils.docs.map((p) => ({
      id: p.id,
      externalId: p.externalId ?? null,
      firstName: p.firstName,
      lastName: p.lastName,
      group: typeof p.group === 'string' ? p.group : p.group.id,
      dateOfBirth: p.dateOfBirth ?? null,
    })),
    parents: parents.docs.map((p) => ({
      id: p.id,
      email: p.email,
      name: p.name,
      phone: p.phone ?? null,
      children: (p.children ?? []).map((c) => (typeof c === 'string' ? c : c.id)),
      status: p.status,
    })),
  }
}

function currentSchoolYear(now = new Date()): string {
  // The Dutch school year starts in August.
  const year = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1
  return `${year}-${year + 1}`
}

/**
 * Writes the plan. Runs inside the caller's transaction (req), so a failure anywhere leaves the
 * school exactly as it was. Existing links are never removed: an import only adds and updates.
 */
export async function applyPupilImport({
  req,
  rows,
  snapshot,
  sendInvitations,
}: {
  req: PayloadRequest
  rows: PupilRow[]
  snapshot: ImportSnapshot
  sendInvitations: boolean
}): Promise<{ invited: number }> {
  const write = { overrideAccess: true, depth: 0, req } as const
  const groupIds = new Map(snapshot.groups.map((g) => [key(g.name), g.id]))
  const parents = new Map(snapshot.parents.map((p) => [key(p.email), { ...p }]))
  const touchedParents = new Set<string>()
  const newParentIds = new Set<string>()

  for (const row of rows) {
    let groupId = groupIds.get(key(row.group))
    if (!groupId) {
      const group = await req.payload.create({
        collection: 'groups',
        data: { name: row.group, schoolYear: currentSchoolYear() },
        ...write,
      })
      groupId = group.id
      groupIds.set(key(row.group), groupId)
    }
    const existing = matchPupil(row, snapshot)
    let pupilId: string
    if (!existing) {
      const pupil = await req.payload.create({
        collection: 'pupils',
        data: {
          firstName: row.firstName,
          lastName: row.lastName,
          group: groupId,
          dateOfBirth: row.dateOfBirth,
          externalId: row.externalId,
        },
        ...write,
      })
      pupilId = pupil.id
    } else {
      pupilId = existing.id
      const dobChanged =
        row.dateOfBirth && (existing.dateOfBirth ?? '').slice(0, 10) !== row.dateOfBirth
      const idChanged = row.externalId && existing.externalId !== row.externalId
      if (existing.group !== groupId || dobChanged || idChanged) {
        await req.payload.update({
          collection: 'pupils',
          id: existing.id,
          data: {
            group: groupId,
            ...(dobChanged ? { dateOfBirth: row.dateOfBirth } : {}),
            ...(idChanged ? { externalId: row.externalId } : {}),
          },
          ...write,
        })
      }
    }
    for (const guardian of row.guardians) {
      const parent = parents.get(guardian.email)
      if (!parent) {
        const created = await req.payload.create({
          collection: 'parents',
          data: {
            name: guardian.name,
            email: guardian.email,
            phone: guardian.phone,
            children: [pupilId],
            status: 'invited',
            // Never disclosed: the parent chooses their own password through the invitation.
            password: randomBytes(32).toString('base64url'),
          },
          ...write,
        })
        parents.set(guardian.email, {
          id: created.id,
          email: created.email,
          name: created.name,
          phone: created.phone ?? null,
          children: [pupilId],
          status: 'invited',
        })
        newParentIds.add(created.id)
        continue
      }
      const children = parent.children.includes(pupilId)
        ? parent.children
        : [...parent.children, pupilId]
      const phone = guardian.phone ?? parent.phone
      if (children !== parent.children || parent.name !== guardian.name || phone !== parent.phone) {
        await req.payload.update({
          collection: 'parents',
          id: parent.id,
          data: { children, name: guardian.name, phone },
          ...write,
        })
        Object.assign(parent, { children, name: guardian.name, phone })
        touchedParents.add(parent.id)
      }
    }
  }

  let invited = 0
  if (sendInvitations) {
    for (const id of newParentIds) {
      const parent = await req.payload.findByID({ collection: 'parents', id, ...write })
      if ((await inviteParent(req, parent)).ok) invited++
    }
  }
  return { invited }
}
