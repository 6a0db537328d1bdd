import type { ConversationThread } from '@schoolpost/contracts'
import { describe, expect, it } from 'vitest'

import { conversationListItems, formatMessageTime, threadView, unreadLabel } from './conversations'

// Monday 7 December 2026, 11:30 in Amsterdam (CET, UTC+1).
const now = new Date('2026-12-07T10:30:00Z')

describe('formatMessageTime', () => {
  it('says today, yesterday, a weekday this year, and the year before that, on Amsterdam time', () => {
    expect(formatMessageTime('2026-12-07T08:05:00Z', now)).toBe('vandaag 09:05')
    // 23:30 UTC on Sunday is already Monday 00:30 in Amsterdam.
    expect(formatMessageTime('2026-12-06T23:30:00Z', now)).toBe('vandaag 00:30')
    expect(formatMessageTime('2026-12-06T15:40:00Z', now)).toBe('gisteren 16:40')
    expect(formatMessageTime('2026-11-30T09:00:00Z', now)).toMatch(/^ma 30 nov\.? 10:00$/)
    expect(formatMessageTime('2025-06-02T09:00:00Z', now)).toMatch(/^2 jun\.? 2025 11:00$/)
    expect(formatMessageTime('geen datum', now)).toBe('')
  })
})

describe('unreadLabel', () => {
  it('caps the count as the CMS does', () => {
    expect(unreadLabel(3)).toBe('3 ongelezen')
    expect(unreadLabel(100)).toBe('99+ ongelezen')
  })
})

describe('conversationListItems', () => {
  it('names the kind, the child and the unread count', () => {
    const items = conversationListItems(
      {
        conversations: [
          {
            id: 'c1',
            subject: 'Lezen',
            kind: 'child',
            pupil: { id: 'p1', firstName: 'Noor' },
            starterName: 'Sanne Bakker (school)',
            lastMessageAt: '2026-12-07T08:05:00Z',
            createdAt: '2026-12-01T08:05:00Z',
            unread: 2,
          },
          {
            id: 'c2',
            subject: 'Gymspullen',
            kind: 'teacher',
            pupil: { id: 'p1', firstName: 'Noor' },
            starterName: 'Eva de Jong',
            lastMessageAt: null,
            createdAt: '2026-12-06T15:40:00Z',
            unread: 0,
          },
        ],
        page: 1,
        hasNextPage: false,
        unreadTotal: 2,
      },
      now,
    )
    expect(items).toEqual([
      {
        href: '/gesprekken/c1',
        subject: 'Lezen',
        about: 'Gesprek over Noor',
        starterName: 'Sanne Bakker (school)',
        when: 'vandaag 09:05',
        unread: 2,
        unreadLabel: '2 ongelezen',
      },
      {
        href: '/gesprekken/c2',
        subject: 'Gymspullen',
        about: 'Vraag over Noor',
        starterName: 'Eva de Jong',
        when: 'gisteren 16:40',
        unread: 0,
        unreadLabel: null,
      },
    ])
  })
})

describe('threadView', () => {
  const thread: ConversationThread = {
    conversation: {
      id: 'c1',
      subject: 'Lezen',
      kind: 'child',
      pupil: { id: 'p1', firstName: 'Noor' },
      starterName: 'Sanne Bakker (school)',
      lastMessageAt: '2026-12-07T10:28:00Z',
      createdAt: '2026-12-01T08:05:00Z',
    },
    messages: [
      {
        id: 'm1',
        body: 'Zie www.school.nl',
        authorName: 'Sanne Bakker (school)',
        mine: false,
        fromSchool: true,
        sentAt: '2026-12-07T08:00:00Z',
        editedAt: null,
        status: 'delivered',
        heldMessage: null,
        editable: false,
        editableUntil: null,
        attachments: [
          {
            kind: 'image',
            id: 'p1',
            alt: null,
            sizes: {
              thumbnail: {
                filename: 'p1-400.webp',
                width: 400,
                height: 300,
                mimeType: 'image/webp',
              },
              feed: { filename: 'p1-1200.webp', width: 1200, height: 900, mimeType: 'image/webp' },
              full: { filename: 'p1-2000.webp', width: 2000, height: 1500, mimeType: 'image/webp' },
            },
          },
        ],
      },
      {
        id: 'm2',
        body: 'Dank je!',
        authorName: 'Eva de Jong',
        mine: true,
        fromSchool: false,
        sentAt: '2026-12-07T10:28:00Z',
        editedAt: '2026-12-07T10:29:00Z',
        status: 'delivered',
        heldMessage: null,
        editable: true,
        editableUntil: '2026-12-07T10:33:00Z',
        attachments: [],
      },
    ],
    hasEarlier: true,
    readers: [],
    latestReadBy: ['Sanne Bakker (school)', 'Rob de Jong'],
    school: { phone: '020 123 45 67', replyTime: 'binnen twee werkdagen', duringSchoolHours: true },
  }

  it('shows the messages with links, "Jij" for the parent, the read line and the way back', () => {
    const view = threadView(thread, now)
    expect(view.about).toBe('Gesprek over Noor')
    expect(view.messages.map((m) => m.authorName)).toEqual(['Sanne Bakker (school)', 'Jij'])
    expect(view.messages[0]!.segments).toEqual([
      { kind: 'text', text: 'Zie ' },
      { kind: 'link', text: 'www.school.nl', href: 'https://www.school.nl/' },
    ])
    expect(view.messages[1]).toMatchObject({
      edited: true,
      editable: true,
      editableUntilLabel: 'tot 11:33',
    })
    expect(view.readLine).toBe('Gelezen door Sanne Bakker (school) en Rob de Jong')
    expect(view.earlierHref).toBe('/gesprekken/c1?voor=2026-12-07T08%3A00%3A00Z')
    expect(view.latestId).toBe('m2')
    // A photo shows its small sizes and links to the full one (no original, no share button).
    expect(view.hasPhotos).toBe(true)
    expect(view.messages[0]!.photos).toEqual([
      {
        image: expect.objectContaining({
          src: '/bestanden/p1-1200.webp',
          srcset: '/bestanden/p1-400.webp 400w, /bestanden/p1-1200.webp 1200w',
          alt: 'Foto bij het bericht van Sanne Bakker (school)',
        }),
        href: '/bestanden/p1-2000.webp',
      },
    ])
    expect(view.messages[1]!.photos).toEqual([])
    expect(view.availability).toEqual({
      duringSchoolHours: true,
      phone: '020 123 45 67',
      phoneHref: 'tel:0201234567',
      replyTime: 'binnen twee werkdagen',
    })
  })

  it('says nothing about reading when nobody has read the latest message yet', () => {
    expect(threadView({ ...thread, latestReadBy: [], hasEarlier: false }, now)).toMatchObject({
      readLine: null,
      earlierHref: null,
    })
  })
})
