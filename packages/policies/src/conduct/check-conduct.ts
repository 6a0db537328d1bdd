import { buildConductTables, buildSchoolTables, type ConductTables } from './build-conduct-tables'
import { findConductHit } from './find-conduct-hit'

/** The agreements of the school's usage agreement that a message can break (S19). */
export const CONDUCT_RULES = ['abuse', 'discrimination', 'threat', 'sexual'] as const

export type ConductRule = (typeof CONDUCT_RULES)[number]

/** A term a school adds in the CMS; without a rule it counts as abuse. */
export type ConductTerm = { term: string; rule?: ConductRule }

export type CheckConductResult = { ok: true } | { ok: false; rule: ConductRule; message: string }

/** What the sender reads when a message is held: which agreement of the school it touches. */
export const CONDUCT_MESSAGES: Record<ConductRule, string> = {
  abuse:
    'Dit bericht is niet verstuurd: het bevat een scheldwoord. Volgens de afspraken van de school communiceren we positief en respectvol. Pas je bericht aan.',
  discrimination:
    'Dit bericht is niet verstuurd: het bevat een discriminerende uitspraak. Volgens de afspraken van de school discrimineren we niet en behandelen we iedereen met respect. Pas je bericht aan.',
  threat:
    'Dit bericht is niet verstuurd: het bevat een bedreiging. Volgens de afspraken van de school bedreigen we niemand. Pas je bericht aan; voor iets dringends bel je de school.',
  sexual:
    'Dit bericht is niet verstuurd: het bevat seksueel getinte taal. Volgens de afspraken van de school horen seksuele opmerkingen en inhoud niet in berichten. Pas je bericht aan.',
}

// Built once at module load: every message is checked, and the tables never change at run time.
const SCHOOL_WIDE = buildConductTables()
// A school's CMS lists are compiled once per list object and reused while it is the same object.
const compiledExtra = new WeakMap<readonly ConductTerm[], ConductTables>()
const compiledAllow = new WeakMap<readonly string[], ConductTables>()

function cached<K extends object>(
  cache: WeakMap<K, ConductTables>,
  key: K,
  build: () => ConductTables,
): ConductTables {
  const found = cache.get(key)
  if (found) return found
  const built = build()
  cache.set(key, built)
  return built
}

/**
 * The code-of-conduct check on every message and report (S19): positive, respectful
 * communication; no abuse, discrimination, threats or sexual content. A held message gets the
 * rule it broke and a Dutch sentence naming the school's agreement, so the sender can rewrite it.
 *
 * How it matches, after normalising the text (lower case, accents stripped with NFKD,
 * invisible characters dropped, Cyrillic/Greek look-alikes mapped, leet digits and @/$ mapped
 * inside words, runs of three equal letters cut, letters typed apart "k u t" joined):
 *
 * - whole words only, never substrings: "hoera", "negeren", "kunstenaar", "analyse" and
 *   "Scunthorpe" pass because no rule looks inside a word except the two below;
 * - a word is held when it, or the stem it inflects (-en, -s, -e, -je, -tje, -etje, -ers, with
 *   doubled consonants and open syllables undone: klootzakken, mongolen), is a listed term;
 * - compounds: a listed head starts the word and the rest is at least three letters
 *   ("kankerjuf", "teringleider", "kutdag"), or a listed tail ends it ("rotwijf", "stoephoer");
 *   heads list their ordinary continuations ("kankeronderzoek", "klerenkast", "hoera"), and a
 *   compound with a group of people ("kutmarokkaan") is discrimination;
 * - an allow-list of ordinary words that look inflected ("negeren", "wijfje", "sukkelen") and
 *   of ordinary phrases ("de tering naar de nering") wins over the lists;
 * - phrases with short gaps that never take a negation, for threats and for words that are only
 *   an insult in context ("ik maak je af", "ik ga hem in elkaar slaan", "stomme koe");
 * - a quoted insult next to a reporting word ("hij werd 'sukkel' genoemd") is a report, not abuse.
 *
 * The term tables are built once at module load; the work per message is linear in its length.
 * The school's own lists (`extraTerms`, `allowTerms`) are taken literally: never as a pattern.
 */
export function checkConduct({
  text,
  extraTerms,
  allowTerms,
}: {
  text: string
  /** The school's own terms (CMS): a single word is held with its inflections. */
  extraTerms?: readonly ConductTerm[]
  /** Words or phrases the school allows, e.g. a family name that the lists would hold. */
  allowTerms?: readonly string[]
}): CheckConductResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: true }
  const tables = [SCHOOL_WIDE]
  if (extraTerms?.length) {
    tables.push(cached(compiledExtra, extraTerms, () => buildSchoolTables({ extraTerms })))
  }
  if (allowTerms?.length) {
    tables.push(cached(compiledAllow, allowTerms, () => buildSchoolTables({ allowTerms })))
  }
  const hit = findConductHit({ text, tables })
  return hit ? { ok: false, rule: hit.rule, message: CONDUCT_MESSAGES[hit.rule] } : { ok: true }
}
