import type { MongooseAdapter } from '@payloadcms/db-mongodb'
import type {
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  Field,
  FieldHook,
  RelationshipField,
  SanitizedConfig,
  UploadField,
} from 'payload'

import { Refusal } from '../lib/refusal'

/**
 * What SQLite's foreign keys do for the embedded default, done by the app on MongoDB, which has
 * none (found by running the suite on FerretDB, issue #12):
 * - a write that links to something that does not exist (a made-up or deleted id, or one of the
 *   wrong form) is refused with the same Dutch 400 as on SQLite, instead of storing a dangling
 *   link (or a 500 for an id that is no ObjectId);
 * - a delete takes the deleted id out of every optional link that pointed at it, like SQLite's
 *   `ON DELETE SET NULL` and its relation rows (a deleted pupil leaves the photos' tags).
 * - data with an object key that starts with "$" (an operator) is refused with a Dutch 400;
 * - an empty has-many link reads as `[]`, as on SQLite (a MongoDB document may lack the key).
 * Required links are db/delete-rules.ts's business on both databases. The hooks do nothing on
 * SQLite (the last one finds a value there already).
 */

export const MISSING_LINK =
  'Een gekoppeld item bestaat niet (meer). Kies het opnieuw en probeer het nog eens.'

type Link = {
  path: string
  field: string
  targets: string[]
  hasMany: boolean
  required: boolean
  /** The field's own config (its hooks are extended). */
  config: RelationshipField | UploadField
}

/** Top-level relationship and upload fields (through unnamed rows, collapsibles and tabs). */
function linkFields(fields: Field[], out: Link[] = []): Link[] {
  for (const field of fields) {
    if (field.type === 'relationship' || field.type === 'upload') {
      const targets = Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]
      out.push({
        path: field.name,
        field: field.name,
        targets,
        hasMany: !!field.hasMany,
        required: !!field.required,
        config: field,
      })
    } else if (field.type === 'row' || field.type === 'collapsible') {
      linkFields(field.fields, out)
    } else if (field.type === 'tabs') {
      for (const tab of field.tabs) if (!('name' in tab && tab.name)) linkFields(tab.fields, out)
    }
  }
  return out
}

/** The ids a value links to, per target collection. */
function linkedIds(value: unknown, link: Link): Map<string, Set<string>> {
  const byTarget = new Map<string, Set<string>>()
  const add = (target: string, id: unknown) => {
    const key =
      typeof id === 'object' && id !== null && 'id' in id ? (id as { id: unknown }).id : id
    if (typeof key !== 'string' && typeof key !== 'number') return
    if (!byTarget.has(target)) byTarget.set(target, new Set())
    byTarget.get(target)!.add(String(key))
  }
  const values = link.hasMany ? (Array.isArray(value) ? value : [value]) : [value]
  for (const item of values) {
    if (item === null || item === undefined || item === '') continue
    if (link.targets.length === 1 && typeof item === 'object' && !('id' in item)) {
      // Not an id and not a document: links to nothing (a made-up { relationTo, value }).
      add(link.targets[0]!, { id: '\u0000' })
      continue
    }
    if (link.targets.length > 1) {
      const { relationTo, value: id } = (item ?? {}) as { relationTo?: unknown; value?: unknown }
      if (typeof relationTo === 'string') add(relationTo, id)
    } else {
      add(link.targets[0]!, item)
    }
  }
  return byTarget
}

const isMongo = (adapter: { name: string }) => adapter.name === 'mongoose'

export const DOLLAR_KEY =
  'Deze gegevens bevatten een veldnaam die met "$" begint. Verwijder die en probeer het opnieuw.'

/** Whether a value holds an object key starting with "$" (a MongoDB operator) at any depth. */
export function hasDollarKey(value: unknown, depth = 0): boolean {
  if (depth > 64 || value === null || typeof value !== 'object') return false
  if (Array.isArray(value)) return value.some((item) => hasDollarKey(item, depth + 1))
  return Object.entries(value).some(
    ([key, item]) => key.startsWith('$') || hasDollarKey(item, depth + 1),
  )
}

/** Operators inside stored data would be refused by MongoDB (a 500) or, worse, interpreted. */
const refuseDollarKeys = ({
  data,
  req,
}: {
  data: unknown
  req: { payload: { db: { name: string } } }
}) => {
  if (isMongo(req.payload.db) && hasDollarKey(data)) throw new Refusal(DOLLAR_KEY, 400)
  return data
}

function checkLinksExist(links: Link[]): CollectionBeforeChangeHook {
  return async ({ data, req }) => {
    if (!isMongo(req.payload.db)) return data
    for (const link of links) {
      if (!(link.field in (data ?? {}))) continue
      for (const [target, ids] of linkedIds(data[link.field], link)) {
        const found = await req.payload.db
          .count({ collection: target as CollectionSlug, where: { id: { in: [...ids] } }, req })
          .then((r) => r.totalDocs)
          // An id MongoDB cannot even cast (no ObjectId) links to nothing as well.
          .catch(() => -1)
        if (found !== ids.size) throw new Refusal(MISSING_LINK, 400)
      }
    }
    return data
  }
}

function unlinkDeleted(pointing: { collection: string; link: Link }[]): CollectionAfterDeleteHook {
  return async ({ id, req }) => {
    if (!isMongo(req.payload.db)) return
    const adapter = req.payload.db as unknown as MongooseAdapter
    const session = req.transactionID
      ? (adapter.sessions as Record<string, unknown>)[String(await req.transactionID)]
      : undefined
    const options = session ? { session: session as never } : {}
    // Links are stored as ObjectIds when the id is one; match both forms to be sure.
    const { Types } = adapter.connection.base
    const forms: unknown[] = [String(id)]
    if (Types.ObjectId.isValid(String(id))) forms.push(new Types.ObjectId(String(id)))
    for (const { collection: slug, link } of pointing) {
      const model = adapter.collections[slug]
      if (!model) continue
      // One update per stored form: FerretDB v1 silently ignores `$pull` with an `$in` condition.
      for (const form of forms) {
        await model.collection.updateMany(
          { [link.field]: form },
          link.hasMany
            ? ({ $pull: { [link.field]: form } } as never)
            : { $set: { [link.field]: null } },
          options,
        )
      }
    }
  }
}

const emptyListOnMongo: FieldHook = ({ value, req }) =>
  value === undefined && isMongo(req.payload.db) ? [] : value

/** Installs the hooks on every collection and global of the config (they return at once on SQLite). */
export function withMongoReferences(config: SanitizedConfig): SanitizedConfig {
  const pointingAt = new Map<string, { collection: string; link: Link }[]>()
  for (const global of config.globals) {
    global.hooks.beforeChange = [refuseDollarKeys as never, ...(global.hooks.beforeChange ?? [])]
  }
  for (const collection of config.collections) {
    collection.hooks.beforeChange = [
      refuseDollarKeys as never,
      ...(collection.hooks.beforeChange ?? []),
    ]
    const links = linkFields(collection.fields as Field[])
    if (links.length === 0) continue
    collection.hooks.beforeChange = [
      ...(collection.hooks.beforeChange ?? []),
      checkLinksExist(links),
    ]
    // An empty has-many link reads as [] on SQLite; a MongoDB document may lack the key. A field
    // hook, so that a field the reader may not see stays absent (field access runs first).
    for (const link of links) {
      if (!link.hasMany) continue
      const hooks = (link.config.hooks ??= {})
      hooks.afterRead = [...(hooks.afterRead ?? []), emptyListOnMongo]
    }
    for (const link of links) {
      // Required single links have a delete rule (cascade or refuse) on both databases;
      // polymorphic ones are Payload's own (locks, preferences), which it cleans up itself.
      if ((link.required && !link.hasMany) || link.targets.length > 1) continue
      for (const target of link.targets) {
        pointingAt.set(target, [
          ...(pointingAt.get(target) ?? []),
          { collection: collection.slug, link },
        ])
      }
    }
  }
  for (const collection of config.collections) {
    const pointing = pointingAt.get(collection.slug)
    if (!pointing) continue
    collection.hooks.afterDelete = [
      ...(collection.hooks.afterDelete ?? []),
      unlinkDeleted(pointing),
    ]
  }
  return config
}
