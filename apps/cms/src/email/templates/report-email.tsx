import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

export function reportEmail({
  schoolName,
  postTitle,
  link,
}: {
  schoolName: string
  postTitle: string
  link: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = 'Nieuwe melding van een ouder'
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={`Melding over: ${postTitle}`}
      heading="Een ouder heeft een bericht gemeld"
      paragraphs={[
        `Het gaat om het bericht "${postTitle}". Bekijk de melding in de beheeromgeving; daar kun je het bericht of de foto verbergen en de melding afhandelen.`,
      ]}
      action={{ label: 'Melding bekijken', href: link }}
    />,
  ).then((r) => ({ ...r, subject }))
}
