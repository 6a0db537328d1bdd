import type { Access, FieldAccess } from 'payload'

import { hasRole } from './lib/users'

export const isDirector: Access = ({ req }) => hasRole(req, 'director')
export const isDirectorField: FieldAccess = ({ req }) => hasRole(req, 'director')
