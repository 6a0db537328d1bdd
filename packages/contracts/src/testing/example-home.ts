import type { PortalHomeAnswer } from '../portal-home'

/** A start page as the home endpoint answers it: Fatima, two children, no posts (for tests). */
export function exampleHomeAnswer(over: Partial<PortalHomeAnswer> = {}): PortalHomeAnswer {
  return {
    parent: { id: 'p1', name: 'Fatima Yilmaz' },
    children: [
      { id: 'k1', name: 'Noor Yilmaz', firstName: 'Noor', groupId: 'g3', groupName: 'Groep 3' },
      { id: 'k2', name: 'Emir Yilmaz', firstName: 'Emir', groupId: 'g7', groupName: 'Groep 7' },
    ],
    school: { name: 'Basisschool De Regenboog', phone: '071 123 45 67', absenceCutoff: '08:15' },
    groupId: null,
    posts: {
      posts: [],
      totalDocs: 0,
      page: 1,
      totalPages: 0,
      hasNextPage: false,
      hasPrevPage: false,
    },
    volunteerRequests: [],
    ...over,
  }
}
