/**
 * The demo school's volunteer requests (issue #15): Ahmed asks Groep 5a's parents to come along
 * to the petting farm (one slot full, with a waitlist), and the director asks every parent to help
 * with the Christmas dinner, with sign-up opening at a set evening moment. `by` is a staff key or
 * a parent's email; the title is the natural key.
 */
export type DemoVolunteerRequest = {
  title: string
  by: string
  groups?: string[]
  description: string
  /** Days from the seed's day; a weekday is chosen on or after it. */
  inDays: number
  /** Sign-up opens this many days from the seed, at 20:00 school time (omitted: open now). */
  opensInDays?: number
  slots: { label: string; from: string; to: string; places: number }[]
  /** Sign-ups in order of arrival, per slot index. */
  signups?: { slot: number; by: string; comes?: string }[]
}

export const demoVolunteerRequests: DemoVolunteerRequest[] = [
  {
    title: 'Begeleiders gezocht: kinderboerderij',
    by: 'teacherB',
    groups: ['Groep 5a'],
    description:
      'We fietsen met groep 5a naar kinderboerderij De Hoeve. Voor de heen- en terugweg zoeken we ouders die meefietsen. Neem een fietshesje mee als u dat heeft.',
    inDays: 16,
    slots: [
      { label: 'Meefietsen heenweg', from: '08:45', to: '10:00', places: 3 },
      { label: 'Meefietsen terugweg', from: '13:30', to: '14:45', places: 1 },
    ],
    signups: [
      { slot: 0, by: 'nadia.peters@ouders.test' },
      { slot: 0, by: 'karin.hendriks@ouders.test', comes: 'Opa Jan Hendriks' },
      { slot: 1, by: 'samir.vandijk@ouders.test' },
      // The return trip is full: Joyce waits, and gets Samir's place if he cancels.
      { slot: 1, by: 'joyce.dekker@ouders.test' },
    ],
  },
  {
    title: 'Helpen bij het kerstdiner',
    by: 'director',
    description:
      'Op de avond van het kerstdiner zoeken we ouders die helpen met opbouwen, opscheppen en afruimen. Aanmelden kan vanaf het moment hieronder, zodat iedereen dezelfde kans heeft.',
    inDays: 10,
    opensInDays: 1,
    slots: [
      { label: 'Opbouwen', from: '15:30', to: '17:00', places: 4 },
      { label: 'Afruimen', from: '19:00', to: '20:30', places: 4 },
    ],
  },
]

/**
 * The demo school's calendar (issue #15): items for the whole school and for groups — all day,
 * over several days and with times — two of them linked to the volunteer requests above (by
 * title). The holidays come from the school settings' closed periods. The title is the key.
 */
export type DemoEvent = {
  title: string
  by: string
  groups?: string[]
  description?: string
  location?: string
  /** Days from the seed's day; a weekday is chosen on or after it. */
  inDays: number
  /** All-day items over several days: the number of days. */
  days?: number
  time?: { from: string; to: string }
  volunteerRequest?: string
}

export const demoEvents: DemoEvent[] = [
  {
    title: 'Gymles in de grote zaal',
    by: 'teacherA',
    groups: ['Groep 1-2'],
    description: 'Geef je kind gymschoenen met klittenband mee.',
    location: 'Gymzaal Lindelaan',
    inDays: 2,
    time: { from: '08:30', to: '09:15' },
  },
  {
    title: 'Kerstdiner',
    by: 'director',
    description: 'Alle kinderen eten in hun eigen klas. Neem een bord, beker en bestek mee.',
    location: 'In de eigen klas',
    inDays: 10,
    time: { from: '17:00', to: '19:00' },
    volunteerRequest: 'Helpen bij het kerstdiner',
  },
  {
    title: 'Uitje naar kinderboerderij De Hoeve',
    by: 'teacherB',
    groups: ['Groep 5a'],
    location: 'Kinderboerderij De Hoeve',
    inDays: 16,
    volunteerRequest: 'Begeleiders gezocht: kinderboerderij',
  },
  {
    title: 'Schoolfotograaf',
    by: 'director',
    description:
      'Portretfoto’s en groepsfoto’s. Broertjes en zusjes samen kan van 14:30 tot 16:00.',
    inDays: 22,
  },
  {
    title: 'Projectweek: het heelal',
    by: 'director',
    groups: ['Groep 3', 'Groep 5a'],
    inDays: 29,
    days: 3,
  },
]
