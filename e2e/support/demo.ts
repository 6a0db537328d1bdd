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
