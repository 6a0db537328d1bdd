/** A word of the text with the spellings the conduct check compares (canonical one first). */
export interface ConductWord {
  kind: 'word'
  forms: readonly string[]
  /** Offset in the normalised text. */
  start: number
}

/** A clause boundary (sentence punctuation, brackets, quotes, a new line): phrases never cross it. */
export interface ConductBreak {
  kind: 'break'
  start: number
}

export type ConductToken = ConductWord | ConductBreak

// Look-alike letters from other scripts that are typed to dodge a filter ("kаnker" with a
// Cyrillic а). Latin letters with accents need no entry: NFKD and stripping marks handles them.
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  х: 'x',
  у: 'y',
  к: 'k',
  і: 'i',
  ј: 'j',
  ο: 'o',
  α: 'a',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  τ: 't',
  υ: 'u',
}
const HOMOGLYPH_PATTERN = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'gu')
// Soft hyphen, zero-width spaces and joiners, word joiner, BOM: invisible inside a word.
const INVISIBLE = /[\u00ad\u200b-\u200f\u2060\ufeff]/gu
const COMBINING_MARKS = /\p{M}+/gu

/**
 * Lower case, accents stripped (NFKD: "één" → "een", "ﬁ" → "fi", full-width letters to ASCII),
 * invisible characters removed and look-alike Cyrillic/Greek letters mapped to Latin.
 */
export function normalizeConductText({ text }: { text: string }): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(INVISIBLE, '')
    .replace(HOMOGLYPH_PATTERN, (c) => HOMOGLYPHS[c] ?? c)
}

// A word: letters, digits and the leet symbols @ and $, with apostrophes inside it dropped
// (z'n → zn, homo's → homos). Everything else separates words.
const WORD = /[\p{L}\p{N}@$]+(?:['’][\p{L}\p{N}@$]+)*/uy
const LETTER = /\p{L}/u
const APOSTROPHES = /['’]/gu
// Always a clause boundary.
const BREAK_CHARS = new Set([...'!?;()[]{}"“”„«»‹›…\n'])
// A boundary unless it sits between two word characters ("k.u.t", "10.30", "o.a.").
const SOFT_BREAK_CHARS = new Set([...'.,:'])
const WORD_CHAR = /[\p{L}\p{N}@$]/u

const LEET: Record<string, string> = {
  '0': 'o',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
}
const LEET_CHARS = /[013457@$]/u
const HAS_REPEAT = /(\p{L})\1{2,}/u
const REPEATED = /(\p{L})\1{2,}/gu

/**
 * The spellings of one word the check compares: leet mapped (k4nk3r → kanker; 1 as i and as l)
 * when the word mixes letters with digits or @/$, and runs of three or more equal letters cut
 * to one and to two (kuuuut → kut, klooootzak → klootzak). Pure digits stay as they are.
 */
export function wordForms({ raw }: { raw: string }): string[] {
  const word = raw.replace(APOSTROPHES, '')
  const forms: string[] = []
  if (LETTER.test(word) && LEET_CHARS.test(word)) {
    const mapped = [...word].map((c) => LEET[c] ?? c).join('')
    forms.push(mapped.replaceAll('1', 'i'))
    if (mapped.includes('1')) forms.push(mapped.replaceAll('1', 'l'))
  } else {
    forms.push(word)
  }
  for (const form of [...forms]) {
    if (HAS_REPEAT.test(form))
      forms.push(form.replace(REPEATED, '$1'), form.replace(REPEATED, '$1$1'))
  }
  return [...new Set(forms)]
}

/** The normalised text as words and clause breaks, in order. */
export function tokenizeConductText({ text }: { text: string }): {
  normalized: string
  tokens: ConductToken[]
} {
  const normalized = normalizeConductText({ text })
  const tokens: ConductToken[] = []
  let i = 0
  while (i < normalized.length) {
    WORD.lastIndex = i
    const match = WORD.exec(normalized)
    if (match) {
      tokens.push({ kind: 'word', forms: wordForms({ raw: match[0] }), start: i })
      i += match[0].length
      continue
    }
    const c = normalized[i] ?? ''
    if (BREAK_CHARS.has(c)) {
      pushBreak(tokens, i)
    } else if (SOFT_BREAK_CHARS.has(c)) {
      const between =
        WORD_CHAR.test(normalized[i - 1] ?? '') && WORD_CHAR.test(normalized[i + 1] ?? '')
      if (!between) pushBreak(tokens, i)
    }
    i += 1
  }
  return { normalized, tokens }
}

function pushBreak(tokens: ConductToken[], start: number): void {
  if (tokens.at(-1)?.kind !== 'break') tokens.push({ kind: 'break', start })
}

// A short quoted span: opened after a space or bracket, closed before a space or punctuation,
// so the apostrophes of z'n and 's morgens are not taken for quotes.
const QUOTED = /(?<=^|[\s([{])["'‘’“”„«‹]([^"'‘’“”„«»‹›\n]{1,80}?)["'‘’“”»›](?=$|[\s.,;:!?)\]}])/gu

/** The [start, end) offsets of quoted spans in the normalised text. */
export function findQuotedSpans({ normalized }: { normalized: string }): [number, number][] {
  const spans: [number, number][] = []
  for (const match of normalized.matchAll(QUOTED)) {
    spans.push([match.index, match.index + match[0].length])
  }
  return spans
}
