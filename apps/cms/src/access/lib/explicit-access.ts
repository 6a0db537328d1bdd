import type { CollectionConfig, PayloadHandler, SanitizedConfig } from 'payload'

import { deny } from '../deny'
import {
  lockedDocumentsCreate,
  lockedDocumentsDelete,
  lockedDocumentsRead,
  lockedDocumentsUpdate,
} from '../locked-documents'
import { preferencesAccess, preferencesCreate } from '../preferences'
import { deleteOwnPreference } from './delete-own-preference'
import { parentQueryGuard } from './parent-queries'
import { staffUser } from './users'
import { closeUploadFields, unguardedFields } from './writable-fields'

const closed = { create: deny, read: deny, update: deny, delete: deny }

/**
 * Access for the collections Payload adds itself while it sanitizes the config (so neither the
 * config nor a plugin can reach them): without this, `payload-locked-documents`,
 * `payload-preferences` and `payload-migrations` are open to any logged-in user, parents included.
 */
const PAYLOAD_COLLECTIONS: Record<string, CollectionConfig['access']> = {
  'payload-locked-documents': {
    create: lockedDocumentsCreate,
    read: lockedDocumentsRead,
    update: lockedDocumentsUpdate,
    delete: lockedDocumentsDelete,
  },
  'payload-preferences': {
    create: preferencesCreate,
    read: preferencesAccess,
    update: preferencesAccess,
    delete: preferencesAccess,
  },
  'payload-migrations': closed,
  // The CMS works the queue through the Local API; run/queue/cancel are `jobs.access`.
  'payload-jobs': closed,
  'payload-kv': closed,
}

const NO_REST = (['get', 'post', 'patch', 'put', 'delete'] as const).map((method) => ({
  method,
  path: '/:path*',
  handler: () =>
    Response.json(
      { errors: [{ message: 'Deze gegevens zijn niet via de API beschikbaar.' }] },
      { status: 404 },
    ),
}))

/** Payload's fallbacks ("any logged-in user"), recognised by name. None may survive. */
const PAYLOAD_DEFAULTS = new Set(['defaultAccess', 'defaultUnlockAccess'])

const staffOnly =
  (handler: PayloadHandler): PayloadHandler =>
  (req) =>
    staffUser(req)
      ? handler(req)
      : Response.json(
          { errors: [{ message: 'U heeft geen toegang tot deze gegevens.' }] },
          { status: 403 },
        )

/**
 * Wraps the built config: sets the access above, refuses to start if any collection or global
 * still has one of Payload's default access functions or a collection's fields did not go through
 * `writableFields`, installs the parents' query guard on every collection (Payload's own
 * included) and closes the fields Payload fills from an uploaded file.
 */
export async function withExplicitAccess(
  config: Promise<SanitizedConfig> | SanitizedConfig,
): Promise<SanitizedConfig> {
  const built = await config
  for (const collection of built.collections) {
    const own = PAYLOAD_COLLECTIONS[collection.slug]
    if (own) collection.access = { ...collection.access, ...own }
    // The preferences' own endpoints (GET/POST/DELETE /:key) check only for a user.
    if (collection.slug === 'payload-preferences' && Array.isArray(collection.endpoints)) {
      collection.endpoints = collection.endpoints.map((e) => ({
        ...e,
        handler: staffOnly(
          e.method === 'delete' && e.path === '/:key' ? deleteOwnPreference : e.handler,
        ),
      }))
    }
    // Payload gives the migration log `endpoints: false`, which its router answers with a 501
    // (and an English sentence): a Dutch 404 for every method and path instead.
    if (collection.slug === 'payload-migrations') collection.endpoints = NO_REST
    // `unlock` only means something on an auth collection (it resets a login lockout).
    const { unlock, ...rest } = collection.access
    assertExplicit(`collection ${collection.slug}`, collection.auth ? { ...rest, unlock } : rest)
    collection.hooks.beforeOperation = [
      parentQueryGuard,
      ...(collection.upload ? [closeUploadFields] : []),
      ...(collection.hooks.beforeOperation ?? []),
    ]
    // Payload's own collections are closed or handled one by one above.
    if (!collection.slug.startsWith('payload-')) {
      const open = unguardedFields(collection)
      if (open.length)
        throw new Error(
          `collection ${collection.slug}: ${open.join(', ')} not listed; wrap its fields in writableFields().`,
        )
    }
  }
  for (const global of built.globals) assertExplicit(`global ${global.slug}`, global.access)
  return built
}

function assertExplicit(what: string, access: Record<string, unknown>): void {
  for (const [operation, fn] of Object.entries(access)) {
    if (typeof fn === 'function' && PAYLOAD_DEFAULTS.has(fn.name))
      throw new Error(
        `${what}: access.${operation} is Payload's default; give it an explicit rule.`,
      )
  }
}
