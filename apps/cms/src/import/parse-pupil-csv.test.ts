import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

import { parsePupilCsv } from './parse-pupil-csv'

const sample = readFileSync(
  path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../../../docs/samples/leerlingen-import.csv',
  ),
  'utf8',
)

describe('parsePupilCsv', () => {
  it('reads the sample export: BOM, `;`, quoted comma, tussenvoegsel, Dutch dates', () => {
    const result = parsePupilCsv({ text: sample })
    if (!result.ok) throw new Error(result.message)
    expect(result.errors).toEqual([])
    expect(result.rows).toHaveLength(4)
    expect(result.rows[1]).toMatchObject({
      line: 3,
      externalId: '10235',
      firstName: 'Jesse',
      lastName: 'van der Berg',
      group: 'Groep 4',
      dateOfBirth: '2017-09-17',
      guardians: [
        { name: 'Berg, Johan van der', email: 'johan.vdberg@ouders.test', phone: '06 2345 6702' },
        { name: 'Aylin van der Berg', email: 'aylin.vdberg@ouders.test', phone: '06 2345 6703' },
      ],
    })
  })

  it('accepts comma separators, CRLF line endings and ISO dates', () => {
    const text =
      'voornaam,achternaam,groep,geboortedatum,ouder1_email,ouder1_naam\r\nAnna,Smit,Groep 1,2020-01-31,ANNA.MAMA@X.TEST,Mama Smit\r\n'
    const result = parsePupilCsv({ text })
    expect(result).toMatchObject({
      ok: true,
      rows: [{ line: 2, dateOfBirth: '2020-01-31', guardians: [{ email: 'anna.mama@x.test' }] }],
    })
  })

  it('reports bad rows with their line numbers and keeps the good ones', () => {
    const text = [
      'voornaam;achternaam;groep;geboortedatum;ouder1 naam;ouder1 email',
      'Piet;Jansen;Groep 3;31-02-2018;Ouder;geen-email',
      ';Leeg;Groep 3;;;',
      'Kees;Bakker;Groep 3;;Ouder Bakker;ouder@x.test',
      'Kees;Bakker;Groep 3;;Ouder Bakker;ouder@x.test',
    ].join('\n')
    const result = parsePupilCsv({ text })
    if (!result.ok) throw new Error(result.message)
    expect(result.rows.map((r) => r.line)).toEqual([4])
    expect(result.errors).toEqual([
      {
        line: 2,
        messages: [
          'Geboortedatum "31-02-2018" is geen geldige datum (dd-mm-jjjj).',
          'Ouder 1: "geen-email" is geen geldig e-mailadres.',
        ],
      },
      { line: 3, messages: ['Voornaam ontbreekt.'] },
      { line: 5, messages: ['Dezelfde leerling staat ook op regel 4.'] },
    ])
  })

  it('refuses a file without the required columns, an empty file and broken quotes', () => {
    expect(parsePupilCsv({ text: 'naam;klas\nPiet;3' })).toEqual({
      ok: false,
      message: 'De kopregel mist de kolom(men): voornaam, achternaam. Zie het voorbeeldbestand.',
    })
    expect(parsePupilCsv({ text: '\uFEFF  \n' })).toEqual({
      ok: false,
      message: 'Het bestand is leeg.',
    })
    const broken = parsePupilCsv({ text: 'voornaam;achternaam;groep\n"Piet;Jansen;Groep 3\n' })
    expect(broken).toMatchObject({ ok: false, message: expect.stringMatching(/geen geldige CSV/) })
  })

  it('reports guardians that share an email address', () => {
    const text =
      'voornaam;achternaam;groep;ouder1 naam;ouder1 email;ouder2 naam;ouder2 email\nA;B;G1;X;same@x.test;Y;same@x.test'
    const result = parsePupilCsv({ text })
    expect(result).toMatchObject({
      ok: true,
      errors: [{ line: 2, messages: ['Ouder 1 en ouder 2 hebben hetzelfde e-mailadres.'] }],
    })
  })
})
