import type { Access } from 'payload'

/** Explicitly nobody (through the API); the Local API with overrideAccess still works. */
export const deny: Access = () => false

/** For `access.admin`, which must be a plain boolean: parents never use the admin panel. */
export const denyAdmin = (): boolean => false
