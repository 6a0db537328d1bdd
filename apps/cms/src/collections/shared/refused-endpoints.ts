import type { Endpoint } from 'payload'

import { jsonError } from '../../lib/json-body'

/**
 * Payload's POST /api/<collection>/first-register creates an account without any invitation
 * whenever the collection is empty (a fresh install without the demo). It is replaced by a
 * refusal (custom endpoints are matched first), which also makes the admin's
 * /admin/create-first-user form fail. The first director is made on the command line.
 */
export const refuseFirstRegister = (message: string): Endpoint => ({
  path: '/first-register',
  method: 'post',
  handler: () => jsonError(403, 'first-register-disabled', message),
})

export const FIRST_DIRECTOR_MESSAGE =
  'Een eerste account aanmaken kan hier niet. De beheerder maakt de eerste directeur aan met `pnpm --filter @schoolpost/cms create-director`.'
