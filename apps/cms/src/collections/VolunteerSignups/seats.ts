import type { PayloadRequest } from 'payload'

/**
 * Claiming and freeing the places of a volunteer slot (S4). A place is a row with a unique key
 * (`VolunteerSeats`): claiming tries places 1…n in turn and the database lets exactly one claimer
 * have each. No read-then-write: 50 parents pressing at once for 3 places end with 3 rows.
 */

type SlotRef = { requestId: string; slotId: string; places: number }

const seatKey = ({ requestId, slotId }: SlotRef, place: number) => `${requestId}:${slotId}:${place}`

/**
 * Payload's "must be unique" on `field`: SQLite names the column, MongoDB the index key, FerretDB
 * nothing (path ""); each of these collections has one unique field.
 */
export function isUniqueViolation(error: unknown, field: string): boolean {
  // By shape, not by `error.name`: the production build minifies class names.
  const e = error as { status?: number; data?: { errors?: { path?: string }[] } }
  return (
    e?.status === 400 && !!e.data?.errors?.some((item) => item.path === field || item.path === '')
  )
}

/** The place this sign-up got (1…places), or `null` when every place is taken. */
export async function claimSeat(
  req: PayloadRequest,
  slot: SlotRef,
  signupId: string,
): Promise<number | null> {
  for (let place = 1; place <= slot.places; place++) {
    try {
      await req.payload.create({
        collection: 'volunteer-seats',
        data: {
          key: seatKey(slot, place),
          request: slot.requestId,
          slot: slot.slotId,
          signup: signupId,
        },
        depth: 0,
        overrideAccess: true,
        req,
      })
      return place
    } catch (error) {
      if (!isUniqueViolation(error, 'key')) throw error
    }
  }
  return null
}

/** Frees the place of a sign-up (if it had one). */
export async function freeSeat(req: PayloadRequest, signupId: string): Promise<void> {
  await req.payload.delete({
    collection: 'volunteer-seats',
    where: { signup: { equals: signupId } },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** Taken places per slot of one request (one query; at most the request's places). */
export async function takenPlaces(
  req: PayloadRequest,
  requestId: string,
): Promise<Map<string, number>> {
  const seats = await req.payload.find({
    collection: 'volunteer-seats',
    where: { request: { equals: requestId } },
    depth: 0,
    limit: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: { slot: true },
  })
  const taken = new Map<string, number>()
  for (const seat of seats.docs) taken.set(seat.slot, (taken.get(seat.slot) ?? 0) + 1)
  return taken
}
