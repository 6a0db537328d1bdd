import type { FieldAccess } from 'payload'

import { hasRole, staffUser } from './lib/users'

export const isStaffField: FieldAccess = ({ req }) => !!staffUser(req)
export const isDirectorOrOfficeField: FieldAccess = ({ req }) => hasRole(req, 'director', 'office')
