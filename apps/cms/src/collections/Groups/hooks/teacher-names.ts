import type { FieldHook } from 'payload'

import { idOf } from '../../../access/lib/users'

export const teacherNamesAfterRead: FieldHook = async ({ siblingData, req }) => {
  const ids = ((siblingData.teachers ?? []) as (string | { id: string })[])
    .map((t) => idOf(t))
    .filter((id): id is string => !!id)
  if (ids.length === 0) return []
  const staff = await req.payload.find({
    collection: 'staff',
    where: { id: { in: ids } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { name: true },
  })
  return staff.docs.map((s) => s.name)
}
