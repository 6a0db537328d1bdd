import type { SceneName } from './demo-pictures'
import type { demoGroups, demoStaff } from './demo-school-data'

/**
 * What has happened at De Regenboog in the last few weeks: news, group posts with drawn photos
 * and one video, a guardian's refusal and two reports. Deterministic, so the e2e tests and the
 * README can name it; only the dates move with the day the demo is seeded. Titles and alt texts
 * are the natural keys (unique). Alt texts are shown to parents, so they never name a child.
 */

type StaffKey = (typeof demoStaff)[number]['key']
type GroupName = (typeof demoGroups)[number]['name']

export type DemoPicture = {
  alt: string
  scene: SceneName
  /** Tagged pupils ("First Last"), at least the school's minimum of 2 … */
  pupils?: string[]
  /** … or explicitly none recognisable. */
  noRecognisablePupils?: true
}

export type DemoPost = {
  title: string
  author: StaffKey
  /** Omitted: school news for everyone. */
  groups?: GroupName[]
  paragraphs: string[]
  teaser?: string
  pictures?: DemoPicture[]
  video?: { alt: string }
  pinned?: true
  /** Published this many days before the seed ran … */
  daysAgo?: number
  /** … or scheduled for this many days after it. */
  scheduledInDays?: number
}

/** Lotte's guardian refuses after her photos were published: they disappear for every parent. */
export const demoRefusal = { guardian: 'wouter.dijkstra@ouders.test', pupil: 'Lotte Dijkstra' }

export const demoPosts: DemoPost[] = [
  {
    title: 'Studiedag: vrijdag zijn alle kinderen vrij',
    author: 'director',
    pinned: true,
    daysAgo: 2,
    teaser: 'Vrijdag hebben de leerkrachten een studiedag. De kinderen zijn die dag vrij.',
    paragraphs: [
      'Beste ouders, komende vrijdag hebben alle leerkrachten een studiedag over rekenonderwijs. De kinderen zijn die dag vrij; de BSO is gewoon open.',
      'Heeft u vragen? Bel gerust de administratie.',
    ],
  },
  {
    title: 'Nieuw klimtoestel op het schoolplein',
    author: 'director',
    daysAgo: 20,
    paragraphs: [
      'Dankzij de opbrengst van de sponsorloop staat er een nieuwe glijbaan en schommel op het plein. De kinderen hebben hem meteen uitgeprobeerd!',
    ],
    pictures: [
      {
        alt: 'Kinderen bij de nieuwe glijbaan op het schoolplein',
        scene: 'playground',
        pupils: ['Noor Yilmaz', 'Julia Mulder', 'Lotte Dijkstra', 'Adam de Wit'],
      },
      {
        alt: 'De nieuwe schommel op het schoolplein',
        scene: 'playground',
        pupils: ['Zoë Peters', 'Levi Hendriks', 'Sem de Boer'],
      },
    ],
  },
  {
    title: 'Tentoonstelling in de hal: "Mijn huis"',
    author: 'director',
    daysAgo: 9,
    paragraphs: [
      'Alle groepen tekenden hun eigen huis. De tekeningen hangen tot de vakantie in de hal: kom gerust kijken bij het brengen of halen.',
    ],
    pictures: [
      {
        alt: 'Tekeningen van huizen in lijsten in de hal',
        scene: 'exhibition',
        noRecognisablePupils: true,
      },
    ],
  },
  {
    title: 'Ouderavond: schrijf u in voor een gesprek',
    author: 'director',
    daysAgo: 5,
    paragraphs: [
      'Over twee weken zijn de tienminutengesprekken. U krijgt binnenkort een uitnodiging om een tijd te kiezen.',
    ],
  },
  {
    title: 'Herfsttafel in groep 1-2',
    author: 'teacherA',
    groups: ['Groep 1-2'],
    daysAgo: 16,
    paragraphs: [
      'Wat hebben de kinderen veel meegenomen: kastanjes, eikels, blaadjes en zelfs een pompoen. We tellen, sorteren en tekenen ermee.',
    ],
    pictures: [
      {
        alt: 'De herfsttafel met pompoenen en blaadjes',
        scene: 'autumn',
        noRecognisablePupils: true,
      },
      {
        alt: 'Groep 1-2 verft met vingerverf',
        scene: 'paint',
        pupils: ['Daan de Jong', 'Tess Visser', 'Mila Meijer'],
      },
    ],
  },
  {
    title: 'Gymles in de grote zaal',
    author: 'teacherA',
    groups: ['Groep 1-2'],
    daysAgo: 6,
    paragraphs: ['Vandaag gymden we voor het eerst in de grote zaal. Denkt u aan gymschoenen?'],
    pictures: [
      {
        alt: 'Groep 1-2 in de gymzaal',
        scene: 'gym',
        pupils: ['Liam Smit', 'Sem de Boer', 'Tess Visser'],
      },
    ],
  },
  {
    title: 'Letterfeest in groep 3',
    author: 'teacherA',
    groups: ['Groep 3'],
    pinned: true,
    daysAgo: 12,
    paragraphs: [
      'Groep 3 kent alle letters! Dat vierden we met een letterfeest: iedereen maakte zijn eigen letter.',
      'Vanaf nu lezen we elke dag een kwartier in de leesboekjes.',
    ],
    pictures: [
      {
        alt: 'Groep 3 bij het letterbord',
        scene: 'letters',
        pupils: ['Noor Yilmaz', 'Julia Mulder', 'Lucas de Groot'],
      },
      {
        alt: 'Groep 3 toont de zelfgemaakte letters',
        scene: 'letters',
        pupils: ['Saar Bos', 'Finn Vos', 'Noor Yilmaz'],
      },
    ],
  },
  {
    title: 'Onze eigen animatiefilm',
    author: 'teacherA',
    groups: ['Groep 3'],
    daysAgo: 3,
    paragraphs: [
      'Deze week maakten we in groep 3 een korte animatiefilm met vormen en kleuren. Kijk maar!',
    ],
    video: { alt: 'Animatiefilm van groep 3 met bewegende kleuren' },
  },
  {
    title: 'Uitstapje naar de kinderboerderij',
    author: 'teacherB',
    groups: ['Groep 5a'],
    daysAgo: 18,
    paragraphs: [
      'Met de bus naar de kinderboerderij: we voerden de geiten en leerden hoe je een kaas maakt.',
    ],
    pictures: [
      {
        alt: 'Groep 5a stapt in de bus',
        scene: 'trip',
        pupils: ['Zoë Peters', 'Levi Hendriks', 'Yara van Dijk', 'Milan Dekker'],
      },
      {
        alt: 'Groep 5a bij de geiten',
        scene: 'farm',
        pupils: ['Evi Brouwer', 'Yara van Dijk', 'Levi Hendriks'],
      },
      {
        alt: 'Groep 5a bij de schuur van de kinderboerderij',
        scene: 'farm',
        pupils: ['Milan Dekker', 'Zoë Peters'],
      },
    ],
  },
  {
    title: 'Gymrooster groep 5a',
    author: 'teacherB',
    groups: ['Groep 5a'],
    pinned: true,
    daysAgo: 25,
    paragraphs: ['Groep 5a gymt op dinsdag en donderdag. Geef uw kind gymkleding en schoenen mee.'],
  },
  {
    title: 'Hutten bouwen in het bos',
    author: 'teacherB',
    groups: ['Groep 7'],
    daysAgo: 10,
    paragraphs: [
      'Groep 7 bouwde in het bos hutten van takken. Het stevigste bouwwerk bleef zelfs staan in de regen.',
    ],
    pictures: [
      {
        alt: 'Groep 7 bouwt een hut van takken',
        scene: 'forest',
        pupils: ['Emir Yilmaz', 'Adam de Wit', 'Bram Smits'],
      },
      {
        alt: 'Groep 7 bij de hut op de open plek',
        scene: 'forest',
        pupils: ['Lotte Dijkstra', 'Fenna Koster', 'Bram Smits'],
      },
      {
        alt: 'De bus van groep 7 terug naar school',
        scene: 'trip',
        pupils: ['Emir Yilmaz', 'Fenna Koster', 'Adam de Wit'],
      },
    ],
  },
  {
    title: 'Spreekbeurten in groep 7',
    author: 'teacherB',
    groups: ['Groep 7'],
    daysAgo: 4,
    paragraphs: [
      'Na de vakantie beginnen de spreekbeurten. Het rooster krijgen de kinderen op papier mee naar huis.',
    ],
  },
  {
    title: 'Volgende week: de schoolfotograaf',
    author: 'director',
    scheduledInDays: 3,
    teaser:
      'Volgende week komt de schoolfotograaf. Alleen kinderen met toestemming gaan op de foto.',
    paragraphs: [
      'Volgende week komt de schoolfotograaf. Kinderen van wie een ouder bezwaar heeft gemaakt, gaan niet op de groepsfoto.',
    ],
  },
]

/**
 * "Meld dit bericht": one report handled by the director (the photo hidden, a note, closed) and
 * one still open, to try the "Afhandeling" panel on. Neither is "Privacy van een kind", which the
 * e2e suite files and then finds by that reason.
 */
export const demoReports = [
  {
    reporter: 'karin.hendriks@ouders.test',
    post: 'Uitstapje naar de kinderboerderij',
    picture: 'Groep 5a bij de schuur van de kinderboerderij',
    category: 'other',
    text: 'Op deze foto is op een jas een naam te lezen. Kan die foto weg?',
    handled: {
      by: 'director',
      staffNote:
        'Foto verborgen voor ouders; Ahmed plaatst een nieuwe zonder leesbare naam. Mevrouw Hendriks is gebeld.',
    },
  },
  {
    reporter: 'sophie.meijer@ouders.test',
    post: 'Herfsttafel in groep 1-2',
    category: 'incorrect',
    text: 'Er staat dat de kinderen eikels meenamen, maar volgens mij waren het beukennootjes.',
  },
] as const satisfies readonly {
  reporter: string
  post: string
  picture?: string
  category: 'privacy' | 'inappropriate' | 'incorrect' | 'other'
  text: string
  handled?: { by: StaffKey; staffNote: string }
}[]
