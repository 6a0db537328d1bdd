import type { Field, FieldHook } from 'payload'

import { isStaffField } from '../../access/is-staff-field'
import { staffUser } from '../../access/lib/users'

type Counts = { queued: number; sent: number; failed: number }

/** One query per post and request for all three counts (they are read together). */
const countFor =
  (which: keyof Counts): FieldHook =>
  async ({ originalDoc, req }) => {
    const id = originalDoc?.id as string | undefined
    if (!id || !staffUser(req)) return null
    const key = `notificationCounts:${id}`
    let counts = req.context[key] as Counts | undefined
    if (!counts) {
      const rows = await req.payload.find({
        collection: 'post-notifications',
        where: { post: { equals: id } },
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        req,
        select: { status: true },
      })
      counts = { queued: 0, sent: 0, failed: 0 }
      for (const row of rows.docs) {
        if (row.status === 'queued' || row.status === 'waiting-digest') counts.queued++
        else if (row.status === 'sent' || row.status === 'captured') counts.sent++
        else if (row.status === 'failed') counts.failed++
      }
      req.context[key] = counts
    }
    return counts[which]
  }

const countField = (name: string, which: keyof Counts, nl: string, en: string): Field => ({
  name,
  type: 'number',
  virtual: true,
  label: { nl, en },
  access: { read: isStaffField, create: () => false, update: () => false },
  admin: { readOnly: true },
  hooks: { afterRead: [countFor(which)] },
})

/**
 * What parents get by email about this post (C1), and what became of it. The subject and teaser
 * are the only post content that ever leaves in an email: no body, no photos, no pupil names.
 */
export const notificationFields: Field[] = [
  {
    name: 'emailSubject',
    type: 'text',
    maxLength: 120,
    label: { nl: 'Onderwerp van de e-mail', en: 'Email subject' },
    admin: {
      position: 'sidebar',
      description: { nl: 'Leeg = de titel.', en: 'Empty: the title.' },
    },
  },
  {
    name: 'teaser',
    type: 'textarea',
    maxLength: 300,
    label: { nl: 'Korte tekst voor de e-mail', en: 'Email teaser' },
    admin: {
      position: 'sidebar',
      description: {
        nl: 'Eén of twee zinnen. Zet hier geen namen van kinderen in.',
        en: 'One or two sentences, no pupil names.',
      },
    },
  },
  {
    name: 'notifyAgain',
    type: 'checkbox',
    defaultValue: false,
    label: { nl: 'Ouders opnieuw mailen bij opslaan', en: 'Notify parents again on save' },
    admin: {
      position: 'sidebar',
      description: {
        nl: 'Alleen voor een belangrijke wijziging in een gepubliceerd bericht.',
        en: 'Only for an important change to a published post.',
      },
      condition: (data) => data?.status === 'published',
    },
    access: { read: isStaffField },
  },
  {
    name: 'notifyRound',
    type: 'number',
    defaultValue: 0,
    admin: { hidden: true },
    // Counted up by the hooks only (writable-fields.ts closes it to the API).
    access: { read: isStaffField },
  },
  {
    type: 'collapsible',
    label: { nl: 'E-mail aan ouders', en: 'Email to parents' },
    admin: { position: 'sidebar', condition: (data) => data?.status !== 'draft' },
    fields: [
      countField('emailQueued', 'queued', 'In de wachtrij', 'Queued'),
      countField('emailSent', 'sent', 'Verzonden', 'Sent'),
      countField('emailFailed', 'failed', 'Mislukt', 'Failed'),
    ],
  },
]
