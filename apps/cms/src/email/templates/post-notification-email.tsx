import { Link, Section, Text } from '@react-email/components'
import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

/** What a notification may say about a post (C1): never photos, pupil names or the body. */
export type PostSummary = {
  subject: string
  title: string
  teaser: string | null
  /** "Groep 3", "Groep 5a en Groep 7", or null for school news. */
  groupLabel: string | null
  link: string
}

const UNSUBSCRIBE_LABEL = 'Geen e-mail meer over dit soort berichten? Afmelden met één klik.'

export function postNotificationEmail({
  schoolName,
  post,
  unsubscribeUrl,
}: {
  schoolName: string
  post: PostSummary
  unsubscribeUrl: string
}): Promise<RenderedEmail & { subject: string }> {
  const where = post.groupLabel ? `Nieuw bericht voor ${post.groupLabel}` : 'Nieuw schoolnieuws'
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={post.teaser ?? post.title}
      heading={post.title}
      paragraphs={[`${where}.`, ...(post.teaser ? [post.teaser] : [])]}
      action={{ label: 'Lees het bericht', href: post.link }}
      unsubscribe={{ label: UNSUBSCRIBE_LABEL, href: unsubscribeUrl }}
    />,
  ).then((r) => ({ ...r, subject: post.subject }))
}

/** One email with everything new since the previous digest, for parents who chose "dagelijks". */
export function digestEmail({
  schoolName,
  posts,
  unsubscribeUrl,
}: {
  schoolName: string
  posts: PostSummary[]
  unsubscribeUrl: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject =
    posts.length === 1
      ? `Overzicht: 1 nieuw bericht van ${schoolName}`
      : `Overzicht: ${posts.length} nieuwe berichten van ${schoolName}`
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={posts.map((p) => p.title).join(' · ')}
      heading="Nieuw op Schoolpost"
      paragraphs={['Dit is er sinds het vorige overzicht bijgekomen:']}
      unsubscribe={{ label: UNSUBSCRIBE_LABEL, href: unsubscribeUrl }}
    >
      {posts.map((post) => (
        <Section key={post.link} style={{ margin: '12px 0' }}>
          <Text style={{ fontSize: '16px', fontWeight: 600, margin: '0 0 4px' }}>
            <Link href={post.link}>{post.title}</Link>
          </Text>
          <Text style={{ fontSize: '14px', margin: 0 }}>
            {[post.groupLabel ?? 'Schoolnieuws', post.teaser].filter(Boolean).join(' — ')}
          </Text>
        </Section>
      ))}
    </EmailLayout>,
  ).then((r) => ({ ...r, subject }))
}
