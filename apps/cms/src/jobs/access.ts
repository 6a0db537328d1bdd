import type { JobsConfig, PayloadRequest } from 'payload'

import { hasRole } from '../access/lib/users'

const directorOnly = ({ req }: { req: PayloadRequest }): boolean => hasRole(req, 'director')

/** Only directors may run, queue or cancel jobs through the API; the CMS itself uses the Local API. */
export const jobsAccess = {
  run: directorOnly,
  queue: directorOnly,
  cancel: directorOnly,
} satisfies NonNullable<JobsConfig['access']>
