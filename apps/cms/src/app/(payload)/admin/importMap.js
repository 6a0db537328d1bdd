import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ReportActions as ReportActions_e90c29d9cf14fff8393641065aede6d2 } from '../../../components/admin/ReportActions'
import { ConversationThread as ConversationThread_3b6cf182b763e2c91fa89e3823600280 } from '../../../components/admin/ConversationThread'
import { ConversationUnread as ConversationUnread_3b6cf182b763e2c91fa89e3823600280 } from '../../../components/admin/ConversationThread'
import { VolunteerSignups as VolunteerSignups_c66ed26df9face256932e04bdfd6b3f6 } from '../../../components/admin/VolunteerSignups'
import { InviteButton as InviteButton_315b3ae122c4f5100d0fb705c8f98f81 } from '../../../components/admin/InviteButton'
import { EraseFamily as EraseFamily_eb402f9458224ce1daeaf12b85b39a5b } from '../../../components/admin/EraseFamily'
import { Icon as Icon_91a09b539d3c86b0aebf520e7564ce08 } from '../../../components/admin/Logo'
import { Logo as Logo_91a09b539d3c86b0aebf520e7564ce08 } from '../../../components/admin/Logo'
import { ImportNavLink as ImportNavLink_0affae86310ade5f251e109b3cf5d8d3 } from '../../../components/admin/ImportNavLink'
import { DashboardShortcuts as DashboardShortcuts_d1c660a37e5a259b51efdbe13e5c90dc } from '../../../components/admin/DashboardShortcuts'
import { TodayAbsences as TodayAbsences_aefe59500ad456299426d61ad3b56844 } from '../../../components/admin/TodayAbsences'
import { HouseRulesStatus as HouseRulesStatus_6864c7d327915552957a91528ce37ccd } from '../../../components/admin/HouseRulesStatus'
import { S3ClientUploadHandler as S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24 } from '@payloadcms/storage-s3/client'
import { ImportView as ImportView_9f4c1248a9594c235a871ba4f4fe9e66 } from '../../../components/admin/ImportView'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/components/admin/ReportActions#ReportActions": ReportActions_e90c29d9cf14fff8393641065aede6d2,
  "/components/admin/ConversationThread#ConversationThread": ConversationThread_3b6cf182b763e2c91fa89e3823600280,
  "/components/admin/ConversationThread#ConversationUnread": ConversationUnread_3b6cf182b763e2c91fa89e3823600280,
  "/components/admin/VolunteerSignups#VolunteerSignups": VolunteerSignups_c66ed26df9face256932e04bdfd6b3f6,
  "/components/admin/InviteButton#InviteButton": InviteButton_315b3ae122c4f5100d0fb705c8f98f81,
  "/components/admin/EraseFamily#EraseFamily": EraseFamily_eb402f9458224ce1daeaf12b85b39a5b,
  "/components/admin/Logo#Icon": Icon_91a09b539d3c86b0aebf520e7564ce08,
  "/components/admin/Logo#Logo": Logo_91a09b539d3c86b0aebf520e7564ce08,
  "/components/admin/ImportNavLink#ImportNavLink": ImportNavLink_0affae86310ade5f251e109b3cf5d8d3,
  "/components/admin/DashboardShortcuts#DashboardShortcuts": DashboardShortcuts_d1c660a37e5a259b51efdbe13e5c90dc,
  "/components/admin/TodayAbsences#TodayAbsences": TodayAbsences_aefe59500ad456299426d61ad3b56844,
  "/components/admin/HouseRulesStatus#HouseRulesStatus": HouseRulesStatus_6864c7d327915552957a91528ce37ccd,
  "@payloadcms/storage-s3/client#S3ClientUploadHandler": S3ClientUploadHandler_f97aa6c64367fa259c5bc0567239ef24,
  "/components/admin/ImportView#ImportView": ImportView_9f4c1248a9594c235a871ba4f4fe9e66,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
