import { lexicalDocument, type TextBlock } from '../../lib/lexical-text'

/**
 * The house rules a new school starts with (S18): the school's own agreement on parent
 * communication (shared/mission, "Gebruik van Parro"), rewritten for Schoolpost. In force as
 * version 1 until the director saves a changed text.
 */
export const DEFAULT_HOUSE_RULES_BLOCKS: readonly TextBlock[] = [
  { h2: 'Waarom Schoolpost?' },
  'Wij vinden ouderbetrokkenheid heel belangrijk. Via Schoolpost houden de directie en de leerkrachten u op de hoogte van het nieuws van school en van de groep van uw kind: berichten, foto’s en filmpjes, de agenda en hulpvragen. Schoolpost is een veilige, afgesloten omgeving: alleen ouders die de school heeft uitgenodigd, kunnen erin.',
  { h2: 'Persoonlijke berichten' },
  'Willen we iets persoonlijks over uw kind met u bespreken, dan bellen we u. Een korte boodschap die alleen voor u is, sturen we als bericht in een gesprek. U kunt de leerkracht ook zelf een bericht sturen. Onder schooltijd leest de leerkracht berichten niet of nauwelijks.',
  { h2: 'Ziek of afwezig' },
  'Meld een zieke leerling in Schoolpost vóór 8.15 uur, of bel de school vóór 8.30 uur. Een afspraak onder schooltijd, zoals de tandarts, meldt u minstens een dag van tevoren.',
  { h2: 'Foto’s en video’s' },
  'Wij respecteren de privacy van kinderen en gaan zorgvuldig om met beelden van onze leerlingen:',
  {
    ul: [
      'We delen beelden alleen in Schoolpost, met de ouders van de groep (bij schoolnieuws: met de ouders van de school).',
      'We delen geen portretfoto’s, alleen foto’s van groepjes leerlingen.',
      'Wilt u niet dat uw kind op gedeelde foto’s en video’s staat? Geef dat aan in uw account, onder Privacy.',
      'Twijfelt u of iets geschikt is om te delen? Meld het bij het bericht, of bij de leerkracht en de directie.',
    ],
  },
  { h2: 'Wat verwachten we van u?' },
  {
    ul: [
      'Alle rechten van tekst en beeld liggen bij de school.',
      'Wat in Schoolpost staat, blijft in Schoolpost. Deel geen foto’s, video’s of berichten op sociale media, in groepsapps of op een andere manier buiten Schoolpost.',
      'Communiceer positief, respectvol, opbouwend en zinvol. Schelden, discrimineren, bedreigen en seksueel getinte taal zijn nooit toegestaan.',
      'U krijgt antwoord op uw bericht, maar niet altijd meteen. Is het dringend? Bel dan de school.',
    ],
  },
  { h2: 'Tot slot' },
  'We bekijken regelmatig of deze afspraken goed werken en passen ze zo nodig aan. Dan vragen we u opnieuw akkoord te gaan. Uw tips en opmerkingen zijn welkom via Feedback in Schoolpost.',
]

export const DEFAULT_HOUSE_RULES = lexicalDocument(DEFAULT_HOUSE_RULES_BLOCKS)
