import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

export function passwordResetEmail({
  schoolName,
  link,
  validHours,
}: {
  schoolName: string
  link: string
  validHours: number
}): Promise<RenderedEmail & { subject: string }> {
  const subject = `Nieuw wachtwoord voor Schoolpost van ${schoolName}`
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview="Kies een nieuw wachtwoord"
      heading="Nieuw wachtwoord kiezen"
      paragraphs={[
        'Iemand (hopelijk jij) heeft gevraagd om een nieuw wachtwoord voor je Schoolpost-account.',
        `Kies via de knop hieronder een nieuw wachtwoord. De link werkt één keer en is ${validHours} uur geldig.`,
      ]}
      action={{ label: 'Nieuw wachtwoord kiezen', href: link }}
      footnote={`Heb je dit niet gevraagd? Dan hoef je niets te doen: je wachtwoord blijft hetzelfde. Deze e-mail is verstuurd door ${schoolName} via Schoolpost.`}
    />,
  ).then((r) => ({ ...r, subject }))
}
