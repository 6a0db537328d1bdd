import type { AfterErrorHook, Field, PayloadRequest } from 'payload'

import { type FieldTypeError, fieldTypeErrors, isPlainObject } from './field-type-errors'

export const NOT_AN_OBJECT =
  'Stuur de gegevens als één JSON-object met velden, bijvoorbeeld {"naam": "…"}.'
export const NOT_JSON =
  'Stuur de gegevens als JSON (Content-Type: application/json) of als formulier (multipart/form-data).'
export const INVALID_JSON =
  'De gegevens zijn geen geldige JSON. Controleer de opmaak en probeer het opnieuw.'

/** The fields of the collection or global this request writes through Payload's own REST routes. */
function writtenFields(
  req: PayloadRequest,
  collection: { slug: string; fields: Field[]; auth?: unknown } | undefined,
): { slug: string; kind: 'collection' | 'global'; fields: Field[]; auth: boolean } | undefined {
  if (!['POST', 'PATCH', 'PUT'].includes(req.method?.toUpperCase() ?? '')) return undefined
  const api = req.payload.config.routes.api
  const path = new URL(req.url ?? 'http://x').pathname.replace(/\/$/, '')
  if (!path.startsWith(`${api}/`)) return undefined
  const segments = path.slice(api.length + 1).split('/')
  if (segments[0] === 'globals') {
    const global = req.payload.config.globals.find((g) => g.slug === segments[1])
    if (!global || segments.length !== 2) return undefined
    return { slug: global.slug, kind: 'global', fields: global.fields, auth: false }
  }
  // Only create (`/api/<slug>`) and update (`/api/<slug>/<id>`): custom endpoints parse their own
  // bodies (lib/json-body) and answer their own refusals.
  if (!collection || segments[0] !== collection.slug || segments.length > 2) return undefined
  return {
    slug: collection.slug,
    kind: 'collection',
    fields: collection.fields,
    auth: !!collection.auth,
  }
}

function validationResponse(
  req: PayloadRequest,
  target: { slug: string; kind: 'collection' | 'global' },
  errors: FieldTypeError[],
) {
  const intro = req.t('error:followingFieldsInvalid', { count: errors.length })
  return {
    errors: [
      {
        name: 'ValidationError',
        message: `${intro} ${errors.map((e) => e.path).join(', ')}`,
        data: { [target.kind]: target.slug, errors },
      },
    ],
  }
}

/**
 * A body of the wrong shape is the client's mistake, not a server fault. Payload and our hooks
 * trust the JSON types of what they get (`value.toLowerCase`, `groups.map`, `new Date(x)`, SQLite
 * refusing to bind an object), so a string for a has-many relationship, a number for an email or a
 * body that is `null` ended in a 500. When a write through Payload's own routes fails with a
 * server error and its body does not fit the fields' types, that is the cause: it is answered as
 * the Dutch 400 Payload gives for invalid fields (the transaction was already rolled back).
 */
export const badInputError: AfterErrorHook = ({ error, req, collection }) => {
  const status = (error as { status?: number }).status ?? 500
  if (status < 500) return
  const target = writtenFields(req, collection)
  if (!target) return
  if (error instanceof SyntaxError) {
    return { status: 400, response: { errors: [{ message: INVALID_JSON }] } }
  }
  const data: unknown = req.data
  const contentType = req.headers.get('content-type') ?? ''
  const parsedKind = contentType.includes('application/json') || contentType.includes('multipart/')
  // Only a body Payload does not read at all (text/plain, a form) left `data` empty on purpose.
  if (data === undefined && !req.file && !parsedKind) {
    return { status: 400, response: { errors: [{ message: NOT_JSON }] } }
  }
  if (data === undefined) return
  if (!isPlainObject(data)) {
    return { status: 400, response: { errors: [{ message: NOT_AN_OBJECT }] } }
  }
  const idType = req.payload.db.defaultIDType === 'number' ? 'number' : 'text'
  const errors = fieldTypeErrors(target.fields, data, idType)
  if (
    target.auth &&
    'password' in data &&
    data.password != null &&
    typeof data.password !== 'string'
  ) {
    errors.push({ path: 'password', message: 'Dit moet tekst zijn.' })
  }
  if (!errors.length) return
  return { status: 400, response: validationResponse(req, target, errors) }
}
