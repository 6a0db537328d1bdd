import type { MongooseAdapter } from '@payloadcms/db-mongodb'

type Projection = Record<string, unknown>
type Doc = Record<string, unknown>

/**
 * The few MongoDB features Payload's adapter uses that FerretDB v1 (the MongoDB-wire server CI
 * runs) lacks, filled in for that server only — a real MongoDB never takes these paths.
 *
 * - `findAndModify` with a projection ("fields" is not implemented): Payload asks for one when an
 *   update or delete carries a `select`. The command runs without it and the same projection is
 *   applied to the returned document here, so callers get exactly the fields they asked for.
 */
export async function isFerretDB(adapter: MongooseAdapter): Promise<boolean> {
  const db = adapter.connection?.db
  if (!db) return false
  const info = (await db.admin().command({ buildInfo: 1 })) as { ferretdbVersion?: unknown }
  return info.ferretdbVersion !== undefined
}

export function applyFerretDBCompat(adapter: MongooseAdapter): void {
  const models = [
    ...Object.values(adapter.collections ?? {}),
    ...Object.values(adapter.versions ?? {}),
    ...(adapter.globals ? [adapter.globals] : []),
  ]
  for (const model of models) patchModel(model as unknown as PatchableModel)
}

type QueryLike = { transform(fn: (doc: unknown) => unknown): QueryLike }
type PatchableModel = {
  __ferretdbCompat?: boolean
  findOneAndUpdate(filter: unknown, update: unknown, options?: Doc): QueryLike
  findOneAndDelete(filter: unknown, options?: Doc): QueryLike
}

function patchModel(model: PatchableModel): void {
  if (!model || model.__ferretdbCompat) return
  model.__ferretdbCompat = true
  const update = model.findOneAndUpdate.bind(model)
  const remove = model.findOneAndDelete.bind(model)
  model.findOneAndUpdate = (filter, data, options) => {
    const { projection, rest } = splitProjection(options)
    const query = update(filter, data, rest)
    return projection ? query.transform((doc) => applyProjection(doc, projection)) : query
  }
  model.findOneAndDelete = (filter, options) => {
    const { projection, rest } = splitProjection(options)
    const query = remove(filter, rest)
    return projection ? query.transform((doc) => applyProjection(doc, projection)) : query
  }
}

function splitProjection(options?: Doc): { projection?: Projection; rest?: Doc } {
  if (!options || !options.projection || typeof options.projection !== 'object') {
    return { rest: options }
  }
  const { projection, ...rest } = options
  const fields = projection as Projection
  return Object.keys(fields).length > 0 ? { projection: fields, rest } : { rest }
}

/**
 * MongoDB's projection semantics for the shapes Payload builds: all-inclusion (`{ a: true,
 * 'b.c': true }`, `_id` kept unless excluded) or all-exclusion (`{ a: false }`), dotted paths
 * reaching into sub-documents and arrays of sub-documents.
 */
export function applyProjection(doc: unknown, projection: Projection): unknown {
  if (!doc || typeof doc !== 'object') return doc
  const entries = Object.entries(projection)
  const inclusive = entries.some(([key, value]) => key !== '_id' && isTruthy(value))
  if (inclusive) {
    const paths = entries.filter(([, value]) => isTruthy(value)).map(([key]) => key)
    const keepId = projection._id === undefined || isTruthy(projection._id)
    const picked = pick(doc as Doc, paths.map(splitPath))
    if (keepId && '_id' in (doc as Doc)) picked._id = (doc as Doc)._id
    return picked
  }
  const result = structuredCloneShallow(doc as Doc)
  for (const [key] of entries) omit(result, splitPath(key))
  return result
}

const isTruthy = (value: unknown): boolean => value !== false && value !== 0 && value !== null

const splitPath = (path: string): string[] => path.split('.')

function pick(doc: Doc, paths: string[][]): Doc {
  const out: Doc = {}
  const byHead = new Map<string, string[][]>()
  for (const [head, ...tail] of paths) {
    if (head === undefined) continue
    const list = byHead.get(head) ?? []
    list.push(tail)
    byHead.set(head, list)
  }
  for (const [head, tails] of byHead) {
    if (!(head in doc)) continue
    const value = doc[head]
    if (tails.some((tail) => tail.length === 0)) {
      out[head] = value
    } else if (Array.isArray(value)) {
      out[head] = value
        .filter((item) => item && typeof item === 'object' && !Array.isArray(item))
        .map((item) => pick(item as Doc, tails))
    } else if (value && typeof value === 'object') {
      out[head] = pick(value as Doc, tails)
    }
  }
  return out
}

function omit(doc: Doc, path: string[]): void {
  const [head, ...tail] = path
  if (head === undefined || !(head in doc)) return
  if (tail.length === 0) {
    delete doc[head]
    return
  }
  const value = doc[head]
  if (Array.isArray(value)) {
    doc[head] = value.map((item) => {
      if (!item || typeof item !== 'object' || Array.isArray(item)) return item
      const copy = structuredCloneShallow(item as Doc)
      omit(copy, tail)
      return copy
    })
  } else if (value && typeof value === 'object') {
    const copy = structuredCloneShallow(value as Doc)
    omit(copy, tail)
    doc[head] = copy
  }
}

const structuredCloneShallow = (doc: Doc): Doc => ({ ...doc })
