import type {
  CollectionBeforeDeleteHook,
  CollectionSlug,
  Field,
  SanitizedConfig,
  Where,
} from 'payload'
import { Refusal } from '../lib/refusal'

/**
 * What happens to the records that must point at a record (a required single relationship)
 * when that record is deleted. Without a rule, SQLite's `ON DELETE SET NULL` hits the NOT NULL
 * column and the delete fails with a 500 (a published post, a parent with an invitation, a pupil
 * with a privacy choice could not be deleted at all); on MongoDB the row would silently point at
 * nothing. Each required relationship in the config has exactly one rule here (a test checks it):
 *
 * - `cascade`: the dependent rows belong to the deleted record and go with it (in the same
 *   transaction, through Payload so their own hooks and rules run too);
 * - `refuse`: the delete is refused with a Dutch 409 while such rows exist (`where` narrows
 *   which rows block; the rest are cascaded).
 */
export type DeleteRule =
  { action: 'cascade' } | { action: 'refuse'; message: string; where?: Where }

export const DELETE_RULES: Record<string, DeleteRule> = {
  // A report about a post: open ones keep the post until staff handled them; handled reports
  // go with the post (their subject is gone).
  'reports.post': {
    action: 'refuse',
    message:
      'Over dit bericht is nog een melding van een ouder open. Handel de melding eerst af (of verberg het bericht voor ouders).',
    where: { status: { not_equals: 'afgehandeld' } },
  },
  // A report about a conversation message goes with the message (only a pupil's erasure deletes
  // messages: nothing of the conversation is kept).
  'reports.message': { action: 'cascade' },
  'pupils.group': {
    action: 'refuse',
    message: 'Deze groep heeft nog leerlingen. Verplaats of verwijder de leerlingen eerst.',
  },
  'image-consents.pupil': { action: 'cascade' },
  'image-consents.guardian': { action: 'cascade' },
  'invitations.parent': { action: 'cascade' },
  // A parent's acceptances of the house rules are proof about that account only.
  'house-rules-acceptances.parent': { action: 'cascade' },
  // Feedback is the parent's own words: it goes with the account.
  'feedback.parent': { action: 'cascade' },
  'post-notifications.post': { action: 'cascade' },
  'post-notifications.parent': { action: 'cascade' },
  // A pupil's absences and leave requests are about that pupil only: they go with the record.
  'absences.pupil': { action: 'cascade' },
  'leave-requests.pupil': { action: 'cascade' },
  // A pupil's conversations are about that pupil: they, their messages, read marks and the
  // record of who opened them go with the record (erasure, issue #16, revisits what is kept).
  'conversations.pupil': { action: 'cascade' },
  'messages.conversation': { action: 'cascade' },
  'conversation-reads.conversation': { action: 'cascade' },
  'conversation-reads.pupil': { action: 'cascade' },
  'conversation-openings.conversation': { action: 'cascade' },
  // A volunteer request with parents signed up (or waiting) stays until they are cancelled: they
  // count on it. Cancelled sign-ups and the places go with it.
  'volunteer-signups.request': {
    action: 'refuse',
    message:
      'Voor deze hulpvraag hebben ouders zich aangemeld. Meld hen eerst af, of laat de hulpvraag staan.',
    where: { status: { in: ['confirmed', 'waitlist', 'pending'] } },
  },
  // A parent's sign-ups are theirs and go with the account; a place goes with its sign-up.
  'volunteer-signups.parent': { action: 'cascade' },
  'volunteer-seats.request': { action: 'cascade' },
  'volunteer-seats.signup': { action: 'cascade' },
}

export type RequiredRelation = { collection: string; field: string; target: string }

/**
 * Every required, single, one-collection relationship of the config (top level: nested ones
 * would live in their own tables), and the optional ones marked `custom: { subject: true }` — a
 * record that is about one of two things (a report: a post or a conversation message) depends on
 * it as much. Polymorphic ones (Payload's locks and preferences) are kept in relation tables that
 * SQLite cleans up itself.
 */
export function requiredRelations(
  config: Pick<SanitizedConfig, 'collections'>,
): RequiredRelation[] {
  const found: RequiredRelation[] = []
  for (const collection of config.collections) {
    for (const field of collection.fields as Field[]) {
      if (field.type !== 'relationship' && field.type !== 'upload') continue
      const subject = (field.custom as { subject?: boolean } | undefined)?.subject === true
      if ((!field.required && !subject) || field.hasMany || typeof field.relationTo !== 'string')
        continue
      found.push({ collection: collection.slug, field: field.name, target: field.relationTo })
    }
  }
  return found
}

function beforeDeleteFor(relations: (RequiredRelation & { rule: DeleteRule })[]) {
  const hook: CollectionBeforeDeleteHook = async ({ id, req }) => {
    // Refusals first, so that a refused delete changes nothing.
    for (const { collection, field, rule } of relations) {
      if (rule.action !== 'refuse') continue
      const where: Where = {
        and: [{ [field]: { equals: id } }, ...(rule.where ? [rule.where] : [])],
      }
      const { totalDocs } = await req.payload.count({
        collection: collection as CollectionSlug,
        where,
        req,
        overrideAccess: true,
      })
      if (totalDocs > 0) throw new Refusal(rule.message, 409)
    }
    for (const { collection, field } of relations) {
      await req.payload.delete({
        collection: collection as CollectionSlug,
        where: { [field]: { equals: id } },
        req,
        overrideAccess: true,
      })
    }
  }
  return hook
}

/** Installs the rules as `beforeDelete` hooks on the collections that are pointed at. */
export function withDeleteRules(config: SanitizedConfig): SanitizedConfig {
  const byTarget = new Map<string, (RequiredRelation & { rule: DeleteRule })[]>()
  for (const relation of requiredRelations(config)) {
    const rule = DELETE_RULES[`${relation.collection}.${relation.field}`]
    if (!rule)
      throw new Error(
        `${relation.collection}.${relation.field} is a required relationship without a delete rule in db/delete-rules.ts.`,
      )
    byTarget.set(relation.target, [...(byTarget.get(relation.target) ?? []), { ...relation, rule }])
  }
  for (const collection of config.collections) {
    const relations = byTarget.get(collection.slug)
    if (!relations) continue
    collection.hooks.beforeDelete = [
      beforeDeleteFor(relations),
      ...(collection.hooks.beforeDelete ?? []),
    ]
  }
  return config
}
