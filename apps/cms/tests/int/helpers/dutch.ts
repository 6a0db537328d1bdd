import { en } from '@payloadcms/translations/languages/en'
import { nl } from '@payloadcms/translations/languages/nl'

type Tree = { [key: string]: string | Tree }

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else for (const [k, v] of flatten(value, path)) out.set(k, v)
  }
  return out
}

const dutch = flatten(nl.translations as unknown as Tree)

/**
 * Payload's English sentences (the parts before any `{{placeholder}}`), where the Dutch
 * translation differs: a refusal that contains one was not translated. Only sentences of three
 * words or more: single words ("Email", "Name") also occur inside Dutch text.
 */
const ENGLISH_SENTENCES = [...flatten(en.translations as unknown as Tree)]
  .filter(([key, text]) => dutch.get(key) !== text)
  .map(([, text]) => text.split('{{')[0]!.trim().replace(/[.:]$/, ''))
  .filter((text) => text.split(/\s+/).length >= 3)

/** Words no Dutch refusal of ours or of Payload's `nl` translations contains. */
const ENGLISH_WORDS =
  /\b(the|invalid|not found|not allowed|cannot|must be|please|required|unknown|went wrong|occurred|field|value|expected|received|should|failed|error|missing)\b/i

/** Why `message` is not a Dutch refusal, or undefined when it is. */
export function notDutch(message: unknown): string | undefined {
  if (typeof message !== 'string' || !message.trim()) return 'no message'
  const sentence = ENGLISH_SENTENCES.find((text) => message.includes(text))
  if (sentence) return `Payload's English "${sentence}"`
  const word = ENGLISH_WORDS.exec(message)
  if (word) return `English word "${word[0]}"`
  return undefined
}

/** Every human-readable message in an error answer (Payload's `errors[]` or our `{ message }`). */
export function refusalMessages(body: unknown): unknown[] {
  if (!body || typeof body !== 'object') return [undefined]
  const { errors, message } = body as { errors?: unknown; message?: unknown }
  const messages: unknown[] = []
  if (message !== undefined) messages.push(message)
  if (Array.isArray(errors)) {
    for (const error of errors as { message?: unknown; data?: { errors?: unknown } }[]) {
      messages.push(error?.message)
      const fieldErrors = error?.data?.errors
      if (Array.isArray(fieldErrors)) {
        for (const fieldError of fieldErrors as { message?: unknown }[]) {
          messages.push(fieldError?.message)
        }
      }
    }
  }
  return messages.length ? messages : [undefined]
}
