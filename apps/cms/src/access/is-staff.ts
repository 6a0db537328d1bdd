import type { Access } from 'payload'

import { staffUser } from './lib/users'

export const isStaff: Access = ({ req }) => !!staffUser(req)

/** For `access.admin`, which must be a plain boolean. */
export const canUseAdmin = ({ req }: Parameters<Access>[0]): boolean => !!staffUser(req)
