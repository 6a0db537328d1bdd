import type { Parent } from '../payload-types'

/**
 * The demo school: deterministic so that e2e tests and the README can name its people.
 * Every demo account shares one password, printed on start.
 */
export const DEMO_PASSWORD = 'Schoolpost-demo-2026'
export const DEMO_SCHOOL_YEAR = '2026-2027'

export const demoStaff = [
  { key: 'director', name: 'Anne de Vries', email: 'directie@deregenboog.test', role: 'director' },
  {
    key: 'teacherA',
    name: 'Sanne Bakker',
    email: 'sanne.bakker@deregenboog.test',
    role: 'teacher',
  },
  {
    key: 'teacherB',
    name: 'Ahmed El Amrani',
    email: 'ahmed.elamrani@deregenboog.test',
    role: 'teacher',
  },
  { key: 'office', name: 'Petra Jansen', email: 'administratie@deregenboog.test', role: 'office' },
] as const

export const demoGroups = [
  { name: 'Groep 1-2', sortOrder: 1, teachers: ['teacherA'] },
  { name: 'Groep 3', sortOrder: 3, teachers: ['teacherA'] },
  { name: 'Groep 5a', sortOrder: 5, teachers: ['teacherB'] },
  { name: 'Groep 7', sortOrder: 7, teachers: ['teacherB'] },
] as const

type DemoGroupName = (typeof demoGroups)[number]['name']

export const demoPupils: { firstName: string; lastName: string; group: DemoGroupName }[] = [
  { firstName: 'Noor', lastName: 'Yilmaz', group: 'Groep 3' },
  { firstName: 'Emir', lastName: 'Yilmaz', group: 'Groep 7' },
  { firstName: 'Daan', lastName: 'de Jong', group: 'Groep 1-2' },
  { firstName: 'Tess', lastName: 'Visser', group: 'Groep 1-2' },
  { firstName: 'Liam', lastName: 'Smit', group: 'Groep 1-2' },
  { firstName: 'Mila', lastName: 'Meijer', group: 'Groep 1-2' },
  { firstName: 'Sem', lastName: 'de Boer', group: 'Groep 1-2' },
  { firstName: 'Julia', lastName: 'Mulder', group: 'Groep 3' },
  { firstName: 'Lucas', lastName: 'de Groot', group: 'Groep 3' },
  { firstName: 'Saar', lastName: 'Bos', group: 'Groep 3' },
  { firstName: 'Finn', lastName: 'Vos', group: 'Groep 3' },
  { firstName: 'Zoë', lastName: 'Peters', group: 'Groep 5a' },
  { firstName: 'Levi', lastName: 'Hendriks', group: 'Groep 5a' },
  { firstName: 'Yara', lastName: 'van Dijk', group: 'Groep 5a' },
  { firstName: 'Milan', lastName: 'Dekker', group: 'Groep 5a' },
  { firstName: 'Evi', lastName: 'Brouwer', group: 'Groep 5a' },
  { firstName: 'Adam', lastName: 'de Wit', group: 'Groep 7' },
  { firstName: 'Lotte', lastName: 'Dijkstra', group: 'Groep 7' },
  { firstName: 'Bram', lastName: 'Smits', group: 'Groep 7' },
  { firstName: 'Fenna', lastName: 'Koster', group: 'Groep 7' },
]

/** Children are named "First Last". Fatima has children in two groups; Tess and Zoë have two guardians. */
export const demoParents: {
  name: string
  email: string
  phone: string
  children: string[]
  /** Email choices the parent made in the portal; unset = everything directly. */
  notifications?: Parent['notifications']
}[] = [
  {
    name: 'Fatima Yilmaz',
    email: 'fatima.yilmaz@ouders.test',
    phone: '06 1234 5601',
    children: ['Noor Yilmaz', 'Emir Yilmaz'],
  },
  {
    // Fatima answers the teacher (see demo-conversations.ts) and gets an email for each message
    // from the school; Kemal reads the conversations in the portal, without email.
    name: 'Kemal Yilmaz',
    email: 'kemal.yilmaz@ouders.test',
    phone: '06 1234 5602',
    children: ['Noor Yilmaz', 'Emir Yilmaz'],
    notifications: { news: 'direct', group: 'direct', messages: 'off' },
  },
  {
    name: 'Eva de Jong',
    email: 'eva.dejong@ouders.test',
    phone: '06 1234 5603',
    children: ['Daan de Jong'],
  },
  {
    name: 'Mark Visser',
    email: 'mark.visser@ouders.test',
    phone: '06 1234 5604',
    children: ['Tess Visser'],
  },
  {
    name: 'Linda Visser',
    email: 'linda.visser@ouders.test',
    phone: '06 1234 5605',
    children: ['Tess Visser'],
  },
  {
    name: 'Peter Smit',
    email: 'peter.smit@ouders.test',
    phone: '06 1234 5606',
    children: ['Liam Smit'],
  },
  {
    name: 'Sophie Meijer',
    email: 'sophie.meijer@ouders.test',
    phone: '06 1234 5607',
    children: ['Mila Meijer'],
  },
  {
    name: 'Jeroen de Boer',
    email: 'jeroen.deboer@ouders.test',
    phone: '06 1234 5608',
    children: ['Sem de Boer'],
  },
  {
    name: 'Anouk Mulder',
    email: 'anouk.mulder@ouders.test',
    phone: '06 1234 5609',
    children: ['Julia Mulder'],
  },
  {
    name: 'Rob de Groot',
    email: 'rob.degroot@ouders.test',
    phone: '06 1234 5610',
    children: ['Lucas de Groot'],
  },
  {
    name: 'Ilse Bos',
    email: 'ilse.bos@ouders.test',
    phone: '06 1234 5611',
    children: ['Saar Bos'],
  },
  { name: 'Tom Vos', email: 'tom.vos@ouders.test', phone: '06 1234 5612', children: ['Finn Vos'] },
  {
    name: 'Nadia Peters',
    email: 'nadia.peters@ouders.test',
    phone: '06 1234 5613',
    children: ['Zoë Peters'],
  },
  {
    name: 'Ruben Peters',
    email: 'ruben.peters@ouders.test',
    phone: '06 1234 5614',
    children: ['Zoë Peters'],
  },
  {
    name: 'Karin Hendriks',
    email: 'karin.hendriks@ouders.test',
    phone: '06 1234 5615',
    children: ['Levi Hendriks'],
  },
  {
    name: 'Samir van Dijk',
    email: 'samir.vandijk@ouders.test',
    phone: '06 1234 5616',
    children: ['Yara van Dijk'],
  },
  {
    name: 'Joyce Dekker',
    email: 'joyce.dekker@ouders.test',
    phone: '06 1234 5617',
    children: ['Milan Dekker'],
  },
  {
    name: 'Bas Brouwer',
    email: 'bas.brouwer@ouders.test',
    phone: '06 1234 5618',
    children: ['Evi Brouwer'],
  },
  {
    name: 'Mirjam de Wit',
    email: 'mirjam.dewit@ouders.test',
    phone: '06 1234 5619',
    children: ['Adam de Wit'],
  },
  {
    name: 'Wouter Dijkstra',
    email: 'wouter.dijkstra@ouders.test',
    phone: '06 1234 5620',
    children: ['Lotte Dijkstra'],
  },
  {
    name: 'Esther Smits',
    email: 'esther.smits@ouders.test',
    phone: '06 1234 5621',
    children: ['Bram Smits'],
  },
  {
    name: 'Hans Koster',
    email: 'hans.koster@ouders.test',
    phone: '06 1234 5622',
    children: ['Fenna Koster'],
  },
]
