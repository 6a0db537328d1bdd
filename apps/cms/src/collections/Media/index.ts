import type { CollectionConfig } from 'payload'

import { isStaffField } from '../../access/is-staff-field'
import { writableFields } from '../../access/lib/writable-fields'
import { mediaRead } from '../../access/media-read'
import { mediaCreate, mediaUpdate } from '../../access/media-write'
import { env } from '../../lib/env'
import { attachVideoPoster, writeVideoPosters } from './hooks/attach-video-poster'
import { checkUpload, IMAGE_TYPES, VIDEO_TYPES } from './hooks/check-upload'
import { consentStatus } from './hooks/consent-status'
import { publishable } from './hooks/publishable'
import { setUploadedBy } from './hooks/set-uploaded-by'
import { MEDIA_SIZES, WEBP_QUALITY } from './sizes'

/**
 * Photos and videos (S3, S11–S13). Files live outside any public folder and are served only
 * through Payload's file endpoint after `mediaRead`. Every image — the original included — passes
 * through sharp, which applies the EXIF orientation and writes no metadata (EXIF, GPS, XMP, ICC).
 * Every video is stored as a copy without metadata, with WebP poster stills as its sizes.
 */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { nl: 'Foto of video', en: 'Photo or video' },
    plural: { nl: "Foto's en video's", en: 'Photos and videos' },
  },
  admin: {
    useAsTitle: 'filename',
    defaultColumns: ['filename', 'pupils', 'noRecognisablePupils', 'consentStatus', 'createdAt'],
    group: { nl: 'Berichten', en: 'Posts' },
  },
  access: {
    read: mediaRead,
    create: mediaCreate,
    update: mediaUpdate,
    delete: mediaUpdate,
  },
  upload: {
    // On disk unless S3_BUCKET is set: storage/media-storage.ts (plugin, file handlers).
    staticDir: env.mediaDir,
    mimeTypes: [...IMAGE_TYPES, ...VIDEO_TYPES],
    constructorOptions: { limitInputPixels: env.mediaMaxPixels },
    // Forces the original through sharp too: rotated, metadata stripped, at most 4096 px.
    resizeOptions: { width: 4096, height: 4096, fit: 'inside', withoutEnlargement: true },
    withMetadata: false,
    crop: false,
    focalPoint: false,
    adminThumbnail: 'thumbnail',
    imageSizes: MEDIA_SIZES.map(({ name, width }) => ({
      name,
      width,
      withoutEnlargement: true,
      formatOptions: { format: 'webp' as const, options: { quality: WEBP_QUALITY } },
    })),
  },
  hooks: {
    beforeOperation: [checkUpload],
    beforeChange: [setUploadedBy, attachVideoPoster],
    afterChange: [writeVideoPosters],
  },
  // `uploadedBy` comes from the hook: access/lib/writable-fields.ts.
  fields: writableFields('media', [
    {
      name: 'alt',
      type: 'text',
      label: { nl: 'Beschrijving (voor schermlezers)', en: 'Alt text' },
    },
    {
      name: 'pupils',
      type: 'relationship',
      relationTo: 'pupils',
      hasMany: true,
      label: { nl: 'Leerlingen op de foto', en: 'Pupils in the photo' },
      admin: {
        description: {
          nl: 'Tag iedere herkenbare leerling. Minder dan het minimum (standaard 2) is een portretfoto en wordt niet gedeeld. Leerlingen zonder toestemming maken de foto onzichtbaar voor ouders.',
          en: 'Tag every recognisable pupil.',
        },
      },
      access: { read: isStaffField },
    },
    {
      name: 'noRecognisablePupils',
      type: 'checkbox',
      label: { nl: 'Geen herkenbare leerlingen', en: 'No recognisable pupils' },
      access: { read: isStaffField },
    },
    {
      // Virtual: computed from the current minimum and tags on every read, never stored (S13).
      name: 'publishable',
      type: 'checkbox',
      virtual: true,
      label: { nl: 'Deelbaar (tagregel)', en: 'Publishable' },
      admin: { readOnly: true, position: 'sidebar' },
      access: { read: isStaffField },
      hooks: { afterRead: [publishable] },
    },
    {
      name: 'consentStatus',
      type: 'text',
      virtual: true,
      label: { nl: 'Zichtbaarheid voor ouders', en: 'Visibility for parents' },
      admin: { readOnly: true, position: 'sidebar' },
      hooks: { afterRead: [consentStatus] },
    },
    {
      name: 'kind',
      type: 'text',
      virtual: true,
      admin: { hidden: true },
      hooks: {
        afterRead: [
          ({ siblingData }) =>
            String(siblingData.mimeType ?? '').startsWith('video/') ? 'video' : 'image',
        ],
      },
    },
    {
      name: 'hidden',
      type: 'checkbox',
      defaultValue: false,
      label: { nl: 'Verbergen voor ouders', en: 'Hide from parents' },
      admin: { position: 'sidebar' },
      access: { read: isStaffField },
    },
    {
      name: 'uploadedBy',
      type: 'relationship',
      relationTo: 'staff',
      label: { nl: 'Geüpload door', en: 'Uploaded by' },
      admin: { readOnly: true, position: 'sidebar' },
      access: { read: isStaffField },
    },
  ]),
}
