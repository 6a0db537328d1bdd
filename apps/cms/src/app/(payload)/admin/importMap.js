import { InviteButton as InviteButton_315b3ae122c4f5100d0fb705c8f98f81 } from '../../../components/admin/InviteButton'
import { Icon as Icon_91a09b539d3c86b0aebf520e7564ce08 } from '../../../components/admin/Logo'
import { Logo as Logo_91a09b539d3c86b0aebf520e7564ce08 } from '../../../components/admin/Logo'
import { ImportNavLink as ImportNavLink_0affae86310ade5f251e109b3cf5d8d3 } from '../../../components/admin/ImportNavLink'
import { DashboardShortcuts as DashboardShortcuts_d1c660a37e5a259b51efdbe13e5c90dc } from '../../../components/admin/DashboardShortcuts'
import { ImportView as ImportView_9f4c1248a9594c235a871ba4f4fe9e66 } from '../../../components/admin/ImportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/components/admin/InviteButton#InviteButton": InviteButton_315b3ae122c4f5100d0fb705c8f98f81,
  "/components/admin/Logo#Icon": Icon_91a09b539d3c86b0aebf520e7564ce08,
  "/components/admin/Logo#Logo": Logo_91a09b539d3c86b0aebf520e7564ce08,
  "/components/admin/ImportNavLink#ImportNavLink": ImportNavLink_0affae86310ade5f251e109b3cf5d8d3,
  "/components/admin/DashboardShortcuts#DashboardShortcuts": DashboardShortcuts_d1c660a37e5a259b51efdbe13e5c90dc,
  "/components/admin/ImportView#ImportView": ImportView_9f4c1248a9594c235a871ba4f4fe9e66,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
