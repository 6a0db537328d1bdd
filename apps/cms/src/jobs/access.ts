import type { JobsConfig } from 'payload'

import { hasRole } from '../access/lib/users'

type JobsAccess = NonNullable<JobsConfig['access']>

/** Only directors may run, queue or cancel jobs through the API; the CMS itself uses the Local API. */
export const jobsAccess: JobsAccess = {
  run: ({ req }) => hasRole(req, 'director'),
  queue: ({ req }) => hasRole(req, 'director'),
  cancel: ({ req }) => hasRole(req, 'director'),
}
