import { z } from 'zod'

/**
 * Ids of posts, media, pupils and groups as they appear in portal URLs and forms (Payload uses
 * UUIDs, or ObjectIds with MongoDB; both fit). Anything else is never sent to the CMS.
 */
const ID = /^[A-Za-z0-9_-]{1,64}$/

export function isValidId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value)
}

/** An id field of a form (hidden inputs: a wrong value is tampering, not a typo). */
export const idField = z
  .string({ error: 'Er ging iets mis met het formulier. Laad de pagina opnieuw.' })
  .regex(ID, { error: 'Er ging iets mis met het formulier. Laad de pagina opnieuw.' })
