import {
  type ConductPhrase,
  type ConductTables,
  NEGATIONS,
  type PhraseStep,
  REPORT_WORDS,
} from './build-conduct-tables'
import type { ConductRule } from './check-conduct'
import { type ConductToken, findQuotedSpans, tokenizeConductText } from './tokenize-conduct-text'

export interface ConductHit {
  rule: ConductRule
  /** What matched: `word:kankerjuf`, `phrase:ik|we|wij maak|maken {you} {adv}* af`. */
  match: string
}

/** The more severe rule is reported when a message breaks several. */
export const CONDUCT_SEVERITY: Record<ConductRule, number> = {
  abuse: 1,
  sexual: 2,
  discrimination: 3,
  threat: 4,
}

/** The shortest rest of a compound that counts as a word part: "kut" + "dag", not "kut" + "je". */
export const MIN_COMPOUND_PART = 3
/** Words of context either side of a quote that are searched for a reporting verb. */
const REPORT_WINDOW = 6
/** Dutch inflections and diminutives, longest first. */
const SUFFIXES = ['etjes', 'tjes', 'jes', 'etje', 'tje', 'je', 'ers', 'en', 'es', 'e', 's']
const VOWELS = new Set([...'aeiouy'])
/** Verb prefixes are no word part: "verhoer" is no compound of "hoer". */
const PREFIXES = new Set(['ver', 'ont', 'her', 'be', 'ge'])
const LETTER = /\p{L}/u

/** Two letters that spell one vowel sound (hoer, debiel, neuk, geil). */
const DIGRAPHS = new Set(['aa', 'ee', 'oo', 'uu', 'oe', 'ie', 'ei', 'eu', 'ou', 'au', 'ui', 'ij'])

/**
 * The word and the stems it may be an inflection of, following Dutch spelling: a short vowel
 * before a vowel-initial ending doubles the consonant (klootzakken → klootzak, sletten → slet,
 * lulletje → lul) and a long vowel loses a letter in the open syllable (mongolen → mongool,
 * idioten → idioot). So "sleten" (from slijten) is no inflection of "slet" and "negeren" none of
 * "neger". The agent ending -ers is only stripped ("hufters" → hufter).
 */
export function stemsOf(word: string): string[] {
  const stems = [word]
  for (const suffix of SUFFIXES) {
    if (word.length - suffix.length < 2 || !word.endsWith(suffix)) continue
    const base = word.slice(0, -suffix.length)
    const last = base.at(-1) ?? ''
    const before = base.at(-2) ?? ''
    const third = base.at(-3) ?? ''
    const vowelEnding = suffix.startsWith('e') && suffix !== 'ers'
    const singleVowel =
      VOWELS.has(before) && !VOWELS.has(last) && !DIGRAPHS.has(third + before) && last !== 'j'
    if (vowelEnding && singleVowel) {
      // An open syllable: the written stem has a long vowel (mongol-en → mongool).
      if (before !== 'i') stems.push(base.slice(0, -1) + before + last)
      continue
    }
    stems.push(base)
    if (vowelEnding && last === before && !VOWELS.has(last)) stems.push(base.slice(0, -1))
  }
  return stems
}

function more(current: ConductHit | undefined, next: ConductHit): ConductHit {
  return !current || CONDUCT_SEVERITY[next.rule] > CONDUCT_SEVERITY[current.rule] ? next : current
}

/** The most severe rule one word breaks, if any. */
export function scanWord({
  forms,
  tables,
}: {
  forms: readonly string[]
  tables: readonly ConductTables[]
}): ConductHit | undefined {
  if (forms.some((form) => tables.some((t) => t.allowedWords.has(form)))) return undefined
  let hit: ConductHit | undefined
  for (const form of forms) {
    const stems = stemsOf(form)
    for (const t of tables) {
      for (const stem of stems) {
        const rule = t.words.get(stem)
        if (rule) hit = more(hit, { rule, match: `word:${form}` })
      }
      for (const length of t.headLengths) {
        if (form.length - length < MIN_COMPOUND_PART) break
        const head = t.heads.get(form.slice(0, length))
        if (!head) continue
        const rest = form.slice(length)
        if (head.except.some((e) => rest.startsWith(e))) continue
        const aboutGroup = stemsOf(rest).some((s) => t.groups.has(s))
        hit = more(hit, {
          rule: aboutGroup ? 'discrimination' : head.rule,
          match: `compound:${form}`,
        })
      }
      for (const stem of stems) {
        for (const length of t.tailLengths) {
          if (stem.length - length < MIN_COMPOUND_PART) break
          const tail = t.tails.get(stem.slice(-length))
          const before = stem.slice(0, -length)
          if (!tail || PREFIXES.has(before) || tail.exceptAfter.some((e) => before.endsWith(e))) {
            continue
          }
          hit = more(hit, { rule: tail.rule, match: `compound:${form}` })
        }
      }
    }
  }
  return hit
}

/** The index after a match of `steps` from token `pos`, or -1. Gaps are short, so this is cheap. */
export function matchSteps(
  tokens: readonly ConductToken[],
  pos: number,
  steps: readonly PhraseStep[],
): number {
  return matchFrom(tokens, pos, steps, 0)
}

function matchFrom(
  tokens: readonly ConductToken[],
  pos: number,
  steps: readonly PhraseStep[],
  s: number,
): number {
  const step = steps[s]
  if (!step) return pos
  if (step.kind === 'end') {
    const token = tokens[pos]
    return !token || token.kind === 'break' ? matchFrom(tokens, pos, steps, s + 1) : -1
  }
  if (step.kind === 'gap') {
    for (let n = 0; n <= step.max; n += 1) {
      if (n > 0) {
        const token = tokens[pos + n - 1]
        if (token?.kind !== 'word' || token.forms.some((f) => NEGATIONS.has(f))) break
      }
      const end = matchFrom(tokens, pos + n, steps, s + 1)
      if (end >= 0) return end
    }
    return -1
  }
  let count = 0
  while (count < step.max) {
    const token = tokens[pos + count]
    if (token?.kind !== 'word' || !token.forms.some((f) => step.words.has(f))) break
    count += 1
  }
  for (let n = count; n >= step.min; n -= 1) {
    const end = matchFrom(tokens, pos + n, steps, s + 1)
    if (end >= 0) return end
  }
  return -1
}

function phrasesAt(
  tokens: readonly ConductToken[],
  i: number,
  index: (t: ConductTables) => ReadonlyMap<string, readonly ConductPhrase[]>,
  tables: readonly ConductTables[],
): { phrase: ConductPhrase; end: number }[] {
  const token = tokens[i]
  if (token?.kind !== 'word') return []
  const atClauseStart = i === 0 || tokens[i - 1]?.kind === 'break'
  const found: { phrase: ConductPhrase; end: number }[] = []
  const tried = new Set<ConductPhrase>()
  for (const t of tables) {
    for (const form of token.forms) {
      for (const phrase of index(t).get(form) ?? []) {
        if (tried.has(phrase) || (phrase.atStart && !atClauseStart)) continue
        tried.add(phrase)
        const end = matchSteps(tokens, i, phrase.steps)
        if (end >= 0) found.push({ phrase, end })
      }
    }
  }
  return found
}

/** Up to `count` indices of words from `from` in direction `step`. */
function wordIndices(
  tokens: readonly ConductToken[],
  from: number,
  step: 1 | -1,
  count: number,
): number[] {
  const found: number[] = []
  for (let i = from; i >= 0 && i < tokens.length && found.length < count; i += step) {
    if (tokens[i]?.kind === 'word') found.push(i)
  }
  return found
}

/**
 * Tokens the check skips: allowed phrases ("de tering naar de nering") and insults a parent
 * quotes to report them ("hij werd 'sukkel' genoemd").
 */
function exemptTokens(
  tokens: readonly ConductToken[],
  normalized: string,
  tables: readonly ConductTables[],
): boolean[] {
  const exempt = tokens.map(() => false)
  const reportsAt = (i: number) => {
    const token = tokens[i]
    return token?.kind === 'word' && token.forms.some((f) => REPORT_WORDS.has(f))
  }
  let next = 0
  for (const [start, end] of findQuotedSpans({ normalized })) {
    while (next < tokens.length && (tokens[next]?.start ?? 0) < start) next += 1
    let last = next
    while (last < tokens.length && (tokens[last]?.start ?? 0) < end) last += 1
    if (last === next) continue
    const window = [
      ...wordIndices(tokens, next - 1, -1, REPORT_WINDOW),
      ...wordIndices(tokens, last, 1, REPORT_WINDOW),
    ]
    if (window.some(reportsAt)) for (let i = next; i < last; i += 1) exempt[i] = true
  }
  for (let i = 0; i < tokens.length; i += 1) {
    for (const { end } of phrasesAt(tokens, i, (t) => t.allowedPhrases, tables)) {
      for (let j = i; j < end; j += 1) exempt[j] = true
    }
  }
  return exempt
}

/**
 * The most severe conduct rule the text breaks, and what matched. Linear in the length of the
 * text: every word is looked up in hash tables a bounded number of times, and a phrase is tried
 * only from a word its first element accepts, with gaps of at most three words.
 */
export function findConductHit({
  text,
  tables,
}: {
  text: string
  tables: readonly ConductTables[]
}): ConductHit | undefined {
  const { normalized, tokens } = tokenizeConductText({ text })
  const exempt = exemptTokens(tokens, normalized, tables)
  let hit: ConductHit | undefined
  let run: string[] = []
  const flushRun = () => {
    // Letters typed apart: "k u t", "k.u.t", "h-o-e-r".
    if (run.length >= 3) {
      const joined = scanWord({ forms: [run.join('')], tables })
      if (joined) hit = more(hit, { ...joined, match: `spaced:${run.join(' ')}` })
    }
    run = []
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]
    if (token?.kind !== 'word' || exempt[i]) {
      flushRun()
      continue
    }
    const letter = token.forms[0] ?? ''
    if (letter.length === 1 && LETTER.test(letter)) run.push(letter)
    else flushRun()
    const word = scanWord({ forms: token.forms, tables })
    if (word) hit = more(hit, word)
    for (const { phrase } of phrasesAt(tokens, i, (t) => t.phrases, tables)) {
      hit = more(hit, { rule: phrase.rule, match: `phrase:${phrase.source}` })
    }
    if (hit?.rule === 'threat') return hit
  }
  flushRun()
  return hit
}
