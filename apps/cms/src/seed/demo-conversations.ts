import type { DemoPicture } from './demo-school-content'

/**
 * The demo school's conversations (issue #14): a kind-gesprek a teacher started (with a photo),
 * a parent's question with the teacher's answer, a question with a message the conduct check
 * held (the directors see it in the admin), and a kind-gesprek where one guardian reports the
 * other's message (an open report for the directors). `by` is a staff key or a parent's email; the subject and the
 * pupil are the natural key that keeps a later start from adding a conversation again.
 */
export type DemoMessage = {
  by: string
  text: string
  /** A drawn photo the teacher attaches (tagged, passing the image rules like a post's). */
  picture?: DemoPicture
  /** Another participant reports it ("Meld dit bericht"): an open report for the directors. */
  reportedBy?: { by: string; category: 'inappropriate' | 'other'; text: string }
}
export type DemoConversation = {
  pupil: string
  subject: string
  startedBy: string
  messages: DemoMessage[]
  /** Who has read up to the last message (besides each writer, who has read their own). */
  readBy: string[]
}

export const demoConversations: DemoConversation[] = [
  {
    pupil: 'Noor Yilmaz',
    subject: 'Noor en het lezen',
    startedBy: 'teacherA',
    messages: [
      {
        by: 'teacherA',
        text: 'Goedemiddag, ik wilde even laten weten dat Noor de laatste weken veel beter leest. Ze is naar AVI E4 gegaan! Lezen jullie thuis ook samen? Dat helpt haar echt.',
        picture: {
          alt: 'Noor leest voor aan haar leesgroepje in de leeshoek',
          scene: 'letters',
          pupils: ['Noor Yilmaz', 'Julia Mulder', 'Saar Bos'],
        },
      },
      {
        by: 'fatima.yilmaz@ouders.test',
        text: 'Wat fijn om te horen! We lezen elke avond een kwartiertje voor het slapen. Ze is er zelf ook trots op.',
      },
      {
        by: 'teacherA',
        text: 'Dat is te merken. Houd het vol; in januari doen we de volgende toets.',
      },
    ],
    readBy: [],
  },
  {
    pupil: 'Daan de Jong',
    subject: 'Gymschoenen kwijt',
    startedBy: 'eva.dejong@ouders.test',
    messages: [
      {
        by: 'eva.dejong@ouders.test',
        text: 'Hallo juf Sanne, Daan is sinds vorige week zijn gymschoenen kwijt (blauw, maat 29, naam erin). Heeft u ze misschien gezien?',
      },
      {
        by: 'teacherA',
        text: 'Ze lagen in de gevonden voorwerpen bij de gymzaal. Ik heb ze in zijn la gelegd.',
      },
    ],
    readBy: ['eva.dejong@ouders.test'],
  },
  {
    pupil: 'Lucas de Groot',
    subject: 'Pesten op het plein',
    startedBy: 'rob.degroot@ouders.test',
    messages: [
      // Held by the conduct check: the writer reads why, the directors see it with the reason.
      {
        by: 'rob.degroot@ouders.test',
        text: 'Die jongen uit groep 3 is een klootzak en jullie doen niets!',
      },
      {
        by: 'rob.degroot@ouders.test',
        text: 'Lucas wordt al twee weken op het plein gepest door een jongen uit zijn groep. Ik wil daar graag over praten. Kan dat deze week?',
      },
    ],
    readBy: [],
  },
  {
    pupil: 'Zoë Peters',
    subject: 'Ophalen op woensdag',
    startedBy: 'teacherB',
    messages: [
      {
        by: 'teacherB',
        text: 'Beste ouders van Zoë, wie haalt Zoë vanaf nu op woensdag op? Dan weet ik bij het hek bij wie ik haar mag laten gaan.',
      },
      {
        by: 'ruben.peters@ouders.test',
        text: 'Op woensdag haal ik haar. Op de andere dagen is het aan haar moeder, maar die komt bijna altijd te laat, dus houd haar maar binnen tot er iemand is.',
        // Ruben's aside about Nadia passes the conduct check, but it is about her, in front of the
        // teacher: she asks the directors to look at it.
        reportedBy: {
          by: 'nadia.peters@ouders.test',
          category: 'inappropriate',
          text: 'Dit gaat over mij en hoort niet in een gesprek met de juf. Wilt u dit bericht verbergen?',
        },
      },
      {
        by: 'nadia.peters@ouders.test',
        text: 'Op de andere dagen haal ik Zoë om 14:30. Dank u voor het navragen.',
      },
    ],
    readBy: ['teacherB'],
  },
]
