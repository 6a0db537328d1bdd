import type { Access } from 'payload'

import { parentUser, staffUser } from './lib/users'

/** Any staff member or any active parent — spelled out, never Payload's implicit default. */
export const isLoggedIn: Access = ({ req }) => !!staffUser(req) || !!parentUser(req)
