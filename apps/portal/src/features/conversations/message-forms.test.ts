import { describe, expect, it } from 'vitest'

import type { ConversationWriteResult } from '../../lib/cms/cms-client'
import { CmsUnavailableError } from '../../lib/cms/cms-client'
import type { PortalSession } from '../auth/session'
import {
  messageInput,
  startConversationInput,
  submitMessageForm,
  submitStartConversationForm,
} from './message-forms'

const parent = { token: 'jwt', parentId: 'p1', parentName: 'Eva' } as PortalSession
const saved = (
  id: string,
  status: 'delivered' | 'held' = 'delivered',
): ConversationWriteResult => ({
  ok: true,
  id,
  status,
  heldRule: status === 'held' ? 'abuse' : null,
})

describe('messageInput', () => {
  it('trims, counts CRLF as one character and refuses an empty or too long message in Dutch', () => {
    expect(messageInput.parse({ conversation: 'c1', body: '  Hoi\r\ndaar ' }).body).toBe(
      'Hoi\ndaar',
    )
    expect(
      messageInput.safeParse({ conversation: 'c1', body: '   ' }).error?.issues[0]?.message,
    ).toBe('Schrijf eerst een bericht.')
    expect(messageInput.safeParse({ conversation: 'c1', body: 'x'.repeat(4001) }).success).toBe(
      false,
    )
    expect(messageInput.safeParse({ conversation: '../x', body: 'Hoi' }).success).toBe(false)
  })

  it('asks which child a new question is about', () => {
    expect(
      startConversationInput.safeParse({ subject: 'Gym', body: 'Hoi' }).error?.issues[0]?.message,
    ).toBe('Kies over welk kind je vraag gaat.')
  })
})

describe('submitMessageForm', () => {
  it('lands on the message; a held one lands on the reason', async () => {
    const sent = await submitMessageForm(
      { conversation: 'c1', body: 'Hoi' },
      { cms: { sendMessage: async () => saved('m1') }, parent },
    )
    expect(sent).toEqual({ ok: true, redirectTo: '/gesprekken/c1?verstuurd=m1#bericht-m1' })
    const held = await submitMessageForm(
      { conversation: 'c1', body: 'scheldwoord' },
      { cms: { sendMessage: async () => saved('m2', 'held') }, parent },
    )
    expect(held).toEqual({ ok: true, redirectTo: '/gesprekken/c1?tegengehouden=m2#bericht-m2' })
  })

  it("gives the CMS's Dutch refusal and an outage as a failure the page keeps the text with", async () => {
    const refused = await submitMessageForm(
      { conversation: 'c1', body: 'Hoi' },
      {
        cms: {
          sendMessage: async () => ({
            ok: false,
            code: 'not-found',
            message: 'Dit gesprek bestaat niet of is niet voor u.',
            rule: null,
            fields: {},
          }),
        },
        parent,
      },
    )
    expect(refused).toMatchObject({ ok: false, code: 'not-found' })
    const limited = await submitMessageForm(
      { conversation: 'c1', body: 'Hoi' },
      {
        cms: {
          sendMessage: async () => ({ ok: false, code: 'rate-limited', retryAfterSeconds: 120 }),
        },
        parent,
      },
    )
    expect(limited).toMatchObject({ ok: false, code: 'rate-limited', retryAfterSeconds: 120 })
    const down = await submitMessageForm(
      { conversation: 'c1', body: 'Hoi' },
      {
        cms: {
          sendMessage: async () => {
            throw new CmsUnavailableError('timeout', 'slow')
          },
        },
        parent,
      },
    )
    expect(down).toMatchObject({ ok: false, code: 'unavailable' })
  })
})

describe('submitStartConversationForm', () => {
  it('starts the conversation, then sends its first message', async () => {
    const calls: string[] = []
    const result = await submitStartConversationForm(
      { pupil: 'p1', subject: 'Gym', body: 'Wanneer is er gym?' },
      {
        cms: {
          startConversation: async (_t, c) => (
            calls.push(`start ${c.pupil} ${c.subject}`),
            saved('c9')
          ),
          sendMessage: async (_t, m) => (
            calls.push(`send ${m.conversation} ${m.body}`),
            saved('m9')
          ),
        },
        parent,
      },
    )
    expect(calls).toEqual(['start p1 Gym', 'send c9 Wanneer is er gym?'])
    expect(result).toEqual({ ok: true, redirectTo: '/gesprekken/c9?verstuurd=m9#bericht-m9' })
  })

  it('never starts twice: a first message that does not get through lands on the new conversation', async () => {
    const result = await submitStartConversationForm(
      { pupil: 'p1', subject: 'Gym', body: 'Hoi' },
      {
        cms: {
          startConversation: async () => saved('c9'),
          sendMessage: async () => {
            throw new CmsUnavailableError('timeout', 'slow')
          },
        },
        parent,
      },
    )
    expect(result).toEqual({ ok: true, redirectTo: '/gesprekken/c9?niet-verstuurd=1' })
  })

  it("shows the CMS's refusal of the conversation itself (not your child, a rude subject)", async () => {
    const result = await submitStartConversationForm(
      { pupil: 'p2', subject: 'Gym', body: 'Hoi' },
      {
        cms: {
          startConversation: async () => ({
            ok: false,
            code: 'not-your-child',
            message: 'Dit kind hoort niet bij uw account.',
            rule: null,
            fields: {},
          }),
          sendMessage: async () => saved('never'),
        },
        parent,
      },
    )
    expect(result).toMatchObject({
      ok: false,
      code: 'refused',
      message: 'Dit kind hoort niet bij uw account.',
    })
  })
})
