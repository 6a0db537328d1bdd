import { parse } from 'csv-parse/sync'

/**
 * Parses the pupils CSV exported from a student administration (ParnasSys, ESIS, Magister).
 * Tolerant of what real exports do: a UTF-8 BOM, `;` (Dutch Excel) or `,` or tab separators,
 * quoted fields, Windows line endings, header names in several spellings, a separate
 * "tussenvoegsel" column and dates as dd-mm-jjjj.
 */

export type GuardianInput = { name: string; email: string; phone: string | null }

export type PupilRow = {
  /** 1-based line number in the file, for error messages. */
  line: number
  externalId: string | null
  firstName: string
  lastName: string
  group: string
  dateOfBirth: string | null
  guardians: GuardianInput[]
}

export type RowError = { line: number; messages: string[] }

export type ParsePupilCsvResult =
  { ok: true; rows: PupilRow[]; errors: RowError[] } | { ok: false; message: string }

export const MAX_IMPORT_ROWS = 2000

const COLUMN_ALIASES: Record<string, string[]> = {
  externalId: ['leerlingnummer', 'leerlingnr', 'leerlingid', 'nummer', 'id'],
  firstName: ['voornaam', 'roepnaam', 'leerlingvoornaam', 'leerlingroepnaam'],
  infix: ['tussenvoegsel', 'tussenvoegsels', 'leerlingtussenvoegsel'],
  lastName: ['achternaam', 'leerlingachternaam'],
  group: ['groep', 'klas', 'groepnaam', 'jaargroep'],
  dateOfBirth: ['geboortedatum', 'leerlinggeboortedatum'],
  guardian1Name: ['ouder1naam', 'verzorger1naam', 'ouder1'],
  guardian1Email: ['ouder1email', 'ouder1emailadres', 'verzorger1email', 'verzorger1emailadres'],
  guardian1Phone: ['ouder1telefoon', 'ouder1mobiel', 'ouder1telefoonnummer', 'verzorger1telefoon'],
  guardian2Name: ['ouder2naam', 'verzorger2naam', 'ouder2'],
  guardian2Email: ['ouder2email', 'ouder2emailadres', 'verzorger2email', 'verzorger2emailadres'],
  guardian2Phone: ['ouder2telefoon', 'ouder2mobiel', 'ouder2telefoonnummer', 'verzorger2telefoon'],
}
const REQUIRED = ['firstName', 'lastName', 'group'] as const

const normalizeHeader = (h: string) =>
  h
    .toLowerCase()
    .replace(/[\s_\-.()]/g, '')
    .replace(/^\uFEFF/, '')
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? ''
  const counts = [';', ',', '\t'].map((d) => [d, firstLine.split(d).length - 1] as const)
  counts.sort((a, b) => b[1] - a[1])
  return counts[0]![1] > 0 ? counts[0]![0] : ';'
}

function parseDate(value: string): string | null | 'invalid' {
  if (!value) return null
  let y: number, m: number, d: number
  let match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(value)
  if (match) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])]
  else if ((match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)))
    [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  else return 'invalid'
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return 'invalid'
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

export function parsePupilCsv({ text }: { text: string }): ParsePupilCsvResult {
  const clean = text.replace(/^\uFEFF/, '')
  if (!clean.trim()) return { ok: false, message: 'Het bestand is leeg.' }
  let records: { record: string[]; info: { lines: number } }[]
  try {
    records = parse(clean, {
      delimiter: detectDelimiter(clean),
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[]
  } catch (error) {
    const line = (error as { lines?: number }).lines
    return {
      ok: false,
      message: `Het bestand is geen geldige CSV${line ? ` (rond regel ${line})` : ''}: controleer de aanhalingstekens.`,
    }
  }
  const [header, ...body] = records
  if (!header) return { ok: false, message: 'Het bestand is leeg.' }
  const columns = new Map<string, number>()
  header.record.forEach((name, index) => {
    const normalized = normalizeHeader(name)
    for (const [key, aliases] of Object.entries(COLUMN_ALIASES)) {
      if (aliases.includes(normalized) && !columns.has(key)) columns.set(key, index)
    }
  })
  const missing = REQUIRED.filter((key) => !columns.has(key))
  if (missing.length) {
    const names = { firstName: 'voornaam', lastName: 'achternaam', group: 'groep' }
    return {
      ok: false,
      message: `De kopregel mist de kolom(men): ${missing.map((m) => names[m]).join(', ')}. Zie het voorbeeldbestand.`,
    }
  }
  if (body.length > MAX_IMPORT_ROWS) {
    return {
      ok: false,
      message: `Te veel regels: hoogstens ${MAX_IMPORT_ROWS} leerlingen per import.`,
    }
  }

  const rows: PupilRow[] = []
  const errors: RowError[] = []
  for (const { record, info } of body) {
    const line = info.lines
    const get = (key: string) => {
      const index = columns.get(key)
      return index === undefined ? '' : (record[index] ?? '').trim()
    }
    const messages: string[] = []
    const firstName = get('firstName')
    const lastName = [get('infix'), get('lastName')].filter(Boolean).join(' ')
    const group = get('group').replace(/\s+/g, ' ')
    if (!firstName) messages.push('Voornaam ontbreekt.')
    if (!get('lastName')) messages.push('Achternaam ontbreekt.')
    if (!group) messages.push('Groep ontbreekt.')
    const dateOfBirth = parseDate(get('dateOfBirth'))
    if (dateOfBirth === 'invalid')
      messages.push(`Geboortedatum "${get('dateOfBirth')}" is geen geldige datum (dd-mm-jjjj).`)

    const guardians: GuardianInput[] = []
    for (const n of [1, 2]) {
      const name = get(`guardian${n}Name`)
      const email = get(`guardian${n}Email`).toLowerCase()
      const phone = get(`guardian${n}Phone`) || null
      if (!name && !email && !phone) continue
      if (!email) messages.push(`Ouder ${n}: e-mailadres ontbreekt.`)
      else if (!EMAIL.test(email))
        messages.push(`Ouder ${n}: "${email}" is geen geldig e-mailadres.`)
      if (!name) messages.push(`Ouder ${n}: naam ontbreekt.`)
      if (phone && !/^\+?[0-9 ()-]{8,20}$/.test(phone))
        messages.push(`Ouder ${n}: telefoonnummer "${phone}" is ongeldig.`)
      guardians.push({ name, email, phone })
    }
    if (
      guardians.length === 2 &&
      guardians[0]!.email &&
      guardians[0]!.email === guardians[1]!.email
    ) {
      messages.push('Ouder 1 en ouder 2 hebben hetzelfde e-mailadres.')
    }
    if (messages.length) {
      errors.push({ line, messages })
      continue
    }
    rows.push({
      line,
      externalId: get('externalId') || null,
      firstName,
      lastName,
      group,
      dateOfBirth: dateOfBirth === 'invalid' ? null : dateOfBirth,
      guardians,
    })
  }

  // The same pupil twice in one file is ambiguous: report every later occurrence.
  const seen = new Map<string, number>()
  const unique: PupilRow[] = []
  for (const row of rows) {
    const key = row.externalId
      ? `id:${row.externalId}`
      : `name:${row.firstName}|${row.lastName}|${row.dateOfBirth ?? ''}`.toLowerCase()
    const first = seen.get(key)
    if (first !== undefined) {
      errors.push({ line: row.line, messages: [`Dezelfde leerling staat ook op regel ${first}.`] })
      continue
    }
    seen.set(key, row.line)
    unique.push(row)
  }
  errors.sort((a, b) => a.line - b.line)
  return { ok: true, rows: unique, errors }
}
