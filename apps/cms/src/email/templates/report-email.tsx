import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

export function reportEmail({
  schoolName,
  postTitle,
  link,
}: {
  schoolName: string
  /** `null`: a message in a conversation (the email quotes nothing of it). */
  postTitle: string | null
  link: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = 'Nieuwe melding van een ouder'
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={postTitle ? `Melding over: ${postTitle}` : 'Melding over een bericht in een gesprek'}
      heading="Een ouder heeft een bericht gemeld"
      paragraphs={[
        postTitle
          ? `Het gaat om het bericht "${postTitle}". Bekijk de melding in de beheeromgeving; daar kun je het bericht of de foto verbergen en de melding afhandelen.`
          : 'Het gaat om een bericht in een gesprek. Bekijk de melding in de beheeromgeving; daar kun je het bericht verbergen voor ouders en de melding afhandelen.',
      ]}
      action={{ label: 'Melding bekijken', href: link }}
    />,
  ).then((r) => ({ ...r, subject }))
}
