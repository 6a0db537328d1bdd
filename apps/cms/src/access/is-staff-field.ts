import type { FieldAccess } from 'payload'

import { hasRole, staffUser } from './lib/users'

export const isStaffField: FieldAccess = ({ req }) => !!staffUser(req)
export const isDirectorOrOfficeField: FieldAccess = ({ req }) => hasRole(req, 'director', 'office')

/** Everyone who may read the record except teachers: a family's reasons are the director's business. */
export const isNotTeacherField: FieldAccess = ({ req }) => !hasRole(req, 'teacher')
