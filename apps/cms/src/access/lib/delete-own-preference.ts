import type { PayloadHandler } from 'payload'

import { staffUser } from './users'

/**
 * Replaces Payload's `DELETE /api/payload-preferences/:key`. Payload's handler asks the database
 * adapter for `deleteOne` with a `user.value` condition, which the SQLite adapter turns into a
 * query on a table alias that does not exist (a 500 for every key, existing or not). Deleting
 * through the collection finds the row with the same query as a read and deletes it by id.
 */
export const deleteOwnPreference: PayloadHandler = async (req) => {
  const staff = staffUser(req)
  const key = req.routeParams?.key
  if (!staff || typeof key !== 'string')
    return Response.json(
      { errors: [{ message: 'U heeft geen toegang tot deze gegevens.' }] },
      { status: 403 },
    )
  const { docs } = await req.payload.delete({
    collection: 'payload-preferences',
    where: {
      and: [
        { key: { equals: key } },
        { 'user.relationTo': { equals: 'staff' } },
        { 'user.value': { equals: staff.id } },
      ],
    },
    req,
    overrideAccess: true,
  })
  if (docs.length === 0)
    return Response.json({ errors: [{ message: 'Deze voorkeur bestaat niet.' }] }, { status: 404 })
  return Response.json({ message: 'De voorkeur is verwijderd.', doc: docs[0] })
}
