import { Link, Section, Text } from '@react-email/components'
import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

/**
 * A parent hears that the school wrote in one of their conversations (S6, S7): who wrote and
 * about which child (first name only), and one link to the thread. Never the message itself.
 */
export function conversationMessageEmail({
  schoolName,
  staffName,
  childFirstName,
  link,
  unsubscribeUrl,
}: {
  schoolName: string
  staffName: string
  childFirstName: string
  link: string
  unsubscribeUrl: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = `Nieuw bericht van ${staffName} over ${childFirstName}`
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading={`Nieuw bericht over ${childFirstName}`}
      paragraphs={[
        `${staffName} heeft een bericht gestuurd in het gesprek over ${childFirstName}.`,
        'Je leest en beantwoordt het in het ouderportaal.',
      ]}
      action={{ label: 'Lees het bericht', href: link }}
      unsubscribe={{
        label: 'Geen e-mail meer over berichten in gesprekken? Afmelden met één klik.',
        href: unsubscribeUrl,
      }}
    />,
  ).then((r) => ({ ...r, subject }))
}

/** One conversation in a teacher's bundle: its subject, the child's first name, how many are new. */
export type BundledConversation = {
  subject: string
  childFirstName: string
  count: number
  link: string
}

/**
 * A teacher's email after school (S8): how many parent messages came in and are still unread,
 * with a link per conversation to the admin. No message text.
 */
export function messageBundleEmail({
  schoolName,
  conversations,
}: {
  schoolName: string
  conversations: BundledConversation[]
}): Promise<RenderedEmail & { subject: string }> {
  const total = conversations.reduce((sum, c) => sum + c.count, 0)
  const subject =
    total === 1
      ? 'Je hebt 1 nieuw bericht van ouders'
      : `Je hebt ${total} nieuwe berichten van ouders`
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading={subject}
      paragraphs={['Sinds het vorige overzicht schreven ouders in deze gesprekken:']}
      footnote={`Je krijgt dit overzicht na schooltijd, zodat berichten je tijdens de lessen niet storen. Verstuurd door ${schoolName} via Schoolpost.`}
    >
      {conversations.map((c) => (
        <Section key={c.link} style={{ margin: '12px 0' }}>
          <Text style={{ fontSize: '16px', fontWeight: 600, margin: '0 0 4px' }}>
            <Link href={c.link}>{c.subject}</Link>
          </Text>
          <Text style={{ fontSize: '14px', margin: 0 }}>
            {`Over ${c.childFirstName} · ${c.count === 1 ? '1 nieuw bericht' : `${c.count} nieuwe berichten`}`}
          </Text>
        </Section>
      ))}
    </EmailLayout>,
  ).then((r) => ({ ...r, subject }))
}
