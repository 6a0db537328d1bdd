import type { CollectionConfig } from 'payload'

import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { postsRead } from '../../access/posts-read'
import { postsCreate, postsUpdate } from '../../access/posts-write'
import { safeRichTextEditor } from '../shared/safe-rich-text'
import { bodyHtmlAfterRead, bodyTextAfterRead } from './hooks/body-output'
import { checkPost } from './hooks/check-post'
import { galleryForParents } from './hooks/for-parents'
import { planNotification, queueNotification } from './hooks/plan-notification'
import { notificationFields } from './notification-fields'

/** School news (S1) and group posts with photos and videos (S3). Only staff write (S14). */
export const Posts: CollectionConfig = {
  slug: 'posts',
  labels: {
    singular: { nl: 'Bericht', en: 'Post' },
    plural: { nl: 'Berichten', en: 'Posts' },
  },
  defaultSort: '-publishedAt',
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'audience', 'groups', 'status', 'publishedAt', 'pinned'],
    group: { nl: 'Berichten', en: 'Posts' },
  },
  access: {
    read: postsRead,
    create: postsCreate,
    update: postsUpdate,
    delete: postsUpdate,
  },
  hooks: {
    beforeChange: [checkPost, planNotification],
    afterChange: [queueNotification],
    afterRead: [galleryForParents],
  },
  // `author`, `publishedAt` and `notifyRound` come from the hooks: access/lib/writable-fields.ts.
  fields: writableFields('posts', [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 200,
      label: { nl: 'Titel', en: 'Title' },
    },
    {
      name: 'body',
      type: 'richText',
      label: { nl: 'Tekst', en: 'Text' },
      // A small, safe set: no uploads, blocks, relationships or internal links in the body. What
      // parents get is `bodyHtml` below, sanitized whatever the stored JSON contains.
      editor: safeRichTextEditor(),
    },
    {
      name: 'bodyHtml',
      type: 'textarea',
      virtual: true,
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
      hooks: { afterRead: [bodyHtmlAfterRead] },
    },
    {
      name: 'bodyText',
      type: 'textarea',
      virtual: true,
      admin: { hidden: true },
      access: { create: () => false, update: () => false },
      hooks: { afterRead: [bodyTextAfterRead] },
    },
    {
      name: 'gallery',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      label: { nl: "Foto's en video's", en: 'Photos and videos' },
    },
    {
      name: 'audience',
      type: 'select',
      required: true,
      defaultValue: 'groups',
      label: { nl: 'Voor wie', en: 'Audience' },
      options: [
        { value: 'school', label: { nl: 'Hele school (nieuws)', en: 'Whole school' } },
        { value: 'groups', label: { nl: 'Groep(en)', en: 'Group(s)' } },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'groups',
      type: 'relationship',
      relationTo: 'groups',
      hasMany: true,
      label: { nl: 'Groepen', en: 'Groups' },
      admin: { position: 'sidebar', condition: (data) => data?.audience === 'groups' },
    },
    {
      name: 'status',
      type: 'select',
      required: true,
      defaultValue: 'draft',
      index: true,
      label: { nl: 'Status', en: 'Status' },
      options: [
        { value: 'draft', label: { nl: 'Concept', en: 'Draft' } },
        { value: 'scheduled', label: { nl: 'Ingepland', en: 'Scheduled' } },
        { value: 'published', label: { nl: 'Gepubliceerd', en: 'Published' } },
      ],
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishAt',
      type: 'date',
      label: { nl: 'Publiceren op', en: 'Publish at' },
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime' },
        condition: (data) => data?.status === 'scheduled',
      },
    },
    { name: 'publishedAt', type: 'date', index: true, admin: { hidden: true } },
    {
      name: 'pinned',
      type: 'checkbox',
      label: { nl: 'Vastzetten bovenaan', en: 'Pinned' },
      // Always a boolean: the timeline sorts by -pinned and SQLite puts NULL after false, so a
      // post made without the field (REST) would sink below older unpinned posts.
      hooks: { beforeChange: [({ value }) => value === true] },
      admin: { position: 'sidebar' },
    },
    {
      name: 'author',
      type: 'relationship',
      relationTo: 'staff',
      label: { nl: 'Auteur', en: 'Author' },
      admin: { readOnly: true, position: 'sidebar' },
      access: { read: isStaffField },
    },
    {
      name: 'authorName',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
      hooks: {
        afterRead: [
          async ({ siblingData, req }) => {
            const id =
              typeof siblingData.author === 'string' ? siblingData.author : siblingData.author?.id
            if (!id) return null
            const staff = await req.payload.findByID({
              collection: 'staff',
              id,
              depth: 0,
              overrideAccess: true,
              req,
              disableErrors: true,
              select: { name: true },
            })
            return staff?.name ?? null
          },
        ],
      },
    },
    {
      name: 'hidden',
      type: 'checkbox',
      defaultValue: false,
      label: { nl: 'Verbergen voor ouders', en: 'Hide from parents' },
      admin: {
        position: 'sidebar',
        description: { nl: 'Bijvoorbeeld na een melding.', en: 'For example after a report.' },
      },
      access: { read: isStaffField },
    },
    ...notificationFields,
  ]),
}
