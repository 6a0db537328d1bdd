import type { Access } from 'payload'

/** Explicitly nobody (through the API); the Local API with overrideAccess still works. */
export const deny: Access = () => false
