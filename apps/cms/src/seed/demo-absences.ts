/**
 * The demo school's absences and leave (issue #13), relative to the first seed run: `day` counts
 * school days from today (0 = today, or the next school day on a weekend; negative = earlier).
 * Every item carries its own note: the natural key that keeps a later start from adding it again.
 */
export type DemoAbsence = {
  pupil: string
  parent: string
  day: number
  kind: 'sick' | 'planned'
  reason?: 'tandarts' | 'huisarts' | 'ziekenhuis' | 'therapie' | 'overig'
  times?: [string, string]
  note: string
  /** Phoned in to the office instead of reported by the parent. */
  phoned?: boolean
  then?: { acknowledgedBy: 'teacherA' | 'teacherB' } | { cancelled: true }
}

export const demoAbsences: DemoAbsence[] = [
  {
    pupil: 'Daan de Jong',
    parent: 'eva.dejong@ouders.test',
    day: 0,
    kind: 'sick',
    note: 'Koorts sinds vannacht, hij blijft vandaag thuis.',
  },
  {
    pupil: 'Levi Hendriks',
    parent: 'karin.hendriks@ouders.test',
    day: 0,
    kind: 'sick',
    phoned: true,
    note: 'Moeder belde om 08:40: buikgriep.',
  },
  {
    pupil: 'Emir Yilmaz',
    parent: 'fatima.yilmaz@ouders.test',
    day: 0,
    kind: 'planned',
    reason: 'tandarts',
    times: ['10:00', '11:00'],
    note: 'Controle bij de orthodontist.',
    then: { acknowledgedBy: 'teacherB' },
  },
  {
    pupil: 'Tess Visser',
    parent: 'mark.visser@ouders.test',
    day: 1,
    kind: 'planned',
    reason: 'huisarts',
    times: ['13:00', '14:00'],
    note: 'Afspraak bij de huisarts.',
  },
  {
    pupil: 'Julia Mulder',
    parent: 'anouk.mulder@ouders.test',
    day: -5,
    kind: 'sick',
    note: 'Verkouden en moe.',
    then: { acknowledgedBy: 'teacherA' },
  },
  {
    pupil: 'Finn Vos',
    parent: 'tom.vos@ouders.test',
    day: -5,
    kind: 'sick',
    note: 'Waterpokken.',
    then: { acknowledgedBy: 'teacherA' },
  },
  {
    pupil: 'Sem de Boer',
    parent: 'jeroen.deboer@ouders.test',
    day: -2,
    kind: 'sick',
    note: 'Toch beter, hij gaat gewoon.',
    then: { cancelled: true },
  },
]

export type DemoLeave = {
  pupil: string
  parent: string
  /** School days from today: the first and last day of the leave. */
  from: number
  to: number
  reason: 'familie' | 'vakantie' | 'religie' | 'medisch-sociaal' | 'overig'
  note: string
  decision?: { status: 'approved' | 'refused'; message: string }
}

export const demoLeave: DemoLeave[] = [
  {
    pupil: 'Zoë Peters',
    parent: 'nadia.peters@ouders.test',
    from: 55,
    to: 56,
    reason: 'familie',
    note: 'Bruiloft van haar tante in Groningen; we reizen de dag ervoor.',
  },
  {
    pupil: 'Milan Dekker',
    parent: 'joyce.dekker@ouders.test',
    from: 1,
    to: 1,
    reason: 'religie',
    note: 'Suikerfeest: we vieren het met de familie.',
    decision: { status: 'approved', message: 'Toegekend. Fijne feestdag!' },
  },
  {
    pupil: 'Bram Smits',
    parent: 'esther.smits@ouders.test',
    from: 15,
    to: 19,
    reason: 'vakantie',
    note: 'Een week eerder op vakantie: de vliegtickets zijn dan goedkoper.',
    decision: {
      status: 'refused',
      message:
        'Afgewezen: verlof voor vakantie kan alleen als uw werk geen vakantie in de schoolvakanties toelaat, met een verklaring van de werkgever. Bel gerust als u vragen heeft.',
    },
  },
]

/** The 2026-2027 school holidays (region Midden) and a study day: the school's calendar. */
export const demoClosedPeriods = [
  { label: 'Kerstvakantie', from: '2026-12-19', to: '2027-01-03' },
  { label: 'Studiedag team', from: '2027-02-10', to: '2027-02-10' },
  { label: 'Voorjaarsvakantie', from: '2027-02-20', to: '2027-02-28' },
  { label: 'Goede Vrijdag en Pasen', from: '2027-03-26', to: '2027-03-29' },
  { label: 'Meivakantie', from: '2027-04-24', to: '2027-05-09' },
  { label: 'Pinksteren', from: '2027-05-17', to: '2027-05-17' },
  { label: 'Zomervakantie', from: '2027-07-17', to: '2027-08-29' },
]
