import type { Access } from 'payload'

import { hasRole } from './lib/users'

export const isDirectorOrOffice: Access = ({ req }) => hasRole(req, 'director', 'office')
