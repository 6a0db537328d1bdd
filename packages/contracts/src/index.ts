/**
 * The contract between the parents' portal and the CMS (issue #11): the request and answer
 * schema of the endpoints shaped for the portal's pages. The CMS builds its answers `satisfies`
 * these types; the portal parses every answer with the same schemas. Pure TypeScript + zod.
 */
export * from './media'
export * from './posts'
export * from './portal-home'
export * from './portal-post'
export * from './portal-version'
export * from './portal-login'
export * from './absences'
export * from './conversations'
export * from './volunteering'
export * from './agenda'
export * from './house-rules'
export * from './feedback'
export * from './media-export'
