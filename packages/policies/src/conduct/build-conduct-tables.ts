import libraryWords from 'naughty-words/nl.json' with { type: 'json' }

import type { ConductRule } from './check-conduct'
import {
  CONDUCT_ALLOWED_PHRASES,
  CONDUCT_ALLOWED_WORDS,
  CONDUCT_CLASSES,
  CONDUCT_HEADS,
  CONDUCT_NEGATIONS,
  CONDUCT_PHRASES,
  CONDUCT_REPORT_WORDS,
  CONDUCT_TAILS,
  CONDUCT_WORDS,
  LIBRARY_EXCLUSIONS,
  LIBRARY_RULES,
} from './conduct-terms'
import { tokenizeConductText } from './tokenize-conduct-text'

/** The Dutch list of `naughty-words` (LDNOOBW, CC-BY-4.0), as shipped. */
export const LIBRARY_WORDS: readonly string[] = libraryWords

export type PhraseStep =
  | { kind: 'words'; words: ReadonlySet<string>; min: number; max: number }
  | { kind: 'gap'; max: number }
  | { kind: 'end' }

export interface ConductPhrase {
  rule: ConductRule
  /** Only at the start of a clause (`^`). */
  atStart: boolean
  steps: readonly PhraseStep[]
  /** The pattern as written, for tests and diagnostics. */
  source: string
}

/** Lookup tables of the check: built once per list, only read while checking. */
export interface ConductTables {
  words: ReadonlyMap<string, ConductRule>
  heads: ReadonlyMap<string, { rule: ConductRule; except: readonly string[] }>
  headLengths: readonly number[]
  tails: ReadonlyMap<string, { rule: ConductRule; exceptAfter: readonly string[] }>
  tailLengths: readonly number[]
  groups: ReadonlySet<string>
  /** Phrases by each word their first element accepts. */
  phrases: ReadonlyMap<string, readonly ConductPhrase[]>
  allowedWords: ReadonlySet<string>
  allowedPhrases: ReadonlyMap<string, readonly ConductPhrase[]>
}

/** A gap (`*`) or a repeated element (`word*`) takes at most this many words. */
export const PHRASE_GAP = 3

/** The words of a term as the check compares them: "Op z'n hondjes" → ["op", "zn", "hondjes"]. */
export function termWords({ term }: { term: string }): string[] {
  return tokenizeConductText({ text: term }).tokens.flatMap((t) =>
    t.kind === 'word' && t.forms[0] ? [t.forms[0]] : [],
  )
}

function expandClass(name: string, seen: readonly string[] = []): string[] {
  const members = CONDUCT_CLASSES[name]
  if (!members) throw new Error(`Unknown conduct class {${name}}`)
  if (seen.includes(name)) throw new Error(`Conduct class {${name}} names itself`)
  return members.flatMap((m) =>
    m.startsWith('{') ? expandClass(m.slice(1, -1), [...seen, name]) : [m],
  )
}

/** Compiles one pattern of the syntax described at `CONDUCT_PHRASES`; throws on a bad one. */
export function compilePhrase({
  pattern,
  rule,
}: {
  pattern: string
  rule: ConductRule
}): ConductPhrase {
  const parts = pattern.split(' ').filter(Boolean)
  const atStart = parts[0] === '^'
  if (atStart) parts.shift()
  const steps: PhraseStep[] = parts.map((part) => {
    if (part === '*') return { kind: 'gap', max: PHRASE_GAP }
    if (part === '$') return { kind: 'end' }
    const suffix = part.at(-1)
    const body = suffix === '?' || suffix === '*' ? part.slice(0, -1) : part
    const words = new Set(
      body
        .split('|')
        .flatMap((alt) => (alt.startsWith('{') ? expandClass(alt.slice(1, -1)) : [alt])),
    )
    for (const word of words) {
      if (termWords({ term: word }).join(' ') !== word) {
        throw new Error(`Conduct pattern "${pattern}": "${word}" is not written normalised`)
      }
    }
    if (suffix === '?') return { kind: 'words', words, min: 0, max: 1 }
    if (suffix === '*') return { kind: 'words', words, min: 0, max: PHRASE_GAP }
    return { kind: 'words', words, min: 1, max: 1 }
  })
  const first = steps[0]
  if (!first || first.kind !== 'words' || first.min < 1) {
    throw new Error(`Conduct pattern "${pattern}" must start with a required word`)
  }
  return { rule, atStart, steps, source: pattern }
}

/** A phrase of literal words (a library entry or a school's term). */
function literalPhrase(words: readonly string[], rule: ConductRule, source: string): ConductPhrase {
  return {
    rule,
    atStart: false,
    steps: words.map((w) => ({ kind: 'words', words: new Set([w]), min: 1, max: 1 })),
    source,
  }
}

function indexPhrases(phrases: readonly ConductPhrase[]): Map<string, ConductPhrase[]> {
  const index = new Map<string, ConductPhrase[]>()
  for (const phrase of phrases) {
    const first = phrase.steps[0]
    if (first?.kind !== 'words') continue
    for (const word of first.words) index.set(word, [...(index.get(word) ?? []), phrase])
  }
  return index
}

function lengthsOf(keys: Iterable<string>): number[] {
  return [...new Set([...keys].map((k) => k.length))].sort((a, b) => a - b)
}

/** The library entries the school holds, with their rule (normalised keys). */
export function libraryTerms(): { words: string[]; rule: ConductRule }[] {
  const excluded = new Set(Object.values(LIBRARY_EXCLUSIONS).flat())
  const ruleOf = new Map<string, ConductRule>()
  for (const [rule, entries] of Object.entries(LIBRARY_RULES) as [ConductRule, string[]][]) {
    for (const entry of entries) ruleOf.set(entry, rule)
  }
  return LIBRARY_WORDS.map((entry) => termWords({ term: entry }))
    .filter((words) => words.length > 0 && !excluded.has(words.join(' ')))
    .map((words) => ({ words, rule: ruleOf.get(words.join(' ')) ?? 'abuse' }))
}

/** The school-wide tables: our lists plus the library's, built once at module load. */
export function buildConductTables(): ConductTables {
  const words = new Map<string, ConductRule>()
  const phrases: ConductPhrase[] = []
  for (const { words: entry, rule } of libraryTerms()) {
    if (entry.length === 1) words.set(entry[0]!, rule)
    else phrases.push(literalPhrase(entry, rule, entry.join(' ')))
  }
  // Our own lists come last: where a library entry is also ours, our rule wins.
  for (const [rule, list] of Object.entries(CONDUCT_WORDS) as [ConductRule, string[]][]) {
    for (const word of list) words.set(word, rule)
  }
  for (const { head, rule, alone } of CONDUCT_HEADS) {
    if (alone) words.set(head, rule)
  }
  phrases.push(...CONDUCT_PHRASES.map(compilePhrase))
  const heads = new Map(
    CONDUCT_HEADS.map(({ head, rule, except = [] }) => [head, { rule, except }] as const),
  )
  const tails = new Map(
    CONDUCT_TAILS.map(({ tail, rule, exceptAfter = [] }) => [tail, { rule, exceptAfter }] as const),
  )
  return {
    words,
    heads,
    headLengths: lengthsOf(heads.keys()),
    tails,
    tailLengths: lengthsOf(tails.keys()),
    groups: new Set(expandClass('group')),
    phrases: indexPhrases(phrases),
    allowedWords: new Set(CONDUCT_ALLOWED_WORDS),
    allowedPhrases: indexPhrases(
      CONDUCT_ALLOWED_PHRASES.map((pattern) => compilePhrase({ pattern, rule: 'abuse' })),
    ),
  }
}

/**
 * A school's own lists (kept in the CMS): each term is normalised like the text and taken
 * literally (never as a pattern or a regular expression); a single word is held with its
 * inflections, several words as a phrase.
 */
export function buildSchoolTables({
  extraTerms = [],
  allowTerms = [],
}: {
  extraTerms?: readonly { term: string; rule?: ConductRule }[]
  allowTerms?: readonly string[]
}): ConductTables {
  const words = new Map<string, ConductRule>()
  const phrases: ConductPhrase[] = []
  for (const { term, rule = 'abuse' } of extraTerms) {
    const parts = termWords({ term })
    if (parts.length === 1) words.set(parts[0]!, rule)
    else if (parts.length > 1) phrases.push(literalPhrase(parts, rule, parts.join(' ')))
  }
  const allowedWords = new Set<string>()
  const allowedPhrases: ConductPhrase[] = []
  for (const term of allowTerms) {
    const parts = termWords({ term })
    if (parts.length === 1) allowedWords.add(parts[0]!)
    else if (parts.length > 1) allowedPhrases.push(literalPhrase(parts, 'abuse', parts.join(' ')))
  }
  return {
    words,
    heads: new Map(),
    headLengths: [],
    tails: new Map(),
    tailLengths: [],
    groups: new Set(),
    phrases: indexPhrases(phrases),
    allowedWords,
    allowedPhrases: indexPhrases(allowedPhrases),
  }
}

export const REPORT_WORDS: ReadonlySet<string> = new Set(CONDUCT_REPORT_WORDS)
export const NEGATIONS: ReadonlySet<string> = new Set(CONDUCT_NEGATIONS)
