/**
 * The types the portal's typed client needs from the CMS, in one place. Types only: the portal
 * never imports CMS runtime code.
 */
export type { Group, Parent, Pupil, SchoolSetting } from './payload-types'
export type { PortalLoginResponse } from './collections/Parents/endpoints/portal-login'
