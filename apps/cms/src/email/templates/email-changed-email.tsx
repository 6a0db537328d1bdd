import React from 'react'

import { EmailLayout } from './layout'
import { renderEmail, type RenderedEmail } from './render-email'

/**
 * Sent to the old address when the school changes a login address. It never names the new
 * address (a corrected typo means the old one may belong to a stranger) and holds no link.
 */
export function emailChangedEmail({
  schoolName,
  name,
}: {
  schoolName: string
  name: string
}): Promise<RenderedEmail & { subject: string }> {
  const subject = 'Je e-mailadres voor Schoolpost is gewijzigd'
  return renderEmail(
    <EmailLayout
      schoolName={schoolName}
      preview={subject}
      heading={subject}
      paragraphs={[
        `Hallo ${name}, ${schoolName} heeft het e-mailadres gewijzigd waarmee je inlogt bij Schoolpost. Vanaf nu komt e-mail over je account op het nieuwe adres binnen, niet meer op dit adres.`,
        'Heb je hier niet om gevraagd? Neem dan zo snel mogelijk contact op met de school.',
      ]}
      footnote={`Deze e-mail is verstuurd door ${schoolName} via Schoolpost.`}
    />,
  ).then((r) => ({ ...r, subject }))
}
