import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

/**
 * To a parent on the waitlist of a volunteer request (S4): a place came free and is theirs now.
 * Names the activity and the moment (nothing about other parents); cancelling is in the portal.
 */
export function volunteerPromotedEmail({
  schoolName,
  title,
  slot,
  link,
}: {
  schoolName: string
  title: string
  /** "Begeleiden heenreis, dinsdag 9 maart 08:30–10:00" */
  slot: string
  link: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = `Er is een plek vrijgekomen: ${title}`
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading="U staat niet meer op de wachtlijst"
      paragraphs={[
        `Er is een plek vrijgekomen en die is nu van u: ${slot}.`,
        'Kunt u toch niet? Meld u dan af in Schoolpost, dan gaat de plek naar de volgende op de wachtlijst.',
      ]}
      action={{ label: 'Hulpvraag bekijken', href: link }}
    />,
  ).then((r) => ({ ...r, subject }))
}
