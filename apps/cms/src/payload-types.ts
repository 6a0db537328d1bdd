/**
 * Payload's generated types, generated into the contract package (packages/contracts, issue #11)
 * so the portal reads them without depending on this app; `pnpm typecheck` checks they are fresh
 * (scripts/check-types-fresh.ts). The augmentation that types the Local API stays here.
 */
import type { Config } from '@schoolpost/contracts/payload-types'

export type * from '@schoolpost/contracts/payload-types'

declare module 'payload' {
  export interface GeneratedTypes extends Config {}
}
