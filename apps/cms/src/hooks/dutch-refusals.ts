import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'
import type { AfterErrorHook, AfterErrorHookArgs, AfterErrorResult, PayloadRequest } from 'payload'
import { ValidationError } from 'payload'

import { INVALID_JSON } from './bad-input-error'

type Tree = { [key: string]: string | Tree }
type FieldError = { path?: string; label?: unknown; message?: unknown }

function flatten(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[`${prefix}${key}`, value] as [string, string]]
      : flatten(value, `${prefix}${key}.`),
  )
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
const dutchByKey = new Map(flatten(nl.translations as unknown as Tree))

/** Payload's English sentences as patterns, each with its Dutch counterpart (same key). */
const TRANSLATED = flatten(en.translations as unknown as Tree)
  .filter(([key, text]) => dutchByKey.get(key) !== text && text.includes(' '))
  .map(([key, text]) => {
    const names = [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!)
    const pattern = new RegExp(`^${escape(text).replace(/\\\{\\\{\w+\\\}\\\}/g, '(.*?)')}$`)
    return { pattern, names, dutch: dutchByKey.get(key)! }
  })

/** English Payload writes without its translations (validations, body parsing, uploads). */
const HARD_CODED: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^Invalid JSON$/, () => INVALID_JSON],
  [
    /^This relationship field has the following invalid relationships/,
    () => 'Dit veld verwijst naar iets dat niet bestaat of hier niet gekozen kan worden.',
  ],
  [/^Invalid file type: '(.*)'$/, (m) => `Ongeldig bestandstype: ${m[1]}`],
  [/^Invalid file type$/, () => 'Ongeldig bestandstype'],
  [/^A file name is required\.$/, () => 'Geef het bestand een naam.'],
]

/** `message` in Dutch when it is one of Payload's English sentences; otherwise unchanged. */
export function toDutch(message: string): string {
  for (const [pattern, dutch] of HARD_CODED) {
    const match = message.match(pattern)
    if (match) return dutch(match)
  }
  for (const { pattern, names, dutch } of TRANSLATED) {
    const match = message.match(pattern)
    if (!match) continue
    return names.reduce((text, name, i) => text.replace(`{{${name}}}`, match[i + 1] ?? ''), dutch)
  }
  return message
}

function labelOf(req: PayloadRequest, error: FieldError): string {
  const { label, path } = error
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') {
    const byLanguage = label as Record<string, unknown>
    const text = byLanguage[req.i18n?.language ?? 'nl'] ?? Object.values(byLanguage)[0]
    if (typeof text === 'string') return text
  }
  return path ?? ''
}

/**
 * Every refusal (4xx) says in Dutch what was wrong — through REST and in the admin's toast alike.
 * Two things stood in the way. Payload formats an error by its class name, and the production
 * build minifies class names: a public APIError (check-upload's "Dit bestandstype kan niet…")
 * then came out as "An unknown error occurred."; so the answer is rebuilt here from the error
 * itself (message, data), never from its name. And some refusals are English whatever the
 * language: a `ValidationError` thrown without `req.t` ("The following field is invalid: …") and
 * sentences Payload writes without translations; those are put in Dutch.
 * A request that asked for English (the admin in English) keeps Payload's English.
 */
function dutchAnswer({ error, req, result }: AfterErrorHookArgs) {
  const {
    status = 500,
    isPublic,
    data,
  } = error as {
    status?: number
    isPublic?: boolean
    data?: unknown
  }
  const dutch = (req.i18n?.language ?? 'nl') === 'nl'
  const say = (text: string) => (dutch ? toDutch(text) : text)
  // Payload's own rule (isErrorPublic): a message is shown unless the error is a plain 500.
  const isShown = isPublic === true || (isPublic !== false && status !== 500)
  if (!isShown || typeof error.message !== 'string' || !error.message) {
    // The details stay hidden as Payload intends; only its generic sentence is put in Dutch.
    return dutch ? { response: { errors: [{ message: req.t('error:unknown') }] } } : undefined
  }
  const fieldErrors = (data as { errors?: unknown } | null)?.errors
  if (error instanceof ValidationError || Array.isArray(fieldErrors)) {
    const errors = (Array.isArray(fieldErrors) ? fieldErrors : []) as FieldError[]
    const translated = errors.map((e) => ({
      ...e,
      ...(typeof e.message === 'string' ? { message: say(e.message) } : {}),
    }))
    const intro = req.t('error:followingFieldsInvalid', { count: errors.length })
    const message = errors.length
      ? `${intro} ${errors.map((e) => labelOf(req, e)).join(', ')}`
      : say(error.message)
    return {
      response: {
        errors: [
          {
            name: 'ValidationError',
            message,
            data: { ...(data as object), errors: translated },
          },
        ],
      },
    }
  }
  const original = (result as { errors?: { message?: unknown }[] } | undefined)?.errors
  return {
    response: {
      ...(result as object),
      errors: [
        {
          ...(original?.[0] ?? {}),
          ...(error.name ? { name: error.name } : {}),
          message: say(error.message),
          ...(data ? { data } : {}),
        },
      ],
    },
  }
}

export const dutchRefusals: AfterErrorHook = (args) => dutchAnswer(args) as AfterErrorResult
