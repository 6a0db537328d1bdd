import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

/**
 * To the parent who sent feedback (S20): the school answered. The answer itself is read in the
 * portal (an email is no place for what the school wrote back about its own rules).
 */
export function feedbackAnsweredEmail({
  schoolName,
  link,
}: {
  schoolName: string
  link: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = 'De school heeft uw feedback beantwoord'
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading="Er is een antwoord op uw feedback"
      paragraphs={[
        'Dank u wel voor uw tip of opmerking. De directie heeft erop geantwoord; u leest het antwoord in Schoolpost.',
      ]}
      action={{ label: 'Antwoord lezen', href: link }}
    />,
  ).then((r) => ({ ...r, subject }))
}
