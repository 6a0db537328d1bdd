/** The demo school seeded by the CMS start script (apps/cms/src/seed/demo-school-data.ts). */
export const DEMO_PASSWORD = 'Schoolpost-demo-2026'
export const director = { email: 'directie@deregenboog.test', name: 'Anne de Vries' }
export const office = { email: 'administratie@deregenboog.test', name: 'Petra Jansen' }
export const fatima = {
  email: 'fatima.yilmaz@ouders.test',
  name: 'Fatima Yilmaz',
  children: [
    { name: 'Noor Yilmaz', group: 'Groep 3' },
    { name: 'Emir Yilmaz', group: 'Groep 7' },
  ],
}
export const schoolName = 'Basisschool De Regenboog'
export const schoolPhone = '071 123 45 67'

/** Lotte's guardian refused image consent (seed): her photos are shown to no parent at all. */
export const refusingGuardian = {
  email: 'wouter.dijkstra@ouders.test',
  name: 'Wouter Dijkstra',
  child: { name: 'Lotte Dijkstra', group: 'Groep 7' },
}

/** Seeded posts and photos (apps/cms/src/seed/demo-school-content.ts). */
export const demoContent = {
  pinnedNews: 'Studiedag: vrijdag zijn alle kinderen vrij',
  groep3Pinned: 'Letterfeest in groep 3',
  videoPost: {
    title: 'Onze eigen animatiefilm',
    alt: 'Animatiefilm van groep 3 met bewegende kleuren',
  },
  groep7Gallery: {
    title: 'Hutten bouwen in het bos',
    visible: ['Groep 7 bouwt een hut van takken', 'De bus van groep 7 terug naar school'],
    withRefusedPupil: 'Groep 7 bij de hut op de open plek',
  },
  groep5aPost: 'Uitstapje naar de kinderboerderij',
  scheduled: 'Volgende week: de schoolfotograaf',
}
