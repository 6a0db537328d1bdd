import type { Field } from 'payload'

export type FieldTypeError = { path: string; message: string }

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** How the database names its rows: text (UUIDs, Mongo ObjectIds) or whole numbers. */
export type IdType = 'text' | 'number'

const isId = (value: unknown, idType: IdType) =>
  idType === 'number'
    ? Number.isInteger(value) || (typeof value === 'string' && /^\d{1,15}$/.test(value))
    : typeof value === 'string' && value.length > 0 && value.length <= 100

/** Payload's own timestamps: never empty, the database and its read-back expect a date. */
const TIMESTAMPS = ['createdAt', 'updatedAt']

const isDate = (value: unknown) =>
  (typeof value === 'string' || typeof value === 'number') &&
  !Number.isNaN(new Date(value).getTime())

const optionValues = (field: Field): string[] =>
  'options' in field && Array.isArray(field.options)
    ? field.options.map((option) => (typeof option === 'string' ? option : option.value))
    : []

/** A relationship value: an id, or `{ relationTo, value }` for a polymorphic one, or a document. */
function isRelationValue(field: Field, value: unknown, idType: IdType): boolean {
  const polymorphic = 'relationTo' in field && Array.isArray(field.relationTo)
  if (polymorphic) return isPlainObject(value) && typeof value.relationTo === 'string'
  return isId(value, idType) || (isPlainObject(value) && isId(value.id, idType))
}

/** Dutch message for a value of the wrong type, or undefined when the type fits the field. */
function wrongType(field: Field, value: unknown, idType: IdType): string | undefined {
  if (value === null || value === undefined) {
    // Payload's own `required` check speaks for missing values; only these crash on null.
    if (field.type === 'group') return 'Dit moet een object met velden zijn.'
    if ('name' in field && TIMESTAMPS.includes(field.name)) return 'Dit is geen geldige datum.'
    return undefined
  }
  const many = 'hasMany' in field && field.hasMany === true
  const each = (ok: (item: unknown) => boolean) =>
    many ? Array.isArray(value) && value.every(ok) : ok(value)
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'code':
      return each((v) => typeof v === 'string') ? undefined : 'Dit moet tekst zijn.'
    case 'email':
      return typeof value === 'string' ? undefined : 'Voer een geldig e-mailadres in.'
    case 'number':
      return each((v) => typeof v === 'number' && Number.isFinite(v))
        ? undefined
        : 'Dit moet een getal zijn.'
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'Dit moet waar of onwaar zijn (true/false).'
    case 'date':
      return isDate(value) ? undefined : 'Dit is geen geldige datum.'
    case 'select':
    case 'radio': {
      const options = optionValues(field)
      return each((v) => typeof v === 'string' && (!options.length || options.includes(v)))
        ? undefined
        : `Kies een van de toegestane waarden: ${options.join(', ')}.`
    }
    case 'relationship':
    case 'upload':
      if (many) {
        return Array.isArray(value) && value.every((v) => isRelationValue(field, v, idType))
          ? undefined
          : "Dit moet een lijst van verwijzingen (id's) naar bestaande items zijn."
      }
      return isRelationValue(field, value, idType)
        ? undefined
        : 'Dit moet een verwijzing (id) naar een bestaand item zijn.'
    case 'richText':
      return isPlainObject(value) ? undefined : 'Dit moet opgemaakte tekst (Lexical-JSON) zijn.'
    case 'point':
      return Array.isArray(value) &&
        value.length === 2 &&
        value.every((v) => typeof v === 'number' && Number.isFinite(v))
        ? undefined
        : 'Dit moet een punt [lengtegraad, breedtegraad] zijn.'
    case 'group':
      return isPlainObject(value) ? undefined : 'Dit moet een object met velden zijn.'
    case 'array':
    case 'blocks':
      return Array.isArray(value) && value.every(isPlainObject)
        ? undefined
        : 'Dit moet een lijst van objecten zijn.'
    default:
      // json, join and anything new: Payload decides.
      return undefined
  }
}

/**
 * The fields of `data` whose JSON type cannot be what the field holds (a string for a number, an
 * object for a text, a single id for a has-many relationship…), walking rows, collapsibles, tabs,
 * groups and array rows like Payload does. Unknown keys and missing values are left to Payload.
 */
export function fieldTypeErrors(
  fields: Field[],
  data: Record<string, unknown>,
  idType: IdType,
  prefix = '',
): FieldTypeError[] {
  const errors: FieldTypeError[] = []
  for (const field of fields) {
    if (field.type === 'tabs') {
      for (const tab of field.tabs) {
        if ('name' in tab && tab.name) {
          const value = data[tab.name]
          if (value === undefined) continue
          if (!isPlainObject(value)) {
            errors.push({
              path: prefix + tab.name,
              message: 'Dit moet een object met velden zijn.',
            })
          } else errors.push(...fieldTypeErrors(tab.fields, value, idType, `${prefix}${tab.name}.`))
        } else errors.push(...fieldTypeErrors(tab.fields, data, idType, prefix))
      }
      continue
    }
    if (!('name' in field) || !field.name) {
      if ('fields' in field && Array.isArray(field.fields)) {
        errors.push(...fieldTypeErrors(field.fields, data, idType, prefix))
      }
      continue
    }
    if (!(field.name in data)) continue
    const value = data[field.name]
    const path = prefix + field.name
    const message = wrongType(field, value, idType)
    if (message) {
      errors.push({ path, message })
      continue
    }
    if (field.type === 'group' && isPlainObject(value)) {
      errors.push(...fieldTypeErrors(field.fields, value, idType, `${path}.`))
    }
    if (field.type === 'array' && Array.isArray(value)) {
      value.forEach((row, i) =>
        errors.push(
          ...fieldTypeErrors(field.fields, row as Record<string, unknown>, idType, `${path}.${i}.`),
        ),
      )
    }
  }
  return errors
}

export { isPlainObject }
