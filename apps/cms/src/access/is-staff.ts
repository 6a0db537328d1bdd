import type { Access } from 'payload'

import { staffUser } from './lib/users'

export const isStaff: Access = ({ req }) => !!staffUser(req)
